/**
 * The change feed of the Neo4j store (rules: store/feed-rules.ts): `(:FeedEvent {seq, at, author,
 * entityType, entityId, operation, fields})` nodes, created by APPEND_CHANGES (history.ts) in the
 * write's own transaction with the seq of their Change. The seq comes from the single
 * `(:ChangeSequence {id: 'changes'})` node, incremented with SET: the write lock on that node is held
 * until commit, so writers take their numbers one after another in commit order and a reader reading
 * "seq > m" never skips an event that commits late (concurrent writers queue on the lock instead of
 * committing out of sequence order). The prune watermark is a property of the same node.
 */
import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import { feedBounds, feedEvent, type FeedEvent, type FeedHead } from '../../features/live/feed-rules';
import type { FieldChange } from '../../features/history/history-rules';
import { toPlain } from './records';
import type { ChangeFeedStore } from '../port/history';
import type { Neo4jConnection } from './connection';

export const FEED_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT feed_event_seq IF NOT EXISTS FOR (e:FeedEvent) REQUIRE e.seq IS UNIQUE',
  'CREATE RANGE INDEX feed_event_at IF NOT EXISTS FOR (e:FeedEvent) ON (e.at)',
];

export const READ_FEED = `
MATCH (e:FeedEvent)
WHERE e.seq > $after
RETURN properties(e) AS event
ORDER BY e.seq
LIMIT $limit`;

export const FEED_HEAD = `
OPTIONAL MATCH (s:ChangeSequence {id: 'changes'})
RETURN coalesce(s.value, 0) AS head, coalesce(s.prunedThrough, 0) AS prunedThrough`;

/** Deletes the events before $before (at most $batch) and raises the watermark; answers the count. */
export const PRUNE_FEED = `
MATCH (e:FeedEvent)
WHERE e.at < $before
WITH e ORDER BY e.seq LIMIT $batch
WITH collect(e) AS events, max(e.seq) AS last
MATCH (s:ChangeSequence {id: 'changes'})
SET s.prunedThrough = CASE WHEN last IS NULL OR coalesce(s.prunedThrough, 0) >= last THEN coalesce(s.prunedThrough, 0) ELSE last END
WITH events
UNWIND events AS e
DETACH DELETE e
RETURN count(*) AS n`;

export const REWRITE_FEED_EVENTS = `
UNWIND $rows AS r
MATCH (e:FeedEvent {seq: r.seq})
SET e.entityId = r.entityId, e.fields = r.fields`;

// The two reads below are single statements and run auto-commit (connection.ts readStatement): one
// round trip each instead of three with BEGIN and COMMIT. Every poll makes them, and readFeed is half
// of applying a write (touched-reads.ts is the other half).

export async function readFeed(db: Neo4jConnection, afterSeq: number, limit: number): Promise<FeedEvent[]> {
  const b = feedBounds(afterSeq, limit);
  const records = await db.readStatement(READ_FEED, { after: neo4j.int(b.after), limit: neo4j.int(b.limit) });
  return records.map((r) => {
    const e = toPlain(r.get('event')) as { [key: string]: unknown };
    return feedEvent({
      seq: e.seq as number,
      at: String(e.at),
      author: String(e.author),
      entityType: String(e.entityType),
      entityId: String(e.entityId),
      operation: String(e.operation),
      fields: String(e.fields),
    });
  });
}

export async function feedHead(db: Neo4jConnection): Promise<FeedHead> {
  const [record] = await db.readStatement(FEED_HEAD);
  const plain = toPlain({
    head: record?.get('head') ?? 0,
    prunedThrough: record?.get('prunedThrough') ?? 0,
  }) as FeedHead;
  return { head: Number(plain.head), prunedThrough: Number(plain.prunedThrough) };
}

export const PRUNE_BATCH = 10_000;

export async function pruneFeed(tx: ManagedTransaction, before: string): Promise<number> {
  const result = await tx.run(PRUNE_FEED, { before, batch: neo4j.int(PRUNE_BATCH) });
  const n = result.records[0]?.get('n');
  return n == null ? 0 : Number(toPlain(n));
}

export async function rewriteFeedEvents(
  tx: ManagedTransaction,
  rows: ReadonlyArray<{ seq: number; entityId: string; changes: readonly FieldChange[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(REWRITE_FEED_EVENTS, {
    rows: rows.map((r) => ({
      seq: neo4j.int(r.seq),
      entityId: r.entityId,
      fields: JSON.stringify(r.changes.map((c) => c.field)),
    })),
  });
}

/** The change feed of the Neo4j store (port/history.ts). */
export function neo4jChangeFeed(db: Neo4jConnection): ChangeFeedStore {
  return {
    readFeed: (afterSeq: number, limit: number) => readFeed(db, afterSeq, limit),
    feedHead: () => feedHead(db),
    async pruneFeed(before: string): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await db.write((tx) => pruneFeed(tx, before));
        total += n;
        if (n < PRUNE_BATCH) return total;
      }
    },
  };
}
