/**
 * The NetworkStore contract on Neo4j: the batched relation reads the GraphQL loaders use (one
 * answer per key, in key order).
 */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeRelationReadContract } from './relation-reads.suite';

describeNeo4j('neo4j store', (config) => describeRelationReadContract('neo4j', neo4jHarness(config)));
