/**
 * The change feed of the embedded store (rules: store/feed-rules.ts): table `feed_event`, one row per
 * change_record row, inserted right after it in the same transaction with the same seq.
 */
import {
  feedBounds,
  feedEvent,
  touchedIds,
  type FeedEvent,
  type FeedHead,
  type FeedPage,
} from '../../features/live/feed-rules';
import type { FieldChange } from '../../features/history/history-rules';
import type { Sql } from './sql';
import type { ChangeFeedStore } from '../port/history';
import type { EmbeddedDatabase } from './database';
import { readTouchedState } from './touched-reads';

/** Migration 6 (schema.ts): the feed, filled from the history that exists already. */
export const FEED_MIGRATION = `
  CREATE TABLE feed_event (
    seq         INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    operation   TEXT    NOT NULL,
    fields      TEXT    NOT NULL -- JSON array of field names
  );
  CREATE INDEX feed_event_at ON feed_event (at);
  CREATE TABLE feed_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    pruned_through INTEGER NOT NULL
  );
  INSERT INTO feed_state (id, pruned_through) VALUES (1, 0);
  INSERT INTO feed_event (seq, at, author, entity_type, entity_id, operation, fields)
    SELECT seq, at, author, entity_type, entity_id, operation,
           (SELECT json_group_array(json_extract(value, '$.field')) FROM json_each(changes))
    FROM change_record;
`;

/** The feed event of the change_record row just inserted on this connection. */
export function appendFeedEvent(
  sql: Sql,
  row: { at: string; author: string; entityType: string; entityId: string; operation: string; fields: string },
): void {
  sql.run(
    `INSERT INTO feed_event (seq, at, author, entity_type, entity_id, operation, fields)
     VALUES (last_insert_rowid(), ?, ?, ?, ?, ?, ?)`,
    row.at,
    row.author,
    row.entityType,
    row.entityId,
    row.operation,
    row.fields,
  );
}

interface FeedRow {
  seq: number;
  at: string;
  author: string;
  entity_type: string;
  entity_id: string;
  operation: string;
  fields: string;
}

export function readFeed(sql: Sql, afterSeq: number, limit: number): FeedEvent[] {
  const b = feedBounds(afterSeq, limit);
  return sql.all<FeedRow>('SELECT * FROM feed_event WHERE seq > ? ORDER BY seq LIMIT ?', b.after, b.limit).map((r) =>
    feedEvent({
      seq: r.seq,
      at: r.at,
      author: r.author,
      entityType: r.entity_type,
      entityId: r.entity_id,
      operation: r.operation,
      fields: r.fields,
    }),
  );
}

export function feedHead(sql: Sql): FeedHead {
  const head = sql.get<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'change_record'")?.seq ?? 0;
  const pruned =
    sql.get<{ pruned_through: number }>('SELECT pruned_through FROM feed_state WHERE id = 1')?.pruned_through ?? 0;
  return { head, prunedThrough: pruned };
}

/** Deletes the events written before `before` (ISO-8601); answers how many. */
export function pruneFeed(sql: Sql, before: string): number {
  const last =
    sql.get<{ seq: number | null }>('SELECT max(seq) AS seq FROM feed_event WHERE at < ?', before)?.seq ?? null;
  if (last === null) return 0;
  const n = sql.run('DELETE FROM feed_event WHERE seq <= ?', last);
  sql.run('UPDATE feed_state SET pruned_through = max(pruned_through, ?) WHERE id = 1', last);
  return n;
}

/** GDPR redaction of a history record reaches its feed event too (entity id, field names). */
export function rewriteFeedEvent(sql: Sql, seq: number, entityId: string, changes: readonly FieldChange[]): void {
  sql.run(
    'UPDATE feed_event SET entity_id = ?, fields = ? WHERE seq = ?',
    entityId,
    JSON.stringify(changes.map((c) => c.field)),
    seq,
  );
}

/** The change feed of the embedded store (port/history.ts). */
export function embeddedChangeFeed(d: EmbeddedDatabase): ChangeFeedStore {
  return {
    readFeed: async (afterSeq: number, limit: number) => d.read(() => readFeed(d.sql, afterSeq, limit)),
    feedHead: async () => d.read(() => feedHead(d.sql)),
    // One snapshot for all three: the head and the entities are exactly as new as the events.
    readFeedPage: async (afterSeq: number, limit: number): Promise<FeedPage> =>
      d.read(() => {
        const events = readFeed(d.sql, afterSeq, limit);
        const ids = touchedIds(events);
        return { events, head: feedHead(d.sql), ids, touched: readTouchedState(d, ids) };
      }),
    pruneFeed: async (before: string) => d.write(() => pruneFeed(d.sql, before)),
  };
}
