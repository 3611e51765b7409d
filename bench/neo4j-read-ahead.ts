/**
 * `npx tsx bench/neo4j-read-ahead.ts`: the Neo4j store's requests with and without reading ahead
 * (features/actors/actor-read-ahead.ts) side by side, against the peer (@neo4j/graphql) on the same
 * data, in one process as in `npm run bench`: per round, each request kind and actor class is
 * timed on the three servers one after the other (the order turned every round); the table shows
 * the median over the rounds of each series' p50 and p95, the ratio to the peer, the store calls
 * and the Bolt statements of one request (RUN messages, BEGIN/COMMIT of transactions apart).
 *
 *   BENCH_SIZES (first only, default 10000), BENCH_SAMPLES (60), BENCH_ROUNDS (3),
 *   BENCH_KINDS (actorPage,collaborators,write), BENCH_REUSE=1 (keep a loaded network of that size),
 *   BENCH_WIPE=1, NEO4J_BOLT_PORT / BENCH_NEO4J_URI as for `npm run bench`; BENCH_BEFORE_SRC (below);
 *   BENCH_NEO4J_PID: Neo4j's pid, for its CPU time per request (cells: p50 / p95 (cpu this process + Neo4j), ms).
 */
import 'reflect-metadata';
import os from 'node:os';
import neo4j, { Session } from 'neo4j-driver';
import { NetworkService } from '../server/src/service/network-service';
import { createNeo4jStore } from '../server/src/store/neo4j';
import { countingStore } from '../server/test/support/counting-store';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { graphqlClient } from './http-client';
import { driverFor, ensureNeo4jRunning, rawUnwindImport, wipe } from './neo4j-admin';
import { benchNetwork, inputFor } from './network-data';
import { startPeer } from './peer';
import { REQUESTS, type RequestInput } from './requests';
import { middleValue, serial, type Percentiles } from './stats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const log = (...args: unknown[]) => console.error(`[read-ahead ${new Date().toISOString().slice(11, 19)}]`, ...args);
const median = middleValue;

/** Bolt statements sent by this process (every driver call ends in Session.run or a transaction's run). */
const bolt = { runs: 0, transactions: 0 };
function countBolt(): void {
  const proto = Session.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['run'] as const) {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      bolt.runs++;
      return original.apply(this, args);
    };
  }
  for (const name of ['executeRead', 'executeWrite'] as const) {
    const original = proto[name];
    proto[name] = function (this: unknown, work: unknown, ...rest: unknown[]) {
      bolt.transactions++;
      const counted = (tx: { run: (...a: unknown[]) => unknown }) => {
        const run = tx.run.bind(tx);
        const wrapped = Object.create(tx) as typeof tx;
        wrapped.run = (...a: unknown[]) => {
          bolt.runs++;
          return run(...a);
        };
        return (work as (t: typeof tx) => unknown)(wrapped);
      };
      return original.call(this, counted, ...rest);
    };
  }
}

