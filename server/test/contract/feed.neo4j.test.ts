/** The change feed on Neo4j. */
import { describeFeedContract } from './feed.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: change feed', (config) => describeFeedContract('neo4j', neo4jHarness(config)));
