/**
 * Sampled Brandes on the collaborations instead of the pairs: the same betweenness and closeness
 * as `sampledPathsOnAdjacency` (`sampled-paths.ts`) with the same sources, in a fraction of the
 * work, for the graphs `buildScopedGraph` makes (`ScopedGraph.groups`).
 *
 * The collaborates-with graph is a union of cliques — one per collaboration with two or more
 * members in scope. At 100k actors it has 7.3M neighbour entries but only ~0.4M memberships, and a
 * BFS from a source reads each entry twice (counting paths, then summing dependencies). Here both
 * passes go through the collaborations, level by level:
 *
 * - distances: a collaboration is reached at the level of its first member reached (its lowest
 *   level); its members not yet reached are one level further. Same distances as the BFS on pairs.
 * - path counts: σ(w) = Σ σ(v) over the distinct partners v one level closer. Summed per
 *   collaboration at its lowest level (S(c) = Σ σ(v), v in c at that level), σ(w) = Σ S(c) over w's
 *   collaborations one level closer counts a partner once per collaboration they share — so the
 *   extra shares are subtracted: σ(v)·(shared − 1) for the few pairs sharing more than one
 *   (~34k of 7.3M entries at 100k). Path counts are integers (exact in doubles below 2^53): the same
 *   σ as on the pairs.
 * - dependencies: δ(v) = σ(v) · Σ (1 + δ(w)) / σ(w) over distinct partners w one level further,
 *   summed the same way (T(c) per collaboration at v's level, minus the extra shares).
 *
 * The dependencies are the same sums in another order, so betweenness agrees with the pair-by-pair
 * routine up to rounding (relative ~1e-15; a test holds it to 1e-12); closeness (distances only) is
 * identical. Deterministic: the same graph and sources give the same bits.
 */
import { finishSampledPaths, type Adjacency } from './sampled-paths';
import { inIdOrder, renumberForWalks } from './walk-order';

/** The collaborations of a scoped graph as groups of nodes, and each node's groups. */
export interface Groups {
  /** Group g's nodes are `nodes[starts[g] .. starts[g + 1])`. */
  starts: Int32Array;
  nodes: Int32Array;
  /** Node i's groups are `nodeGroups[nodeStarts[i] .. nodeStarts[i + 1])`. */
  nodeStarts: Int32Array;
  nodeGroups: Int32Array;
}

export interface GroupedAdjacency extends Adjacency {
  groups: Groups;
  /** Shared groups per entry of `neighbours`. */
  counts: Int32Array;
}

/** Per node, its partners sharing more than one group, with how many more: a small CSR. */
function extraShares(graph: GroupedAdjacency) {
  const { n, starts, neighbours, counts } = graph;
  const extraStarts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let k = starts[i]; k < starts[i + 1]; k++) if (counts[k] > 1) m++;
    extraStarts[i + 1] = extraStarts[i] + m;
  }
  const partner = new Int32Array(extraStarts[n]);
  const extra = new Int32Array(extraStarts[n]);
  let fill = 0;
  for (let i = 0; i < n; i++) {
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      if (counts[k] > 1) {
        partner[fill] = neighbours[k];
        extra[fill++] = counts[k] - 1;
      }
    }
  }
  return { extraStarts, partner, extra };
}

/**
 * What a walk reads: the groups and the extra shares, flat arrays only — so they can be copied into
 * SharedArrayBuffers and walked by several threads (`paths-pool.ts`).
 */
export interface WalkArrays {
  n: number;
  gStarts: Int32Array;
  gNodes: Int32Array;
  nodeStarts: Int32Array;
  nodeGroups: Int32Array;
  extraStarts: Int32Array;
  partner: Int32Array;
  extra: Int32Array;
}

export function walkArraysOf(graph: GroupedAdjacency): WalkArrays {
  const { starts: gStarts, nodes: gNodes, nodeStarts, nodeGroups } = graph.groups;
  return { n: graph.n, gStarts, gNodes, nodeStarts, nodeGroups, ...extraShares(graph) };
}

/**
 * One thread's walker: its own work arrays (a few of n and of the group count, allocated once),
 * and its own closeness sums (`reachedSources`, `distanceSum`: integers, so the order in which
 * threads' sums are added does not matter). `walk(source, target)` adds the source's dependency of
 * every node into `target` (0 for the source and the unreached).
 */
