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
import { louvainOnGraph, louvainWithGraphology } from '../server/src/features/insight/clusters';

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
  const changedData = {
    ...data,
    collaborations: data.collaborations.map((c, x) => {
      if (x > 0) return c;
      const members = new Set((c.participants ?? []).map((p) => p.actorId));
      const actor = data.actors.find((a) => !members.has(a.id))!;
      return { ...c, participants: [...(c.participants ?? []), { actorId: actor.id, role: 'PARTICIPANT' as const }] };
    }),
  };
  const changed = await encodeProjectionNow(NetworkProjection.fromSnapshot(snapshotOf(changedData)));
  const modularity: Record<string, number[]> = {};
  const quality = (k: string, q: number) => (modularity[k] ??= []).push(Math.round(q * 1e5) / 1e5);
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
    const viaGraphology = louvainWithGraphology(graph, { exactLimit: 0 });
    note('worker: Louvain, graphology-communities-louvain (view; before)', t() - s);
    quality('graphology', viaGraphology.modularity);
    s = t();
    const louvain = louvainOnGraph(graph, {});
    note('worker: Louvain on the CSR (louvain-csr.ts)', t() - s);
    quality('CSR', louvain.modularity);
    // A small change (one actor joins a collaboration): the graph again, then Louvain from the
    // partition before (warm) and from scratch (cold).
    const changedGraph = buildScopedGraph(changed.shared, graphSpec(changed, {}));
    const communityOf = new Map<string, number>();
    graph.nodeOf.forEach((a, i) => communityOf.set(arrays.ids[a], louvain.communities[i]));
    s = t();
    const start = Int32Array.from(changedGraph.nodeOf, (a) => communityOf.get(changed.ids[a]) ?? -1);
    const warm = louvainOnGraph(changedGraph, {}, start);
    note('worker: Louvain after a change, warm (from the partition before)', t() - s);
    quality('CSR warm after a change', warm.modularity);
    s = t();
    const cold = louvainOnGraph(changedGraph, {});
    note('worker: Louvain after a change, cold', t() - s);
    quality('CSR cold after a change', cold.modularity);
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
  for (const [k, v] of Object.entries(modularity)) console.log(`| modularity, ${k} | ${v.join(', ')} |`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
