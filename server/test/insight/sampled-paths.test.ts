import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { generateNetwork } from '../../../seed/generate';
import { NetworkProjection } from '../../src/graph/projection';
import { buildActorGraph } from '../../src/insight/actor-graph';
import { computeCentrality, sampledPaths, sampledPathsWithGraphology } from '../../src/insight/centrality';
import { sortedComponents } from '../../src/insight/resilience';
import { snapshotOf } from '../../src/insight/timings';

const graphOf = (actors: number, seed: number) =>
  buildActorGraph(NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors, seed, hubs: 2 }))));

describe('sampled betweenness and closeness on the typed-array adjacency', () => {
  it.each([
    [400, 7, 32],
    [600, 42, 50],
  ])('equals graphology’s indexed Brandes with the same sources (%i actors, seed %i, %i samples)', (actors, seed, samples) => {
    const graph = graphOf(actors, seed);
    expect(graph.size).toBeGreaterThan(0);
    const csr = sampledPaths(graph, samples, 3);
    const reference = sampledPathsWithGraphology(graph, samples, 3);
    expect(Object.keys(csr.betweenness)).toEqual(Object.keys(reference.betweenness));
    for (const id of graph.nodes()) {
      expect(csr.betweenness[id]).toBe(reference.betweenness[id]);
      expect(csr.closeness[id]).toBe(reference.closeness[id]);
    }
    expect(graph.nodes().some((id) => csr.betweenness[id] > 0)).toBe(true);
  });

  it('with every actor as a source gives graphology-metrics’ exact values', () => {
    const graph = graphOf(300, 5);
    const { betweenness, closeness } = sampledPaths(graph, graph.order, 1);
    const exactBetweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
    const exactCloseness = closenessCentrality(graph, { wassermanFaust: true });
    for (const id of graph.nodes()) {
      expect(betweenness[id]).toBeCloseTo(exactBetweenness[id], 12);
      expect(closeness[id]).toBeCloseTo(exactCloseness[id], 12);
    }
  });

  it('is what computeCentrality uses above the exact limit', () => {
    const graph = graphOf(400, 7);
    const approximate = computeCentrality(graph, { exactLimit: 100, samples: 32, seed: 3 });
    const reference = sampledPathsWithGraphology(graph, 32, 3);
    expect(approximate.approximate).toBe(true);
    for (const m of approximate.metrics.values()) expect(m.betweenness).toBe(reference.betweenness[m.actorId]);
  });

  it('finds the same components by BFS on the adjacency as graphology-components', () => {
    const graph = graphOf(800, 11);
    expect(sortedComponents(graph, 0)).toEqual(sortedComponents(graph, Infinity));
    expect(sortedComponents(graph, 0).length).toBeGreaterThan(1);
  });
});
