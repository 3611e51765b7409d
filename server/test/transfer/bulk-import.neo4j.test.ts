/**
 * The bulk mode of importGraph (store/neo4j/bulk-import.ts) against a real Neo4j: the same generated network
 * imported through runImport (the import path of `npm run import`) once in one transaction and
 * once in bulk must give the same graph, history and feed; a failure in a middle batch — thrown,
 * or a real constraint violation caused by another writer — leaves nothing of the run; the mode is
 * not chosen on a database that holds records, nor for a small plan.
 *
 * Small batches (50 rows) so that every phase has several, two sessions at once as in production.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { generateNetwork } from '../../../seed/generate';
import { snapshotFingerprint } from '../../src/graph/snapshot-fingerprint';
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
const BULK: BulkImportSettings = { minWrites: 0, concurrency: 2, batchSize: 50 };
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
  const marked = () => count('MATCH (n) WHERE n.importRun IS NOT NULL RETURN count(n)');
  const relationships = () => count('MATCH ()-[r]->() RETURN count(r)');
  const changes = () => count('MATCH (c:Change) RETURN count(c)');

  /** Everything a reader can compare: graph, projection fingerprint, counts, history and feed. */
  async function state() {
    const history = await driver.executeQuery(
      'MATCH (c:Change) RETURN c.entityType AS t, c.entityId AS id, c.operation AS op, c.changes AS changes ORDER BY c.seq',
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

  it('writes the same graph, history and feed as the one-transaction import', async () => {
    const singleCounts = await importWith(SINGLE);
    expect(await marked()).toBe(0);
    const single = await state();

    store = await harness.fresh();
    const bulkCounts = await importWith(BULK);
    // The bulk path was taken: every record carries the run's marker.
    expect(await marked()).toBe(DATA.actors.length + DATA.topics.length + DATA.collaborations.length);
    const bulk = await state();

    expect(bulkCounts).toEqual(singleCounts);
    expect(bulk.counts.actors).toBe(DATA.actors.length);
    expect(bulk.fingerprint).toBe(single.fingerprint);
    expect(bulk.graph).toEqual(single.graph);
    expect(bulk.counts).toEqual(single.counts);
    expect(bulk.history.length).toBeGreaterThan(DATA.actors.length);
    expect(bulk.history).toEqual(single.history);
    expect(bulk.feed).toEqual(single.feed);
  });

  it('a failure in a middle batch removes everything the run wrote; the feed never saw it', async () => {
    const headBefore = await store.feedHead();
    let seen: { records: number; head: number } | null = null;
    const failing: BulkImportSettings = {
      ...BULK,
      beforeBatch: async (phase: BulkPhase, index: number) => {
        if (phase === 'participations' && index === 3) {
          // Meanwhile: the records are readable, the feed has no event of the run yet.
          seen = { records: await records(), head: (await store.feedHead()).head };
          throw new Error('batch failed');
        }
      },
    };
    await expect(importWith(failing)).rejects.toThrow('batch failed');

    expect(seen).toEqual({
      records: DATA.actors.length + DATA.topics.length + DATA.collaborations.length,
      head: headBefore.head,
    });
    expect(await records()).toBe(0);
    expect(await relationships()).toBe(0);
    expect(await changes()).toBe(0);
    expect((await store.feedHead()).head).toBe(headBefore.head);
    expect(await store.counts()).toMatchObject({ actors: 0, topics: 0, collaborations: 0 });
  });

  it('a failure of the final history step removes everything too', async () => {
    const failing: BulkImportSettings = {
      ...BULK,
      beforeBatch: (phase: BulkPhase) => {
        if (phase === 'history') throw new Error('history failed');
      },
    };
    await expect(importWith(failing)).rejects.toThrow('history failed');
    expect(await records()).toBe(0);
    expect(await relationships()).toBe(0);
    expect(await changes()).toBe(0);
  });

  it('another writer creating a record of the run makes its batch fail: the run is removed, the writer’s record stays', async () => {
    const taken = DATA.actors[120];
    const conflicting: BulkImportSettings = {
      ...BULK,
      beforeBatch: async (phase: BulkPhase, index: number) => {
        // Batch 2 of the actors holds rows 100–149: the other writer is faster.
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
