/** Edits that create topics and actors in the same write on Neo4j. */
import { describeEditCreates } from './edit-creates.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL edits that create topics and actors on neo4j', (config) =>
  describeEditCreates('neo4j', neo4jHarness(config)),
);
