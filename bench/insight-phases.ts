/**
 * `npm run bench:insight-phases`: where the time of `brokers` and `clusters` goes at 100k actors,
 * on the projection directly (no store): encoding the projection after a change (main thread),
 * the masks (main thread), building the scope's graph, the algorithm, ranking / cluster facts (the
 * worker's parts, timed here in-process), and turning results into ids (main thread).
 *
 *   npm run bench:insight-phases -- [--actors=100000] [--runs=3]
 */
import { generateNetwork } from '../seed/generate';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { computeCentrality, rankNodes } from '../server/src/features/insight/centrality';
import { clusterOnArrays } from '../server/src/features/insight/clusters';
import { encodeProjectionNow } from '../server/src/features/insight/projection-arrays';
import { CentralityResult, clusteringOf } from '../server/src/features/insight/results';
import { graphSpec } from '../server/src/features/insight/scope-masks';
import { buildScopedGraph } from '../server/src/features/insight/scoped-graph';
import { louvainOnGraph } from '../server/src/features/insight/clusters';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

async function main() {
  const actors = Number(arg('actors', '100000'));
  const runs = Number(arg('runs', '3'));
  const data = generateNetwork({ actors, hubs: 5, seed: 42 });
  const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
  // CPU time of the process (this script is one thread): steadier than wall time on a shared machine.
  const t = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const rows: Record<string, number[]> = {};
  const note = (k: string, ms: number) => (rows[k] ??= []).push(Math.round(ms));
  for (let r = 0; r < runs; r++) {
    let s = t();
    const arrays = await encodeProjectionNow(projection);
    note('main: encode projection', t() - s);
    s = t();
    const spec = graphSpec(arrays, {});
    note('main: masks', t() - s);
    s = t();
    const graph = buildScopedGraph(arrays.shared, spec);
    note('worker: build graph', t() - s);
    s = t();
    const values = computeCentrality(graph, {});
    note('worker: sampled Brandes + degrees', t() - s);
    s = t();
    const order = {
      degree: rankNodes(values.degree),
      weightedDegree: rankNodes(values.weightedDegree),
      betweenness: rankNodes(values.betweenness),
      closeness: rankNodes(values.closeness),
    };
    note('worker: rank (4 sorts)', t() - s);
    s = t();
    const result = new CentralityResult(
      { ...values, nodeOf: graph.nodeOf, tieCount: graph.pairs, order },
      arrays.ids,
      arrays.index,
    );
    result.ranked('betweenness', 20);
    note('main: brokers to ids', t() - s);
    s = t();
    const louvain = louvainOnGraph(graph, {});
    note('worker: Louvain', t() - s);
    s = t();
    const clustering = clusterOnArrays(graph, arrays.shared, arrays.shared, spec.collaborationMask, {}, louvain);
    note('worker: cluster facts', t() - s);
    s = t();
    clusteringOf(clustering, arrays.ids, arrays.topicIds);
    note('main: clusters to ids', t() - s);
    console.error(
      `run ${r + 1}: n=${graph.n} pairs=${graph.pairs} samples=${values.samples} clusters=${clustering.clusterStarts.length - 1}`,
    );
  }
  for (const [k, v] of Object.entries(rows)) {
    const sorted = [...v].sort((a, b) => a - b);
    console.log(`| ${k} (CPU) | ${sorted[Math.floor(sorted.length / 2)]} ms | ${v.join(', ')} |`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
