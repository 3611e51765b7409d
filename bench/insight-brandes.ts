/**
 * `npm run bench:insight-brandes [-- --actors=100000] [--runs=3] [--threads=2]`: sampled Brandes
 * through the collaborations at 100k actors (the brokers' algorithm, `defaultSamples` sources),
 * alternating: one thread on the arrays in id order (as before `walk-order.ts`), one thread on the
 * arrays numbered for walks, and a `PathsPool` of `threads` threads (helpers started and warmed
 * first): wall time and process CPU time (all threads) per run, and a check that all give the same
 * bits. Load average beside each row.
 */
import os from 'node:os';
import { lowerThreadPriority } from '../server/src/platform/util/background-thread';
import { generateNetwork } from '../seed/generate';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { defaultSamples } from '../server/src/features/insight/centrality';
import { PathsPool } from '../server/src/features/insight/paths-pool';
import { encodeProjectionNow } from '../server/src/features/insight/projection-arrays';
import { sampleSources } from '../server/src/features/insight/sampled-paths';
import { finishSampledPaths } from '../server/src/features/insight/sampled-paths';
import { groupWalker, sampledPathsOnGroups, walkArraysOf } from '../server/src/features/insight/sampled-paths-groups';
import { graphSpec } from '../server/src/features/insight/scope-masks';
import { buildScopedGraph } from '../server/src/features/insight/scoped-graph';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function sameBits(a: Float64Array, b: Float64Array): boolean {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

async function main() {
  // At the insight worker's priority, as its helpers (nice +10).
  lowerThreadPriority();
  const actors = Number(arg('actors', '100000'));
  const runs = Number(arg('runs', '3'));
  const threads = Number(arg('threads', String(os.availableParallelism())));
  const arrays = await encodeProjectionNow(
    NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors, hubs: 5, seed: 42 }))),
  );
  const graph = buildScopedGraph(arrays.shared, graphSpec(arrays, {}));
  const grouped = { ...graph, groups: graph.groups! };
  const sources = sampleSources(graph.n, Math.min(graph.n, defaultSamples(graph.pairs)), 1);
  const pool = new PathsPool(threads);
  pool.sampledPaths(grouped, sources.slice(0, threads)); // start the helpers
  await new Promise((r) => setTimeout(r, 2000)); // let them load
  pool.sampledPaths(grouped, sources.slice(0, threads * 2));
  console.log(`${actors} actors, ${sources.length} sources, pool of ${threads} threads`);
  const load = () => os.loadavg()[0].toFixed(1);
  /** As before walk-order.ts: one thread, the arrays in id order. */
  const inIdOrder = () => {
    const n = graph.n;
    const [centralities, reachedSources, distanceSum, sampled] = [
      new Float64Array(n),
      new Uint32Array(n),
      new Float64Array(n),
      new Uint8Array(n),
    ];
    const walk = groupWalker(walkArraysOf(grouped), reachedSources, distanceSum);
    for (const s of sources) {
      walk(s, centralities);
      sampled[s] = 1;
    }
    return finishSampledPaths({ centralities, sampled, reachedSources, distanceSum, samples: sources.length });
  };
  for (let r = 0; r < runs; r++) {
    let wall = performance.now();
    let c = cpu();
    const before = inIdOrder();
    console.log(
      `id order, one thread: wall ${(performance.now() - wall).toFixed(0)} ms, CPU ${(cpu() - c).toFixed(0)} ms (${((cpu() - c) / sources.length).toFixed(1)} ms/source), load ${load()}`,
    );
    wall = performance.now();
    c = cpu();
    const one = sampledPathsOnGroups(grouped, sources);
    console.log(
      `walk order, one thread: wall ${(performance.now() - wall).toFixed(0)} ms, CPU ${(cpu() - c).toFixed(0)} ms (${((cpu() - c) / sources.length).toFixed(1)} ms/source), load ${load()}`,
    );
    wall = performance.now();
    c = cpu();
    const many = pool.sampledPaths(grouped, sources);
    console.log(
      `pool of ${threads}: wall ${(performance.now() - wall).toFixed(0)} ms, CPU ${(cpu() - c).toFixed(0)} ms, ${pool.walkedHere} sources walked here, load ${load()}, same bits: ${sameBits(one.betweenness, many.betweenness) && sameBits(one.closeness, many.closeness) && sameBits(before.betweenness, one.betweenness) && sameBits(before.closeness, one.closeness)}`,
    );
  }
  await pool.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
