/**
 * `npx tsx bench/busy-page-after.ts`: what the request right after the busiest actor's page waits
 * for. The bench's actor page for the busy class, in `npm run bench`'s order (the answers checked
 * on the pool's first four with the Cypher floor beside them, three warm-up requests, then the 60
 * timed ones), through the real server over HTTP in this process, on a network of BENCH_SIZES
 * (first, default 100000) actors. Per request: the wall time as the bench takes it, when the server
 * saw it and finished writing it, every Bolt statement (from `session.run` until its records were
 * in hand, Neo4j's own `resultAvailableAfter` / `resultConsumedAfter`, until its session closed),
 * this process's GC events by kind (PerformanceObserver 'gc'), the event loop's blocks (a 1 ms
 * timer that came late by more than 4 ms), Neo4j's CPU time and its JVM pauses (with
 * `BUSY_GC_LOG`: a log of `-Xlog:gc,safepoint:file=…:time,uptimemillis`, see below).
 *
 *   --marks (a line per request on stdout, for `node --trace-gc`)   --store=neo4j|embedded (default neo4j)   --series=2 (the busy class's series, one after another)
 *   --random-first (the random class's series and its concurrency-8/32 loads before each busy one,
 *   as the bench runs them)   --out=FILE (every request's figures as JSON)
 *   BENCH_REUSE=1 keeps a loaded Neo4j (bench/open-bench-store.ts); BENCH_NEO4J_PID: Neo4j's pid
 *   (default: read from NEO4J_HOME_DIR/neo4j.pid); BUSY_GC_LOG: the JVM's GC log, started with
 *   NEO4J_JAVA_OPTS="-Xmx4g -Xlog:gc,safepoint:file=/tmp/gc.log:time,uptimemillis".
 */
import 'reflect-metadata';
import http from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import type { Session } from 'neo4j-driver';
import type { NetworkStore } from '../server/src/store/network-store';
import { NetworkService } from '../server/src/service/network-service';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { driverFor } from './neo4j-admin';
import { benchNetwork, inputFor } from './network-data';
import { openBenchStore } from './open-bench-store';
import { procCpuMs } from './process-probes';
import { REQUESTS } from './requests';
import { closedLoop, middleValue } from './stats';
import { graphqlClient } from './http-client';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string) => process.argv.includes(`--${name}`);
const log = (...args: unknown[]) => console.error(`[after ${new Date().toISOString().slice(11, 19)}]`, ...args);
const now = () => performance.now();

// ------------------------------------------------------------------------------------------------
// What happens in this process, on one timeline (performance.now()).

interface Statement {
  text: string;
  start: number;
  records: number;
  end: number;
  closed: number;
  /** Neo4j's own figures (ms): until the first record was ready, until the last was streamed. */
  available: number;
  consumed: number;
}
const statements: Statement[] = [];

/** Times every `session.run` of the driver (the store's statements) and every session's close. */
function timeBolt(session: Session): void {
  const proto = Object.getPrototypeOf(session) as Record<string, (...args: unknown[]) => unknown>;
  const run = proto.run;
  const close = proto.close;
  const open = new WeakMap<object, Statement[]>();
  proto.run = function (this: object, ...args: unknown[]) {
    const s: Statement = {
      text: String(args[0]).replace(/\s+/g, ' ').slice(0, 60),
      start: now(),
      records: 0,
      end: NaN,
      closed: NaN,
      available: NaN,
      consumed: NaN,
    };
    statements.push(s);
    const list = open.get(this) ?? [];
    list.push(s);
    open.set(this, list);
    const result = run.apply(this, args) as PromiseLike<{ records: unknown[]; summary: Record<string, any> }>;
    result.then(
      ({ records, summary }) => {
        s.end = now();
        s.records = records.length;
        s.available = Number(summary.resultAvailableAfter);
        s.consumed = Number(summary.resultConsumedAfter);
      },
      () => (s.end = now()),
    );
    return result;
  };
  proto.close = async function (this: object, ...args: unknown[]) {
    try {
      return await close.apply(this, args);
    } finally {
      for (const s of open.get(this) ?? []) s.closed = now();
    }
  };
}

