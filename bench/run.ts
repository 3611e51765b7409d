/**
 * `npm run bench`: Quartiernetz's speed as numbers anyone can reproduce (see bench/README.md).
 * For each size: generate, load both stores, serve each through the real server over HTTP, time
 * every request against its floor (and on Neo4j @neo4j/graphql and a thin server over the floor's
 * Cypher), count store calls, import speed, start time and peak memory. Prints a table; writes
 * bench/results/latest.json (summary) and bench/results/run-<time>.json (everything, git-ignored).
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { createNeo4jStore } from '../server/src/store/neo4j';
import type { NetworkStore } from '../server/src/store/network-store';
import { countingStore } from '../server/test/support/counting-store';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig, type BenchConfig, type StoreName } from './config';
import { graphqlClient } from './http-client';
import { driverFor, ensureNeo4jRunning, rawUnwindImport, wipe } from './neo4j-admin';
import { importThroughImportPath, type ImportPathResult } from './neo4j-import-path';
import { benchNetwork, inputFor, type BenchNetwork } from './network-data';
import { startPeer, type Peer } from './peer';
import { REQUESTS, type RequestInput, type RequestSpec } from './requests';
import { startThinServer, type ThinServer } from './thin-server';
import { measureStart, type StartResult } from './start-server';
import { closedLoop, nowMs, serial, type LoadResult, type Percentiles } from './stats';
import { printTable, summarise } from './table';

export type ActorClass = 'random' | 'busy' | 'all';

export interface RequestResult {
  kind: string;
  label: string;
  actorClass: ActorClass;
  graphql: Percentiles;
  floor?: Percentiles;
  peer?: Percentiles;
  /** The thin GraphQL server over the floor's Cypher (thin-server.ts; Neo4j only). */
  thin?: Percentiles;
  load: LoadResult[];
  /** Store calls of one request: for a random actor and for the busiest one. */
  storeCalls?: { random: number; busiest: number };
  /** Floor and peer answers compared with the server's on a sample. */
  floorAgrees?: boolean | string;
  peerAgrees?: boolean | string;
  thinAgrees?: boolean | string;
}

export interface StoreRun {
  store: StoreName;
  loadSeconds: number;
  participationsPerSecond: number;
  projectionSeconds: number;
  requests: RequestResult[];
  start?: StartResult;
  errors: string[];
}

export interface SizeRun {
  size: number;
  collaborations: number;
  participations: number;
  busiest: { id: string; degree: number };
  busyThreshold: number;
  stores: StoreRun[];
  rawUnwind?: { seconds: number; participationsPerSecond: number; participationSeconds: number };
  /** The JSON export through `npm run import`'s path into the emptied Neo4j (its bulk mode). */
  importPath?: ImportPathResult | { error: string };
  notes: string[];
  /** 1-minute load average before and after this size (other work on the machine skews latencies). */
  loadAverage: [number, number];
}

const log = (...args: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && 'toNumber' in v ? v.toNumber() : v));
}

function firstDifference(a: unknown, b: unknown): string {
  const x = stable(a);
  const y = stable(b);
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `differs at ${i}: …${x.slice(Math.max(0, i - 40), i + 60)} vs …${y.slice(Math.max(0, i - 40), i + 60)}`;
}

/** An answer, or its error as a value to compare (a failing floor or peer is a difference, not a crash). */
function answerOf(call: Promise<unknown>): Promise<unknown> {
  return call.catch((e) => ({ error: (e as Error).message }));
}

