/** GraphQL suggestion feedback on Neo4j. */
import { describeFeedback } from './feedback.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL suggestion feedback on neo4j', (config) => describeFeedback('neo4j', neo4jHarness(config)));
