/** GraphQL network insight on Neo4j: hand-over, clusters, change over time. */
import { describeInsightStructure } from './insight-structure.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL network insight on neo4j', (config) => describeInsightStructure('neo4j', neo4jHarness(config)));
