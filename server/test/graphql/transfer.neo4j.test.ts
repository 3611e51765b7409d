/** GraphQL import, export and GDPR on Neo4j. */
import { describeTransferApi } from './transfer.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL import, export and GDPR on neo4j', (config) =>
  describeTransferApi('neo4j', neo4jHarness(config)),
);
