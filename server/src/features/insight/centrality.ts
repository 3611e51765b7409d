/**
 * Brokers and reach: per node of the collaborates-with graph (`scoped-graph.ts`)
 * - degree: how many partners;
 * - weighted degree: shared collaborations summed over partners (or recency weights);
 * - betweenness: the share of shortest chains between other actors that pass through the actor
 *   (normalised to [0, 1]; hops, not weights: a broker is someone chains run through);
 * - closeness: Wasserman–Faust closeness (reach × 1 / mean distance), meaningful on a graph of
 *   several components.
 *
 * Up to `exactLimit` actors the exact values come from graphology-metrics (on a graphology graph
 * made from the typed arrays). Above it (a city or a state-wide network) betweenness and
 * closeness are estimated from `samples` source actors picked with a seeded random source (32–128,
 * fewer on denser graphs) (Brandes' unweighted routine run from each on the typed arrays,
 * `sampled-paths.ts`, through the collaborations in `sampled-paths-groups.ts`; the betweenness sum scaled by n / samples — Brandes & Pich 2007), and the
 * result says so. Runs in the insight worker.
 */
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { toGraphology } from './graphology-view';
import { sampledPathsOnAdjacency, sampleSources } from './sampled-paths';
import type { PathsPool } from './paths-pool';
import { sampledPathsOnGroups } from './sampled-paths-groups';
import { tieWeight, type ScopedGraph } from './scoped-graph';

export interface CentralityOptions {
  /** Exact betweenness and closeness up to this many actors. */
  exactLimit?: number;
  /** Source actors sampled above the limit. */
  samples?: number;
  seed?: number;
}

/** Per node (the graph's numbering). */
export interface CentralityValues {
  degree: Int32Array;
  weightedDegree: Float64Array;
  betweenness: Float64Array;
  closeness: Float64Array;
  approximate: boolean;
  /** Source actors sampled, when approximate. */
  samples: number | null;
}

export const EXACT_LIMIT = 3000;
/** Sampled sources: as many as a budget of about 40M tie visits allows, 32 to 128. */
export function defaultSamples(ties: number): number {
  return Math.max(32, Math.min(128, Math.round(40_000_000 / Math.max(1, ties))));
}

/** `pool`: helper threads that share the sampled sources (`paths-pool.ts`; the same values). */
export function computeCentrality(
  graph: ScopedGraph,
  options: CentralityOptions = {},
  pool: PathsPool | null = null,
): CentralityValues {
  const exactLimit = options.exactLimit ?? EXACT_LIMIT;
  const approximate = graph.n > exactLimit;
  const samples = Math.min(graph.n, options.samples ?? defaultSamples(graph.pairs));

  let betweenness: Float64Array;
  let closeness: Float64Array;
  if (approximate) {
    const sources = sampleSources(graph.n, samples, options.seed ?? 1);
    // Through the collaborations when the graph has them (the same values up to rounding, a
    // fraction of the work); pair by pair for a graph without them (the hand-over's rest).
    if (graph.groups) {
      const grouped = { ...graph, groups: graph.groups };
      ({ betweenness, closeness } = pool
        ? pool.sampledPaths(grouped, sources)
        : sampledPathsOnGroups(grouped, sources));
    } else ({ betweenness, closeness } = sampledPathsOnAdjacency(graph, sources));
  } else {
    const g = toGraphology(graph);
    const exactBetweenness = betweennessCentrality(g, { getEdgeWeight: null, normalized: true });
    const exactCloseness = closenessCentrality(g, { wassermanFaust: true });
    betweenness = new Float64Array(graph.n);
    closeness = new Float64Array(graph.n);
    for (let i = 0; i < graph.n; i++) {
      betweenness[i] = exactBetweenness[String(i)] ?? 0;
      closeness[i] = exactCloseness[String(i)] ?? 0;
    }
  }

  const degree = new Int32Array(graph.n);
  const weightedDegree = new Float64Array(graph.n);
  for (let i = 0; i < graph.n; i++) {
    degree[i] = graph.starts[i + 1] - graph.starts[i];
    // Partners in ascending order: the order graphology's edge iteration had.
    let sum = 0;
    for (let k = graph.starts[i]; k < graph.starts[i + 1]; k++) sum += tieWeight(graph, k);
    weightedDegree[i] = sum;
  }
  return { degree, weightedDegree, betweenness, closeness, approximate, samples: approximate ? samples : null };
}

/**
 * Node numbers ranked by a value, highest first, ties by node number (= id order) — the order every
 * ranking of the API uses.
 */
export function rankNodes(values: ArrayLike<number>): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => values[b] - values[a] || a - b);
}
