/**
 * The scope's graph of a new projection version made from the graph of an earlier one: only the
 * rows of the actors in collaborations that changed are worked out again, every other row is
 * copied. Runs in the insight worker (`GraphCache` in `jobs.ts`), where it replaces a full build
 * (~0.7 s CPU at 100k actors) after a small change by a few tens of milliseconds.
 *
 * It needs no journal: the changed collaborations are found by comparing the two versions' arrays
 * (members, masks, weights — ~1 ms at 100k). The outcome is the graph `buildScopedGraph` would
 * build from the new arrays, entry for entry:
 * - a row whose node is in no changed collaboration (before or after) has the same partners, and
 *   with each the same shared collaborations in the same order (collaboration order), so the same
 *   counts and weights: copied;
 * - the rows of the others are worked out from the new groups the way the build does (a pair's
 *   weight summed over its shared collaborations in collaboration order), partners ascending;
 * - the groups are made again by the build's own routine (`scopeGroups`, a few ms).
 * When the actors or their mask differ, collaborations were removed (the indexes after them move),
 * or the change reaches more than `MAX_AFFECTED_SHARE` of the nodes, it answers null: build anew.
 */
import { scopeGroups, type GraphSpec, type Membership, type ScopedGraph } from './scoped-graph';

/** A graph with what it was made from. */
export interface GraphSource {
  shared: Membership;
  spec: GraphSpec;
  graph: ScopedGraph;
}

/** Above this share of changed rows a full build is about as cheap. */
const MAX_AFFECTED_SHARE = 0.1;

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The nodes in a collaboration that differs between the two versions (members, whether it counts,
 * its weight; one added at the end), or null when the graph cannot be patched.
 */
function changedNodes(before: GraphSource, shared: Membership, spec: GraphSpec): Int32Array | null {
  const { graph } = before;
  if (shared.actorCount !== before.shared.actorCount) return null;
  if (!sameBytes(spec.actorMask, before.spec.actorMask)) return null;
  const oldWeights = before.spec.collaborationWeights;
  const newWeights = spec.collaborationWeights;
  if ((oldWeights === null) !== (newWeights === null)) return null;
  const oldStarts = before.shared.collaborationStarts;
  const newStarts = shared.collaborationStarts;
  const oldCount = oldStarts.length - 1;
  const newCount = newStarts.length - 1;
  if (newCount < oldCount) return null;
  const oldMembers = before.shared.members;
  const newMembers = shared.members;
  const oldMask = before.spec.collaborationMask;
  const newMask = spec.collaborationMask;

  // The node of each actor (the actor mask is the same, so the numbering is).
  const nodeOfActor = new Int32Array(shared.actorCount).fill(-1);
  for (let i = 0; i < graph.n; i++) nodeOfActor[graph.nodeOf[i]] = i;
  const affected = new Uint8Array(graph.n);
  const found: number[] = [];
  const limit = Math.max(16, Math.floor(graph.n * MAX_AFFECTED_SHARE));
  const mark = (members: Int32Array, from: number, to: number) => {
    for (let x = from; x < to; x++) {
      const node = nodeOfActor[members[x]];
      if (node >= 0 && !affected[node]) {
        affected[node] = 1;
        found.push(node);
      }
    }
  };
  for (let c = 0; c < newCount; c++) {
    const counted = c < oldCount && oldMask[c] === 1;
    const counts = newMask[c] === 1;
    if (!counted && !counts) continue;
    let changed = counted !== counts;
    if (!changed) {
      const a = oldStarts[c];
      const b = newStarts[c];
      const length = newStarts[c + 1] - b;
      if (oldStarts[c + 1] - a !== length) changed = true;
      else for (let x = 0; x < length && !changed; x++) changed = oldMembers[a + x] !== newMembers[b + x];
      if (!changed && newWeights && !Object.is(oldWeights![c], newWeights[c])) changed = true;
    }
    if (!changed) continue;
    if (counted) mark(oldMembers, oldStarts[c], oldStarts[c + 1]);
    if (counts) mark(newMembers, newStarts[c], newStarts[c + 1]);
    if (found.length > limit) return null;
  }
  return Int32Array.from(found).sort();
}

/** The new graph from `before` and the new version's arrays, or null: build anew. */
export function patchScopedGraph(before: GraphSource, shared: Membership, spec: GraphSpec): ScopedGraph | null {
  const rows = changedNodes(before, shared, spec);
  if (rows === null) return null;
  const old = before.graph;
  const { n, nodeOf } = old;
  const nodeOfActor = new Int32Array(shared.actorCount).fill(-1);
  for (let i = 0; i < n; i++) nodeOfActor[nodeOf[i]] = i;
  const groups = scopeGroups(shared, spec, nodeOfActor, n);
  const { starts: gStarts, nodes: gNodes, nodeStarts, nodeGroups, collaborations } = groups;
  const collaborationWeights = spec.collaborationWeights;

  // The changed rows, as the build makes them: partners found through the node's groups in
  // ascending order, a pair's count and weight summed in that order, then partners ascending.
  const stamp = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const weight = collaborationWeights ? new Float64Array(n) : null;
  const rowPartners: Int32Array[] = [];
  const rowCounts: Int32Array[] = [];
  const rowWeights: Float64Array[] = [];
  const partners: number[] = [];
  for (const i of rows) {
    partners.length = 0;
    for (let y = nodeStarts[i]; y < nodeStarts[i + 1]; y++) {
      const g = nodeGroups[y];
      const w = collaborationWeights ? collaborationWeights[collaborations[g]] : 0;
      for (let x = gStarts[g]; x < gStarts[g + 1]; x++) {
        const j = gNodes[x];
        if (j === i) continue;
        if (stamp[j] !== i) {
          stamp[j] = i;
          partners.push(j);
          count[j] = 0;
          if (weight) weight[j] = 0;
        }
        count[j]++;
        if (weight) weight[j] += w;
      }
    }
    const sorted = Int32Array.from(partners).sort();
    rowPartners.push(sorted);
    rowCounts.push(Int32Array.from(sorted, (j) => count[j]));
    if (weight) rowWeights.push(Float64Array.from(sorted, (j) => weight[j]));
  }

  // The rows together: the others copied in runs between the changed ones.
  const starts = new Int32Array(n + 1);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const length = r < rows.length && rows[r] === i ? rowPartners[r++].length : old.starts[i + 1] - old.starts[i];
    starts[i + 1] = starts[i] + length;
  }
  const entries = starts[n];
  const neighbours = new Int32Array(entries);
  const counts = new Int32Array(entries);
  const weights = collaborationWeights ? new Float64Array(entries) : null;
  let from = 0; // first node of the current run of copied rows
  const copy = (to: number) => {
    if (to <= from) return;
    const a = old.starts[from];
    const b = old.starts[to];
    neighbours.set(old.neighbours.subarray(a, b), starts[from]);
    counts.set(old.counts.subarray(a, b), starts[from]);
    if (weights) weights.set(old.weights!.subarray(a, b), starts[from]);
  };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    copy(i);
    neighbours.set(rowPartners[k], starts[i]);
    counts.set(rowCounts[k], starts[i]);
    if (weights) weights.set(rowWeights[k], starts[i]);
    from = i + 1;
  }
  copy(n);
  return {
    n,
    starts,
    neighbours,
    counts,
    weights,
    nodeOf: nodeOf.slice(),
    pairs: entries / 2,
    groups: { starts: gStarts, nodes: gNodes, nodeStarts, nodeGroups },
  };
}
