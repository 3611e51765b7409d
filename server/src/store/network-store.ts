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
 * - Updates and deletes of single records follow one recipe (features/history/update-rules.ts):
 *   load, plan (required fields, NOT_FOUND with field `id`, CONFLICT on a stale version), write,
 *   append the history.
 *
 * The port is composed of one small interface per concern (port/): an adapter is built the same
 * way, from one part per concern, and the compiler checks that the parts make up the whole port.
 */
import type { ApiKeyStore } from './port/api-keys';
import type { SuggestionFeedbackStore } from './port/feedback';
import type { ChangeFeedStore, HistoryStore } from './port/history';
import type { StoreLifecycle } from './port/lifecycle';
import type { LinkReads, ListReads, RecordReads, SnapshotReads, TouchedReads } from './port/reads';
import type { GdprStore, TransferStore } from './port/transfer';
import type { UpdateLinkStore } from './port/update-links';
import type { ViewPositionStore } from './port/view-positions';
import type { ActorWrites, CollaborationWrites, CreatedCollaboration, TopicWrites } from './port/writes';

export type { FeedEvent, FeedHead } from '../features/live/feed-rules';
export type { ChangeRecord, WriteMeta } from '../features/history/history-rules';
export type { ErasureReport, PersonalData } from '../features/gdpr/gdpr-rules';
export type { ImportCounts, ImportGraph, ImportOptions } from '../features/transfer/import-rules';
export type * from '../features/update-links/update-link-rules';
export type { NodePosition, ViewPositions, ViewPositionsInput } from '../features/positions/positions-rules';
export type * from '../domain/records';
export type {
  ActorWrites,
  ApiKeyStore,
  ChangeFeedStore,
  CollaborationWrites,
  CreatedCollaboration,
  GdprStore,
  HistoryStore,
  LinkReads,
  ListReads,
  RecordReads,
  SnapshotReads,
  StoreLifecycle,
  SuggestionFeedbackStore,
  TopicWrites,
  TouchedReads,
  TransferStore,
  UpdateLinkStore,
  ViewPositionStore,
};

// ---------------------------------------------------------------------------------------------

export interface NetworkStore
  extends
    StoreLifecycle,
    RecordReads,
    LinkReads,
    ListReads,
    SnapshotReads,
    TouchedReads,
    ActorWrites,
    TopicWrites,
    CollaborationWrites,
    HistoryStore,
    ChangeFeedStore,
    TransferStore,
    GdprStore,
    SuggestionFeedbackStore,
    ApiKeyStore,
    UpdateLinkStore,
    ViewPositionStore {}
