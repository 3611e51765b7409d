/**
 * The collaborates-with graph of a scope as typed arrays (CSR), built straight from the encoded
 * projection (`projection-arrays.ts`) — no graphology graph, no Map per pair. Runs in the insight
 * worker; pure functions on typed arrays.
 *
 * Nodes are the actors of `actorMask`, numbered 0 … n − 1 in actor-index order (= id order); node
 * i's partners are `neighbours[starts[i] .. starts[i + 1])` in ascending order, `counts` holds how
 * many collaborations of `collaborationMask` each pair shares and `weights` (when recency weights
 * are given) the sum of those collaborations' weights, added in projection order — the same
 * numbers, in the same order, as the graphology graph this replaced (a pair's weight summed over
 * its shared collaborations in the projection's order; nodes and neighbours in id order).
 */
import type { Adjacency } from './sampled-paths';
import type { Groups } from './sampled-paths-groups';

/** The projection's membership, encoded once per projection version (shared with the worker). */
export interface Membership {
  actorCount: number;
  /** Length collaborations + 1: collaboration c's members are `members[collaborationStarts[c] .. collaborationStarts[c + 1])`. */
  collaborationStarts: Int32Array;
  /** Actor indexes. */
  members: Int32Array;
}

/** Which actors and collaborations make a graph, and how much each collaboration weighs. */
export interface GraphSpec {
  /** Per actor: 1 when it is a node. */
  actorMask: Uint8Array;
  /** Per collaboration: 1 when it counts. */
  collaborationMask: Uint8Array;
  /** Per collaboration: its recency weight; null: ties weigh their shared collaborations. */
  collaborationWeights: Float64Array | null;
}

export interface ScopedGraph extends Adjacency {
  /** Node → actor index. */
  nodeOf: Int32Array;
  /** Shared collaborations per entry of `neighbours`. */
  counts: Int32Array;
  /** Recency-weighted ties per entry of `neighbours`; null when the weight is the count. */
  weights: Float64Array | null;
  /** Pairs of partners (each once). */
  pairs: number;
  /**
   * The counting collaborations with two or more nodes, as groups of nodes (the cliques the graph
   * is the union of); null for a graph derived from another (`inducedSubgraph`).
   */
  groups: Groups | null;
}

export function collaborationCount(membership: Membership): number {
  return membership.collaborationStarts.length - 1;
}

/** The weight of the tie at entry k. */
export function tieWeight(graph: ScopedGraph, k: number): number {
  return graph.weights ? graph.weights[k] : graph.counts[k];
}

export function buildScopedGraph(membership: Membership, spec: GraphSpec): ScopedGraph {
  const { actorMask, collaborationWeights } = spec;

  const { nodeOfActor, nodeOf } = nodesOf(membership.actorCount, actorMask);
  const n = nodeOf.length;

  const groups = scopeGroups(membership, spec, nodeOfActor, n);
  const { starts: gStarts, nodes: gNodes, nodeStarts: inStarts, nodeGroups: inGroups } = groups;
  const groupCollaboration = groups.collaborations;

  // Pass 1: distinct partners per node (a stamp per node instead of clearing a set).
  const stamp = new Int32Array(n).fill(-1);
  const rowStarts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let y = inStarts[i]; y < inStarts[i + 1]; y++) {
      const g = inGroups[y];
      for (let x = gStarts[g]; x < gStarts[g + 1]; x++) {
        const j = gNodes[x];
        if (j !== i && stamp[j] !== i) {
          stamp[j] = i;
          size++;
        }
      }
    }
    rowStarts[i + 1] = rowStarts[i] + size;
  }
  const entries = rowStarts[n];

  // Pass 2: each row's partners in the order found, with their counts and weights.
  const unsorted = new Int32Array(entries);
  const unsortedCounts = new Int32Array(entries);
  const unsortedWeights = collaborationWeights ? new Float64Array(entries) : null;
  const count = new Int32Array(n);
  const weight = collaborationWeights ? new Float64Array(n) : null;
  stamp.fill(-1);
  for (let i = 0; i < n; i++) {
    let fill = rowStarts[i];
    for (let y = inStarts[i]; y < inStarts[i + 1]; y++) {
      const g = inGroups[y];
      const w = collaborationWeights ? collaborationWeights[groupCollaboration[g]] : 0;
      for (let x = gStarts[g]; x < gStarts[g + 1]; x++) {
        const j = gNodes[x];
        if (j === i) continue;
        if (stamp[j] !== i) {
          stamp[j] = i;
          unsorted[fill++] = j;
          count[j] = 0;
          if (weight) weight[j] = 0;
        }
        count[j]++;
        if (weight) weight[j] += w;
      }
    }
    for (let k = rowStarts[i]; k < fill; k++) {
      const j = unsorted[k];
      unsortedCounts[k] = count[j];
      if (unsortedWeights) unsortedWeights[k] = weight![j];
    }
  }

  // Sorted rows without sorting: the graph is symmetric, so appending i to the row of each of its
  // partners, for i ascending, writes every row in ascending order (a transpose).
  const neighbours = new Int32Array(entries);
  const counts = new Int32Array(entries);
  const weights = unsortedWeights ? new Float64Array(entries) : null;
  const next = rowStarts.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
      const at = next[unsorted[k]]++;
      neighbours[at] = i;
      counts[at] = unsortedCounts[k];
      if (weights) weights[at] = unsortedWeights![k];
    }
  }
  return {
    n,
    starts: rowStarts,
    neighbours,
    counts,
    weights,
    nodeOf,
    pairs: entries / 2,
    groups: { starts: gStarts, nodes: gNodes, nodeStarts: inStarts, nodeGroups: inGroups },
  };
}

