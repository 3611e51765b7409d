/** The NetworkStore contract on Neo4j: strings are stored verbatim (quotes, umlauts, emoji, Cypher-ish text). */
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { describeVerbatimStringContract } from './strings.suite';

describeNeo4j('neo4j store', (config) => describeVerbatimStringContract('neo4j', neo4jHarness(config)));
