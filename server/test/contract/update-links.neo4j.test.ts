/** Update links, proposals and consent records on Neo4j. */
import { describeUpdateLinkContract } from './update-links.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: update links', (config) => describeUpdateLinkContract('neo4j', neo4jHarness(config)));
