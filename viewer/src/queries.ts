/**
 * Every GraphQL document the map page sends (the editing forms' are in edit/queries.ts): plain
 * strings, no imports, nothing run at import — so Node tests import them as they are
 * (server/test/viewer/queries.test.ts validates each against schema/schema.graphql).
 *
 * The answer types the page reads (api.ts and the modules that send these) are written by hand.
 * A cheap check without a code generator: in the Node test, walk each document with graphql-js
 * `visit` + `TypeInfo` to list the fields it selects per object type, and compare that list with
 * the keys of a sample object declared `satisfies` the interface (`{ id: '', name: '' } satisfies
 * TopicRef`) — a field asked for but not typed, or typed but not asked for, then fails. Today the
 * browser tests catch a missing field: the page then draws or says less than they expect.
 */

/** The fields of a collaboration the panel shows, and of an actor in a list. */
const COLLAB = 'id title kind startDate endDate';
const REF = 'id name kind';

// ---------------------------------------------------------------------------------------------
// The map (api.ts)

export const TOPICS = '{ topics(first: 500) { nodes { id name actorCount } } }';

/** The map's network in parallel lists (api.ts fetchNetwork unpacks it): ties as actor indexes, the strongest only with $maxTies. */
export const NETWORK = `query Network($filter: NetworkFilterInput, $maxTies: Int) {
      compactNetwork(filter: $filter, maxTies: $maxTies) { truncated tieCount
        actorIds actorNames actorKinds actorSizes tieSources tieTargets tieWeights
        topicIds topicNames topicSizes interestActors interestTopics } }`;

export const SEARCH =
  'query Search($text: String!) { actors(filter: { nameContains: $text }, first: 12) { nodes { id name kind } } }';

export const ME = 'query Me { me { name role via } }';

/**
 * Collaborations the panel shows at first and adds per "more": the 20 newest — what fits beside
 * the map without a long scroll, the API's default page elsewhere (participantPage), and enough
 * for most actors to need no second page; the busiest have thousands, read a page at a time.
 */
export const PANEL_COLLABORATIONS_PAGE = 20;

/** An actor's panel; `contact` (personal data) is asked for only by editors and admins. */
export function actorQuery(withContact: boolean): string {
  const contact = withContact ? 'contact' : '';
  return `query Actor($id: ID!) { actor(id: $id) {
      id name kind description district website ${contact} collaborationCount
      topics { id name }
      collaborations(first: ${PANEL_COLLABORATIONS_PAGE}) { role collaboration { ${COLLAB} } }
      collaborators(first: 30) { sharedCount actor { id name kind } } } }`;
}

/** The panel's next page of collaborations, after the last one it shows (with the count, which may have changed). */
export const MORE_COLLABORATIONS = `query MoreCollaborations($id: ID!, $after: ID!) { actor(id: $id) { collaborationCount
      collaborations(first: ${PANEL_COLLABORATIONS_PAGE}, after: $after) { role collaboration { ${COLLAB} } } } }`;

export const PATH = `query Path($a: ID!, $b: ID!) { shortestPath(fromActorId: $a, toActorId: $b) {
      length actors { id name kind }
      steps { from { id name kind } to { id name kind } collaboration { ${COLLAB} } } } }`;

export const SUGGEST = `query Suggest($id: ID!, $first: Int, $kinds: [ActorKind!]) { suggestContacts(actorId: $id, first: $first, kinds: $kinds) {
        score explanation actor { id name kind }
        parts { name label value contribution }
        sharedTopics { weight topic { id name } }
        mutualCollaborators { actor { id name kind } withActor { id title } withSuggested { id title } } } }`;

export const CLUSTERS = `query Clusters($filter: ScopeFilterInput) { clusters(filter: $filter, minSize: 2, first: 1000) {
      count unclusteredCount modularity computedAt
      clusters { id size internalTies externalTies
        dominantTopics { count topic { id name } }
        bridgingActors { externalTies otherClusters actor { id name kind } }
        actors { id name kind } } } }`;

export const HAND_OVER = `query HandOver($ids: [ID!]!, $filter: ScopeFilterInput, $first: Int!) {
      resilience(removeActorIds: $ids, filter: $filter, first: $first) {
        actorCount approximate computedAt componentsBefore componentsAfter largestComponentBefore largestComponentAfter disconnectedCount isolatedCount
        removedActors { ${REF} } disconnectedActors { ${REF} } isolatedActors { ${REF} }
        newComponents { size actors { ${REF} } }
        brokers { rank rankBefore betweenness betweennessBefore actor { ${REF} } }
        dependents { dependence partnersLost partnersBefore actor { ${REF} } } } }`;

/** One aliased count per year (`y2023`), in one request: the API has no histogram. */
export function yearsQuery(years: number[]): string {
  const fields = years.map(
    (y) => `y${y}: collaborations(filter: { from: "${y}-01-01", to: "${y}-12-31" }, first: 1) { totalCount }`,
  );
  return `query Years { ${fields.join('\n')} }`;
}

export const PARTICIPANTS =
  'query Participants($id: ID!) { collaboration(id: $id) { participants { role actor { id name kind } } } }';

// ---------------------------------------------------------------------------------------------
// Contact suggestions' feedback (suggestion-view.ts)

export const FEEDBACK = `mutation Feedback($actorId: ID!, $suggestedId: ID!, $verdict: SuggestionVerdict!) {
      giveSuggestionFeedback(actorId: $actorId, suggestedId: $suggestedId, verdict: $verdict) { verdict } }`;

// ---------------------------------------------------------------------------------------------
// Tables from a spreadsheet (spreadsheet.ts)

export const IMPORT = `mutation Import($format: ImportFormat!, $files: [ImportFileInput!]!, $dryRun: Boolean!) {
  importNetwork(format: $format, files: $files, dryRun: $dryRun) {
    applied dryRun rejectedTotal warnings
    counts { table created updated unchanged }
    rejected { file row field reason } } }`;

// ---------------------------------------------------------------------------------------------
// Answers from the update page, reviewed by editors (review.ts)

export const PENDING =
  'query Pending { updateProposals(status: PENDING) { id answerId kind field value createdAt actor { id name } } }';

export const ACCEPT =
  'mutation Accept($input: AcceptUpdateProposalInput!) { acceptUpdateProposal(input: $input) { id } }';

export const REJECT = 'mutation Reject($id: ID!) { rejectUpdateProposal(id: $id) { id } }';

export const REJECT_ALL = 'mutation RejectAll($id: ID!) { decideUpdateAnswer(answerId: $id, accept: false) { id } }';

// ---------------------------------------------------------------------------------------------
// The map following every write (live.ts, over WebSocket)

export const NETWORK_CHANGED =
  'subscription ($after: String) { networkChanged(after: $after) { cursor entityType entityId operation } }';

// ---------------------------------------------------------------------------------------------
// Map positions kept on the server per view scope (positions.ts)

export const VIEW_POSITIONS =
  'query ViewPositions($scope: String!) { viewPositions(scope: $scope) { positions { id x y } version } }';

export const SAVE_VIEW_POSITIONS = `mutation SaveViewPositions($scope: String!, $positions: [NodePositionInput!]!, $expectedVersion: Int) {
  saveViewPositions(scope: $scope, positions: $positions, expectedVersion: $expectedVersion) { version } }`;
