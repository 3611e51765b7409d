/**
 * `npm run bench:suggest`: how long `suggestContacts` takes for one actor, through the whole GraphQL
 * pipeline (Apollo's executeOperation, resolvers, loaders, store; no HTTP, which adds ~0.5 ms), on
 * generated networks of 1k, 10k and 100k actors (seed/generate.ts, 5 hub actors, seed 42), on the
 * embedded store and on Neo4j. Also: the scoring alone (suggest + explain on the projection), the
 * first request after start (which builds the suggestion index), and the index's memory. The
 * request series are warm: the walks of expensive actors (hubs) are kept after their first list
 * (kept-walks.ts); the 5 busiest actors' first list on an index, as after a write, is shown apart
 * as `cold` (3 rounds, each after dropping the kept walks).
 *
 *   --sizes=1000,10000,100000   --stores=embedded,neo4j   --requests=200
 *   NEO4J_URI (default bolt://127.0.0.1:7687)
 *
 * Neo4j: the bench EMPTIES the database it is pointed at (like the test suites, it refuses one with
 * more than 200,000 nodes) and empties it again when done. Writes bench/results/suggest-latency.json.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { generateNetwork } from '../seed/generate';
import { queryActors } from './suggest-actors';
import { createContext } from '../server/src/platform/graphql/context';
import { BENCH_PRINCIPAL } from './auth';
import { createApolloServer } from '../server/src/platform/http/app';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { createNeo4jStore } from '../server/src/store/neo4j';
import type { GraphData, NetworkStore } from '../server/src/store/network-store';
import { pairCount } from '../server/src/features/suggestions/csr';
import { buildSuggestionIndex, indexBytes, suggestionIndex } from '../server/src/features/suggestions/suggestion-index';
import { forgetKeptWalks } from '../server/src/features/suggestions/kept-walks';

const QUERY = `query($id: ID!) {
  suggestContacts(actorId: $id, first: 10) {
    actor { id name kind } score parts { name label value contribution }
    sharedTopics { weight topic { id name } }
    mutualCollaborators { actor { id name } withActor { id title } withSuggested { id title } }
    explanation
  }
}`;

const MAX_NODES_TO_WIPE = 200_000;
/** Rows per mergeGraph call: Neo4j's default transaction memory (~700 MB) does not hold 100k actors at once. */
const ACTOR_CHUNK = 10_000;
const COLLABORATION_CHUNK = 2_000;

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
};
const ms = (x: number) => Number(x.toFixed(2));

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    const nodes = neo4j.integer.toNumber((await session.run('MATCH (n) RETURN count(n) AS n')).records[0].get('n'));
    if (nodes > MAX_NODES_TO_WIPE) throw new Error(`refusing to empty a Neo4j with ${nodes} nodes`);
    if (nodes === 0) return;
    // Relationships first, then nodes, in small transactions: a batch of nodes that holds a hub with
    // its thousands of relationships exceeds the transaction memory.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** mergeGraph in chunks: topics, actors 10,000 at a time, then collaborations 2,000 at a time. */
async function load(store: NetworkStore, data: GraphData): Promise<number> {
  const started = performance.now();
  await store.mergeGraph({ topics: data.topics, actors: [], collaborations: [] });
  for (let i = 0; i < data.actors.length; i += ACTOR_CHUNK) {
    await store.mergeGraph({ topics: [], actors: data.actors.slice(i, i + ACTOR_CHUNK), collaborations: [] });
  }
  for (let i = 0; i < data.collaborations.length; i += COLLABORATION_CHUNK) {
    await store.mergeGraph({
      topics: [],
      actors: [],
      collaborations: data.collaborations.slice(i, i + COLLABORATION_CHUNK),
    });
  }
  return (performance.now() - started) / 1000;
}

