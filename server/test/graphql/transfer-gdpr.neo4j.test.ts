/** GraphQL GDPR on Neo4j. */
import { describeTransferGdprApi } from './transfer-gdpr.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL import, export and GDPR on neo4j', (config) =>
  describeTransferGdprApi('neo4j', neo4jHarness(config)),
);
