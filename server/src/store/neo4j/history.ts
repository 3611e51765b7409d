/**
 * The history of the Neo4j store: `(:Change {seq, at, author, entityType, entityId, operation,
 * changes, undoes})` nodes, appended inside the write's own transaction; `seq` comes from one
 * `(:ChangeSequence {id: 'changes'})` counter node, so it is strictly increasing in commit order
 * (writers of the counter queue on its lock). `changes` is JSON text (before/after values of any
 * shape). See store/history-rules.ts for what is recorded. Statements are parameterised constants.
 */
import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Page, PageRequest } from '../../domain/paging';
import { historyNeedles, mentionsActor, sortHistory } from '../../features/gdpr/gdpr-rules';
import {
  authorOf,
  changeRecord,
  seqBefore,
  type ChangeDraft,
  type ChangeRecord,
  type FieldChange,
  type WriteMeta,
} from '../../features/history/history-rules';
import { feedFieldsOf } from '../../features/live/feed-rules';
import { rewriteFeedEvents } from './feed';
import { numberField, toPlain } from './records';

/** Appends `$records` ({entityType, entityId, operation, changes, undoes}) numbered from the counter. */
export const APPEND_CHANGES = `
MERGE (s:ChangeSequence {id: 'changes'})
ON CREATE SET s.value = 0
SET s.value = s.value + size($records)
WITH s.value - size($records) AS base
UNWIND range(0, size($records) - 1) AS i
CREATE (c:Change)
SET c = $records[i], c.seq = base + i + 1, c.at = $at, c.author = $author
CREATE (e:FeedEvent {seq: base + i + 1, at: $at, author: $author, entityType: $records[i].entityType,
  entityId: $records[i].entityId, operation: $records[i].operation, fields: $fields[i]})`;

/** One page of an entity's changes, newest first (`$before` null: the first page). */
export const HISTORY_PAGE = `
MATCH (c:Change)
WHERE c.entityId = $entityId AND ($before IS NULL OR c.seq < $before)
RETURN properties(c) AS change
ORDER BY c.seq DESC
LIMIT $limit`;

/** How many changes an entity has. */
export const HISTORY_COUNT = `
MATCH (c:Change {entityId: $entityId})
RETURN count(c) AS total`;

/** The role of one participation, if any. */
export const ROLE_OF = `
MATCH (:Actor {id: $actorId})-[r:PARTICIPATED_IN]->(:Collaboration {id: $collaborationId})
RETURN r.role AS role`;

/** Schema of the history (added to schema.ts). */
export const HISTORY_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE',
  'CREATE CONSTRAINT change_sequence_id IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.id IS UNIQUE',
  'CREATE RANGE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId)',
];

/** The parameters of APPEND_CHANGES (and of statements that append as it does): records, fields, at, author. */
export function changeParameters(meta: WriteMeta | undefined, drafts: readonly ChangeDraft[], at: string) {
  const records = drafts.map((d) => ({
    entityType: d.entityType,
    entityId: d.entityId,
    operation: d.operation,
    changes: JSON.stringify(d.changes),
    undoes: d.undoes != null ? neo4j.int(d.undoes) : null,
  }));
  // The change feed (feed.ts): one FeedEvent per Change, same transaction, same seq.
  return { records, fields: drafts.map(feedFieldsOf), at, author: authorOf(meta) };
}

export async function appendChanges(
  tx: ManagedTransaction,
  meta: WriteMeta | undefined,
  drafts: readonly ChangeDraft[],
  at = new Date().toISOString(),
): Promise<void> {
  if (drafts.length === 0) return;
  await tx.run(APPEND_CHANGES, changeParameters(meta, drafts, at));
}

export async function roleOf(tx: ManagedTransaction, collaborationId: string, actorId: string): Promise<string | null> {
  const result = await tx.run(ROLE_OF, { collaborationId, actorId });
  return result.records.length > 0 ? String(result.records[0].get('role')) : null;
}

export async function readHistory(
  tx: ManagedTransaction,
  entityId: string,
  page: PageRequest,
): Promise<Page<ChangeRecord>> {
  const before = seqBefore(page.after);
  const rows = await tx.run(HISTORY_PAGE, {
    entityId,
    before: before != null ? neo4j.int(before) : null,
    limit: neo4j.int(page.first + 1),
  });
  const counted = await tx.run(HISTORY_COUNT, { entityId });
  const items = rows.records.slice(0, page.first).map((r) => toChangeRecord(r.get('change')));
  return { items, totalCount: numberField(counted.records[0], 'total'), hasNextPage: rows.records.length > page.first };
}

/** `properties(c)` of a Change → ChangeRecord. */
function toChangeRecord(value: unknown): ChangeRecord {
  const c = toPlain(value) as { [key: string]: unknown };
  return changeRecord({
    seq: c.seq as number,
    at: String(c.at),
    author: String(c.author),
    entityType: String(c.entityType),
    entityId: String(c.entityId),
    operation: String(c.operation),
    changes: String(c.changes),
    undoes: (c.undoes as number | null) ?? null,
  });
}

/** Changes of the actor `$actorId` or whose changes text contains one of the needles (gdpr-rules.ts). */
export const HISTORY_ABOUT = `
MATCH (c:Change)
WHERE c.entityId = $actorId OR c.changes CONTAINS $value OR c.changes CONTAINS $fieldEnd
RETURN properties(c) AS change
ORDER BY c.seq DESC`;

/** Rewrites changes `$rows` ({seq, entityId, changes}) — GDPR redaction. */
export const REWRITE_CHANGES = `
UNWIND $rows AS r
MATCH (c:Change {seq: r.seq})
SET c.entityId = r.entityId, c.changes = r.changes`;

/** Every record about the actors or naming one of them (gdpr-rules.ts), newest first. */
export async function historyAbout(
  tx: ManagedTransaction,
  actorIds: string | readonly string[],
): Promise<ChangeRecord[]> {
  const ids = typeof actorIds === 'string' ? [actorIds] : actorIds;
  const records: ChangeRecord[] = [];
  for (const actorId of ids) {
    const [value, fieldEnd] = historyNeedles(actorId);
    const result = await tx.run(HISTORY_ABOUT, { actorId, value, fieldEnd });
    records.push(...result.records.map((r) => toChangeRecord(r.get('change'))));
  }
  const erased = new Set(ids);
  return sortHistory(records).filter((r) => mentionsActor(r, erased));
}

/** The records of one entity (entityId = $entityId), newest first. */
export const OWN_RECORDS = `
MATCH (c:Change {entityId: $entityId})
RETURN properties(c) AS change
ORDER BY c.seq DESC`;

export async function ownRecords(tx: ManagedTransaction, entityId: string): Promise<ChangeRecord[]> {
  return (await tx.run(OWN_RECORDS, { entityId })).records.map((r) => toChangeRecord(r.get('change')));
}

/** Rewrites records' entity and changes (GDPR redaction). */
export async function rewriteRecords(
  tx: ManagedTransaction,
  rows: ReadonlyArray<{ seq: number; entityId: string; changes: readonly FieldChange[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(REWRITE_CHANGES, {
    rows: rows.map((r) => ({ seq: neo4j.int(r.seq), entityId: r.entityId, changes: JSON.stringify(r.changes) })),
  });
  await rewriteFeedEvents(tx, rows);
}
