/**
 * A first arrangement of a big map in milliseconds, shown while fcose lays it out in the worker.
 *
 * fcose's draft of 5,000 actors takes 1–2 s of the worker's time (most of it in its own handling of
 * the graph's parts, not in the spectral step), and a map with no kept positions showed nothing
 * until then. The ties the page receives are a spanning forest and a few of each actor's strongest
 * (strongest-ties-rules.ts): nearly a tree. So each part of the network is drawn as a radial tree
 * of its strongest ties — the best-connected actor in the middle, each ring one step further out,
 * each branch in a wedge as wide as its share of the actors — and the parts side by side, biggest
 * first. Nodes are placed where the final layout will most likely put them near each other (a tie
 * is short), and the picture is replaced by fcose's once that is done.
 */
import type { Position } from './layout';
import type { Tie } from './ties';

/** Distance between rings, and the room one node takes on a ring (a little more than a big node). */
const RING_STEP = 110;
const NODE_ROOM = 46;

export function radialForest(ids: string[], ties: Tie[]): Record<string, Position> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const neighbours: Array<Array<{ to: number; weight: number }>> = ids.map(() => []);
  const strength = new Float64Array(n);
  for (const t of ties) {
    const a = index.get(t.source);
    const b = index.get(t.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a].push({ to: b, weight: t.weight });
    neighbours[b].push({ to: a, weight: t.weight });
    strength[a] += t.weight;
    strength[b] += t.weight;
  }
  // Strongest ties first, so a node hangs off the partner it shares most with.
  for (const list of neighbours) list.sort((x, y) => y.weight - x.weight || x.to - y.to);
  const byStrength = Array.from({ length: n }, (_, i) => i).sort((a, b) => strength[b] - strength[a] || a - b);

  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n).fill(-1);
  const subtree = new Float64Array(n);
  const parts: number[][] = []; // each part's nodes in breadth-first order
  for (const root of byStrength) {
    if (depth[root] >= 0) continue;
    const order = [root];
    depth[root] = 0;
    for (let k = 0; k < order.length; k++) {
      const u = order[k];
      for (const { to } of neighbours[u]) {
        if (depth[to] >= 0) continue;
        depth[to] = depth[u] + 1;
        parent[to] = u;
        order.push(to);
      }
    }
    for (let k = order.length - 1; k >= 0; k--) {
      const u = order[k];
      subtree[u] += 1;
      if (parent[u] >= 0) subtree[parent[u]] += subtree[u];
    }
    parts.push(order);
  }

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const radii: number[] = [];
  for (const order of parts) {
    // Ring radii: a step further out each time, and wide enough for the nodes on the ring.
    const perRing: number[] = [];
    for (const u of order) perRing[depth[u]] = (perRing[depth[u]] ?? 0) + 1;
    const ring = [0];
    for (let d = 1; d < perRing.length; d++)
      ring[d] = Math.max(ring[d - 1] + RING_STEP, (perRing[d] * NODE_ROOM) / (2 * Math.PI));
    const from = new Float64Array(n); // each node's wedge: [from, from + width)
    const width = new Float64Array(n);
    width[order[0]] = 2 * Math.PI;
    const next = new Float64Array(n); // where the next child's wedge starts
    for (const u of order) {
      const p = parent[u];
      if (p >= 0) {
        width[u] = (width[p] * subtree[u]) / (subtree[p] - 1);
        from[u] = next[p];
        next[p] += width[u];
      }
      next[u] = from[u];
      const angle = from[u] + width[u] / 2;
      x[u] = ring[depth[u]] * Math.cos(angle);
      y[u] = ring[depth[u]] * Math.sin(angle);
    }
    radii.push(ring[ring.length - 1] + NODE_ROOM);
  }

  // The parts in rows, biggest first (they came biggest-hub first; sorted by size here).
  const sorted = parts.map((order, i) => ({ order, r: radii[i] })).sort((a, b) => b.order.length - a.order.length);
  const rowWidth = Math.max(sorted[0]?.r ?? 0, Math.sqrt(sorted.reduce((s, p) => s + 4 * p.r * p.r, 0)) * 1.2) * 2;
  const out: Record<string, Position> = {};
  let cx = 0;
  let rowTop = 0;
  let rowHeight = 0;
  for (const { order, r } of sorted) {
    if (cx > 0 && cx + 2 * r > rowWidth) {
      cx = 0;
      rowTop += rowHeight;
      rowHeight = 0;
    }
    for (const u of order) out[ids[u]] = { x: Math.round(cx + r + x[u]), y: Math.round(rowTop + r + y[u]) };
    cx += 2 * r;
    rowHeight = Math.max(rowHeight, 2 * r);
  }
  return out;
}
