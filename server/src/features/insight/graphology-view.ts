/**
 * The typed-array graph (`scoped-graph.ts`) handed to graphology's algorithms, which stay the
 * implementation of exact betweenness / closeness and of Louvain.
 *
 * - `toGraphology`: a real graphology graph, for small graphs (exact measures, Louvain). Nodes are
 *   keyed "0" … "n-1" and added in order, edges (i < j) in ascending (i, j) order — the node and
 *   neighbour order of the graph built from the projection before, so the algorithms visit
 *   everything in the same order and give identical values.
 * - `LouvainGraphView`: for large graphs, the read-only part of graphology's Graph interface that
 *   graphology-communities-louvain reads to build its own typed index (order, size, node and edge
 *   iteration, degrees), served from the typed arrays: 100k actors and millions of ties without
 *   a graphology graph (which took ~2 GB and 20–40 s to build). Same iteration order as
 *   `toGraphology`, so the same communities; a test compares the two.
 */
import Graph from 'graphology';
import type { ScopedGraph } from './scoped-graph';
import { tieWeight } from './scoped-graph';

export interface TieAttributes {
  weight: number;
}

export type NodeGraph = Graph<Record<string, never>, TieAttributes>;

export function toGraphology(graph: ScopedGraph): NodeGraph {
  const g: NodeGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < graph.n; i++) g.addNode(String(i));
  forEachTie(graph, (i, j, weight) => {
    g.addUndirectedEdge(String(i), String(j), { weight });
  });
  return g;
}

/** Every pair once, i < j, in ascending (i, j) order. */
export function forEachTie(
  graph: ScopedGraph,
  visit: (i: number, j: number, weight: number, entry: number) => void,
): void {
  const { n, starts, neighbours } = graph;
  for (let i = 0; i < n; i++) {
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const j = neighbours[k];
      if (j > i) visit(i, j, tieWeight(graph, k), k);
    }
  }
}

const readOnly = (): never => {
  throw new Error('LouvainGraphView is read-only');
};

/**
 * What graphology-communities-louvain (and graphology-indices' UndirectedLouvainIndex) call on a
 * graph: `isGraph` duck-typing (addUndirectedEdgeWithKey, dropNode, multi), `type`, `order`,
 * `size`, `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops`, `forEachEdge`.
 */
export class LouvainGraphView {
  readonly type = 'undirected';
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly addUndirectedEdgeWithKey = readOnly;
  readonly dropNode = readOnly;
  readonly setNodeAttribute = readOnly;

  constructor(private readonly graph: ScopedGraph) {}

  get order(): number {
    return this.graph.n;
  }

  get size(): number {
    return this.graph.pairs;
  }

  // Node keys are the node numbers themselves, not strings: the index keeps them in an object
  // keyed by them (integer keys: an array-like store instead of a dictionary of 100k strings) and
  // reads it once per tie end — ~15M lookups and ~7M fewer strings at 100k actors. The result
  // object is keyed by the same numbers ("5" and 5 are one key).
  forEachNode(visit: (node: number) => void): void {
    for (let i = 0; i < this.graph.n; i++) visit(i);
  }

  undirectedDegreeWithoutSelfLoops(i: number): number {
    return this.graph.starts[i + 1] - this.graph.starts[i];
  }

  forEachEdge(
    visit: (
      edge: number,
      attributes: TieAttributes,
      source: number,
      target: number,
      sa: object,
      ta: object,
      undirected: boolean,
    ) => void,
  ): void {
    const attributes: TieAttributes = { weight: 0 };
    const none = {};
    const { n, starts, neighbours } = this.graph;
    for (let i = 0; i < n; i++) {
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const j = neighbours[k];
        if (j <= i) continue;
        attributes.weight = tieWeight(this.graph, k);
        visit(k, attributes, i, j, none, none, true);
      }
    }
  }
}
