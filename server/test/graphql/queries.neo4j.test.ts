/** GraphQL queries on Neo4j. */
import { describeQueries } from './queries.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL queries on neo4j', (config) => describeQueries('neo4j', neo4jHarness(config)));
