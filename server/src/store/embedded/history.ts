/**
 * The history of the embedded store: table `change_record` (migration 2), appended inside the
 * write's own transaction, read newest first. See store/history-rules.ts for what is recorded.
 */
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
import { appendFeedEvent, rewriteFeedEvent } from './feed';
import type { Sql } from './sql';

interface ChangeRow {
  seq: number;
  at: string;
  author: string;
  entity_type: string;
  entity_id: string;
  operation: string;
  changes: string;
  undoes: number | null;
}

/** Appends the drafts in order; call inside the write's transaction. */
export function appendChanges(
  sql: Sql,
  meta: WriteMeta | undefined,
  drafts: readonly ChangeDraft[],
  at = new Date().toISOString(),
): void {
  const author = authorOf(meta);
  for (const d of drafts) {
    sql.run(
      `INSERT INTO change_record (at, author, entity_type, entity_id, operation, changes, undoes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      at,
      author,
      d.entityType,
      d.entityId,
      d.operation,
      JSON.stringify(d.changes),
      d.undoes ?? null,
    );
    // The change feed (feed.ts): same transaction, same seq.
    appendFeedEvent(sql, {
      at,
      author,
      entityType: d.entityType,
      entityId: d.entityId,
      operation: d.operation,
      fields: feedFieldsOf(d),
    });
  }
}

/** The entity's records, newest first. */
export function readHistory(sql: Sql, entityId: string, page: PageRequest): Page<ChangeRecord> {
  const before = seqBefore(page.after);
  const rows = sql.all<ChangeRow>(
    `SELECT * FROM change_record WHERE entity_id = ? AND (? IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?`,
    entityId,
    before,
    before,
    page.first + 1,
  );
  const total = sql.get<{ n: number }>('SELECT count(*) AS n FROM change_record WHERE entity_id = ?', entityId)!.n;
  return { items: rows.slice(0, page.first).map(toRecord), totalCount: total, hasNextPage: rows.length > page.first };
}

function toRecord(r: ChangeRow): ChangeRecord {
  return changeRecord({
    seq: r.seq,
    at: r.at,
    author: r.author,
    entityType: r.entity_type,
    entityId: r.entity_id,
    operation: r.operation,
    changes: r.changes,
    undoes: r.undoes,
  });
}

/** Migration 2 (schema.ts): the change records. */
export const HISTORY_MIGRATION = `
  CREATE TABLE change_record (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    operation   TEXT    NOT NULL,
    changes     TEXT    NOT NULL, -- JSON array of {field, before, after}
    undoes      INTEGER
  );
  CREATE INDEX change_record_by_entity ON change_record (entity_id, seq);
`;

/**
 * Every record about the actors or naming one of them in its changes (gdpr-rules.ts), newest
 * first: a scan of the change texts for the needles, narrowed by mentionsActor.
 */
export function historyAbout(sql: Sql, actorIds: string | readonly string[]): ChangeRecord[] {
  const ids = typeof actorIds === 'string' ? [actorIds] : actorIds;
  const records: ChangeRecord[] = [];
  for (const id of ids) {
    const [value, fieldEnd] = historyNeedles(id);
    records.push(
      ...sql
        .all<ChangeRow>(
          `SELECT * FROM change_record WHERE entity_id = ? OR instr(changes, ?) > 0 OR instr(changes, ?) > 0 ORDER BY seq DESC`,
          id,
          value,
          fieldEnd,
        )
        .map(toRecord),
    );
  }
  const erased = new Set(ids);
  return sortHistory(records).filter((r) => mentionsActor(r, erased));
}

/** The records of one entity (entityId = id), newest first. */
export function ownRecords(sql: Sql, entityId: string): ChangeRecord[] {
  return sql
    .all<ChangeRow>('SELECT * FROM change_record WHERE entity_id = ? ORDER BY seq DESC', entityId)
    .map(toRecord);
}

/** Rewrites one record's entity and changes (GDPR redaction). */
export function rewriteRecord(sql: Sql, seq: number, entityId: string, changes: readonly FieldChange[]): void {
  sql.run('UPDATE change_record SET entity_id = ?, changes = ? WHERE seq = ?', entityId, JSON.stringify(changes), seq);
  rewriteFeedEvent(sql, seq, entityId, changes);
}
