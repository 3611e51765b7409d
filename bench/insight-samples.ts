/**
 * `npm run bench:insight-samples`: how the number of sampled source actors trades the time of
 * sampled betweenness (`centrality.ts`, above the exact limit) against the stability of the top
 * brokers. Per sample count and seed: CPU time, and how many of the top k by betweenness are also
 * in the top k of a reference run with many more sources (another seed); plus the rank correlation
 * (Spearman) of the reference's top 100 between the two.
 *
 *   node -r tsx/cjs bench/insight-samples.ts [--actors=100000] [--samples=8,16,32,64] [--seeds=3] [--reference=256]
 */
import { generateNetwork } from '../seed/generate';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { computeCentrality, rankNodes } from '../server/src/features/insight/centrality';
import { encodeProjectionNow } from '../server/src/features/insight/projection-arrays';
import { graphSpec } from '../server/src/features/insight/scope-masks';
import { buildScopedGraph } from '../server/src/features/insight/scoped-graph';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Spearman's rank correlation of `a` and `b` over `nodes`. */
function spearman(nodes: Int32Array, a: Float64Array, b: Float64Array): number {
  const rankOf = (values: Float64Array) => {
    const order = Array.from(nodes).sort((x, y) => values[y] - values[x] || x - y);
    const rank = new Map<number, number>();
    order.forEach((node, r) => rank.set(node, r));
    return rank;
  };
  const ra = rankOf(a);
  const rb = rankOf(b);
  const n = nodes.length;
  let d2 = 0;
  for (const node of nodes) d2 += (ra.get(node)! - rb.get(node)!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

async function main() {
  const actors = Number(arg('actors', '100000'));
  const counts = arg('samples', '8,16,32,64').split(',').map(Number);
  const seeds = Number(arg('seeds', '3'));
  const data = generateNetwork({ actors, hubs: 5, seed: 42 });
  const arrays = await encodeProjectionNow(NetworkProjection.fromSnapshot(snapshotOf(data)));
  const graph = buildScopedGraph(arrays.shared, graphSpec(arrays, {}));
  let s = cpu();
  const reference = computeCentrality(graph, { samples: Number(arg('reference', '256')), seed: 999 });
  const referenceMs = cpu() - s;
  const referenceOrder = rankNodes(reference.betweenness);
  console.log(
    `n=${graph.n} pairs=${graph.pairs}; reference: ${reference.samples} sources, ${Math.round(referenceMs)} ms CPU`,
  );
  const top = (order: Int32Array, k: number) => new Set(order.subarray(0, k));
  console.log(
    '| sources | CPU (median) | top 10 in reference top 10 | top 20 in top 20 | top 50 in top 50 | Spearman, reference top 100 |',
  );
  console.log('| ---: | ---: | --- | --- | --- | --- |');
  for (const samples of counts) {
    const ms: number[] = [];
    const overlap: Record<number, number[]> = { 10: [], 20: [], 50: [] };
    const rho: string[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      s = cpu();
      const values = computeCentrality(graph, { samples, seed });
      ms.push(cpu() - s);
      const order = rankNodes(values.betweenness);
      for (const k of [10, 20, 50]) {
        const ref = top(referenceOrder, k);
        overlap[k].push([...top(order, k)].filter((node) => ref.has(node)).length);
      }
      rho.push(spearman(referenceOrder.subarray(0, 100), reference.betweenness, values.betweenness).toFixed(3));
    }
    const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    console.log(
      `| ${samples} | ${Math.round(median)} ms | ${overlap[10].join(', ')} | ${overlap[20].join(', ')} | ${overlap[50].join(', ')} | ${rho.join(', ')} |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
