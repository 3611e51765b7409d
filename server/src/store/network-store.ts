/**
 * The NetworkStore port: everything the service needs from a store of the network, and nothing of
 * GraphQL. Two adapters implement it — `neo4j/` (production) and `embedded/` (SQLite, the default) —
 * and one contract suite (server/test/contract) holds them to the same behaviour.
 *
 * Rules every adapter keeps:
 * - Batched reads take a list of keys and answer one entry per key, in the order of the keys
 *   (a key may repeat; a missing record gives `null` or an empty list). One call is one round trip.
 * - Every write is one transaction: it fails as a whole with a DomainError and changes nothing.
 * - Unknown ids in a write: NOT_FOUND (DomainError code), with `field` naming the input field.
 *   Creating an id that exists: CONFLICT. Stale `expectedVersion`: CONFLICT.
 * - Strings are stored as given; `nameKey(name)` (domain/text) is stored beside every name and is what
 *   lists sort by and `nameContains` matches against (`nameKey(query)` is a substring of it).
 * - Orders are those of domain/ordering.ts; cursors are the sort keys of domain/ordering.ts.
 */
import type {
  Actor,
  Collaboration,
  Collaborator,
  Interest,
  Participation,
  ParticipationRole,
  Topic,
  TopicStats,
} from '../domain/model';
import type { Page, PageRequest } from '../domain/paging';
import type {
  ActorFilter,
  ActorPatch,
  ApiKeyRecord,
  CollaborationFilter,
  CollaborationPatch,
  CreateActorInput,
  CreateCollaborationInput,
  CreateTopicInput,
  GraphData,
  GraphSnapshot,
  InterestInput,
  MergeReport,
  NewApiKeyInput,
  StoreCounts,
  SuggestionFeedback,
  SuggestionFeedbackCounts,
  SuggestionFeedbackInput,
  TopicFilter,
  TopicPatch,
} from '../domain/records';
import type { ErasureReport, PersonalData } from '../features/gdpr/gdpr-rules';
import type { ChangeRecord, WriteMeta } from '../features/history/history-rules';
import type { ImportCounts, ImportGraph, ImportOptions } from '../features/transfer/import-rules';
import type * as U from '../features/update-links/update-link-rules';
import type { FeedEvent, FeedHead } from '../features/live/feed-rules';

export type { FeedEvent, FeedHead } from '../features/live/feed-rules';

export type { ChangeRecord, WriteMeta } from '../features/history/history-rules';
export type { ErasureReport, PersonalData } from '../features/gdpr/gdpr-rules';
export type { ImportCounts, ImportGraph, ImportOptions } from '../features/transfer/import-rules';
export type * from '../features/update-links/update-link-rules';
export type * from '../domain/records';

// ---------------------------------------------------------------------------------------------

export interface NetworkStore {
  /** `embedded` or `neo4j`, for health output and test names. */
  readonly name: string;

  /** Creates constraints, indexes and tables; idempotent. Called once before use. */
  init(): Promise<void>;
  /** Releases the driver / database. Idempotent. */
  close(): Promise<void>;
  /** Resolves when the store answers a trivial query (readiness); rejects otherwise. */
  ping(): Promise<void>;
  counts(): Promise<StoreCounts>;

  // --- batched lookups by id ---
  getActors(ids: readonly string[]): Promise<Array<Actor | null>>;
  getTopics(ids: readonly string[]): Promise<Array<Topic | null>>;
  getCollaborations(ids: readonly string[]): Promise<Array<Collaboration | null>>;

  // --- batched relations by key ---
  /** Per actor: its interests, by topic nameKey then topic id. */
  interestsOfActors(actorIds: readonly string[]): Promise<Interest[][]>;
  /** Per topic: the interests in it, by actor nameKey then actor id. */
  interestsInTopics(topicIds: readonly string[]): Promise<Interest[][]>;
  /** Per actor: its participations, newest collaboration first (collaboration order). */
  participationsOfActors(actorIds: readonly string[]): Promise<Participation[][]>;
  /** Per collaboration: its participants, by actor nameKey then actor id. */
  participationsOfCollaborations(collaborationIds: readonly string[]): Promise<Participation[][]>;
  /** Per collaboration: ids of its topics, by topic nameKey then id. */
  topicsOfCollaborations(collaborationIds: readonly string[]): Promise<string[][]>;
  /** Per topic: ids of the collaborations about it, in collaboration order. */
  collaborationsOfTopics(topicIds: readonly string[]): Promise<string[][]>;
  /** Per topic: how many actors are interested in it and how many collaborations are about it. */
  topicStats(topicIds: readonly string[]): Promise<TopicStats[]>;
  /**
   * Per actor: every other actor it shares a collaboration with, with the shared collaborations
   * (collaboration order). Ordered by number shared descending, then partner id ascending.
   */
  collaboratorsOfActors(actorIds: readonly string[]): Promise<Collaborator[][]>;

