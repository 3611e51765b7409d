/** GraphQL participantCount / participantPage on Neo4j. */
import { describeParticipants } from './participants.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL participants on neo4j', (config) => describeParticipants('neo4j', neo4jHarness(config)));
