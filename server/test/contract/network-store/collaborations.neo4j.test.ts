/** The NetworkStore contract on Neo4j: collaborations and their participants. */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeCollaborationContract } from './collaborations.suite';

describeNeo4j('neo4j store', (config) => describeCollaborationContract('neo4j', neo4jHarness(config)));