  // --- paged lists ---
  listActors(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>>;
  listTopics(filter: TopicFilter, page: PageRequest): Promise<Page<Topic>>;
  listCollaborations(filter: CollaborationFilter, page: PageRequest): Promise<Page<Collaboration>>;

  // --- structure for the projection ---
  loadSnapshot(): Promise<GraphSnapshot>;

  // --- writes (each one transaction; each appends its ChangeRecords in that transaction, with the
  // author of `meta`, "system" when absent: see history-rules.ts) ---
  createActor(input: CreateActorInput, meta?: WriteMeta): Promise<Actor>;
  /**
   * Bumps version and updatedAt. `expectedVersion`, when given, must equal the stored version.
   * With `meta.undoes` the change is recorded as an UNDO of that record.
   */
  updateActor(id: string, patch: ActorPatch, expectedVersion?: number | null, meta?: WriteMeta): Promise<Actor>;
  /** Removes the actor, its interests and its participations; never other actors or collaborations. */
  deleteActor(id: string, meta?: WriteMeta): Promise<void>;
  /** Replaces the actor's interests; answers them in interestsOfActors order. */
  setActorInterests(actorId: string, interests: InterestInput[], meta?: WriteMeta): Promise<Interest[]>;

  createTopic(input: CreateTopicInput, meta?: WriteMeta): Promise<Topic>;
  updateTopic(id: string, patch: TopicPatch, meta?: WriteMeta): Promise<Topic>;
  /** Removes the topic and every INTERESTED_IN / ABOUT relationship to it. */
  deleteTopic(id: string, meta?: WriteMeta): Promise<void>;

  createCollaboration(input: CreateCollaborationInput, meta?: WriteMeta): Promise<Collaboration>;
  updateCollaboration(id: string, patch: CollaborationPatch, meta?: WriteMeta): Promise<Collaboration>;
  /** Removes the collaboration with its participations and ABOUT relationships. */
  deleteCollaboration(id: string, meta?: WriteMeta): Promise<void>;
  /** Adds the actor, or changes its role when it already takes part. */
  addParticipant(
    collaborationId: string,
    actorId: string,
    role: ParticipationRole,
    meta?: WriteMeta,
  ): Promise<Participation>;
  /** Answers false when the actor did not take part (nothing changes, nothing is recorded). */
  removeParticipant(collaborationId: string, actorId: string, meta?: WriteMeta): Promise<boolean>;

  /**
   * Folds `mergeIds` into `keepId` in one transaction (rules: merge-actors-rules.ts): participations
   * move (role conflicts keep the stronger role), interests move (the larger weight), the merged
   * actors are deleted; answers the kept actor (version bumped).
   */
  mergeActors(keepId: string, mergeIds: readonly string[], meta?: WriteMeta): Promise<Actor>;

  // --- suggestion feedback (store/embedded/feedback.ts, store/neo4j/feedback.ts) ---
  /**
   * Records one verdict on a suggestion (one transaction; several per pair may exist, the latest
   * counts). Unknown actors: NOT_FOUND (field `actorId` / `suggestedId`); actorId == suggestedId:
   * BAD_USER_INPUT. Deleting either actor deletes its feedback. Not recorded in the history.
   */
  recordSuggestionFeedback(input: SuggestionFeedbackInput): Promise<SuggestionFeedback>;
  /** Per actor: the feedback given on suggestions made to it, newest first. */
  suggestionFeedback(actorIds: readonly string[]): Promise<SuggestionFeedback[][]>;
  /** Every pair whose latest verdict is NOT_USEFUL (loaded by the service at start). */
  dismissedSuggestions(): Promise<Array<{ actorId: string; suggestedId: string }>>;
  /** Verdicts counted per month and pairs by their latest verdict. */
  suggestionFeedbackCounts(): Promise<SuggestionFeedbackCounts>;

  // --- API keys (store/embedded/api-keys.ts, store/neo4j/api-keys.ts) ---
  /**
   * Stores a new key (id generated, createdAt now). Bad name, role or hash: BAD_USER_INPUT naming
   * the field; an active key of the same name or a key with the same hash: CONFLICT.
   */
  createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord>;
  /** Every key, revoked ones too, oldest first (createdAt, then id). */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** The key with this hash, revoked or not; null when there is none. */
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  /** Marks the key revoked (a revoked key keeps its first revokedAt). Unknown id: NOT_FOUND (field `id`). */
  revokeApiKey(id: string): Promise<ApiKeyRecord>;
  /** Sets lastUsedAt; an unknown id changes nothing. */
  touchApiKey(id: string, at: string): Promise<void>;

  // --- personal update links (rules: update-link-rules.ts; store/embedded/update-links.ts,
  // store/neo4j/update-links.ts). Not part of the network: no snapshot, count, history or export. ---
  /** Stores the links in one transaction; an unknown actor: NOT_FOUND (field `actorIds[i]`), nothing stored. */
  createUpdateLinks(inputs: readonly U.NewUpdateLinkInput[]): Promise<U.UpdateLinkRecord[]>;
  /** Links (revoked and expired ones too), oldest first (createdAt, then id). */
  updateLinks(filter: U.UpdateLinkFilter): Promise<U.UpdateLinkRecord[]>;
  /** The link with this token hash; null when there is none. */
  findUpdateLinkByHash(hash: string): Promise<U.UpdateLinkRecord | null>;
  /** Marks the link revoked (keeps its first revokedAt). Unknown id: NOT_FOUND (field `id`). */
  revokeUpdateLink(id: string, at: string): Promise<U.UpdateLinkRecord>;
  /** Sets openedAt when it is not set yet; an unknown id changes nothing. */
  markUpdateLinkOpened(id: string, at: string): Promise<void>;
  /**
   * Stores an answer in one transaction: its proposals (PENDING), the consent given with it, and
   * the link's answeredAt. Unknown link or actor: NOT_FOUND.
   */
  recordUpdateAnswer(input: U.UpdateAnswerInput, at: string): Promise<U.UpdateAnswerRecord>;
  /** Proposals, oldest answer first, in their order within the answer. */
  updateProposals(filter: U.UpdateProposalFilter): Promise<U.UpdateProposal[]>;
  /** Decides a PENDING proposal; unknown id: NOT_FOUND (field `id`); decided already: CONFLICT. */
  decideUpdateProposal(id: string, decision: U.ProposalDecision, at: string): Promise<U.UpdateProposal>;
  /**
   * Marks every active consent of the actor withdrawn and rejects its pending contact proposals, in
   * one transaction; answers the actor's consent records, newest first. Unknown actor: NOT_FOUND.
   */
  withdrawConsent(actorId: string, at: string): Promise<U.ConsentRecord[]>;
  /** Per actor: its consent records, newest first. */
  consents(actorIds: readonly string[]): Promise<U.ConsentRecord[][]>;

  // --- history ---
  /** The ChangeRecords of one entity (any type, also deleted ones), newest first (seq descending). */
  history(entityId: string, page: PageRequest): Promise<Page<ChangeRecord>>;

  // --- the change feed (rules: feed-rules.ts) ---
  /**
   * The feed events with seq > afterSeq, ascending, at most `limit` (capped at MAX_FEED_PAGE). Each
   * write appended them in its own transaction; a reader never misses one that commits late.
   */
  readFeed(afterSeq: number, limit: number): Promise<FeedEvent[]>;
  /** The highest committed seq and up to which seq events may have been pruned. */
  feedHead(): Promise<FeedHead>;
  /** Deletes the feed events written before `before` (ISO-8601; the history stays); answers how many. */
  pruneFeed(before: string): Promise<number>;

  /**
   * Creates whatever of `data` is missing, by id; existing records are left untouched and existing
   * relationships are kept. Running it twice changes nothing the second time. One transaction.
   * References to ids neither in `data` nor in the store: NOT_FOUND.
   */
  mergeGraph(data: GraphData, meta?: WriteMeta): Promise<MergeReport>;

  // --- import, export and GDPR (server/src/features/transfer; rules: import-rules.ts, gdpr-rules.ts) ---
  /**
   * The whole network's content, read in one transaction: every topic (with aliases), actor (with
   * its interests) and collaboration (with its topic ids and participants); no timestamps, no
   * versions. Records are in id order.
   */
  readGraph(): Promise<GraphData>;
  /** Per name: ids of the actors whose nameKey equals nameKey(name), ascending (references by name). */
  actorIdsByName(names: readonly string[]): Promise<string[][]>;
  /** Per title: ids of the collaborations with exactly this title, ascending (references by title). */
  collaborationIdsByTitle(titles: readonly string[]): Promise<string[][]>;
  /**
   * Applies an import document in ONE transaction (rules and history: import-rules.ts): creates and
   * updates records, adds or changes relationships, never deletes; answers created / updated /
   * unchanged per table. With `dryRun` it only answers the counts and writes nothing. Unknown
   * references: NOT_FOUND; a new record without its required fields: BAD_USER_INPUT; a topic slug
   * taken by another topic: CONFLICT — and nothing is written.
   */
  importGraph(doc: ImportGraph, options?: ImportOptions, meta?: WriteMeta): Promise<ImportCounts>;
  /**
   * Everything stored about one actor (right of access), read in one transaction — for a deleted
   * actor (`actor` null) from its history; null when neither the actor nor a record of it exists.
   */
  personalData(actorId: string): Promise<PersonalData | null>;
  /**
   * Erases an actor that is or ever was of kind PERSON — also a deleted one — in ONE transaction
   * (rules: gdpr-rules.ts): deletes it with its interests, participations and suggestion feedback,
   * redacts it and every actor merged into it from the history, records ERASE. Neither actor nor
   * history: NOT_FOUND (field `id`); never a PERSON: BAD_USER_INPUT (use deleteActor).
   */
  eraseActor(actorId: string, meta?: WriteMeta): Promise<ErasureReport>;
}
