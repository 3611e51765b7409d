/** GraphQL mutations on Neo4j. */
import { describeMutations } from './mutations.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('GraphQL mutations on neo4j', (config) => describeMutations('neo4j', neo4jHarness(config)));
