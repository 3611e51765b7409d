/**
 * `npm run bench:feed`: the live network measured — the change feed, projections following it,
 * subscriptions — with two replicas (real server processes) on one store: Neo4j, and two
 * processes on one SQLite file for the embedded store. Per store and size: propagation latency,
 * a burst, the in-process apply time, idle cost, many subscribers, catch-up after a stop.
 * Prints a table; writes bench/results/feed.json. See bench/README.md.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../server/src/store/embedded';
import { EMBEDDED_DB_FILE } from '../../server/src/store/create-store';
import { createNeo4jStore } from '../../server/src/store/neo4j';
import type { NetworkStore } from '../../server/src/store/network-store';
import type { StoreName } from '../config';
import { driverFor, ensureNeo4jRunning, rawUnwindImport, wipe } from '../neo4j-admin';
import { benchNetwork } from '../network-data';
import { nowMs } from '../stats';
import { burst, type BurstResult } from './burst';
import { catchUp, type CatchUpResult } from './catch-up';
import { loadFeedBenchConfig, type FeedBenchConfig } from './config';
import { idle, type IdleResult } from './idle';
import { inProcess, type ApplyResult } from './in-process';
import { propagation, type PropagationResult } from './propagation';
import { startReplica, stopReplica, viewerToken, type Replica, type StoreEnv } from './replicas';
import { manySubscribers, type SubscribersResult } from './subscribers';
import { feedTable } from './table';

export interface FeedRun {
  store: StoreName;
  size: number;
  loadSeconds: number;
  loadNote?: string;
  startSeconds: number[];
  propagation: PropagationResult;
  burst: BurstResult;
  apply: ApplyResult;
  idle: IdleResult;
  subscribers: SubscribersResult;
  catchUp: CatchUpResult;
  loadAverage: [number, number];
  seconds: number;
}

const log = (...args: unknown[]) => console.error(`[bench:feed ${new Date().toISOString().slice(11, 19)}]`, ...args);

interface Loaded {
  store: NetworkStore;
  env: StoreEnv;
  loadSeconds: number;
  loadNote?: string;
  /** One bare round trip to the store (the floor of a read). */
  roundTrip(): Promise<unknown>;
  cleanup(): Promise<void>;
}

