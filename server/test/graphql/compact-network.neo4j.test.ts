/** compactNetwork on Neo4j (names through the store's loaders). */
import { describeCompactNetwork } from './compact-network.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('compactNetwork on neo4j', (config) => describeCompactNetwork('neo4j', neo4jHarness(config)));