/** Per actor its node (−1: not a node), and per node its actor: nodes in actor-index order. */
export function nodesOf(actorCount: number, actorMask: Uint8Array): { nodeOfActor: Int32Array; nodeOf: Int32Array } {
  const nodeOfActor = new Int32Array(actorCount).fill(-1);
  let n = 0;
  for (let a = 0; a < actorCount; a++) if (actorMask[a]) nodeOfActor[a] = n++;
  const nodeOf = new Int32Array(n);
  for (let a = 0; a < actorCount; a++) if (nodeOfActor[a] >= 0) nodeOf[nodeOfActor[a]] = a;
  return { nodeOfActor, nodeOf };
}

/**
 * The counting collaborations with their member nodes (two or more) as groups, in collaboration
 * order, members in the projection's order; per node the groups it is in, ascending — flat arrays.
 */
export function scopeGroups(
  membership: Membership,
  spec: GraphSpec,
  nodeOfActor: Int32Array,
  n: number,
): Groups & { collaborations: Int32Array } {
  const { collaborationStarts, members } = membership;
  const { collaborationMask } = spec;
  const collaborations = collaborationStarts.length - 1;
  const starts = new Int32Array(collaborations + 1);
  const ofGroup = new Int32Array(collaborations);
  const nodes = new Int32Array(members.length);
  let groups = 0;
  let fill = 0;
  for (let c = 0; c < collaborations; c++) {
    if (!collaborationMask[c]) continue;
    const from = fill;
    for (let x = collaborationStarts[c]; x < collaborationStarts[c + 1]; x++) {
      const node = nodeOfActor[members[x]];
      if (node >= 0) nodes[fill++] = node;
    }
    if (fill - from < 2) {
      fill = from;
      continue;
    }
    ofGroup[groups++] = c;
    starts[groups] = fill;
  }
  const gStarts = starts.slice(0, groups + 1);
  const gNodes = nodes.slice(0, fill);
  const nodeStarts = new Int32Array(n + 1);
  for (let x = 0; x < gNodes.length; x++) nodeStarts[gNodes[x] + 1]++;
  for (let i = 0; i < n; i++) nodeStarts[i + 1] += nodeStarts[i];
  const nodeGroups = new Int32Array(gNodes.length);
  const cursor = nodeStarts.slice(0, n);
  for (let g = 0; g < groups; g++)
    for (let x = gStarts[g]; x < gStarts[g + 1]; x++) nodeGroups[cursor[gNodes[x]]++] = g;
  return { starts: gStarts, nodes: gNodes, nodeStarts, nodeGroups, collaborations: ofGroup.slice(0, groups) };
}

/**
 * The graph without some of its nodes (`keep[i] === 0`), renumbered in order: the same ties among
 * the others — a pair's shared collaborations do not depend on who else took part.
 */
export function inducedSubgraph(graph: ScopedGraph, keep: Uint8Array): ScopedGraph {
  const { n, starts, neighbours, counts, weights } = graph;
  const renumbered = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) if (keep[i]) renumbered[i] = m++;
  const nodeOf = new Int32Array(m);
  const rowStarts = new Int32Array(m + 1);
  let entries = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    for (let k = starts[i]; k < starts[i + 1]; k++) if (keep[neighbours[k]]) entries++;
  }
  const subNeighbours = new Int32Array(entries);
  const subCounts = new Int32Array(entries);
  const subWeights = weights ? new Float64Array(entries) : null;
  let fill = 0;
  for (let i = 0; i < n; i++) {
    const r = renumbered[i];
    if (r < 0) continue;
    nodeOf[r] = graph.nodeOf[i];
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const j = renumbered[neighbours[k]];
      if (j < 0) continue;
      subNeighbours[fill] = j;
      subCounts[fill] = counts[k];
      if (subWeights) subWeights[fill] = weights![k];
      fill++;
    }
    rowStarts[r + 1] = fill;
  }
  return {
    n: m,
    starts: rowStarts,
    neighbours: subNeighbours,
    counts: subCounts,
    weights: subWeights,
    nodeOf,
    pairs: entries / 2,
    groups: null,
  };
}

/** Bytes held by the graph's arrays. */
export function graphBytes(graph: ScopedGraph): number {
  return (
    graph.starts.byteLength +
    graph.neighbours.byteLength +
    graph.counts.byteLength +
    (graph.weights?.byteLength ?? 0) +
    graph.nodeOf.byteLength +
    (graph.groups
      ? graph.groups.starts.byteLength +
        graph.groups.nodes.byteLength +
        graph.groups.nodeStarts.byteLength +
        graph.groups.nodeGroups.byteLength
      : 0)
  );
}
