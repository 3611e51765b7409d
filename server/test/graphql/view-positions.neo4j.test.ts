/** GraphQL map positions per view on Neo4j. */
import { describeViewPositions } from './view-positions.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL map positions per view on neo4j', (config) =>
  describeViewPositions('neo4j', neo4jHarness(config)),
);
