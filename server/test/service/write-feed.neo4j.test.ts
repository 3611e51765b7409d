/** The write's feed on Neo4j (read in the write). */
import { describeNeo4j, neo4jHarness } from '../support/stores';
import { describeWriteFeed } from './write-feed.suite';

describeNeo4j('neo4j: the write hands back its feed page', (config) =>
  describeWriteFeed('neo4j', neo4jHarness(config)),
);