interface GcEvent {
  start: number;
  duration: number;
  kind: string;
}
const gcEvents: GcEvent[] = [];
const GC_KINDS: Record<number, string> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
};
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind: number } }).detail?.kind ?? -1;
    gcEvents.push({ start: entry.startTime, duration: entry.duration, kind: GC_KINDS[kind] ?? String(kind) });
  }
});

/** Blocks of the event loop: a 1 ms timer that fired more than 4 ms late (its expected time → when it ran). */
const blocks: Array<{ start: number; end: number }> = [];
let probe: NodeJS.Timeout | null = null;
function probeLoop(): void {
  const expected = now() + 1;
  probe = setTimeout(() => {
    const late = now() - expected;
    if (late > 4) blocks.push({ start: expected, end: now() });
    probeLoop();
  }, 1);
}

// ------------------------------------------------------------------------------------------------
// Neo4j's JVM pauses, from its unified GC log (`time` decorator: the wall time the line was written).

interface JvmPause {
  /** Epoch ms. */
  start: number;
  end: number;
  what: string;
}
function jvmPauses(file: string | undefined): JvmPause[] {
  if (!file || !existsSync(file)) return [];
  const pauses: JvmPause[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const time = /^\[([^\]]+)\]/.exec(line)?.[1];
    if (!time) continue;
    const end = Date.parse(time.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    const gc = /\[gc\s*\] (GC\(\d+\) Pause .*) ([\d.]+)ms$/.exec(line);
    if (gc) pauses.push({ start: end - Number(gc[2]), end, what: gc[1] });
    const safepoint = /Safepoint "([^"]+)".*Reaching safepoint: (\d+) ns, At safepoint: (\d+) ns/.exec(line);
    if (safepoint) {
      const ms = (Number(safepoint[2]) + Number(safepoint[3])) / 1e6;
      if (ms >= 1) pauses.push({ start: end - ms, end, what: `safepoint ${safepoint[1]}` });
    }
  }
  return pauses;
}

// ------------------------------------------------------------------------------------------------

interface Timed {
  series: number;
  index: number;
  actor: string;
  busiest: boolean;
  start: number;
  /** The server's 'request' event; its response's 'finish'; the client's last byte; parsed and made canonical. */
  arrived: number;
  finished: number;
  received: number;
  done: number;
  bytes: number;
  dbCpu: number;
}

