/** Import and export reads on Neo4j. */
import { describeTransferImportContract } from './transfer-import.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: import, export reads and GDPR', (config) =>
  describeTransferImportContract('neo4j', neo4jHarness(config)),
);