/** Whether another server's answer is ours: true, or where the two first differ. */
function agreement(actorId: string, expected: unknown, got: unknown): true | string {
  return stable(got) === stable(expected) ? true : `${actorId}: ${firstDifference(expected, got)}`;
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Everything measured on one store at one size, through the in-process server. */
async function benchStore(
  config: BenchConfig,
  net: BenchNetwork,
  name: StoreName,
  store: NetworkStore,
  specs: RequestSpec[],
  driver: Driver | null,
  peer: Peer | null,
  thin: ThinServer | null,
): Promise<Omit<StoreRun, 'loadSeconds' | 'participationsPerSecond' | 'start'>> {
  const counting = countingStore(store);
  const t0 = nowMs();
  const service = await NetworkService.start(counting.store);
  const projectionSeconds = (nowMs() - t0) / 1000;
  // The floors call the store without the counting proxy, but share the service's projection.
  const floorService = service;
  const server = await listenForBench(service);
  const client = graphqlClient(server.url, 64, benchHeaders());
  const errors: string[] = [];
  const requests: RequestResult[] = [];
  let seq = 0;
  try {
    for (const spec of specs) {
      const classes: ActorClass[] = spec.perActor ? ['random', 'busy'] : ['all'];
      const floor =
        name === 'embedded'
          ? spec.embeddedFloor && ((input: RequestInput) => spec.embeddedFloor!(store, floorService, input))
          : spec.cypherFloor && driver && ((input: RequestInput) => spec.cypherFloor!(driver, input));
      const peerCall = peer?.supports(spec.kind) ? (input: RequestInput) => peer.call(spec.kind, input) : null;
      const thinCall = thin?.supports(spec.kind) ? (input: RequestInput) => thin.call(spec.kind, input) : null;
      for (const actorClass of classes) {
        const pool = actorClass === 'busy' ? net.busyActors : net.randomActors;
        const input = (i: number) => inputFor(pool, net.allIds, i + (spec.kind === 'write' ? seq : 0));
        const viaGraphql = async (i: number) =>
          spec.canonical(await client.request(spec.query, spec.variables(input(i))));
        log(`${net.size} ${name} ${spec.kind} ${actorClass}`);
        const result: RequestResult = {
          kind: spec.kind,
          label: spec.label,
          actorClass,
          graphql: undefined as never,
          load: [],
        };

        // Same answers? (reads only: a write creates a new collaboration each time)
        if (spec.kind !== 'write' && spec.kind !== 'suggestions') {
          for (let i = 0; i < Math.min(4, pool.length); i++) {
            const expected = await answerOf(viaGraphql(i));
            if (floor && result.floorAgrees !== false && typeof result.floorAgrees !== 'string') {
              result.floorAgrees = agreement(input(i).actorId, expected, await answerOf(floor(input(i))));
            }
            if (peerCall && typeof result.peerAgrees !== 'string') {
              result.peerAgrees = agreement(input(i).actorId, expected, await answerOf(peerCall(input(i))));
            }
            if (thinCall && typeof result.thinAgrees !== 'string') {
              result.thinAgrees = agreement(input(i).actorId, expected, await answerOf(thinCall(input(i))));
            }
          }
        }

        // Store calls per request
        if (actorClass !== 'busy') {
          const calls = async (actorId: string) => {
            counting.reset();
            await client.request(spec.query, spec.variables({ ...input(0), actorId, search: actorId.slice(-4) }));
            return counting.total();
          };
          result.storeCalls = { random: await calls(net.randomActors[0]), busiest: await calls(net.busiest.id) };
        }

        // Concurrency 1
        result.graphql = await serial(viaGraphql, config.samples);
        if (floor) result.floor = await serial((i) => floor(input(i)), config.samples);
        if (peerCall) result.peer = await serial((i) => peerCall(input(i)), config.samples);
        if (thinCall) result.thin = await serial((i) => thinCall(input(i)), config.samples);
        // The thin server's write answer against ours (its shaping of the floor's write; the canonical
        // form has no id): once, after the timed series, so that the writes before them stay as they were.
        if (thinCall && spec.kind === 'write') {
          const i = config.samples + 10;
          const expected = await answerOf(viaGraphql(i));
          result.thinAgrees = agreement(input(i).actorId, expected, await answerOf(thinCall(input(i))));
        }

        // Concurrency 8 and 32 (random actors; the actor list has no actor)
        if (actorClass !== 'busy') {
          for (const c of config.concurrencies) {
            const load = await closedLoop(viaGraphql, c, config.loadMs);
            result.load.push(load);
            if (load.errors > 0)
              errors.push(`${spec.kind} at concurrency ${c}: ${load.errors} errors, e.g. ${load.firstError}`);
          }
        }
        seq += 1000;
        requests.push(result);
      }
    }
  } finally {
    client.close();
    await server.close();
  }
  return { store: name, projectionSeconds, requests, errors };
}

async function benchSize(
  config: BenchConfig,
  size: number,
  specs: RequestSpec[],
  driver: Driver | null,
): Promise<SizeRun> {
  const started = nowMs();
  log(`size ${size}: generating`);
  const net = benchNetwork(size, config.hubs, config.seed);
  const run: SizeRun = {
    size,
    collaborations: net.data.collaborations.length,
    participations: net.participations,
    busiest: net.busiest,
    busyThreshold: net.busyThreshold,
    stores: [],
    notes: [],
    loadAverage: [os.loadavg()[0], 0],
  };
  const heavy = (actorId: string) =>
    REQUESTS.filter((s) => s.kind !== 'write').map((s) => ({
      query: s.query,
      variables: s.variables(inputFor([actorId], net.allIds, 0)),
    }));

  for (const name of config.stores) {
    if (name === 'embedded') {
      const dir = mkdtempSync(join(os.tmpdir(), `quartiernetz-bench-${size}-`));
      try {
        const store = createEmbeddedStore({ filename: join(dir, 'quartiernetz.sqlite') });
        await store.init();
        log(`${size} embedded: loading`);
        const t = nowMs();
        await store.mergeGraph(net.data);
        const loadSeconds = (nowMs() - t) / 1000;
        const measured = await benchStore(config, net, name, store, specs, null, null, null);
        await store.close();
        const start = config.startRuns
          ? await measureStart({ DATA_DIR: dir }, await freePort(), [
              ...heavy(net.busiest.id),
              ...heavy(net.randomActors[0]),
            ]).catch((e) => {
              measured.errors.push(`start: ${(e as Error).message}`);
              return undefined;
            })
          : undefined;
        run.stores.push({ ...measured, loadSeconds, participationsPerSecond: net.participations / loadSeconds, start });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const d = driver!;
      const store = createNeo4jStore({
        uri: config.neo4jUri,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? 'neo4j',
      });
      try {
        await wipe(d, config.forceWipe);
        await store.init();
        log(`${size} neo4j: raw UNWIND floor import`);
        const raw = await rawUnwindImport(d, net.data);
        run.rawUnwind = {
          seconds: raw.seconds,
          participationSeconds: raw.participationSeconds,
          participationsPerSecond: raw.participations / raw.participationSeconds,
        };
        await wipe(d, true);
        log(`${size} neo4j: the JSON export through the import path (npm run import)`);
        run.importPath = await importThroughImportPath(store, net.data).catch((error: Error) => ({
          error: error.message.slice(0, 240),
        }));
        await wipe(d, true);
        log(`${size} neo4j: loading through store.mergeGraph`);
        const t = nowMs();
        let loadSeconds = NaN;
        let loadError: string | null = null;
        try {
          await store.mergeGraph(net.data);
          loadSeconds = (nowMs() - t) / 1000;
        } catch (error) {
          // e.g. the transaction memory of a 1 GB heap: serve the raw import's data instead.
          loadError = `store.mergeGraph failed after ${((nowMs() - t) / 1000).toFixed(1)} s: ${(error as Error).message.slice(0, 240)}`;
          log(loadError);
          await wipe(d, true);
          await rawUnwindImport(d, net.data);
        }
        const peer = config.peer ? await startPeer(d) : null;
        const thin = config.thin ? await startThinServer(d) : null;
        const measured = await benchStore(config, net, name, store, specs, d, peer, thin).finally(async () => {
          await peer?.close();
          await thin?.close();
        });
        const start = config.startRuns
          ? await measureStart({ NEO4J_URI: config.neo4jUri }, await freePort(), heavy(net.busiest.id)).catch((e) => {
              measured.errors.push(`start: ${(e as Error).message}`);
              return undefined;
            })
          : undefined;
        if (loadError) measured.errors.unshift(loadError);
        run.stores.push({ ...measured, loadSeconds, participationsPerSecond: net.participations / loadSeconds, start });
      } finally {
        await store.close();
      }
    }
  }
  run.loadAverage[1] = os.loadavg()[0];
  run.notes.push(`size ${size} took ${((nowMs() - started) / 1000).toFixed(0)} s`);
  return run;
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const started = nowMs();
  const unknown = config.requests?.filter((kind) => !REQUESTS.some((s) => s.kind === kind)) ?? [];
  if (unknown.length) throw new Error(`BENCH_REQUESTS: unknown request kind(s) ${unknown.join(', ')}`);
  const specs = config.requests ? REQUESTS.filter((s) => config.requests!.includes(s.kind)) : [...REQUESTS];
  const notes: string[] = [];

  let driver: Driver | null = null;
  if (config.stores.includes('neo4j')) {
    if (config.startNeo4j) ensureNeo4jRunning();
    driver = driverFor(config.neo4jUri);
    await driver.verifyConnectivity();
  }
  const sizes: SizeRun[] = [];
  try {
    for (const size of config.sizes) sizes.push(await benchSize(config, size, specs, driver));
  } finally {
    await driver?.close();
  }

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    nodeEnv: process.env.NODE_ENV ?? '',
  };
  const full = {
    when: new Date().toISOString(),
    machine,
    config: { ...config },
    seconds: (nowMs() - started) / 1000,
    notes,
    sizes,
  };
  mkdirSync(config.outDir, { recursive: true });
  const stamp = full.when.replace(/[:.]/g, '-');
  writeFileSync(join(config.outDir, `run-${stamp}.json`), JSON.stringify(full, null, 1));
  const summary = summarise(full);
  writeFileSync(join(config.outDir, 'latest.json'), JSON.stringify(summary, null, 1) + '\n');
  console.log(printTable(full));
  log(`done in ${full.seconds.toFixed(0)} s; results in ${config.outDir}`);
}

main().catch((error) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
