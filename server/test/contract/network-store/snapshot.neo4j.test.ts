/** The NetworkStore contract on Neo4j: loadSnapshot (the structure the projection is built from) and mergeGraph. */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeSnapshotContract } from './snapshot.suite';

describeNeo4j('neo4j store', (config) => describeSnapshotContract('neo4j', neo4jHarness(config)));
