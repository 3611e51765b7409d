/** Import, export reads and GDPR on Neo4j. */
import { describeTransferContract } from './transfer.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: import, export reads and GDPR', (config) =>
  describeTransferContract('neo4j', neo4jHarness(config)),
);
