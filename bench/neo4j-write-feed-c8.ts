/**
 * `npx tsx bench/neo4j-write-feed-c8.ts`: what reading the feed page inside the write costs other
 * writers (store/neo4j/collaboration-writes.ts, `feedAfter`): the page's touched records are read
 * while the write holds the feed's sequence lock, which every writer queues on. BENCH_WRITERS (8)
 * writers at once on one store, each like a replica that follows the feed after each of its writes
 * (the others' events included), the bench's write (5 participants, random or busy actors):
 *   in write — the page from the write's own statement (readFeedPage only when none came);
 *   after    — the write without it, then readFeedPage after the commit (as before).
 * Per round each way runs BENCH_SECONDS (10) per actor class, the order turned each round, for
 * BENCH_ROUNDS (3); printed: writes per second (all writers), p50 / p95 of one write with its feed
 * (ms), the share of writes whose page came with them, CPU per write of Neo4j (BENCH_NEO4J_PID).
 * Needs a loaded network at BENCH_NEO4J_URI (BENCH_SIZES as it was loaded, e.g. by
 * bench/neo4j-read-ahead.ts); the collaborations it writes stay, like that bench's.
 */
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { MAX_FEED_PAGE, type FeedPage } from '../server/src/features/live/feed-rules';
import { createNeo4jStore } from '../server/src/store/neo4j';
import type { CreateCollaborationInput } from '../server/src/store/network-store';
import { loadBenchConfig } from './config';
import { benchNetwork, inputFor } from './network-data';
import { procCpuMs } from './process-probes';

const writers = Number(process.env.BENCH_WRITERS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const neo4jPid = process.env.BENCH_NEO4J_PID ? Number(process.env.BENCH_NEO4J_PID) : null;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
const median = (xs: number[]) => quantile(xs, 0.5);
const log = (...args: unknown[]) =>
  console.error(`[write-feed c${writers} ${new Date().toISOString().slice(11, 19)}]`, ...args);

type Way = 'in write' | 'after';

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const size = config.sizes[0];
  const net = benchNetwork(size, config.hubs, config.seed);
  const store = createNeo4jStore({ uri: config.neo4jUri, user: 'neo4j', password: 'neo4j' });
  let n = Date.now() % 1_000_000;
  const inputOf = (pool: string[]): CreateCollaborationInput => {
    const input = inputFor(pool, net.allIds, n++);
    return {
      title: `Bench-Treffen c${writers} ${input.seq}`,
      kind: 'MEETING',
      startDate: '2026-05-04',
      topicIds: [],
      participants: [input.actorId, ...input.others].map((actorId, k) => ({
        actorId,
        role: k === 0 ? 'ORGANISER' : 'PARTICIPANT',
      })),
    };
  };
  const lastSeq = (page: FeedPage, after: number) => page.events[page.events.length - 1]?.seq ?? after;

  /** One way for `seconds` with all writers at once: writes, their times, how many brought their page. */
  async function run(way: Way, pool: string[]) {
    const times: number[] = [];
    let inWrite = 0;
    const head = (await store.feedHead()).head;
    const until = performance.now() + seconds * 1000;
    const db = procCpuMs(neo4jPid);
    const writer = async () => {
      let seq = head;
      while (performance.now() < until) {
        const t = performance.now();
        const created = await store.createCollaborationWithParticipants(
          inputOf(pool),
          undefined,
          way === 'in write' ? seq : undefined,
        );
        if (created.feed) inWrite++;
        const page = created.feed ?? (await store.readFeedPage(seq, MAX_FEED_PAGE));
        seq = lastSeq(page, seq);
        times.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    return {
      perSecond: times.length / seconds,
      p50: median(times),
      p95: quantile(times, 0.95),
      inWrite: inWrite / times.length,
      dbCpu: (procCpuMs(neo4jPid) - db) / times.length,
    };
  }

  const results = new Map<string, Array<Awaited<ReturnType<typeof run>>>>();
  const loads: string[] = [];
  try {
    // Warm-up: both ways, a second each.
    for (const way of ['in write', 'after'] as const) {
      await Promise.all(
        Array.from({ length: writers }, () =>
          store.createCollaborationWithParticipants(
            inputOf(net.randomActors),
            undefined,
            way === 'in write' ? 0 : undefined,
          ),
        ),
      );
    }
    for (let round = 0; round < rounds; round++) {
      loads.push(os.loadavg()[0].toFixed(2));
      for (const actorClass of ['random', 'busy'] as const) {
        const pool = actorClass === 'busy' ? net.busyActors : net.randomActors;
        const ways: Way[] = round % 2 === 0 ? ['in write', 'after'] : ['after', 'in write'];
        for (const way of ways) {
          log(`round ${round + 1} ${actorClass} ${way}`);
          const key = `${actorClass} | ${way}`;
          results.set(key, [...(results.get(key) ?? []), await run(way, pool)]);
        }
      }
    }
  } finally {
    await store.close();
  }
  console.log(
    `\n${size} actors, ${writers} writers at once, ${seconds} s per series, median of ${rounds} rounds; load average at each round's start: ${loads.join(', ')} → ${os.loadavg()[0].toFixed(2)}\n`,
  );
  console.log(
    '| actors | feed page | writes/s | p50 / p95 ms (write + feed) | page in the write | Neo4j cpu ms / write |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [key, rs] of results) {
    const m = (f: (r: (typeof rs)[number]) => number) => median(rs.map(f));
    console.log(
      `| ${key} | ${m((r) => r.perSecond).toFixed(1)} (${rs.map((r) => r.perSecond.toFixed(0)).join(' / ')}) | ${m((r) => r.p50).toFixed(1)} / ${m((r) => r.p95).toFixed(1)} | ${(100 * m((r) => r.inWrite)).toFixed(0)} % | ${m((r) => r.dbCpu).toFixed(2)} |`,
    );
  }
}

main().catch((error) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
