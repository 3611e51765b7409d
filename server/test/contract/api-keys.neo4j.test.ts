/** API-key records on Neo4j. */
import { describeApiKeyContract } from './api-keys.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: API keys', (config) => describeApiKeyContract('neo4j', neo4jHarness(config)));
