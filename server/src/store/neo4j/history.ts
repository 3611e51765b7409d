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
import { authorOf, changeRecord, seqBefore, type ChangeDraft, type ChangeRecord, type WriteMeta } from '../history-rules';
import { numberField, toPlain } from './records';

/** Appends `$records` ({entityType, entityId, operation, changes, undoes}) numbered from the counter. */
export const APPEND_CHANGES = `
MERGE (s:ChangeSequence {id: 'changes'})
ON CREATE SET s.value = 0
SET s.value = s.value + size($records)
WITH s.value - size($records) AS base
UNWIND range(0, size($records) - 1) AS i
CREATE (c:Change)
SET c = $records[i], c.seq = base + i + 1, c.at = $at, c.author = $author`;

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

export async function appendChanges(
  tx: ManagedTransaction,
  meta: WriteMeta | undefined,
  drafts: readonly ChangeDraft[],
  at = new Date().toISOString(),
): Promise<void> {
  if (drafts.length === 0) return;
  const records = drafts.map((d) => ({
    entityType: d.entityType,
    entityId: d.entityId,
    operation: d.operation,
    changes: JSON.stringify(d.changes),
    undoes: d.undoes != null ? neo4j.int(d.undoes) : null,
  }));
  await tx.run(APPEND_CHANGES, { records, at, author: authorOf(meta) });
}

export async function roleOf(tx: ManagedTransaction, collaborationId: string, actorId: string): Promise<string | null> {
  const result = await tx.run(ROLE_OF, { collaborationId, actorId });
  return result.records.length > 0 ? String(result.records[0].get('role')) : null;
}

export async function readHistory(tx: ManagedTransaction, entityId: string, page: PageRequest): Promise<Page<ChangeRecord>> {
  const before = seqBefore(page.after);
  const rows = await tx.run(HISTORY_PAGE, {
    entityId,
    before: before != null ? neo4j.int(before) : null,
    limit: neo4j.int(page.first + 1),
  });
  const counted = await tx.run(HISTORY_COUNT, { entityId });
  const items = rows.records.slice(0, page.first).map((r) => {
    const c = toPlain(r.get('change')) as { [key: string]: unknown };
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
  });
  return { items, totalCount: numberField(counted.records[0], 'total'), hasNextPage: rows.records.length > page.first };
}
