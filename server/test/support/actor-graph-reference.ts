/**
 * The reference the typed-array insight is held to: the collaborates-with graph built from the
 * projection as a graphology graph, the way the service built it before the worker (one node per
 * actor of the kinds in scope, one undirected edge per pair sharing a collaboration in scope,
 * `weight` = how many or their recency weights), and graphology's own algorithms run on it —
 * exact betweenness/closeness (graphology-metrics), sampled Brandes (graphology-shortest-path's
 * indexed Brandes), components (graphology-components), Louvain. Tests compare the service's
 * results with these, value for value.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import type { NetworkProjection } from '../../src/graph/projection';
import { actorKindInScope, collaborationInScope, type ScopeFilter } from '../../src/graph/scope';
import { recencyWeight, type Recency } from '../../src/features/insight/recency';
import { seededRandom } from '../../src/platform/util/seeded-random';

export interface EdgeAttributes {
  /** Shared collaborations in scope. */
  count: number;
  /** `count`, or the sum of the shared collaborations' recency weights. */
  weight: number;
}
export type ActorGraph = Graph<Record<string, never>, EdgeAttributes>;

export interface ActorGraphOptions {
  filter?: ScopeFilter;
  /** Actors left out (the hand-over analysis). */
  without?: ReadonlySet<string>;
  recency?: Recency | null;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildActorGraph(projection: NetworkProjection, options: ActorGraphOptions = {}): ActorGraph {
  const filter = options.filter ?? {};
  const without = options.without ?? new Set<string>();
  const graph: ActorGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });

  const actorIds = [...projection.actors.keys()]
    .filter((id) => !without.has(id) && actorKindInScope(projection, id, filter))
    .sort(byId);
  const index = new Map<string, number>();
  actorIds.forEach((id, i) => {
    index.set(id, i);
    graph.addNode(id);
  });

  // Pairs keyed by i * n + j (i < j): plain numbers, far cheaper than string keys at 1M+ pairs.
  const n = actorIds.length;
  const count = new Map<number, number>();
  const weight = options.recency ? new Map<number, number>() : null;
  for (const c of projection.collaborations.values()) {
    if (!collaborationInScope(c, filter)) continue;
    const members: number[] = [];
    for (const a of c.actors) {
      const i = index.get(a);
      if (i !== undefined) members.push(i);
    }
    if (members.length < 2) continue;
    const w = options.recency ? recencyWeight(c, options.recency) : 1;
    members.sort((x, y) => x - y);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const key = members[x] * n + members[y];
        count.set(key, (count.get(key) ?? 0) + 1);
        if (weight) weight.set(key, (weight.get(key) ?? 0) + w);
      }
    }
  }
  for (const key of [...count.keys()].sort((a, b) => a - b)) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const c = count.get(key)!;
    graph.addUndirectedEdge(actorIds[i], actorIds[j], { count: c, weight: weight ? weight.get(key)! : c });
  }
  return graph;
}

/** Exact betweenness and closeness from graphology-metrics, keyed by actor id. */
export function exactMeasures(graph: ActorGraph) {
  return {
    betweenness: betweennessCentrality(graph, { getEdgeWeight: null, normalized: true }),
    closeness: closenessCentrality(graph, { wassermanFaust: true }),
  };
}

/** Components with members in id order, largest first, then by their first member. */
export function referenceComponents(graph: ActorGraph): string[][] {
  return connectedComponents(graph)
    .map((c) => [...c].sort(byId))
    .sort((a, b) => b.length - a.length || byId(a[0], b[0]));
}

/** Louvain as the service ran it on the graphology graph (seed 7): community per actor id, and the modularity. */
export function referenceLouvain(graph: ActorGraph, resolution = 1, seed = 7) {
  return louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
}

interface IndexedBrandes {
  (source: number): [{ size: number; items: ArrayLike<number>; pop(): number }, number[][], Uint32Array];
  index: { collect(values: ArrayLike<number>): Record<string, number> };
}

/**
 * Betweenness and closeness estimated from `samples` seeded source actors with
 * graphology-shortest-path's indexed Brandes (the service's estimate before the typed arrays).
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
    const others = samples - sampled[v];
    const reached = reachedSources[v];
    closenessValues[v] = reached === 0 || others === 0 ? 0 : (reached / others) * (reached / distanceSum[v]);
  }
  return { betweenness: brandes.index.collect(centralities), closeness: brandes.index.collect(closenessValues) };
}
