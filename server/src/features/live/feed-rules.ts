/**
 * The change feed: every write's history records (history-rules.ts), as an ordered stream that other
 * processes follow (server projections of replicas, subscriptions, `npm run import` seen by a running
 * server). Each store appends one FeedEvent per ChangeRecord IN THE SAME TRANSACTION as the write,
 * with the record's `seq` — the store-wide history sequence, strictly increasing in commit order:
 * - embedded: `change_record.seq` is an INTEGER PRIMARY KEY AUTOINCREMENT and SQLite has one writer
 *   at a time, so a reader never sees seq n+1 before seq n;
 * - Neo4j: the seq is taken from one `(:ChangeSequence)` node with `SET s.value = s.value + n`; the
 *   write lock that SET takes is held until commit, so the next writer gets its numbers only after the
 *   previous one committed — commit order is seq order and a reader reading "everything after seq m"
 *   can never skip an event that commits late. (A rolled-back write leaves a gap, never a late event.)
 *
 * An event carries no field values (contacts, names), only what changed: entity kind, id, operation,
 * the names of the changed fields, the author and time. Events are kept FEED_RETENTION_HOURS and then
 * pruned (the history itself stays); `prunedThrough` says up to which seq events may be missing, so a
 * reader that is further behind rebuilds from the store instead.
 */
import type { TouchedIds, TouchedState } from '../../domain/records';
import type { ChangeDraft, ChangeEntityType, ChangeOperation, FieldChange } from '../history/history-rules';

export interface FeedEvent {
  seq: number;
  /** ISO-8601 timestamp of the write. */
  at: string;
  /** As the history records it: `key:<name>`, `jwt:<sub>`, "system". */
  author: string;
  entityType: ChangeEntityType;
  entityId: string;
  operation: ChangeOperation;
  /** Names of the changed fields (e.g. `name`, `participant:<actorId>`), never their values. */
  fields: string[];
}

export interface FeedHead {
  /** The highest seq committed (0: none yet). */
  head: number;
  /** Events with seq <= prunedThrough may have been pruned (0: none pruned). */
  prunedThrough: number;
}

/**
 * One step of following the feed (store port: readFeedPage): the events after a seq, the head read
 * AFTER them (so a gap below the first event can be told from a pruned stretch), and the entities
 * the events touch as the store holds them, read after the events.
 */
export interface FeedPage {
  events: FeedEvent[];
  head: FeedHead;
  /** touchedIds(events). */
  ids: TouchedIds;
  /** What readTouched(ids) answers: one entry per id, in their order. */
  touched: TouchedState;
}

/** The field name prefixes that name the other end of a participation (history-rules.ts). */
export const PARTICIPANT_FIELD = 'participant:';
export const PARTICIPATION_FIELD = 'participation:';

/**
 * The ids some events touched, each once, in order of first mention: the entity of every event,
 * plus the actors named by `participant:<id>` fields and the collaborations named by
 * `participation:<id>` fields (the other end of a participation that changed).
 */
export function touchedIds(events: readonly FeedEvent[]): TouchedIds {
  const actorIds = new Set<string>();
  const collaborationIds = new Set<string>();
  const topicIds = new Set<string>();
  for (const e of events) {
    if (e.entityType === 'Actor') actorIds.add(e.entityId);
    else if (e.entityType === 'Collaboration') collaborationIds.add(e.entityId);
    else if (e.entityType === 'Topic') topicIds.add(e.entityId);
    for (const field of e.fields) {
      if (field.startsWith(PARTICIPANT_FIELD)) actorIds.add(field.slice(PARTICIPANT_FIELD.length));
      else if (field.startsWith(PARTICIPATION_FIELD)) collaborationIds.add(field.slice(PARTICIPATION_FIELD.length));
    }
  }
  return { actorIds: [...actorIds], collaborationIds: [...collaborationIds], topicIds: [...topicIds] };
}

/** Most events one readFeed call answers. */
export const MAX_FEED_PAGE = 1000;

export function feedFields(changes: readonly FieldChange[]): string[] {
  return changes.map((c) => c.field);
}

export function feedFieldsOf(draft: Pick<ChangeDraft, 'changes'>): string {
  return JSON.stringify(feedFields(draft.changes));
}

/** A limit within (0, MAX_FEED_PAGE]; an `afterSeq` that is a non-negative safe integer. */
export function feedBounds(afterSeq: number, limit: number): { after: number; limit: number } {
  const after = Number.isSafeInteger(afterSeq) && afterSeq > 0 ? afterSeq : 0;
  const n = Number.isSafeInteger(limit) ? Math.min(Math.max(limit, 1), MAX_FEED_PAGE) : MAX_FEED_PAGE;
  return { after, limit: n };
}

export function feedEvent(parts: {
  seq: number;
  at: string;
  author: string;
  entityType: string;
  entityId: string;
  operation: string;
  fields: string;
}): FeedEvent {
  return {
    seq: parts.seq,
    at: parts.at,
    author: parts.author,
    entityType: parts.entityType as ChangeEntityType,
    entityId: parts.entityId,
    operation: parts.operation as ChangeOperation,
    fields: JSON.parse(parts.fields) as string[],
  };
}
