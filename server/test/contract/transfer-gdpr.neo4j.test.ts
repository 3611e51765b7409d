/** GDPR on Neo4j. */
import { describeTransferGdprContract } from './transfer-gdpr.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: import, export reads and GDPR', (config) =>
  describeTransferGdprContract('neo4j', neo4jHarness(config)),
);
