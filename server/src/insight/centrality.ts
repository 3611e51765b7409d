/**
 * Brokers and reach: per actor on the collaborates-with graph
 * - degree: how many partners;
 * - weighted degree: shared collaborations summed over partners (or recency weights);
 * - betweenness: the share of shortest chains between other actors that pass through the actor
 *   (normalised to [0, 1]; hops, not weights: a broker is someone chains run through);
 * - closeness: Wasserman–Faust closeness (reach × 1 / mean distance), meaningful on a graph of
 *   several components.
 *
 * Up to `exactLimit` actors the exact values come from graphology-metrics. Above it (a city or a
 * state-wide network) betweenness and closeness are estimated from `samples` source actors picked
 * with a seeded random source (32–128, fewer on denser graphs) (Brandes' unweighted routine run
 * from each on a typed-array adjacency, `sampled-paths.ts`; the betweenness sum scaled by
 * n / samples — Brandes & Pich 2007), and the result says so.
 */
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import type { ActorGraph } from './actor-graph';
import { seededRandom } from '../util/seeded-random';
import { adjacencyOf, sampledPathsOnAdjacency, sampleSources } from './sampled-paths';

export interface ActorMetrics {
  actorId: string;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
}

export interface CentralityOptions {
  /** Exact betweenness and closeness up to this many actors. */
  exactLimit?: number;
  /** Source actors sampled above the limit. */
  samples?: number;
  seed?: number;
}

export interface Centrality {
  metrics: Map<string, ActorMetrics>;
  actorCount: number;
  tieCount: number;
  approximate: boolean;
  /** Source actors sampled, when approximate. */
  samples: number | null;
}

export const EXACT_LIMIT = 3000;
/** Sampled sources: as many as a budget of about 40M tie visits allows, 32 to 128. */
export function defaultSamples(ties: number): number {
  return Math.max(32, Math.min(128, Math.round(40_000_000 / Math.max(1, ties))));
}

export function computeCentrality(graph: ActorGraph, options: CentralityOptions = {}): Centrality {
  const exactLimit = options.exactLimit ?? EXACT_LIMIT;
  const approximate = graph.order > exactLimit;
  const samples = Math.min(graph.order, options.samples ?? defaultSamples(graph.size));

  let betweenness: Record<string, number>;
  let closeness: Record<string, number>;
  if (approximate) {
    ({ betweenness, closeness } = sampledPaths(graph, samples, options.seed ?? 1));
  } else {
    betweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
    closeness = closenessCentrality(graph, { wassermanFaust: true });
  }

  const metrics = new Map<string, ActorMetrics>();
  graph.forEachNode((actorId) => {
    let weightedDegree = 0;
    graph.forEachEdge(actorId, (_edge, attributes) => {
      weightedDegree += attributes.weight;
    });
    metrics.set(actorId, {
      actorId,
      degree: graph.degree(actorId),
      weightedDegree,
      betweenness: betweenness[actorId] ?? 0,
      closeness: closeness[actorId] ?? 0,
    });
  });
  return { metrics, actorCount: graph.order, tieCount: graph.size, approximate, samples: approximate ? samples : null };
}

interface IndexedBrandes {
  (source: number): [{ size: number; items: ArrayLike<number>; pop(): number }, number[][], Uint32Array];
  index: { collect(values: ArrayLike<number>): Record<string, number> };
}

/**
 * Betweenness and closeness estimated from a seeded sample of source actors, on a typed-array
 * adjacency (`sampled-paths.ts`): same values as `sampledPathsWithGraphology`, without an array of
 * predecessors per node and source.
 */
export function sampledPaths(graph: ActorGraph, samples: number, seed: number) {
  const { adjacency, nodes } = adjacencyOf(graph);
  const { betweenness, closeness } = sampledPathsOnAdjacency(adjacency, sampleSources(adjacency.n, samples, seed));
  const collect = (values: Float64Array) => {
    const record: Record<string, number> = {};
    for (let i = 0; i < nodes.length; i++) record[nodes[i]] = values[i];
    return record;
  };
  return { betweenness: collect(betweenness), closeness: collect(closeness) };
}

/**
 * The same estimate with graphology-shortest-path's indexed Brandes (what `sampledPaths` replaced;
 * kept as the reference the tests compare with).
 */
export function sampledPathsWithGraphology(graph: ActorGraph, samples: number, seed: number) {
  const brandes = createUnweightedIndexedBrandes(graph) as unknown as IndexedBrandes;
  const n = graph.order;
  const rand = seededRandom(seed);
  // A partial Fisher–Yates shuffle picks the sources.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < samples; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const sampled = new Uint8Array(n);
  for (let i = 0; i < samples; i++) sampled[order[i]] = 1;
  const centralities = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const reachedSources = new Uint32Array(n);
  const distanceSum = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    const source = order[s];
    const [stack, predecessors, sigma] = brandes(source);
    // Distances from the BFS order: every node's first predecessor is one step closer.
    for (let k = 0; k < stack.size; k++) {
      const w = stack.items[k];
      distance[w] = w === source ? 0 : distance[predecessors[w][0]] + 1;
      delta[w] = 0;
      if (w !== source) {
        reachedSources[w]++;
        distanceSum[w] += distance[w];
      }
    }
    while (stack.size !== 0) {
      const w = stack.pop();
      const coefficient = (1 + delta[w]) / sigma[w];
      for (const v of predecessors[w]) delta[v] += sigma[v] * coefficient;
      if (w !== source) centralities[w] += delta[w];
    }
  }
  const scale = n <= 2 ? 0 : n / samples / ((n - 1) * (n - 2));
  const closenessValues = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    centralities[v] *= scale;
    const others = samples - (sampled[v]);
    const reached = reachedSources[v];
    closenessValues[v] = reached === 0 || others === 0 ? 0 : (reached / others) * (reached / distanceSum[v]);
  }
  return { betweenness: brandes.index.collect(centralities), closeness: brandes.index.collect(closenessValues) };
}

