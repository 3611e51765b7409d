/**
 * What `npm run bench` measures, from the environment (or `--sizes=1000,10000` on the command line):
 *
 *   BENCH_SIZES        actor counts, default 1000,10000,100000
 *   BENCH_STORES       embedded,neo4j (default both)
 *   BENCH_PEER         0 to skip @neo4j/graphql (default on)
 *   BENCH_THIN         0 to skip the thin GraphQL server over the Neo4j floors (thin-server.ts; default on)
 *   BENCH_REQUESTS     request kinds to run, e.g. actorPanel,actorList (default all; names in requests.ts)
 *   BENCH_SAMPLES      requests per kind and actor class at concurrency 1 (default 60)
 *   BENCH_LOAD_MS      duration of each concurrency-8/32 run (default 1500)
 *   BENCH_START        0 to skip the start-time / peak-RSS runs (default on)
 *   BENCH_OUT          results folder (default bench/results)
 *   NEO4J_BOLT_PORT    port of the project's Neo4j (default 7687; also read by neo4j/neo4j.sh)
 *   NEO4J_HOME_DIR     its home folder (default neo4j/home; read by neo4j/neo4j.sh)
 *   BENCH_NEO4J_URI    a Neo4j to use instead (not started by the bench); default bolt://127.0.0.1:$NEO4J_BOLT_PORT
 *
 * The bench EMPTIES the Neo4j it uses (like the test suites): it refuses a database that holds
 * more than a few thousand nodes it did not write itself, unless BENCH_WIPE=1.
 */
import { resolve } from 'node:path';

export type StoreName = 'embedded' | 'neo4j';

export interface BenchConfig {
  sizes: number[];
  stores: StoreName[];
  peer: boolean;
  /** The thin GraphQL server over the Neo4j floors' Cypher (thin-server.ts). */
  thin: boolean;
  /** Request kinds to run; null: all. */
  requests: string[] | null;
  samples: number;
  loadMs: number;
  concurrencies: number[];
  startRuns: boolean;
  outDir: string;
  neo4jUri: string;
  /** True when the bench may start the project's Neo4j (no BENCH_NEO4J_URI given). */
  startNeo4j: boolean;
  forceWipe: boolean;
  /** Hub actors in the generated networks. */
  hubs: number;
  seed: number;
}

function list(value: string | undefined): string[] | null {
  if (!value) return null;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function loadBenchConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): BenchConfig {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = (list(arg('sizes') ?? env.BENCH_SIZES) ?? ['1000', '10000', '100000']).map((s) => {
    const n = Number(s.replace(/k$/i, '000'));
    if (!Number.isInteger(n) || n < 50) throw new Error(`BENCH_SIZES: "${s}" is not an actor count (>= 50)`);
    return n;
  });
  const stores = (list(arg('stores') ?? env.BENCH_STORES) ?? ['embedded', 'neo4j']).map((s) => {
    if (s !== 'embedded' && s !== 'neo4j') throw new Error(`BENCH_STORES: unknown store "${s}"`);
    return s as StoreName;
  });
  const port = env.NEO4J_BOLT_PORT || '7687';
  return {
    sizes,
    stores,
    peer: (arg('peer') ?? env.BENCH_PEER) !== '0' && stores.includes('neo4j'),
    thin: (arg('thin') ?? env.BENCH_THIN) !== '0' && stores.includes('neo4j'),
    requests: list(arg('requests') ?? env.BENCH_REQUESTS),
    samples: Number(env.BENCH_SAMPLES ?? 60),
    loadMs: Number(env.BENCH_LOAD_MS ?? 1500),
    concurrencies: [8, 32],
    startRuns: env.BENCH_START !== '0',
    outDir: resolve(env.BENCH_OUT ?? 'bench/results'),
    neo4jUri: env.BENCH_NEO4J_URI || `bolt://127.0.0.1:${port}`,
    startNeo4j: !env.BENCH_NEO4J_URI,
    forceWipe: env.BENCH_WIPE === '1',
    hubs: 5,
    seed: 42,
  };
}
