/** GraphQL import and export on Neo4j. */
import { describeTransferFilesApi } from './transfer-files.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL import, export and GDPR on neo4j', (config) =>
  describeTransferFilesApi('neo4j', neo4jHarness(config)),
);