/** CPU time (ms) of a process from /proc (utime + stime; clock ticks of 10 ms). */
function procCpuMs(pid: number | null): number {
  if (pid === null) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A series timed at concurrency 1, with the CPU time per request of this process and of Neo4j. */
async function timed(work: (i: number) => Promise<unknown>, samples: number, neo4jPid: number | null) {
  const own = ownCpuMs();
  const db = procCpuMs(neo4jPid);
  const result = await serial(work, samples);
  const n = result.n + 3; // serial's warm-up calls included
  return { ...result, cpu: (ownCpuMs() - own) / n, dbCpu: (procCpuMs(neo4jPid) - db) / n };
}

async function main(): Promise<void> {
  countBolt();
  const config = loadBenchConfig();
  const size = config.sizes[0] === 1000 && !process.env.BENCH_SIZES ? 10_000 : config.sizes[0];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const kinds = (process.env.BENCH_KINDS ?? 'actorPage,collaborators,write').split(',');
  if (config.startNeo4j) ensureNeo4jRunning();
  const driver = driverFor(config.neo4jUri);
  const net = benchNetwork(size, config.hubs, config.seed);
  const store = createNeo4jStore({ uri: config.neo4jUri, user: 'neo4j', password: 'neo4j' });
  // BENCH_BEFORE_SRC: a copy of an earlier server/src (e.g. `git archive <commit> server/src`), whose
  // Neo4j store serves the "before" server (writes of that version; its reads with readAhead off).
  const beforeSrc = process.env.BENCH_BEFORE_SRC;
  const beforeStore = beforeSrc
    ? (
        (await import(join(process.cwd(), beforeSrc, 'store/neo4j'))) as typeof import('../server/src/store/neo4j')
      ).createNeo4jStore({ uri: config.neo4jUri, user: 'neo4j', password: 'neo4j' })
    : store;
  const neo4jPid = process.env.BENCH_NEO4J_PID ? Number(process.env.BENCH_NEO4J_PID) : null;
  const loaded = await driver.executeQuery('MATCH (a:Actor) RETURN count(a) AS n');
  if (process.env.BENCH_REUSE === '1' && loaded.records[0].get('n').toNumber() === size) {
    log(`reusing the loaded network of ${size} actors`);
  } else {
    await wipe(driver, config.forceWipe);
    await store.init();
    log(`loading ${size} actors`);
    // A Neo4j with a small heap cannot take 100k in mergeGraph's one transaction (as `npm run bench`).
    await store.mergeGraph(net.data).catch(async (error) => {
      log(`mergeGraph failed (${(error as Error).message.slice(0, 120)}); the raw import instead`);
      await wipe(driver, true);
      await rawUnwindImport(driver, net.data);
    });
  }
  const counting = countingStore(store);
  const countingAfter = counting;
  const service = await NetworkService.start(counting.store);
  const beforeCounting = beforeStore === store ? counting : countingStore(beforeStore);
  const beforeService = beforeStore === store ? service : await NetworkService.start(beforeCounting.store);
  const servers = {
    before: await listenForBench(beforeService, { readAhead: false }),
    after: await listenForBench(service, { readAhead: true }),
  };
  const clients = {
    before: graphqlClient(servers.before.url, 16, benchHeaders()),
    after: graphqlClient(servers.after.url, 16, benchHeaders()),
  };
  const peer = await startPeer(driver);
  const rows: string[] = [];
  const loads: string[] = [];
  const stable = (v: unknown) => JSON.stringify(v, (_k, x) => (neo4j.isInt(x) ? x.toNumber() : x));
  let seq = Date.now() % 1_000_000;
  try {
    const series = new Map<string, Array<Percentiles & { cpu: number; dbCpu: number }>>();
    const calls = new Map<string, string>();
    for (let round = 0; round < rounds; round++) {
      loads.push(os.loadavg()[0].toFixed(2));
      for (const spec of REQUESTS.filter((s) => kinds.includes(s.kind))) {
        for (const actorClass of ['random', 'busy'] as const) {
          const pool = actorClass === 'busy' ? net.busyActors : net.randomActors;
          const input = (i: number): RequestInput => inputFor(pool, net.allIds, i + (spec.kind === 'write' ? seq : 0));
          const via = (client: typeof clients.after) => async (i: number) =>
            spec.canonical(await client.request(spec.query, spec.variables(input(i))));
          const ways: Record<string, (i: number) => Promise<unknown>> = {
            before: via(clients.before),
            after: via(clients.after),
            peer: (i) => peer.call(spec.kind, input(i)),
          };
          const key = `${spec.kind} ${actorClass}`;
          if (round === 0) {
            if (spec.kind !== 'write') {
              for (let i = 0; i < 4; i++) {
                const [b, a, p] = [await ways.before(i), await ways.after(i), await ways.peer(i)];
                if (stable(a) !== stable(b) || stable(a) !== stable(p)) throw new Error(`${key}: answers differ`);
              }
            }
            const count = async (name: 'before' | 'after') => {
              const counting = name === 'before' ? beforeCounting : countingAfter;
              counting.reset();
              bolt.runs = 0;
              bolt.transactions = 0;
              await ways[name](0);
              if (process.env.BENCH_DEBUG) log(name, key, JSON.stringify([...counting.calls]));
              return `${counting.total()} / ${bolt.runs} / ${bolt.transactions}`;
            };
            calls.set(key, `${await count('before')} → ${await count('after')}`);
          }
          const order = ['before', 'after', 'peer'];
          for (let k = 0; k < round % 3; k++) order.push(order.shift()!);
          for (const name of order) {
            log(`round ${round + 1} ${key} ${name}`);
            const result = await timed(ways[name], config.samples, neo4jPid);
            series.set(`${key} ${name}`, [...(series.get(`${key} ${name}`) ?? []), result]);
          }
          seq += 1000;
        }
      }
    }
    rows.push(
      '| request | actors | before p50 / p95 | after p50 / p95 | peer p50 / p95 | before × peer | after × peer | store calls / Bolt runs / tx (before → after) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const kind of kinds) {
      for (const actorClass of ['random', 'busy']) {
        const key = `${kind} ${actorClass}`;
        if (!series.has(`${key} after`)) continue;
        const p = (name: string, q: 'p50' | 'p95' | 'cpu' | 'dbCpu') =>
          median(series.get(`${key} ${name}`)!.map((s) => s[q]));
        const cell = (name: string) =>
          `${p(name, 'p50').toFixed(2)} / ${p(name, 'p95').toFixed(2)} (cpu ${p(name, 'cpu').toFixed(2)} + ${p(name, 'dbCpu').toFixed(2)})`;
        const ratio = (name: string) => `${(p(name, 'p50') / p('peer', 'p50')).toFixed(2)}×`;
        rows.push(
          `| ${kind} | ${actorClass} | ${cell('before')} | ${cell('after')} | ${cell('peer')} | ${ratio('before')} | ${ratio('after')} | ${calls.get(key)} |`,
        );
      }
    }
    console.log(
      `\n${size} actors, ${config.samples} samples per series, median of ${rounds} rounds; load average at each round's start: ${loads.join(', ')} → ${os.loadavg()[0].toFixed(2)}\n`,
    );
    console.log(rows.join('\n'));
  } finally {
    clients.before.close();
    clients.after.close();
    await servers.before.close();
    await servers.after.close();
    await peer.close();
    await service.close();
    if (beforeService !== service) await beforeService.close();
    if (beforeStore !== store) await beforeStore.close();
    await store.close();
    await driver.close();
  }
}

main().catch((error) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
