/** GraphQL duplicates, merge, history and undo on Neo4j. */
import { describeHistoryApi } from './history.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL duplicates, merge, history and undo on neo4j', (config) =>
  describeHistoryApi('neo4j', neo4jHarness(config)),
);
