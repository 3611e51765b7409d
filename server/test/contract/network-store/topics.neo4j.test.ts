/** The NetworkStore contract on Neo4j: topics and the interests of actors in them. */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeTopicContract } from './topics.suite';

describeNeo4j('neo4j store', (config) => describeTopicContract('neo4j', neo4jHarness(config)));
