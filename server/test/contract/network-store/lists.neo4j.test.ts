/** The NetworkStore contract on Neo4j: the paged lists: order, filters, cursors, totals. */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeListContract } from './lists.suite';

describeNeo4j('neo4j store', (config) => describeListContract('neo4j', neo4jHarness(config)));