export function groupWalker(arrays: WalkArrays, reachedSources: Uint32Array, distanceSum: Float64Array) {
  const { n, gStarts, gNodes, nodeStarts, nodeGroups, extraStarts, partner, extra } = arrays;
  const groupCount = gStarts.length - 1;
  const coefficient = new Float64Array(n);
  const distance = new Int32Array(n);
  const sigma = new Float64Array(n);
  const queue = new Int32Array(n);
  /** Where each level starts in `queue` (and one past the last). */
  const levelStarts = new Int32Array(n + 2);
  const groupLevel = new Int32Array(groupCount);
  const groupSum = new Float64Array(groupCount);
  const groupQueue = new Int32Array(groupCount);
  const groupLevelStarts = new Int32Array(n + 2);

  return function walk(source: number, target: Float64Array): void {
    distance.fill(-1);
    groupLevel.fill(-1);
    distance[source] = 0;
    sigma[source] = 1;
    queue[0] = source;
    let tail = 1;
    let groupTail = 0;
    let levels = 0;
    levelStarts[0] = 0;
    groupLevelStarts[0] = 0;
    // Forward, one level at a time: reach the next level through the groups, then count its paths.
    for (let d = 0; levelStarts[d] < tail; d++) {
      const from = levelStarts[d];
      const to = tail;
      levelStarts[d + 1] = to;
      for (let q = from; q < to; q++) {
        const v = queue[q];
        const sv = sigma[v];
        for (let y = nodeStarts[v]; y < nodeStarts[v + 1]; y++) {
          const g = nodeGroups[y];
          if (groupLevel[g] === -1) {
            groupLevel[g] = d;
            groupSum[g] = 0;
            groupQueue[groupTail++] = g;
            for (let x = gStarts[g]; x < gStarts[g + 1]; x++) {
              const w = gNodes[x];
              if (distance[w] === -1) {
                distance[w] = d + 1;
                queue[tail++] = w;
              }
            }
          }
          if (groupLevel[g] === d) groupSum[g] += sv;
        }
      }
      groupLevelStarts[d + 1] = groupTail;
      for (let q = to; q < tail; q++) {
        const w = queue[q];
        let sum = 0;
        for (let y = nodeStarts[w]; y < nodeStarts[w + 1]; y++) {
          const g = nodeGroups[y];
          if (groupLevel[g] === d) sum += groupSum[g];
        }
        for (let z = extraStarts[w]; z < extraStarts[w + 1]; z++) {
          const v = partner[z];
          if (distance[v] === d) sum -= sigma[v] * extra[z];
        }
        sigma[w] = sum;
      }
      levels = d + 1;
    }
    levelStarts[levels] = tail;

    for (let q = 0; q < tail; q++) {
      const v = queue[q];
      if (v !== source) {
        reachedSources[v]++;
        distanceSum[v] += distance[v];
      }
    }

    // Backward, deepest level first: the last level depends on nobody.
    for (let q = levelStarts[levels - 1]; q < tail; q++) {
      const w = queue[q];
      coefficient[w] = 1 / sigma[w];
    }
    for (let d = levels - 2; d >= 0; d--) {
      for (let x = groupLevelStarts[d]; x < groupLevelStarts[d + 1]; x++) {
        const g = groupQueue[x];
        let sum = 0;
        for (let m = gStarts[g]; m < gStarts[g + 1]; m++) {
          const w = gNodes[m];
          if (distance[w] === d + 1) sum += coefficient[w];
        }
        groupSum[g] = sum;
      }
      for (let q = levelStarts[d]; q < levelStarts[d + 1]; q++) {
        const v = queue[q];
        let sum = 0;
        for (let y = nodeStarts[v]; y < nodeStarts[v + 1]; y++) {
          const g = nodeGroups[y];
          if (groupLevel[g] === d) sum += groupSum[g];
        }
        for (let z = extraStarts[v]; z < extraStarts[v + 1]; z++) {
          const w = partner[z];
          if (distance[w] === d + 1) sum -= coefficient[w] * extra[z];
        }
        const dv = sigma[v] * sum;
        coefficient[v] = (1 + dv) / sigma[v];
        if (v !== source) target[v] += dv;
      }
    }
  };
}

/**
 * Sampled betweenness and closeness from `sources`: one thread walks them in order, on the arrays
 * numbered for walks (`walk-order.ts`: the same bits, less CPU). With a pool (`paths-pool.ts`)
 * several threads share the sources; the result is the same bits.
 */
export function sampledPathsOnGroups(graph: GroupedAdjacency, sources: ArrayLike<number>) {
  const { n } = graph;
  const centralities = new Float64Array(n);
  const reachedSources = new Uint32Array(n);
  const distanceSum = new Float64Array(n);
  const { arrays, newOfNode } = renumberForWalks(walkArraysOf(graph));
  const walk = groupWalker(arrays, reachedSources, distanceSum);
  for (let s = 0; s < sources.length; s++) walk(newOfNode[sources[s]], centralities);
  return finishWalks(sources, { centralities, reachedSources, distanceSum }, newOfNode);
}

/** The sums of walks on arrays numbered for walks, back in id order and finished (one thread or a pool). */
export function finishWalks(
  sources: ArrayLike<number>,
  sums: { centralities: Float64Array; reachedSources: Uint32Array; distanceSum: Float64Array },
  newOfNode: Int32Array,
) {
  const sampled = new Uint8Array(newOfNode.length);
  for (let s = 0; s < sources.length; s++) sampled[sources[s]] = 1;
  return finishSampledPaths({
    centralities: inIdOrder(sums.centralities, newOfNode),
    sampled,
    reachedSources: inIdOrder(sums.reachedSources, newOfNode),
    distanceSum: inIdOrder(sums.distanceSum, newOfNode),
    samples: sources.length,
  });
}
