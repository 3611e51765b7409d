/** mergeActors and the history on Neo4j. */
import { describeHistoryAndMergeContract } from './history-merge.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: mergeActors and history', (config) =>
  describeHistoryAndMergeContract('neo4j', neo4jHarness(config)),
);
