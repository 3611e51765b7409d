/** GraphQL network insight on Neo4j. */
import { describeInsight } from './insight.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL network insight on neo4j', (config) => describeInsight('neo4j', neo4jHarness(config)));