function heapBytes(): number {
  global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function measure(storeName: string, store: NetworkStore, data: GraphData, requests: number) {
  const loadSeconds = await load(store, data);
  let t = performance.now();
  const service = await NetworkService.start(store);
  const projectionMs = performance.now() - t;

  // Memory of the index: typed arrays counted, and the heap grown by building one more.
  const before = heapBytes();
  const probe = buildSuggestionIndex(service.projection);
  const heapDelta = heapBytes() - before;
  const pairs = pairCount(probe.graph);
  const memory = {
    pairs,
    typedArrayBytes: indexBytes(probe),
    heapBytes: heapDelta,
    mbPerMillionPairs: pairs > 0 ? indexBytes(probe) / 1e6 / (pairs / 1e6) : null,
    heapMbPerMillionPairs: pairs > 0 && global.gc ? heapDelta / 1e6 / (pairs / 1e6) : null,
    buildMs: ms(probe.buildMs),
  };

  const apollo = await createApolloServer(null, {
    corsOrigins: [],
    bodyLimit: '1mb',
    introspection: false,
    production: true,
  });
  await apollo.start();
  const run = async (id: string) => {
    const started = performance.now();
    const response = await apollo.executeOperation(
      { query: QUERY, variables: { id } },
      { contextValue: createContext(service, BENCH_PRINCIPAL) },
    );
    const elapsed = performance.now() - started;
    if (response.body.kind !== 'single' || response.body.singleResult.errors)
      throw new Error(JSON.stringify(response.body));
    return elapsed;
  };

  const actors = queryActors(data);
  t = performance.now();
  const firstRequestMs = await run(actors[0]); // builds the suggestion index
  const indexBuildMs = suggestionIndex(service.projection).buildMs;
  for (const id of actors) await run(id); // warm-up
  // The walks of expensive actors are kept after their first list (kept-walks.ts): the series below
  // are warm; the first list of the 5 busiest on an index (after a write) is timed apart, `cold`.
  await service.suggestions.keeper.idle();
  const graphql: number[] = [];
  const busy: number[] = [];
  const typical: number[] = [];
  for (let k = 0; k < requests; k++) {
    const id = actors[k % actors.length];
    const elapsed = await run(id);
    graphql.push(elapsed);
    (actors.indexOf(id) < 5 ? busy : typical).push(elapsed);
  }
  const cold: number[] = [];
  for (let round = 0; round < 3; round++) {
    const index = await service.suggestions.index();
    for (const id of actors.slice(0, 5)) {
      forgetKeptWalks(index);
      cold.push(await run(id));
    }
    await service.suggestions.keeper.idle();
  }
  const scoring: number[] = [];
  for (let k = 0; k < requests; k++) {
    const id = actors[k % actors.length];
    const started = performance.now();
    await service.suggestions.suggestExplained(id, { first: 10 });
    scoring.push(performance.now() - started);
  }
  await apollo.stop();
  await service.drain();
  return {
    store: storeName,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    projectionMs: ms(projectionMs),
    indexBuildMs: ms(indexBuildMs),
    firstRequestMs: ms(firstRequestMs),
    graphql: Object.fromEntries(Object.entries(summary(graphql)).map(([k, v]) => [k, ms(v)])),
    graphqlRandomActors: Object.fromEntries(Object.entries(summary(typical)).map(([k, v]) => [k, ms(v)])),
    graphqlBusiestActors: Object.fromEntries(Object.entries(summary(busy)).map(([k, v]) => [k, ms(v)])),
    graphqlBusiestActorsCold: Object.fromEntries(Object.entries(summary(cold)).map(([k, v]) => [k, ms(v)])),
    scoringOnly: Object.fromEntries(Object.entries(summary(scoring)).map(([k, v]) => [k, ms(v)])),
    memory,
  };
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
  const stores = arg('stores', 'embedded,neo4j').split(',');
  const requests = Number(arg('requests', '200'));
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  if (!global.gc) console.warn('(run with node --expose-gc for the heap figure: npm run bench:suggest does)');

  const results: unknown[] = [];
  const errors: string[] = [];
  for (const size of sizes) {
    const data = generateNetwork({ actors: size, hubs: 5, seed: 42 });
    /** Prepares and measures one store; a failure is recorded and the run goes on with the next. */
    const measureInto = async (actors: number, name: string, store: NetworkStore, prepare: () => Promise<void>) => {
      try {
        await prepare();
        const r = await measure(name, store, data, requests);
        results.push({ actors, ...r });
        console.log(JSON.stringify(r));
      } catch (error) {
        errors.push(`${actors} ${name}: ${(error as Error).message}`);
        console.error(error);
      }
    };
    for (const name of stores) {
      console.log(`${size} actors on ${name}: loading …`);
      if (name === 'embedded') {
        const dir = mkdtempSync(join(os.tmpdir(), 'quartiernetz-suggest-'));
        const store = createEmbeddedStore({ filename: join(dir, 'bench.sqlite') });
        try {
          await measureInto(size, name, store, () => store.init());
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      } else {
        const driver = neo4j.driver(
          uri,
          neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
        );
        const store = createNeo4jStore({
          uri,
          user: process.env.NEO4J_USER ?? 'neo4j',
          password: process.env.NEO4J_PASSWORD ?? 'neo4j',
        });
        try {
          await measureInto(size, name, store, async () => {
            await wipe(driver);
            await store.init();
          });
        } finally {
          await wipe(driver).catch((e) => console.warn('could not empty Neo4j:', (e as Error).message));
          await store.close();
          await driver.close();
        }
      }
    }
  }

  console.log(
    '\n| actors | pairs | store | random actors: median / p95 | 5 busiest actors, warm: median / p95 | 5 busiest, first list on an index (cold): median / p95 | all: p95 | scoring only: p95 | first request (index build) | index MB per million pairs |',
  );
  console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results as any[]) {
    console.log(
      `| ${r.actors.toLocaleString('en')} | ${r.memory.pairs.toLocaleString('en')} | ${r.store} | ${r.graphqlRandomActors.median} / ${r.graphqlRandomActors.p95} ms | ` +
        `${r.graphqlBusiestActors.median} / ${r.graphqlBusiestActors.p95} ms | ` +
        `${r.graphqlBusiestActorsCold.median} / ${r.graphqlBusiestActorsCold.p95} ms | ${r.graphql.p95} ms | ${r.scoringOnly.p95} ms | ` +
        `${r.firstRequestMs} ms (${r.indexBuildMs} ms) | ${r.memory.mbPerMillionPairs?.toFixed(1)} (heap ${r.memory.heapMbPerMillionPairs?.toFixed(1) ?? '–'}) |`,
    );
  }
  const out = resolve(__dirname, 'results', 'suggest-latency.json');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, requests, results, errors }, null, 2)}\n`,
  );
  console.log(`wrote ${out}`);
  if (errors.length > 0) {
    console.error(`errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
