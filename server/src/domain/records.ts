/**
 * The records and inputs the store port takes and gives (filters, inputs, patches, bulk data,
 * feedback, API keys): plain data, shared by the port, the rules and the service. The port itself
 * (server/src/store/network-store.ts) re-exports them.
 */
import type { ActorKind, CollaborationKind, IsoDate, ParticipationRole } from './model';
import type { Role } from './roles';

// ---------------------------------------------------------------------------------------------
// Filters

export interface ActorFilter {
  /** Substring of the name, matched case- and accent-insensitively (via nameKey). */
  nameContains?: string | null;
  /** Any of these kinds. */
  kinds?: ActorKind[] | null;
  /** Actors interested in any of these topics. */
  topicIds?: string[] | null;
}

export interface TopicFilter {
  nameContains?: string | null;
}

export interface CollaborationFilter {
  kinds?: CollaborationKind[] | null;
  /** Collaborations about any of these topics. */
  topicIds?: string[] | null;
  /**
   * Date range: a collaboration matches when it overlaps [from, to], i.e.
   * startDate <= to AND coalesce(endDate, startDate) >= from. Without a startDate it never matches
   * a date filter. Either bound may be absent.
   */
  from?: IsoDate | null;
  to?: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------
// Write inputs (already validated for shape and lengths by the caller)

export interface ActorFields {
  name: string;
  kind: ActorKind;
  description?: string | null;
  district?: string | null;
  website?: string | null;
  contact?: string | null;
}
export interface CreateActorInput extends ActorFields {
  /** Chosen by the caller (seed, import) or generated (crypto.randomUUID) when absent. */
  id?: string | null;
}
/** Fields absent (undefined) stay as they are; `null` clears an optional field. */
export type ActorPatch = Partial<ActorFields>;

export interface CreateTopicInput {
  /** Defaults to the slug of the name. */
  id?: string | null;
  name: string;
  aliases?: string[] | null;
}
export interface TopicPatch {
  /** A new name changes the slug too; the id stays. */
  name?: string;
  aliases?: string[];
}

export interface CollaborationFields {
  title: string;
  kind: CollaborationKind;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  location?: string | null;
  description?: string | null;
}
export interface ParticipantInput {
  actorId: string;
  role: ParticipationRole;
}
export interface CreateCollaborationInput extends CollaborationFields {
  id?: string | null;
  /** `(Collaboration)-[:ABOUT]->(Topic)`; unknown ids: NOT_FOUND (field `topicIds`). */
  topicIds?: string[] | null;
  /** Unknown actors: NOT_FOUND (field `participants`). An actor listed twice: BAD_USER_INPUT. */
  participants?: ParticipantInput[] | null;
}
export interface CollaborationPatch extends Partial<CollaborationFields> {
  /** When given, replaces the collaboration's topics. */
  topicIds?: string[];
}

export interface InterestInput {
  topicId: string;
  /** In (0, 1]; 1 when absent. */
  weight?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Bulk data: the whole network in one nested document (seed, later import/export)

export interface GraphData {
  topics: CreateTopicInput[];
  actors: Array<CreateActorInput & { id: string; interests?: InterestInput[] }>;
  collaborations: Array<CreateCollaborationInput & { id: string }>;
}

export interface MergeReport {
  actorsCreated: number;
  topicsCreated: number;
  collaborationsCreated: number;
  interestsCreated: number;
  participationsCreated: number;
  aboutCreated: number;
}

export interface StoreCounts {
  actors: number;
  topics: number;
  collaborations: number;
  participations: number;
  interests: number;
}

// ---------------------------------------------------------------------------------------------
// The structure of the network, for the in-memory projection (src/graph)

export interface GraphSnapshot {
  actors: Array<{ id: string; kind: ActorKind }>;
  collaborations: Array<{ id: string; kind: CollaborationKind; startDate: IsoDate | null; endDate: IsoDate | null }>;
  participations: Array<{ actorId: string; collaborationId: string }>;
  interests: Array<{ actorId: string; topicId: string }>;
  about: Array<{ collaborationId: string; topicId: string }>;
  topics: Array<{ id: string }>;
}

/** The ids a batch of change-feed events touched: what `readTouched` reads back for the projection. */
export interface TouchedIds {
  actorIds: readonly string[];
  collaborationIds: readonly string[];
  topicIds: readonly string[];
}

/**
 * The touched entities as the store holds them now, with what the projection keeps of them: one
 * entry per requested id, in the order of the ids (`null`: no such record); id lists ascending.
 */
export interface TouchedState {
  actors: Array<{ id: string; kind: ActorKind; topicIds: string[]; collaborationIds: string[] } | null>;
  collaborations: Array<{
    id: string;
    kind: CollaborationKind;
    startDate: IsoDate | null;
    endDate: IsoDate | null;
    topicIds: string[];
    actorIds: string[];
  } | null>;
  topics: Array<{ id: string } | null>;
}

// ---------------------------------------------------------------------------------------------
// Feedback on contact suggestions

/** INTRODUCED: the quarter manager introduced them; NOT_USEFUL: dismissed, not suggested again. */
export type SuggestionVerdict = 'INTRODUCED' | 'NOT_USEFUL';

export interface SuggestionFeedbackInput {
  /** The actor the suggestion was made for. */
  actorId: string;
  /** The actor suggested to it. */
  suggestedId: string;
  verdict: SuggestionVerdict;
  note?: string | null;
  /** "system" when absent. */
  author?: string | null;
}

/** How the feedback adds up (for the evaluation of suggestions). */
export interface SuggestionFeedbackCounts {
  /** Verdicts recorded per calendar month of `at` (YYYY-MM, UTC) and verdict, oldest month first. */
  byMonth: Array<{ month: string; verdict: SuggestionVerdict; count: number }>;
  /** Pairs (actor → suggested) by their latest verdict. */
  latest: Array<{ verdict: SuggestionVerdict; count: number }>;
}

export interface SuggestionFeedback {
  actorId: string;
  suggestedId: string;
  verdict: SuggestionVerdict;
  note: string | null;
  author: string;
  /** ISO-8601 timestamp of the write. */
  at: string;
}

// ---------------------------------------------------------------------------------------------
// API keys (rules: api-key-rules.ts). Not part of the network: no snapshot, count, history or
// export ever includes them.

export interface ApiKeyRecord {
  id: string;
  /** Who holds it, unique among the active keys; the history records writes as `key:<name>`. */
  name: string;
  role: Role;
  /** ISO-8601 timestamps. */
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiKeyInput {
  name: string;
  role: Role;
  /** SHA-256 of the key, hex (auth/api-keys.ts); the plain key never reaches the store. */
  hash: string;
}
