/** Map positions per view on Neo4j. */
import { describeViewPositionsContract } from './view-positions.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: map positions per view', (config) =>
  describeViewPositionsContract('neo4j', neo4jHarness(config)),
);
