/**
 * Stable positions. Positions are kept per view scope on the server (positions.ts), so a map looks
 * the same when reopened, on a colleague's screen or a projector, and a filter only removes nodes.
 * Nodes without a position are placed near their positioned partners and laid out with fcose in a
 * Web Worker while every known node stays fixed; only a view with no known node is laid out afresh.
 */
import type { ElementDefinition } from 'cytoscape';
import { radialForest } from './quick-layout';
import { strongestPerActor, withinBudget } from './ties';

export type Position = { x: number; y: number };

export interface LayoutRequest {
  id: number;
  nodes: Array<{ id: string; d: number; position?: Position }>;
  edges: Array<{ source: string; target: string; weight: number }>;
  fixed: string[];
  /** Cluster maps: few, big nodes with heavy ties; they need more room than actors. */
  spread?: boolean;
}
export type LayoutResponse =
  { id: number; positions: Record<string, Position>; ms: number; error?: undefined } | { id: number; error: string };

/** Edges the layout runs on: a few thousand, and about two per node on big maps. */
export const layoutBudget = (nodeCount: number) => Math.max(4000, 2 * nodeCount);

/** A small deterministic jitter so new nodes next to the same partner do not overlap exactly. */
function jitter(id: string): Position {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const angle = ((h >>> 0) % 3600) / 10;
  return { x: Math.cos(angle) * 45, y: Math.sin(angle) * 45 };
}

export interface Placement {
  positions: Record<string, Position>;
  /** Ids that had no position before (laid out now). */
  placed: string[];
  ms: number;
}

let worker: Worker | null = null;
let requestId = 0;

function layoutWorker(): Worker {
  if (!worker) worker = new Worker(new URL('layout-worker.js', document.baseURI).href);
  return worker;
}

/** Starts the worker (its script is as big as the page's) while the page still waits for the API. */
export function warmUpLayout(): void {
  layoutWorker();
}

