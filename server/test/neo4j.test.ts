/**
 * The ONE test file that touches Neo4j. Neo4j Community has a single database, so every suite that
 * writes to it is declared here and runs serially, in this file's order (Jest runs the tests of one
 * file one after another; each harness empties the database before every test).
 *
 * Without NEO4J_URI the suites are skipped (locally) or fail (CI=true); see describeNeo4j.
 *   npm run neo4j:start && NEO4J_URI=bolt://127.0.0.1:7687 npx jest server/test/neo4j.test.ts
 *
 * To add a suite: export `function xyzSuite(config: Neo4jTestConfig): void` (it declares describe /
 * test blocks, e.g. with `neo4jHarness(config)` for a store) from a module named `*.neo4j-suite.ts`
 * — not `*.test.ts`, so Jest never runs it on its own in parallel — import it below and add one
 * `describeNeo4j('xyz', (config) => xyzSuite(config));` line.
 */
import { describePlanChecks } from '../src/store/neo4j/plans.neo4j-suite';
import { describeNetworkStoreContract } from './contract/network-store.contract';
import { describeHistoryAndMergeContract } from './contract/history-merge.contract';
import { describeFeedbackContract } from './contract/feedback.contract';
import { describeApiKeyContract } from './contract/api-keys.contract';
import { describeTransferContract } from './contract/transfer.contract';
import { describeUpdateLinkContract } from './contract/update-links.contract';
import { describeFeedContract } from './contract/feed.contract';
import { describeUpdateRecipeContract } from './contract/update-recipe.contract';
import { describeEditContract } from './contract/edit.contract';
import { describeFeedback } from './graphql/feedback.suite';
import { describeHistoryApi } from './graphql/history.suite';
import { insightParitySuite } from './graphql/insight-parity.neo4j-suite';
import { describeInsight } from './graphql/insight.suite';
import { describeMutations } from './graphql/mutations.suite';
import { paritySuite } from './graphql/parity.neo4j-suite';
import { describeQueries } from './graphql/queries.suite';
import { describeRecording } from './graphql/recording.suite';
import { describeRoundTrips } from './graphql/round-trips.suite';
import { suggestionParitySuite } from './graphql/suggestions-parity.neo4j-suite';
import { describeSuggestions } from './graphql/suggestions.suite';
import { describeTransferApi } from './graphql/transfer.suite';
import { neo4jOutageSuite } from './http/neo4j-outage.neo4j-suite';
import { replicasSuite } from './live/replicas.neo4j-suite';
import { describeNeo4j, neo4jHarness } from './support/stores';

describeNeo4j('neo4j store', (config) => describeNetworkStoreContract('neo4j', neo4jHarness(config)));
describeNeo4j('neo4j store: mergeActors and history', (config) =>
  describeHistoryAndMergeContract('neo4j', neo4jHarness(config)),
);
describeNeo4j('neo4j store: change feed', (config) => describeFeedContract('neo4j', neo4jHarness(config)));
describeNeo4j('neo4j store: the update recipe', (config) =>
  describeUpdateRecipeContract('neo4j', neo4jHarness(config)),
);
describeNeo4j('neo4j store: edits in one write', (config) => describeEditContract('neo4j', neo4jHarness(config)));
describeNeo4j('neo4j query plans', (config) => describePlanChecks(config));
describeNeo4j('GraphQL queries on neo4j', (config) => describeQueries('neo4j', neo4jHarness(config)));
describeNeo4j('GraphQL mutations on neo4j', (config) => describeMutations('neo4j', neo4jHarness(config)));
describeNeo4j('store calls per request on neo4j', (config) => describeRoundTrips('neo4j', neo4jHarness(config)));
describeNeo4j('GraphQL parity of the stores', (config) => paritySuite(config));
describeNeo4j('GraphQL network insight on neo4j', (config) => describeInsight('neo4j', neo4jHarness(config)));
describeNeo4j('network insight parity of the stores', (config) => insightParitySuite(config));
describeNeo4j('GraphQL duplicates, merge, history and undo on neo4j', (config) =>
  describeHistoryApi('neo4j', neo4jHarness(config)),
);
describeNeo4j('contact suggestions on neo4j', (config) => describeSuggestions('neo4j', neo4jHarness(config)));
describeNeo4j('contact suggestion parity of the stores', (config) => suggestionParitySuite(config));
describeNeo4j('neo4j store: suggestion feedback', (config) => describeFeedbackContract('neo4j', neo4jHarness(config)));
describeNeo4j('GraphQL suggestion feedback on neo4j', (config) => describeFeedback('neo4j', neo4jHarness(config)));
describeNeo4j('neo4j store: API keys', (config) => describeApiKeyContract('neo4j', neo4jHarness(config)));
describeNeo4j('neo4j store: update links', (config) => describeUpdateLinkContract('neo4j', neo4jHarness(config)));
describeNeo4j('neo4j store: import, export reads and GDPR', (config) =>
  describeTransferContract('neo4j', neo4jHarness(config)),
);
describeNeo4j('GraphQL import, export and GDPR on neo4j', (config) =>
  describeTransferApi('neo4j', neo4jHarness(config)),
);
describeNeo4j('neo4j outage: dropped connections, recovery without restart', (config) => neo4jOutageSuite(config));
describeNeo4j('GraphQL recording in one write on neo4j', (config) => describeRecording('neo4j', neo4jHarness(config)));
describeNeo4j('two server replicas on one Neo4j follow each other through the change feed', (config) =>
  replicasSuite(config),
);
