/**
 * The walk's arrays (`sampled-paths-groups.ts`) with nodes and groups numbered in the order a
 * breadth-first search through the groups meets them (component by component, from the lowest
 * node). A walk from any source then reads the per-node arrays (distance, path counts,
 * coefficients) and per-group arrays in nearby places instead of across all of them (nodes are
 * in id order, which says nothing about who works with whom): at 100k actors ~35 ms CPU per
 * source instead of ~54 (six alternating runs each, load 11–13) and 21–24 instead of 26–30 (five
 * runs, load 4.4; `npm run bench:insight-brandes`), for ~50–95 ms to renumber once per computation.
 *
 * Every node keeps its groups, every group its members, every node its extra shares in the same
 * order as before (only the numbers change), so a walk meets nodes and groups in the same
 * sequence and adds the same values in the same order: the same bits, numbered anew
 * (`paths-pool.test.ts` holds it).
 */
import type { WalkArrays } from './sampled-paths-groups';

export interface Renumbered {
  arrays: WalkArrays;
  /** Node (id order) → its number in `arrays`. */
  newOfNode: Int32Array;
}

export function renumberForWalks(a: WalkArrays): Renumbered {
  const { n, gStarts, gNodes, nodeStarts, nodeGroups, extraStarts, partner, extra } = a;
  const groupCount = gStarts.length - 1;
  const newOfNode = new Int32Array(n).fill(-1);
  const oldOfNode = new Int32Array(n); // doubles as the search's queue
  const newOfGroup = new Int32Array(groupCount).fill(-1);
  const oldOfGroup = new Int32Array(groupCount);
  let nodes = 0;
  let groups = 0;
  for (let root = 0; root < n; root++) {
    if (newOfNode[root] !== -1) continue;
    let head = nodes;
    newOfNode[root] = nodes;
    oldOfNode[nodes++] = root;
    while (head < nodes) {
      const v = oldOfNode[head++];
      for (let y = nodeStarts[v]; y < nodeStarts[v + 1]; y++) {
        const g = nodeGroups[y];
        if (newOfGroup[g] !== -1) continue;
        newOfGroup[g] = groups;
        oldOfGroup[groups++] = g;
        for (let x = gStarts[g]; x < gStarts[g + 1]; x++) {
          const w = gNodes[x];
          if (newOfNode[w] === -1) {
            newOfNode[w] = nodes;
            oldOfNode[nodes++] = w;
          }
        }
      }
    }
  }
  // Groups nobody reaches (none in a built graph: every group has two members or more).
  for (let g = 0; g < groupCount; g++) {
    if (newOfGroup[g] === -1) {
      newOfGroup[g] = groups;
      oldOfGroup[groups++] = g;
    }
  }

  const renumbered: WalkArrays = {
    n,
    gStarts: new Int32Array(groupCount + 1),
    gNodes: new Int32Array(gNodes.length),
    nodeStarts: new Int32Array(n + 1),
    nodeGroups: new Int32Array(nodeGroups.length),
    extraStarts: new Int32Array(n + 1),
    partner: new Int32Array(partner.length),
    extra: new Int32Array(extra.length),
  };
  for (let g = 0, fill = 0; g < groupCount; g++) {
    const old = oldOfGroup[g];
    for (let x = gStarts[old]; x < gStarts[old + 1]; x++) renumbered.gNodes[fill++] = newOfNode[gNodes[x]];
    renumbered.gStarts[g + 1] = fill;
  }
  for (let v = 0, fill = 0, shares = 0; v < n; v++) {
    const old = oldOfNode[v];
    for (let y = nodeStarts[old]; y < nodeStarts[old + 1]; y++)
      renumbered.nodeGroups[fill++] = newOfGroup[nodeGroups[y]];
    renumbered.nodeStarts[v + 1] = fill;
    for (let z = extraStarts[old]; z < extraStarts[old + 1]; z++) {
      renumbered.partner[shares] = newOfNode[partner[z]];
      renumbered.extra[shares++] = extra[z];
    }
    renumbered.extraStarts[v + 1] = shares;
  }
  return { arrays: renumbered, newOfNode };
}

/** Per-node values in the walk's numbering, back in id order. */
export function inIdOrder<T extends Float64Array | Uint32Array>(values: T, newOfNode: Int32Array): T {
  const out = new (values.constructor as new (length: number) => T)(values.length);
  for (let v = 0; v < newOfNode.length; v++) out[v] = values[newOfNode[v]];
  return out;
}
