/** GraphQL Actor.collaborations(first, after) on Neo4j. */
import { describeCollaborationPages } from './collaboration-pages.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL collaboration pages on neo4j', (config) =>
  describeCollaborationPages('neo4j', neo4jHarness(config)),
);
