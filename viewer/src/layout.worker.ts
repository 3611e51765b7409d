/**
 * Runs fcose off the main thread on a headless Cytoscape. In: nodes (with diameter and, for some,
 * a position), edges and the ids whose position must stay; out: a position per node.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResponse } from './layout';

cytoscape.use(fcose);

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(msg: LayoutResponse): void;
};

scope.onmessage = (ev) => {
  const { id, nodes, edges, fixed, spread } = ev.data;
  const started = performance.now();
  // fcose's refinement runs at least 5 iterations per node: seconds from ~500 nodes on. Bigger
  // maps (drawn only with ?all=1; the page shows clusters above 400) get the spectral draft, which
  // places nodes by their ties alone: without a style (node sizes) it takes a third less time at
  // 5,000 actors, and the positions differ by less than 2 px.
  const draft = nodes.length > 500;
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: !draft,
      style: draft ? [] : [{ selector: 'node', style: { width: 'data(d)', height: 'data(d)' } }],
      elements: [
        ...nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, d: n.d },
          position: n.position ? { ...n.position } : { x: 0, y: 0 },
        })),
        ...edges.map((e, i) => ({
          group: 'edges' as const,
          data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight },
        })),
      ],
    });
    const fixedSet = new Set(fixed);
    const constraint = nodes
      .filter((n) => fixedSet.has(n.id) && n.position)
      .map((n) => ({ nodeId: n.id, position: { ...n.position! } }));
    const options = {
      name: 'fcose',
      quality: draft ? 'draft' : 'default',
      randomize: constraint.length === 0,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      nodeSeparation: 120,
      // Dense districts (a conference links everyone) need room: strong repulsion, weak springs,
      // and shorter springs for pairs that share many collaborations.
      idealEdgeLength: (edge: cytoscape.EdgeSingular) =>
        spread ? 160 : 110 + 120 / Math.max(1, edge.data('weight') as number),
      nodeRepulsion: () => (spread ? 600000 : 120000),
      edgeElasticity: () => (spread ? 0.04 : 0.08),
      gravity: spread ? 0.4 : 0.15,
      gravityRange: 4,
      numIter: 2500,
      ...(constraint.length > 0 ? { fixedNodeConstraint: constraint } : {}),
    };
    cy.layout(options as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      positions[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    cy.destroy();
    scope.postMessage({ id, positions, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
};
