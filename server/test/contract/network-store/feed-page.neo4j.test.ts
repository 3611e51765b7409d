/** The NetworkStore contract on Neo4j: readFeedPage (one step of following the feed). */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeFeedPageContract } from './feed-page.suite';

describeNeo4j('neo4j store', (config) => describeFeedPageContract('neo4j', neo4jHarness(config)));
