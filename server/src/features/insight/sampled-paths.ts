/**
 * Sampled Brandes on a typed-array adjacency (CSR, `scoped-graph.ts`): betweenness and closeness
 * estimated from a seeded sample of source actors, for graphs above the exact limit (see
 * `centrality.ts`); and connected components by BFS.
 *
 * Same definition as graphology-shortest-path's unweighted indexed Brandes that it replaces (hops,
 * not weights; same BFS order, so the same sums in the same order — identical values), but
 * without per-node predecessor arrays: predecessors of w are its neighbours one hop closer to the
 * source, found again on the way back. Memory is a few typed arrays of n and the adjacency.
 */
import { seededRandom } from '../../platform/util/seeded-random';

export interface Adjacency {
  /** Number of nodes. */
  n: number;
  /** Length n + 1: node i's neighbours are `neighbours[starts[i] .. starts[i + 1])`. */
  starts: Int32Array;
  neighbours: Int32Array;
}

/** `samples` source indexes from a seeded partial Fisher–Yates shuffle of 0 … n − 1. */
export function sampleSources(n: number, samples: number, seed: number): Int32Array {
  const rand = seededRandom(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 0; i < samples; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.slice(0, samples);
}

/**
 * Betweenness (sum over the sources of the dependencies, scaled by n / samples and normalised by
 * (n − 1)(n − 2) like graphology-metrics) and Wasserman–Faust closeness estimated from the
 * sampled sources, per node index.
 */
export function sampledPathsOnAdjacency(adjacency: Adjacency, sources: ArrayLike<number>) {
  const { n, starts, neighbours } = adjacency;
  const samples = sources.length;
  const sampled = new Uint8Array(n);
  for (let s = 0; s < samples; s++) sampled[sources[s]] = 1;
  const centralities = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  // Float64: counts of shortest paths overflow 32 bits on large graphs.
  const sigma = new Float64Array(n);
  const stack = new Int32Array(n); // the BFS queue; read backwards it is Brandes' stack
  const reachedSources = new Uint32Array(n);
  const distanceSum = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    const source = sources[s];
    distance.fill(-1);
    sigma.fill(0);
    sigma[source] = 1;
    distance[source] = 0;
    stack[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = stack[head++];
      const dv = distance[v];
      const sv = sigma[v];
      delta[v] = 0;
      if (v !== source) {
        reachedSources[v]++;
        distanceSum[v] += dv;
      }
      for (let j = starts[v], stop = starts[v + 1]; j < stop; j++) {
        const w = neighbours[j];
        if (distance[w] === -1) {
          stack[tail++] = w;
          distance[w] = dv + 1;
        }
        if (distance[w] === dv + 1) sigma[w] += sv;
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const w = stack[k];
      const coefficient = (1 + delta[w]) / sigma[w];
      const closer = distance[w] - 1;
      for (let j = starts[w], stop = starts[w + 1]; j < stop; j++) {
        const v = neighbours[j];
        if (distance[v] === closer) delta[v] += sigma[v] * coefficient;
      }
      centralities[w] += delta[w];
    }
  }
  return finishSampledPaths({ centralities, sampled, reachedSources, distanceSum, samples });
}

/** What both sampled walks (this one and ./sampled-paths-groups.ts) gather per node before scaling. */
export interface SampledPathSums {
  /** Sum of dependencies (betweenness before scaling), changed in place. */
  centralities: Float64Array;
  /** 1 where the node is one of the sampled sources. */
  sampled: Uint8Array;
  /** Sampled sources that reached the node, and the sum of their distances to it. */
  reachedSources: Uint32Array;
  distanceSum: Float64Array;
  samples: number;
}

/**
 * Betweenness scaled to the whole graph (sampled sources stand for all n) and closeness from the
 * sampled sources that reached a node (Wasserman–Faust for graphs in several parts).
 */
export function finishSampledPaths(sums: SampledPathSums): { betweenness: Float64Array; closeness: Float64Array } {
  const { centralities, sampled, reachedSources, distanceSum, samples } = sums;
  const n = centralities.length;
  const scale = n <= 2 ? 0 : n / samples / ((n - 1) * (n - 2));
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    centralities[v] *= scale;
    const others = samples - sampled[v];
    const reached = reachedSources[v];
    closeness[v] = reached === 0 || others === 0 ? 0 : (reached / others) * (reached / distanceSum[v]);
  }
  return { betweenness: centralities, closeness };
}

/** Connected components as arrays of node indexes (BFS on the adjacency), in order of their lowest index. */
export function componentsOnAdjacency(adjacency: Adjacency): Int32Array[] {
  const { n, starts, neighbours } = adjacency;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  const components: Int32Array[] = [];
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++];
      for (let j = starts[v], stop = starts[v + 1]; j < stop; j++) {
        const w = neighbours[j];
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    components.push(queue.slice(0, tail));
  }
  return components;
}

/** Components as flat arrays: component k is `members[starts[k] .. starts[k + 1])`. */
export interface Components {
  starts: Int32Array;
  members: Int32Array;
  /** Node → its component. */
  componentOf: Int32Array;
}

export function componentCount(components: Components): number {
  return components.starts.length - 1;
}

export function componentSize(components: Components, k: number): number {
  return components.starts[k + 1] - components.starts[k];
}

/**
 * Connected components with their members ascending, largest first, then by their first member —
 * node numbers are in id order, so this is the order of ids (what the API lists).
 */
export function sortedComponents(adjacency: Adjacency): Components {
  const found = componentsOnAdjacency(adjacency).map((c) => c.sort());
  found.sort((a, b) => b.length - a.length || a[0] - b[0]);
  const starts = new Int32Array(found.length + 1);
  const members = new Int32Array(adjacency.n);
  const componentOf = new Int32Array(adjacency.n);
  let fill = 0;
  found.forEach((c, k) => {
    members.set(c, fill);
    for (let x = 0; x < c.length; x++) componentOf[c[x]] = k;
    fill += c.length;
    starts[k + 1] = fill;
  });
  return { starts, members, componentOf };
}
