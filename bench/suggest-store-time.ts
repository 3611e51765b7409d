/**
 * `npx tsx bench/suggest-store-time.ts`: where the time of the bench's `suggestContacts` request
 * (or another of bench/requests.ts with `--request=`) goes, on one store, through the real server over HTTP (as `npm run bench`): per actor class the
 * wall p50 / p95, the store calls of one request, the time from the request's start to each store
 * call's start and end (median), the time spent waiting on the store (the union of the calls'
 * intervals), the CPU per request of this process and of Neo4j. Run it from two versions of the
 * code one after the other (BENCH_REUSE=1 keeps the loaded network) to compare them.
 *
 *   --request=suggestions|egoNetwork|… (a kind of bench/requests.ts; default suggestions)
 *   --store=neo4j|embedded   --db=FILE (embedded: a SQLite file of the bench network; loaded when new)
 *   --rounds=3 (each round: every actor of the class 3 times)   --profile=FILE (V8 CPU profile of the rounds)
 *   BENCH_SIZES (first only, default 100000), BENCH_REUSE=1, BENCH_WIPE=1, NEO4J_BOLT_PORT /
 *   BENCH_NEO4J_URI as for `npm run bench`; BENCH_NEO4J_PID: Neo4j's pid, for its CPU time.
 */
import 'reflect-metadata';
import os from 'node:os';
import type { NetworkStore } from '../server/src/store/network-store';
import { openBenchStore, serveBenchStore } from './open-bench-store';
import { loadBenchConfig } from './config';
import { benchNetwork } from './network-data';
import { REQUESTS } from './requests';
import { procCpuMs, startCpuProfile } from './process-probes';
import { middleValue, nowMs, percentiles } from './stats';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const median = middleValue;

/** One store call of the request being timed: its name, start and end (ms since the request's start). */
interface Call {
  name: string;
  start: number;
  end: number;
  /** getRecords: how many ids of each kind it was asked for. */
  asked?: { actors: number; topics: number; collaborations: number };
}

/** Wraps a store: every call's interval, relative to `since()`, is pushed to `calls`. */
function timingStore(inner: NetworkStore, since: () => number, calls: Call[]): NetworkStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const call: Call = { name: String(property), start: nowMs() - since(), end: NaN };
        if (property === 'getRecords') {
          const ids = args[0] as Record<'actors' | 'topics' | 'collaborations', readonly string[]>;
          call.asked = {
            actors: ids.actors.length,
            topics: ids.topics.length,
            collaborations: ids.collaborations.length,
          };
        }
        calls.push(call);
        const result = value.apply(target, args);
        if (result instanceof Promise)
          return result.finally(() => {
            call.end = nowMs() - since();
          });
        call.end = nowMs() - since();
        return result;
      };
    },
  });
}

/** The length of the union of the intervals: the time the request waited on at least one call. */
function covered(calls: readonly Call[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const c of sorted) {
    if (c.start > to) {
      if (to > from) total += to - from;
      from = c.start;
      to = c.end;
    } else to = Math.max(to, c.end);
  }
  if (to > from) total += to - from;
  return total;
}

async function main(): Promise<void> {
  const storeKind = arg('store') ?? 'neo4j';
  const rounds = Number(arg('rounds') ?? 3);
  const config = loadBenchConfig([]);
  const size = process.env.BENCH_SIZES ? config.sizes[0] : 100_000;
  const net = benchNetwork(size, config.hubs, config.seed);
  const neo4jPid = process.env.BENCH_NEO4J_PID ? Number(process.env.BENCH_NEO4J_PID) : null;
  const opened = await openBenchStore(storeKind, size, arg('db'));
  let requestStart = 0;
  const calls: Call[] = [];
  const served = await serveBenchStore(
    timingStore(opened.store, () => requestStart, calls),
    () => opened.close(),
  );
  const { service, client } = served;
  const requestKind = arg('request') ?? 'suggestions';
  const spec = REQUESTS.find((s) => s.kind === requestKind);
  if (!spec) throw new Error(`--request: one of ${REQUESTS.map((s) => s.kind).join(', ')}`);
  const ask = (id: string) =>
    client.request(spec.query, spec.variables({ actorId: id, others: [], search: '', seq: 0 }));
  try {
    for (const id of [...net.randomActors, ...net.busyActors]) await ask(id); // warm-up: index, kept walks
    await service.suggestions.keeper.idle();
    const stopProfile = await startCpuProfile(arg('profile'));
    const lines: string[] = [];
    for (const [name, pool] of Object.entries({ random: net.randomActors, busy: net.busyActors })) {
      const wall: number[] = [];
      const waited: number[] = [];
      const perCall = new Map<string, { start: number[]; end: number[] }>();
      let callCount = 0;
      const asked = { actors: [] as number[], topics: [] as number[], collaborations: [] as number[] };
      const cpu = process.cpuUsage();
      const db = procCpuMs(neo4jPid);
      for (let r = 0; r < rounds * 3; r++)
        for (const id of pool) {
          calls.length = 0;
          requestStart = nowMs();
          await ask(id);
          wall.push(nowMs() - requestStart);
          waited.push(covered(calls));
          callCount += calls.length;
          for (const c of calls)
            if (c.asked) for (const k of ['actors', 'topics', 'collaborations'] as const) asked[k].push(c.asked[k]);
          for (const c of calls) {
            const entry = perCall.get(c.name) ?? { start: [], end: [] };
            entry.start.push(c.start);
            entry.end.push(c.end);
            perCall.set(c.name, entry);
          }
        }
      const used = process.cpuUsage(cpu);
      const p = percentiles(wall);
      const n = wall.length;
      const callsText = [...perCall]
        .map(([c, t]) => `${c} ${median(t.start).toFixed(2)}→${median(t.end).toFixed(2)}`)
        .join(', ');
      const askedText = (['actors', 'topics', 'collaborations'] as const)
        .map((k) => `${k} ${median(asked[k])} (max ${Math.max(...asked[k])})`)
        .join(', ');
      lines.push(
        `${spec.kind} ${storeKind} ${size} ${name}: p50 ${p.p50.toFixed(2)} / p95 ${p.p95.toFixed(2)} ms (${n} requests); store calls ${(callCount / n).toFixed(1)} per request, waited on the store p50 ${median(waited).toFixed(2)} ms; CPU ${((used.user + used.system) / 1000 / n).toFixed(2)} ms + Neo4j ${((procCpuMs(neo4jPid) - db) / n).toFixed(2)} ms per request; calls (median start→end ms): ${callsText}${asked.actors.length > 0 ? `; getRecords asked for (median): ${askedText}` : ''}; load ${os.loadavg()[0].toFixed(2)}`,
      );
    }
    await stopProfile();
    console.log(lines.join('\n'));
  } finally {
    await served.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
