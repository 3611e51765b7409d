/** Suggestion feedback on Neo4j. */
import { describeFeedbackContract } from './feedback.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: suggestion feedback', (config) => describeFeedbackContract('neo4j', neo4jHarness(config)));