async function main(): Promise<void> {
  const storeKind = arg('store') ?? 'neo4j';
  const seriesCount = Number(arg('series') ?? 2);
  const config = loadBenchConfig([]);
  const size = process.env.BENCH_SIZES ? config.sizes[0]! : 100_000;
  const net = benchNetwork(size, config.hubs, config.seed);
  const spec = REQUESTS.find((s) => s.kind === 'actorPage')!;
  const pidFile = join(process.env.NEO4J_HOME_DIR ?? 'neo4j/home', 'neo4j.pid');
  const neo4jPid = process.env.BENCH_NEO4J_PID
    ? Number(process.env.BENCH_NEO4J_PID)
    : storeKind === 'neo4j' && existsSync(pidFile)
      ? Number(readFileSync(pidFile, 'utf8').trim())
      : null;

  log(`opening ${storeKind} at ${size}`);
  const opened = await openBenchStore(storeKind, size, arg('db'));
  const driver = storeKind === 'neo4j' ? driverFor(config.neo4jUri) : null;
  if (driver) {
    const session = driver.session();
    timeBolt(session);
    await session.close();
  }
  const store: NetworkStore = opened.store;
  const service = await NetworkService.start(store);
  const server = await listenForBench(service);
  let current: Timed | null = null;
  server.httpServer.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const timed = current;
    if (!timed) return;
    timed.arrived = now();
    res.on('finish', () => (timed.finished = now()));
  });
  // The bench's client; the moment each answer's text is in and its size go to the request timed now
  // (`current`, as for the server's hooks above: the timed series send one request at a time; only the
  // untimed concurrent runs of --random-first overlap, and their figures are not kept).
  const client = graphqlClient(server.url, 64, benchHeaders(), (text) => {
    if (!current) return;
    current.received = now();
    current.bytes = text.length;
  });
  /** One request as the bench sends it, its answer made canonical. */
  const ask = async (timed: Timed) =>
    spec.canonical(
      await client.request(spec.query, spec.variables({ actorId: timed.actor, others: [], search: '', seq: 0 })),
    );
  const all: Timed[] = [];
  const request = async (series: number, index: number, pool: string[]) => {
    const actor = inputFor(pool, net.allIds, index).actorId;
    const timed: Timed = {
      series,
      index,
      actor,
      busiest: actor === net.busiest.id,
      start: now(),
      arrived: NaN,
      finished: NaN,
      received: NaN,
      done: NaN,
      bytes: 0,
      dbCpu: procCpuMs(neo4jPid),
    };
    current = timed;
    // With --marks, a line per request on stdout: between the lines of node --trace-gc.
    if (flag('marks')) console.log(`mark ${series}/${index} ${actor} start`);
    await ask(timed);
    timed.done = now();
    if (flag('marks')) console.log(`mark ${series}/${index} ${actor} done ${(timed.done - timed.start).toFixed(1)} ms`);
    timed.dbCpu = procCpuMs(neo4jPid) - timed.dbCpu;
    current = null;
    return timed;
  };

  gcObserver.observe({ entryTypes: ['gc'] });
  probeLoop();
  const load = os.loadavg()[0]!;
  const started = Date.now();
  try {
    for (let series = 0; series < seriesCount; series++) {
      if (flag('random-first')) {
        const pool = net.randomActors;
        for (let i = 0; i < 4; i++) {
          await request(-1, i, pool);
          if (driver) await spec.cypherFloor!(driver, inputFor(pool, net.allIds, i));
        }
        for (let i = 0; i < 63; i++) await request(-1, i, pool);
        for (const c of config.concurrencies)
          await closedLoop((i) => request(-1, i, pool).then(() => undefined), c, config.loadMs);
      }
      const pool = net.busyActors;
      // The bench's check of the answers: the server's and the floor's for the pool's first four.
      for (let i = 0; i < 4; i++) {
        all.push({ ...(await request(series, i, pool)), index: -100 + i });
        if (driver) await spec.cypherFloor!(driver, inputFor(pool, net.allIds, i));
      }
      // serial(): three warm-up requests (0, 1, 2), then the 60 timed ones (3…62).
      for (let i = 0; i < 63; i++) all.push(await request(series, i, pool));
      log(`series ${series} done`);
    }
  } finally {
    if (probe) clearTimeout(probe);
    gcObserver.disconnect();
    client.close();
    await server.close();
    await service.drain();
    await opened.close();
    await driver?.close();
  }
  // Late GC entries arrive on the next turn.
  await new Promise((resolve) => setImmediate(resolve));

  const origin = performance.timeOrigin;
  const pauses = jvmPauses(process.env.BUSY_GC_LOG).map((p) => ({
    ...p,
    start: p.start - origin,
    end: p.end - origin,
  }));
  const within = <T extends { start: number }>(xs: T[], t: Timed, end = (x: T) => x.start) =>
    xs.filter((x) => end(x) >= t.start && x.start <= t.done);
  const report = all.map((t, n) => {
    const own = statements.filter((s) => s.start >= t.start && s.start <= t.done);
    const gcs = within(gcEvents, t, (g) => g.start + g.duration);
    const byKind: Record<string, { n: number; ms: number; max: number }> = {};
    for (const g of gcs) {
      const k = (byKind[g.kind] ??= { n: 0, ms: 0, max: 0 });
      k.n++;
      k.ms += g.duration;
      k.max = Math.max(k.max, g.duration);
    }
    const stall = own.map((s) => s.end - s.start);
    return {
      series: t.series,
      sample: t.index,
      timed: t.index >= 3,
      actor: t.actor,
      afterBusiest: n > 0 && all[n - 1]!.busiest,
      busiest: t.busiest,
      wall: t.done - t.start,
      toServer: t.arrived - t.start,
      serverWork: t.finished - t.arrived,
      toClient: t.received - t.finished,
      parse: t.done - t.received,
      bytes: t.bytes,
      statements: own.length,
      firstStatementAfter: own.length ? own[0]!.start - t.arrived : NaN,
      statementWall: stall.reduce((a, b) => a + b, 0),
      statementMax: Math.max(0, ...stall),
      neo4jAvailableMax: Math.max(0, ...own.map((s) => s.available)),
      neo4jConsumedMax: Math.max(0, ...own.map((s) => s.consumed)),
      closeMax: Math.max(0, ...own.map((s) => s.closed - s.end)),
      statementTexts: own.map((s) => `${(s.end - s.start).toFixed(1)} ms (${s.available}/${s.consumed}) ${s.text}`),
      gc: byKind,
      gcEvents: gcs.map((g) => `${g.kind} ${(g.start - t.start).toFixed(1)}+${g.duration.toFixed(1)}`),
      loopBlocks: within(blocks, t, (b) => b.end).map(
        (b) => `${(b.start - t.start).toFixed(1)}+${(b.end - b.start).toFixed(1)}`,
      ),
      dbCpu: t.dbCpu,
      jvmPauses: within(pauses, t, (p) => p.end).map(
        (p) => `${(p.start - t.start).toFixed(1)}+${(p.end - p.start).toFixed(1)} ${p.what}`,
      ),
      // Work the previous request left behind: statements of it still running when this one started.
      leftOver:
        n > 0 ? statements.filter((s) => s.start < t.start && (s.closed > t.start || s.end > t.start)).length : 0,
    };
  });
  if (arg('out')) writeFileSync(arg('out')!, JSON.stringify({ load, started, size, storeKind, report }, null, 1));

  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
  console.log(`load ${load.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}; ${storeKind} ${size}`);
  for (const series of new Set(report.map((r) => r.series))) {
    const timed = report.filter((r) => r.series === series && r.timed);
    const walls = timed.map((r) => r.wall).sort((a, b) => a - b);
    const p95 = walls[Math.ceil(0.95 * walls.length) - 1]!;
    console.log(
      `series ${series}: p50 ${f(middleValue(walls))} p95 ${f(p95)} ms; others than the busiest: p50 ${f(
        middleValue(timed.filter((r) => !r.busiest).map((r) => r.wall)),
      )}`,
    );
  }
  // The busiest's requests, the two after each, and each series' five slowest others.
  const slowest = new Set(
    [...new Set(report.map((r) => r.series))].flatMap((series) =>
      report
        .filter((r) => r.series === series && r.timed && !r.busiest)
        .sort((a, b) => b.wall - a.wall)
        .slice(0, 5),
    ),
  );
  console.log('the busiest, the two requests after it, the five slowest others (series/sample):');
  for (const [n, r] of report.entries()) {
    if (!r.afterBusiest && !r.busiest && !(n > 1 && report[n - 2]!.busiest) && !slowest.has(r)) continue;
    const gc = Object.entries(r.gc)
      .map(([k, v]) => `${k} ${v.n}×/${f(v.ms)}`)
      .join(', ');
    console.log(
      `${r.series}/${r.sample}${r.timed ? '' : ' (untimed)'} ${r.actor}${r.busiest ? ' BUSIEST' : ''}: wall ${f(r.wall)} = to server ${f(
        r.toServer,
      )} + server ${f(r.serverWork)} + to client ${f(r.toClient)} + parse ${f(r.parse)}; ${r.statements} statements (first after ${f(
        r.firstStatementAfter,
      )}, wall ${f(r.statementWall)}, max ${f(r.statementMax)}, neo4j ${f(r.neo4jAvailableMax)}/${f(r.neo4jConsumedMax)}, close ${f(
        r.closeMax,
      )}); gc ${gc || 'none'}; blocks ${r.loopBlocks.slice(0, 6).join(' ') || 'none'}; neo4j cpu ${f(r.dbCpu)}; jvm ${
        r.jvmPauses.slice(0, 6).join('; ') || 'none'
      }; left over ${r.leftOver}`,
    );
    if (!r.busiest) {
      for (const g of r.gcEvents) console.log(`    gc ${g}`);
      for (const s of r.statementTexts) console.log(`    ${s}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
