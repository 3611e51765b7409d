/** GraphQL network insight on Neo4j: brokers and reach. */
import { describeInsightBrokers } from './insight-brokers.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL network insight on neo4j', (config) => describeInsightBrokers('neo4j', neo4jHarness(config)));
