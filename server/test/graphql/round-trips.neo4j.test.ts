/** Store calls per GraphQL request on Neo4j. */
import { describeRoundTrips } from './round-trips.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('store calls per request on neo4j', (config) => describeRoundTrips('neo4j', neo4jHarness(config)));
