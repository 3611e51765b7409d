/** The NetworkStore contract on Neo4j (network-store.test.ts runs it on the embedded store). */
import { describeNetworkStoreContract } from './network-store.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store', (config) => describeNetworkStoreContract('neo4j', neo4jHarness(config)));