function runInWorker(request: Omit<LayoutRequest, 'id'>): Promise<{ positions: Record<string, Position>; ms: number }> {
  const id = ++requestId;
  const w = layoutWorker();
  return new Promise((resolve, reject) => {
    const onMessage = (ev: MessageEvent<LayoutResponse>) => {
      if (ev.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (ev.data.error !== undefined) reject(new Error(ev.data.error));
      else resolve({ positions: ev.data.positions, ms: ev.data.ms });
    };
    const onError = (ev: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      ev.preventDefault();
      worker?.terminate();
      worker = null;
      reject(new Error(ev.message || 'layout worker failed'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, ...request } satisfies LayoutRequest);
  });
}

/** Positions for every node of `elements`, computing only what is not known yet. */
export async function place(
  elements: ElementDefinition[],
  known: Record<string, Position>,
  options: { spread?: boolean } = {},
): Promise<Placement> {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const edges = elements.filter((e) => e.group === 'edges');
  const missing = nodes.filter((n) => !known[n.data.id!]).map((n) => n.data.id!);
  if (missing.length === 0) {
    const positions: Record<string, Position> = {};
    nodes.forEach((n) => (positions[n.data.id!] = known[n.data.id!]));
    return { positions, placed: [], ms: 0 };
  }
  const fixed = nodes.filter((n) => known[n.data.id!]).map((n) => n.data.id!);
  const start: Record<string, Position> = {};
  fixed.forEach((id) => (start[id] = known[id]));
  if (fixed.length > 0) {
    // New nodes start next to their positioned partners (or beside the map when they have none).
    const partners = new Map<string, Position[]>();
    for (const e of edges) {
      const { source, target } = e.data as { source: string; target: string };
      if (start[source] && !start[target]) partners.set(target, [...(partners.get(target) ?? []), start[source]]);
      if (start[target] && !start[source]) partners.set(source, [...(partners.get(source) ?? []), start[target]]);
    }
    const xs = fixed.map((id) => start[id].x);
    const ys = fixed.map((id) => start[id].y);
    const right = Math.max(...xs) + 120;
    const top = Math.min(...ys);
    let row = 0;
    for (const id of missing) {
      const near = partners.get(id);
      const j = jitter(id);
      if (near?.length) {
        start[id] = {
          x: near.reduce((s, p) => s + p.x, 0) / near.length + j.x,
          y: near.reduce((s, p) => s + p.y, 0) / near.length + j.y,
        };
      } else {
        start[id] = { x: right + (row % 4) * 70, y: top + Math.floor(row / 4) * 70 };
        row++;
      }
    }
  }
  const ties = edges.map((e) => ({
    source: e.data.source as string,
    target: e.data.target as string,
    weight: e.data.weight as number,
  }));
  // Nodes without a tie are left out when lineUpLoners will put them in a grid: for fcose each is a
  // piece of its own, and it takes seconds per hundred pieces.
  const tied = new Set(ties.flatMap((t) => [t.source, t.target]));
  const loners = missing.filter((id) => !tied.has(id)).length;
  const laidOut = loners >= 2 ? nodes.filter((n) => tied.has(n.data.id!)) : nodes;
  const { positions, ms } = await runInWorker({
    nodes: laidOut.map((n) => ({ id: n.data.id!, d: n.data.d as number, position: start[n.data.id!] })),
    // fcose's time grows with the edges; a backbone of each node's strongest ties gives the same shape.
    // A cluster map links nearly every cluster with every other: springs on all of them would pull
    // the big nodes onto each other, so it is laid out on each cluster's two strongest ties.
    edges: options.spread ? strongestPerActor(ties, 2) : withinBudget(ties, nodes.length, layoutBudget(nodes.length)),
    fixed,
    spread: options.spread,
  });
  // Keep fixed nodes exactly where they were, whatever the layout's rounding.
  fixed.forEach((id) => (positions[id] = known[id]));
  lineUpLoners(positions, missing, edges);
  return { positions, placed: missing, ms };
}

/** Views laid out afresh beyond this many nodes get a quick first arrangement (fcose's draft size, layout.worker.ts). */
export const QUICK_FIRST = 500;

/**
 * Positions in one or two steps. A big view with no kept position at all: `first` is a radial
 * tree of its ties (quick-layout.ts, milliseconds) to draw at once, `final` fcose's layout from the
 * worker to move to (the quick one where the worker fails). Otherwise `first` is null and `final`
 * is place()'s answer.
 */
export function placeInSteps(
  elements: ElementDefinition[],
  known: Record<string, Position>,
  options: { spread?: boolean } = {},
): { first: Placement | null; final: Promise<Placement> } {
  const final = place(elements, known, options);
  const nodes = elements.filter((e) => e.group === 'nodes');
  if (options.spread || nodes.length <= QUICK_FIRST || nodes.some((n) => known[n.data.id!]))
    return { first: null, final };
  const started = performance.now();
  const edges = elements.filter((e) => e.group === 'edges');
  const ids = nodes.map((n) => n.data.id!);
  const positions = radialForest(
    ids,
    edges.map((e) => ({
      source: e.data.source as string,
      target: e.data.target as string,
      weight: e.data.weight as number,
    })),
  );
  lineUpLoners(positions, ids, edges);
  const first = { positions, placed: ids, ms: performance.now() - started };
  return { first, final: final.catch(() => first) };
}

/**
 * New nodes without any tie in the view: fcose drops them all on one spot at the map's edge. They
 * are put in a grid of their own below the map instead, each readable and clickable.
 */
function lineUpLoners(positions: Record<string, Position>, placed: string[], edges: ElementDefinition[]): void {
  const tied = new Set(edges.flatMap((e) => [e.data.source as string, e.data.target as string]));
  const loners = placed.filter((id) => !tied.has(id)).sort();
  if (loners.length < 2) return;
  const lonely = new Set(loners);
  const others = Object.entries(positions)
    .filter(([id]) => !lonely.has(id))
    .map(([, p]) => p);
  const left = others.length ? Math.min(...others.map((p) => p.x)) : 0;
  const right = others.length ? Math.max(...others.map((p) => p.x)) : 0;
  const bottom = others.length ? Math.max(...others.map((p) => p.y)) + 90 : 0;
  const step = 60;
  const columns = Math.max(Math.ceil(Math.sqrt(loners.length)), Math.floor((right - left) / step) + 1);
  loners.forEach(
    (id, i) => (positions[id] = { x: left + (i % columns) * step, y: bottom + Math.floor(i / columns) * step }),
  );
}
