/** The NetworkStore contract on Neo4j: lifecycle and counts; creating, reading, updating and deleting actors. */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeActorContract } from './actors.suite';

describeNeo4j('neo4j store', (config) => describeActorContract('neo4j', neo4jHarness(config)));
