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
import {
  feedBounds,
  feedEvent,
  PARTICIPANT_FIELD,
  PARTICIPATION_FIELD,
  touchedIds,
  type FeedEvent,
  type FeedHead,
  type FeedPage,
} from '../../features/live/feed-rules';
import type { TouchedIds } from '../../domain/records';
import type { FieldChange } from '../../features/history/history-rules';
import { toPlain, toStringList } from './records';
import type { ChangeFeedStore } from '../port/history';
import type { Neo4jConnection } from './connection';
import { assemble, neo4jTouchedReads } from './touched-reads';

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

/**
 * What follows the events of a feed page (`events`, a list of FeedEvent properties in seq order,
 * read before): the entities they touch, as READ_TOUCHED (touched-reads.ts) reads them, with their
 * ids taken from the events as feed-rules.ts touchedIds does — the entity of each event and the ids
 * in its `participant:<id>` / `participation:<id>` field names. `fields` is a JSON array of names;
 * ids never contain a double quote (domain/validation.ts ID_PATTERN), so splitting at $quote yields
 * the names whole. The ids asked are answered too: the adapter checks that they cover
 * touchedIds(events) and reads what they miss with READ_TOUCHED. Keeps every variable before it
 * (`WITH *`); shared by READ_FEED_PAGE and the write that hands its feed page back
 * (collaboration-writes.ts), whose collaboration is `c` (hence `k` here: no name shadows its).
 */
export const TOUCHED_BY_EVENTS = `
WITH *,
  [e IN events WHERE e.entityType = 'Actor' | e.entityId]
    + reduce(ids = [], e IN events | ids + [f IN split(e.fields, $quote) WHERE f STARTS WITH $participant | substring(f, size($participant))]) AS actorIds,
  [e IN events WHERE e.entityType = 'Collaboration' | e.entityId]
    + reduce(ids = [], e IN events | ids + [f IN split(e.fields, $quote) WHERE f STARTS WITH $participation | substring(f, size($participation))]) AS collaborationIds,
  [e IN events WHERE e.entityType = 'Topic' | e.entityId] AS topicIds
CALL (actorIds) {
  UNWIND actorIds AS id
  MATCH (a:Actor {id: id})
  RETURN collect({
    id: a.id,
    kind: a.kind,
    topicIds: COLLECT { MATCH (a)-[:INTERESTED_IN]->(t:Topic) RETURN t.id ORDER BY t.id },
    collaborationIds: COLLECT { MATCH (a)-[:PARTICIPATED_IN]->(k:Collaboration) RETURN k.id ORDER BY k.id }
  }) AS actors
}
CALL (collaborationIds) {
  UNWIND collaborationIds AS id
  MATCH (k:Collaboration {id: id})
  RETURN collect({
    id: k.id,
    kind: k.kind,
    startDate: k.startDate,
    endDate: k.endDate,
    topicIds: COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN t.id ORDER BY t.id },
    actorIds: COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(k) RETURN a.id ORDER BY a.id }
  }) AS collaborations
}
CALL (topicIds) {
  UNWIND topicIds AS id
  MATCH (t:Topic {id: id})
  RETURN collect(t.id) AS topics
}`;

/**
 * readFeedPage in one statement, one round trip: the events after $after; then (depending on them,
 * so read after them) the head; then the entities they touch (TOUCHED_BY_EVENTS).
 */
export const READ_FEED_PAGE = `
CALL () {
  MATCH (e:FeedEvent)
  WHERE e.seq > $after
  WITH e ORDER BY e.seq LIMIT $limit
  RETURN collect(properties(e)) AS events
}
CALL (events) {
  OPTIONAL MATCH (s:ChangeSequence {id: 'changes'})
  WHERE size(events) >= 0
  RETURN coalesce(s.value, 0) AS head, coalesce(s.prunedThrough, 0) AS prunedThrough
}
${TOUCHED_BY_EVENTS}
RETURN events, head, prunedThrough, actorIds, collaborationIds, topicIds, actors, collaborations, topics`;

/** The parameters TOUCHED_BY_EVENTS takes (the field name prefixes, the quote that ends a name). */
export const TOUCHED_BY_EVENTS_PARAMS = {
  quote: '"',
  participant: PARTICIPANT_FIELD,
  participation: PARTICIPATION_FIELD,
} as const;

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

function decodeEvent(properties: unknown): FeedEvent {
  const e = toPlain(properties) as { [key: string]: unknown };
  return feedEvent({
    seq: e.seq as number,
    at: String(e.at),
    author: String(e.author),
    entityType: String(e.entityType),
    entityId: String(e.entityId),
    operation: String(e.operation),
    fields: String(e.fields),
  });
}

export async function readFeed(db: Neo4jConnection, afterSeq: number, limit: number): Promise<FeedEvent[]> {
  const b = feedBounds(afterSeq, limit);
  const records = await db.readStatement(READ_FEED, { after: neo4j.int(b.after), limit: neo4j.int(b.limit) });
  return records.map((r) => decodeEvent(r.get('event')));
}

/** Whether the ids the statement asked for hold every id of `ids`. */
function covers(asked: { [K in keyof TouchedIds]: unknown }, ids: TouchedIds): boolean {
  return (Object.keys(ids) as Array<keyof TouchedIds>).every((key) => {
    const have = new Set(toStringList(asked[key]));
    return ids[key].every((id) => have.has(id));
  });
}

export async function readFeedPage(db: Neo4jConnection, afterSeq: number, limit: number): Promise<FeedPage> {
  const b = feedBounds(afterSeq, limit);
  const [row] = await db.readStatement(READ_FEED_PAGE, {
    after: neo4j.int(b.after),
    limit: neo4j.int(b.limit),
    ...TOUCHED_BY_EVENTS_PARAMS,
  });
  return feedPageOf(db, (key) => row!.get(key) as unknown);
}

/**
 * A feed page from the values READ_FEED_PAGE returns (events, head, prunedThrough, the ids asked,
 * actors, collaborations, topics), by name; what the events touch is read apart when the ids asked
 * miss one.
 */
export async function feedPageOf(db: Neo4jConnection, get: (key: string) => unknown): Promise<FeedPage> {
  const events = (get('events') as unknown[]).map(decodeEvent);
  const head = { head: Number(toPlain(get('head'))), prunedThrough: Number(toPlain(get('prunedThrough'))) };
  const ids = touchedIds(events);
  const asked = { actorIds: get('actorIds'), collaborationIds: get('collaborationIds'), topicIds: get('topicIds') };
  const touched = covers(asked, ids)
    ? assemble(ids, get('actors') as Row[], get('collaborations') as Row[], get('topics'))
    : // An id the field names did not give whole: read what the events touch on its own.
      await neo4jTouchedReads(db).readTouched(ids);
  return { events, head, ids, touched };
}

type Row = Record<string, unknown>;

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
    readFeedPage: (afterSeq: number, limit: number) => readFeedPage(db, afterSeq, limit),
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
