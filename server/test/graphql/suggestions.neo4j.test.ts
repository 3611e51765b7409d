/** Contact suggestions on Neo4j. */
import { describeSuggestions } from './suggestions.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('contact suggestions on neo4j', (config) => describeSuggestions('neo4j', neo4jHarness(config)));