async function load(
  config: FeedBenchConfig,
  name: StoreName,
  data: ReturnType<typeof benchNetwork>['data'],
): Promise<Loaded> {
  if (name === 'embedded') {
    const dir = mkdtempSync(join(os.tmpdir(), 'quartiernetz-bench-feed-'));
    const store = createEmbeddedStore({ filename: join(dir, EMBEDDED_DB_FILE) });
    await store.init();
    const t = nowMs();
    await store.mergeGraph(data);
    return {
      store,
      env: { DATA_DIR: dir },
      loadSeconds: (nowMs() - t) / 1000,
      roundTrip: () => store.ping(),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? 'neo4j';
  const driver = driverFor(config.neo4jUri);
  const store = createNeo4jStore({ uri: config.neo4jUri, user, password });
  const floor = driverFor(config.neo4jUri);
  try {
    await wipe(driver, config.forceWipe);
    await store.init();
    const t = nowMs();
    let loadNote: string | undefined;
    try {
      await store.mergeGraph(data);
    } catch (error) {
      loadNote = `store.mergeGraph failed after ${((nowMs() - t) / 1000).toFixed(1)} s (${(error as Error).message.slice(0, 160)}); loaded with the raw import`;
      log(loadNote);
      await wipe(driver, true);
      await rawUnwindImport(driver, data);
    }
    return {
      store,
      env: { NEO4J_URI: config.neo4jUri, NEO4J_USER: user, NEO4J_PASSWORD: password },
      loadSeconds: (nowMs() - t) / 1000,
      loadNote,
      // Auto-commit, as readFeedPage runs: one RUN+PULL exchange, no BEGIN/COMMIT (ping() has both).
      roundTrip: async () => {
        const session = floor.session({ defaultAccessMode: 'READ' });
        try {
          return await session.run('RETURN 1');
        } finally {
          await session.close();
        }
      },
      cleanup: async () => {
        await floor.close();
        await store.close();
      },
    };
  } finally {
    await driver.close();
  }
}

async function benchOne(config: FeedBenchConfig, name: StoreName, size: number): Promise<FeedRun> {
  const started = nowMs();
  const loadBefore = os.loadavg()[0];
  log(`${name} ${size}: generating and loading`);
  const net = benchNetwork(size, config.hubs, config.seed);
  const loaded = await load(config, name, net.data);
  loaded.env.FEED_POLL_MS = String(config.feedPollMs);
  log(`${name} ${size}: loaded in ${loaded.loadSeconds.toFixed(1)} s; starting replicas A and B`);
  const replicas: Replica[] = [];
  const tag = `${name}-${size}-${Date.now().toString(36)}`;
  try {
    const startSeconds: number[] = [];
    for (const r of ['A', 'B']) {
      const t = nowMs();
      replicas.push(await startReplica(r, loaded.env));
      startSeconds.push((nowMs() - t) / 1000);
    }
    const [a] = replicas as [Replica, Replica];
    const existing = net.allIds;
    log(`${name} ${size}: in-process service`);
    const local = await inProcess(loaded.store, existing, loaded.roundTrip);
    try {
      log(`${name} ${size}: propagation, ${config.writes} writes`);
      const prop = await propagation(a, replicas[1]!, existing, config.writes, `${tag}-p`, viewerToken(-1));
      log(`${name} ${size}: burst of ${config.burst}`);
      const bst = await burst(a, replicas[1]!, config.burst, existing, `${tag}-b`);
      log(`${name} ${size}: in-process apply`);
      const apply = await local.apply(config.applySamples, config.burst, tag);
      log(`${name} ${size}: idle ${config.idleSeconds} s`);
      const idl = await idle(replicas, name, local, config.idleSeconds, config.feedPollMs);
      log(`${name} ${size}: ${config.subscribers} subscribers`);
      const subs = await manySubscribers(a, replicas[1]!, config.subscribers, tag);
      log(`${name} ${size}: catch-up after ${config.dayWrites} writes`);
      const cu = await catchUp(a, replicas[1]!, loaded.env, config.dayWrites, existing, `${tag}-d`);
      replicas[1] = cu.b;
      return {
        store: name,
        size,
        loadSeconds: loaded.loadSeconds,
        loadNote: loaded.loadNote,
        startSeconds,
        propagation: prop,
        burst: bst,
        apply,
        idle: idl,
        subscribers: subs,
        catchUp: cu.result,
        loadAverage: [loadBefore, os.loadavg()[0]],
        seconds: (nowMs() - started) / 1000,
      };
    } finally {
      await local.close();
    }
  } finally {
    for (const r of replicas) await stopReplica(r);
    await loaded.cleanup();
  }
}

async function main(): Promise<void> {
  const config = loadFeedBenchConfig();
  if (config.stores.includes('neo4j') && config.startNeo4j) ensureNeo4jRunning();
  const started = nowMs();
  const runs: FeedRun[] = [];
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const result = {
    when: new Date().toISOString(),
    machine,
    config: { ...config, outDir: undefined, feedPollMs: config.feedPollMs },
    seconds: 0,
    runs,
  };
  mkdirSync(config.outDir, { recursive: true });
  // Written after every store and size: a later failure (e.g. at 100k) keeps what was measured.
  for (const size of config.sizes) {
    for (const name of config.stores) {
      runs.push(await benchOne(config, name, size));
      result.seconds = (nowMs() - started) / 1000;
      writeFileSync(join(config.outDir, 'feed.json'), JSON.stringify(result, null, 1) + '\n');
    }
  }
  console.log(feedTable(runs, machine.cpus, config.feedPollMs));
  log(`done in ${result.seconds.toFixed(0)} s; results in ${join(config.outDir, 'feed.json')}`);
}

main().catch((error) => {
  console.error('bench:feed failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
