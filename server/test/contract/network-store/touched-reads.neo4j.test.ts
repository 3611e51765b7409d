/** The NetworkStore contract on Neo4j: readTouched (what the feed follower re-reads). */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeTouchedReadContract } from './touched-reads.suite';

describeNeo4j('neo4j store', (config) => describeTouchedReadContract('neo4j', neo4jHarness(config)));
