/**
 * The bulk mode of importGraph (store/neo4j/bulk-import.ts) against a real Neo4j: the same generated network
 * imported through runImport (the import path of `npm run import`) once in one transaction and
 * once in bulk must give the same graph and history, the bulk feed only the run's summary event (a
 * follower of the feed still reaches the store's projection); a failure in a middle batch — thrown,
 * or a real constraint violation caused by another writer — leaves nothing of the run; the mode is
 * not chosen on a database that holds records, nor for a small plan.
 *
 * Small batches (50 writes) so that every phase has several, two sessions at once as in production.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { generateNetwork } from '../../../seed/generate';
import { NetworkProjection } from '../../src/graph/projection';
import { snapshotFingerprint } from '../../src/graph/snapshot-fingerprint';
import { FeedFollower, projectionSnapshot } from '../../src/features/live/feed-follower';
import { exportDocument } from '../../src/features/transfer/export-document';
import { runImport } from '../../src/features/transfer/import-job';
import { writeJson } from '../../src/features/transfer/json-write';
import type { NetworkStore } from '../../src/store/network-store';
import { describeNeo4j, neo4jHarness } from '../support/stores';
import { BULK_IMPORT_DEFAULTS, type BulkImportSettings, type BulkPhase } from '../../src/store/neo4j/bulk-import';
import { Neo4jConnection } from '../../src/store/neo4j/connection';
import { neo4jTransfer } from '../../src/store/neo4j/transfer';

const DATA = generateNetwork({ actors: 400, hubs: 2, seed: 7 });
const FILES = [{ name: 'network.json', content: writeJson(exportDocument(DATA, true)) }];
const BULK: BulkImportSettings = { minWrites: 0, concurrency: BULK_IMPORT_DEFAULTS.concurrency, batchSize: 50 };
const SINGLE: BulkImportSettings = { ...BULK_IMPORT_DEFAULTS, minWrites: Number.POSITIVE_INFINITY };

describeNeo4j('neo4j store: bulk import into an empty database', (config) => {
  const harness = neo4jHarness(config);
  let store: NetworkStore;
  let db: Neo4jConnection;
  let driver: Driver;

  beforeAll(async () => {
    await harness.setup();
    db = new Neo4jConnection(config);
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  });
  afterAll(async () => {
    await db?.close();
    await driver?.close();
    await harness.teardown();
  });
  beforeEach(async () => {
    store = await harness.fresh();
  });

  async function importWith(settings: BulkImportSettings) {
    const transfer = neo4jTransfer(db, settings);
    const report = await runImport(
      FILES,
      { store, apply: (graph, options) => transfer.importGraph(graph, options, { author: 'bulk-test' }) },
      { format: 'JSON' },
    );
    if (!report.counts) throw new Error(`rejected: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    return report.counts;
  }

  async function count(statement: string): Promise<number> {
    const session = driver.session();
    try {
      return neo4j.integer.toNumber((await session.run(statement)).records[0].get(0));
    } finally {
      await session.close();
    }
  }
  const records = () => count('MATCH (n) WHERE n:Actor OR n:Topic OR n:Collaboration RETURN count(n)');
  const marked = () =>
    count('MATCH (n) WHERE (n:Actor OR n:Topic OR n:Collaboration) AND n.importRun IS NOT NULL RETURN count(n)');
  const markedChanges = () => count('MATCH (c:Change) WHERE c.importRun IS NOT NULL RETURN count(c)');
  const relationships = () => count('MATCH ()-[r]->() RETURN count(r)');
  const changes = () => count('MATCH (c:Change) RETURN count(c)');

  /** Everything a reader can compare: graph, projection fingerprint, counts, history and feed. */
  async function state() {
    const history = await driver.executeQuery(
      'MATCH (c:Change) RETURN c.entityType AS t, c.entityId AS id, c.operation AS op, c.changes AS changes, c.author AS author ORDER BY c.seq',
    );
    const feed = await driver.executeQuery(
      'MATCH (e:FeedEvent) RETURN e.entityType AS t, e.entityId AS id, e.fields AS fields ORDER BY e.seq',
    );
    return {
      graph: await store.readGraph(),
      fingerprint: snapshotFingerprint(await store.loadSnapshot()),
      counts: await store.counts(),
      history: history.records.map((r) => r.toObject()),
      feed: feed.records.map((r) => r.toObject()),
    };
  }

  it('writes the same graph and history as the one-transaction import; the feed carries the summary only', async () => {
    const singleCounts = await importWith(SINGLE);
    expect(await marked()).toBe(0);
    const single = await state();

    store = await harness.fresh();
    const bulkCounts = await importWith(BULK);
    // The bulk path was taken: every record and every record's history carries the run's marker.
    expect(await marked()).toBe(DATA.actors.length + DATA.topics.length + DATA.collaborations.length);
    const bulk = await state();

    expect(bulkCounts).toEqual(singleCounts);
    expect(bulk.counts.actors).toBe(DATA.actors.length);
    expect(bulk.fingerprint).toBe(single.fingerprint);
    expect(bulk.graph).toEqual(single.graph);
    expect(bulk.counts).toEqual(single.counts);
    expect(bulk.history.length).toBeGreaterThan(DATA.actors.length);
    expect(bulk.history).toEqual(single.history);
    expect(await markedChanges()).toBe(bulk.history.length - 1);
    // One feed event for the run: the summary on "Network", the last event of the one transaction.
    expect(single.feed.length).toBe(single.history.length);
    expect(bulk.feed).toEqual([single.feed[single.feed.length - 1]]);
    expect(bulk.feed[0]).toMatchObject({ t: 'Network', id: 'network' });
    // An entity's history says it came from the import, by whom.
    const actor = DATA.actors[3];
    const mine = (await store.history(actor.id, { first: 10 })).items;
    expect(mine.map((r) => [r.operation, r.author])).toEqual([['IMPORT', 'bulk-test']]);
  });

  it('a follower of the feed reaches the projection of the store after a bulk import', async () => {
    const projection = new NetworkProjection();
    const follower = new FeedFollower(store, projection);
    follower.startAt((await store.feedHead()).head);
    await importWith(BULK);
    await follower.catchUp();
    expect(follower.snapshot().feedRebuilds).toBe(1);
    expect(follower.seq).toBe((await store.feedHead()).head);
    expect(snapshotFingerprint(projectionSnapshot(projection))).toBe(snapshotFingerprint(await store.loadSnapshot()));
    expect(projection.actors.size).toBe(DATA.actors.length);
  });

  it('an erasure after a bulk import finds and redacts the person as after the one-transaction import', async () => {
    const person = DATA.actors.find(
      (a) => a.kind === 'PERSON' && DATA.collaborations.some((c) => c.participants?.some((p) => p.actorId === a.id)),
    )!;
    const collaborationIds = DATA.collaborations
      .filter((c) => c.participants?.some((p) => p.actorId === person.id))
      .map((c) => c.id);
    const erase = async (settings: BulkImportSettings) => {
      await importWith(settings);
      const { pseudonym, ...report } = await store.eraseActor(person.id, { author: 'admin' });
      const texts: string[] = [];
      for (const id of [person.id, pseudonym, ...collaborationIds])
        for (const r of (await store.history(id, { first: 100 })).items)
          texts.push(
            JSON.stringify({ ...r, seq: 0, at: '' })
              .split(pseudonym)
              .join('<pseudonym>'),
          );
      return { report, texts: texts.join('\n') };
    };
    const single = await erase(SINGLE);
    store = await harness.fresh();
    const bulk = await erase(BULK);
    expect(bulk).toEqual(single);
    expect(bulk.report.historyRedacted).toBeGreaterThan(collaborationIds.length);
    expect(bulk.texts).not.toContain(person.id);
    expect(bulk.texts).toContain('participant:<pseudonym>');
  });

  it('a failure in a middle batch removes everything the run wrote; the feed never saw it', async () => {
    const headBefore = await store.feedHead();
    let seen: { records: number; events: number } | null = null;
    const failing: BulkImportSettings = {
      ...BULK,
      beforeBatch: async (phase: BulkPhase, index: number) => {
        if (phase === 'collaborations' && index === 3) {
          // Meanwhile: the records committed so far are readable, the feed has no event of the run.
          seen = { records: await records(), events: (await store.readFeed(headBefore.head, 100)).length };
          throw new Error('batch failed');
        }
      },
    };
    await expect(importWith(failing)).rejects.toThrow('batch failed');

    expect(seen!.events).toBe(0);
    expect(seen!.records).toBeGreaterThan(DATA.actors.length + DATA.topics.length);
    expect(await records()).toBe(0);
    expect(await relationships()).toBe(0);
    expect(await changes()).toBe(0);
    // The seqs the run took went back: the head is the last event again.
    expect(await store.feedHead()).toEqual(headBefore);
    expect(await store.counts()).toMatchObject({ actors: 0, topics: 0, collaborations: 0 });
  });

  it('seqs taken by a failed run stay a gap when another writer took seqs after them', async () => {
    const failing: BulkImportSettings = {
      ...BULK,
      beforeBatch: async (phase: BulkPhase, index: number) => {
        if (phase === 'collaborations' && index === 1) {
          await store.createTopic({ name: 'Dazwischen' });
          throw new Error('batch failed');
        }
      },
    };
    await expect(importWith(failing)).rejects.toThrow('batch failed');
    const [event] = await store.readFeed(0, 10);
    expect(event).toMatchObject({ entityType: 'Topic', operation: 'CREATE' });
    expect((await store.feedHead()).head).toBe(event!.seq);
    expect(event!.seq).toBeGreaterThan(DATA.actors.length);
    expect(await changes()).toBe(1);
  });

  it.each([
    ['a history batch', 'history' as BulkPhase, 1],
    ['the final step (summary and feed event)', 'feed' as BulkPhase, 0],
  ])('a failure of %s removes everything too; the feed never saw the run', async (_, failAt, failIndex) => {
    const headBefore = await store.feedHead();
    const failing: BulkImportSettings = {
      ...BULK,
      beforeBatch: (phase: BulkPhase, index: number) => {
        if (phase === failAt && index === failIndex) throw new Error('history failed');
      },
    };
    await expect(importWith(failing)).rejects.toThrow('history failed');
    expect(await records()).toBe(0);
    expect(await relationships()).toBe(0);
    expect(await changes()).toBe(0);
    expect(await store.readFeed(headBefore.head, 100)).toEqual([]);
  });

  it('another writer creating a record of the run makes its batch fail: the run is removed, the writer’s record stays', async () => {
    // The last actor: in a batch after batch 2 of the actors (50 writes a batch).
    const taken = DATA.actors[DATA.actors.length - 1];
    const conflicting: BulkImportSettings = {
      ...BULK,
      beforeBatch: async (phase: BulkPhase, index: number) => {
        // The other writer is faster.
        if (phase === 'actors' && index === 2)
          await driver.executeQuery(
            'CREATE (:Actor {id: $id, name: "Zuerst da", nameKey: "zuerst da", kind: "GROUP"})',
            {
              id: taken.id,
            },
          );
      },
    };
    const error = await importWith(conflicting).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'id' });

    expect(await records()).toBe(1);
    expect(await relationships()).toBe(0);
    expect(await changes()).toBe(0);
    const left = await driver.executeQuery('MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.importRun AS run');
    expect(left.records.map((r) => r.toObject())).toEqual([{ id: taken.id, name: 'Zuerst da', run: null }]);
  });

  it('is not chosen when the database holds records: one transaction, nothing marked', async () => {
    await store.importGraph(
      {
        topics: [],
        actors: [{ id: 'vorher', name: 'Vorher e.V.', kind: 'ASSOCIATION' }],
        collaborations: [],
        interests: [],
        collaborationTopics: [],
        participations: [],
      },
      {},
    );
    const batches: string[] = [];
    const counts = await importWith({ ...BULK, beforeBatch: (phase) => void batches.push(phase) });
    expect(batches).toEqual([]);
    expect(counts.actors.created).toBe(DATA.actors.length);
    expect(await marked()).toBe(0);
    expect((await store.counts()).actors).toBe(DATA.actors.length + 1);
  });

  it('is not chosen for a plan below minWrites', async () => {
    const batches: string[] = [];
    await importWith({ ...BULK, minWrites: 1_000_000, beforeBatch: (phase) => void batches.push(phase) });
    expect(batches).toEqual([]);
    expect(await marked()).toBe(0);
    expect((await store.counts()).actors).toBe(DATA.actors.length);
  });
});
