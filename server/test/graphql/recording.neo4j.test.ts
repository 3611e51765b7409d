/** GraphQL recording in one write on Neo4j. */
import { describeRecording } from './recording.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL recording in one write on neo4j', (config) => describeRecording('neo4j', neo4jHarness(config)));
