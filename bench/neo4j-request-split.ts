/**
 * `npx tsx bench/neo4j-request-split.ts`: where the time of the actor list, the busy actors' panel
 * and the fixed cost goes on the Neo4j store, in one process as in `npm run bench`: per request the
 * wall time, the time a store statement was outstanding (from `session.run` / `executeRead` until
 * its records were in hand: the round trip, Neo4j's work and the driver's decoding) and this
 * process's CPU time; beside it the bench's Cypher floor and the store's statement alone. Needs a
 * network of BENCH_SIZES (first, default 100000) actors already loaded by `npm run bench` at
 * BENCH_NEO4J_URI / NEO4J_BOLT_PORT. BENCH_SAMPLES (default 300), BENCH_ROUNDS (default 3);
 * BENCH_NEO4J_PID adds Neo4j's CPU time per request; BENCH_BEFORE_SRC (below) an earlier store
 * beside this one; BENCH_WAYS (names' beginnings, comma-separated) only some of the series.
 */
import 'reflect-metadata';
import os from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { NetworkService } from '../server/src/service/network-service';
import type { Neo4jConnection } from '../server/src/store/neo4j/connection';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { graphqlClient } from './http-client';
import { driverFor } from './neo4j-admin';
import { benchNetwork, inputFor } from './network-data';
import { procCpuMs } from './process-probes';
import { REQUESTS } from './requests';

const log = (...args: unknown[]) => console.error(`[split ${new Date().toISOString().slice(11, 19)}]`, ...args);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
const median = (xs: number[]) => quantile(xs, 0.5);

/** Time during which at least one store statement was outstanding (overlapping statements once). */
const storeWait = { outstanding: 0, since: 0, total: 0 };
function timeStatements(connection: typeof Neo4jConnection): void {
  const proto = connection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['readStatement', 'read'] as const) {
    const original = proto[name];
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      if (storeWait.outstanding++ === 0) storeWait.since = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        if (--storeWait.outstanding === 0) storeWait.total += performance.now() - storeWait.since;
      }
    };
  }
}

interface Series {
  p50: number;
  p95: number;
  wait: number;
  cpu: number;
  dbCpu: number;
}

async function series(
  work: (i: number) => Promise<unknown>,
  samples: number,
  neo4jPid: number | null,
): Promise<Series> {
  for (let i = 0; i < 20; i++) await work(i);
  const times: number[] = [];
  const waits: number[] = [];
  const cpu0 = process.cpuUsage();
  const db0 = procCpuMs(neo4jPid);
  for (let i = 0; i < samples; i++) {
    storeWait.total = 0;
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
    waits.push(storeWait.total);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    p50: median(times),
    p95: quantile(times, 0.95),
    wait: median(waits),
    cpu: (cpu.user + cpu.system) / 1000 / samples,
    dbCpu: (procCpuMs(neo4jPid) - db0) / samples,
  };
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const size = process.env.BENCH_SIZES ? config.sizes[0] : 100_000;
  const samples = Number(process.env.BENCH_SAMPLES ?? 300);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const neo4jPid = process.env.BENCH_NEO4J_PID ? Number(process.env.BENCH_NEO4J_PID) : null;
  const driver: Driver = driverFor(config.neo4jUri);
  const loaded = await driver.executeQuery('MATCH (a:Actor) RETURN count(a) AS n');
  if (loaded.records[0].get('n').toNumber() !== size) throw new Error(`load ${size} actors with npm run bench first`);
  const net = benchNetwork(size, config.hubs, config.seed);
  const spec = (kind: string) => REQUESTS.find((s) => s.kind === kind)!;
  const busy = (i: number) => inputFor(net.busyActors, net.allIds, i);
  const floor = (kind: string) => (i: number) => spec(kind).cypherFloor!(driver, busy(i));
  const ways: Record<string, (i: number) => Promise<unknown>> = {
    'actor list, floor': floor('actorList'),
    'panel busy, floor': floor('actorPanel'),
  };
  const closing: Array<() => Promise<void>> = [];
  // BENCH_BEFORE_SRC: a copy of an earlier server/src (`git archive <commit> server/src`) whose
  // Neo4j store serves a second service beside this one, its requests timed in the same rounds.
  const versions: Array<[string, string]> = [['', join(process.cwd(), 'server/src')]];
  if (process.env.BENCH_BEFORE_SRC) versions.unshift(['before: ', join(process.cwd(), process.env.BENCH_BEFORE_SRC)]);
  for (const [prefix, src] of versions) {
    const { createNeo4jStore } = (await import(join(src, 'store/neo4j'))) as typeof import('../server/src/store/neo4j');
    timeStatements(
      ((await import(join(src, 'store/neo4j/connection'))) as typeof import('../server/src/store/neo4j/connection'))
        .Neo4jConnection,
    );
    const store = createNeo4jStore({ uri: config.neo4jUri, user: 'neo4j', password: 'neo4j' });
    const service = await NetworkService.start(store);
    const server = await listenForBench(service);
    const client = graphqlClient(server.url, 4, benchHeaders());
    closing.push(async () => {
      client.close();
      await server.close();
      await service.close();
      await store.close();
    });
    const graphql = (kind: string) => async (i: number) =>
      spec(kind).canonical(await client.request(spec(kind).query, spec(kind).variables(busy(i))));
    Object.assign(ways, {
      [`${prefix}fixed cost`]: graphql('fixedCost'),
      [`${prefix}actor list`]: graphql('actorList'),
      [`${prefix}actor list, store call`]: () => service.reads.listActorsWithInterests({}, { first: 50 }),
      [`${prefix}panel busy`]: graphql('actorPanel'),
    });
  }
  const only = process.env.BENCH_WAYS?.split(',');
  const results = new Map<string, Series[]>();
  const loads: string[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      loads.push(os.loadavg()[0].toFixed(2));
      for (const [name, work] of Object.entries(ways)) {
        if (only && !only.some((o) => name.startsWith(o))) continue;
        log(`round ${round + 1}: ${name}`);
        results.set(name, [...(results.get(name) ?? []), await series(work, samples, neo4jPid)]);
      }
    }
    console.log(
      `\n${size} actors, ${samples} samples per series, median of ${rounds} rounds; load ${loads.join(', ')} → ${os.loadavg()[0].toFixed(2)}\n`,
    );
    console.log('| request | p50 | p95 | store wait p50 | CPU this process | CPU Neo4j |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, runs] of results) {
      const m = (k: keyof Series) => median(runs.map((r) => r[k])).toFixed(2);
      console.log(`| ${name} | ${m('p50')} | ${m('p95')} | ${m('wait')} | ${m('cpu')} | ${m('dbCpu')} |`);
    }
  } finally {
    for (const close of closing) await close();
    await driver.close();
  }
}

main().catch((error) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
