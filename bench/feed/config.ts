/**
 * What `npm run bench:feed` measures, from the environment (or `--sizes=…`, `--stores=…`):
 *
 *   BENCH_FEED_SIZES        actor counts, default 10000,100000
 *   BENCH_FEED_STORES       neo4j,embedded (default both)
 *   BENCH_FEED_WRITES       timed writes for the propagation latency (default 100)
 *   BENCH_FEED_BURST        writes of the burst (default 500)
 *   BENCH_FEED_IDLE_S       length of the idle window (default 60)
 *   BENCH_FEED_SUBSCRIBERS  idle subscribers on one server (default 1000)
 *   BENCH_FEED_DAY          writes while a replica is down (default 2000: a busy day of 200 writes × 10)
 *   BENCH_FEED_APPLY        timed in-process applies of one ordinary write (default 30; more for a steadier p95)
 *   BENCH_FEED_POLL_MS      FEED_POLL_MS for the replicas (default: as shipped, DEFAULT_FEED_POLL_MS)
 *   NEO4J_BOLT_PORT / NEO4J_HOME_DIR / BENCH_NEO4J_URI / BENCH_WIPE   as for `npm run bench` (bench/config.ts)
 *
 * The replicas run with FEED_POLL_MS as shipped (DEFAULT_FEED_POLL_MS) and RATE_LIMIT_MAX=0 (the bench
 * sends thousands of requests from one key on purpose).
 */
import { resolve } from 'node:path';
import { DEFAULT_FEED_POLL_MS } from '../../server/src/platform/config';
import type { StoreName } from '../config';

export interface FeedBenchConfig {
  sizes: number[];
  stores: StoreName[];
  writes: number;
  burst: number;
  idleSeconds: number;
  subscribers: number;
  dayWrites: number;
  /** In-process samples of applying one ordinary write. */
  applySamples: number;
  /** FEED_POLL_MS given to the replicas (default: as shipped). */
  feedPollMs: number;
  outDir: string;
  neo4jUri: string;
  startNeo4j: boolean;
  forceWipe: boolean;
  hubs: number;
  seed: number;
}

function list(value: string | undefined): string[] | null {
  return value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : null;
}

function whole(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not "${value}"`);
  return n;
}

export function loadFeedBenchConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): FeedBenchConfig {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = (list(arg('sizes') ?? env.BENCH_FEED_SIZES) ?? ['10000', '100000']).map((s) => {
    const n = Number(s.replace(/k$/i, '000'));
    if (!Number.isInteger(n) || n < 50) throw new Error(`BENCH_FEED_SIZES: "${s}" is not an actor count (>= 50)`);
    return n;
  });
  const stores = (list(arg('stores') ?? env.BENCH_FEED_STORES) ?? ['neo4j', 'embedded']).map((s) => {
    if (s !== 'embedded' && s !== 'neo4j') throw new Error(`BENCH_FEED_STORES: unknown store "${s}"`);
    return s as StoreName;
  });
  const port = env.NEO4J_BOLT_PORT || '7687';
  return {
    sizes,
    stores,
    writes: whole(env.BENCH_FEED_WRITES, 100, 'BENCH_FEED_WRITES'),
    burst: whole(env.BENCH_FEED_BURST, 500, 'BENCH_FEED_BURST'),
    idleSeconds: whole(env.BENCH_FEED_IDLE_S, 60, 'BENCH_FEED_IDLE_S'),
    subscribers: whole(env.BENCH_FEED_SUBSCRIBERS, 1000, 'BENCH_FEED_SUBSCRIBERS'),
    dayWrites: whole(env.BENCH_FEED_DAY, 2000, 'BENCH_FEED_DAY'),
    applySamples: whole(env.BENCH_FEED_APPLY, 30, 'BENCH_FEED_APPLY'),
    feedPollMs: env.BENCH_FEED_POLL_MS
      ? whole(env.BENCH_FEED_POLL_MS, 1000, 'BENCH_FEED_POLL_MS')
      : DEFAULT_FEED_POLL_MS,
    outDir: resolve(env.BENCH_OUT ?? 'bench/results'),
    neo4jUri: env.BENCH_NEO4J_URI || `bolt://127.0.0.1:${port}`,
    startNeo4j: !env.BENCH_NEO4J_URI,
    forceWipe: env.BENCH_WIPE === '1',
    hubs: 5,
    seed: 42,
  };
}
