/** Edits in one write (collaborations and actors, with versions) on Neo4j. */
import { describeEditContract } from './edit.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: edits in one write', (config) => describeEditContract('neo4j', neo4jHarness(config)));
