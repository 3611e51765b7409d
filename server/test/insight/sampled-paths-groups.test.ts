/**
 * Sampled Brandes through the collaborations (`sampled-paths-groups.ts`) against the pair-by-pair
 * routine (`sampled-paths.ts`, itself held to graphology's Brandes in sampled-paths.test.ts) and
 * graphology-metrics' exact betweenness: same distances (closeness bit for bit), same path counts,
 * betweenness equal up to rounding — also where partners share more than one collaboration (the
 * counted-twice correction) and in scopes that leave actors and collaborations out.
 */
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import type { ScopeFilter } from '../../src/graph/scope';
import { toGraphology } from '../../src/features/insight/graphology-view';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import { sampledPathsOnAdjacency, sampleSources } from '../../src/features/insight/sampled-paths';
import { sampledPathsOnGroups } from '../../src/features/insight/sampled-paths-groups';
import { graphSpec } from '../../src/features/insight/scope-masks';
import { buildScopedGraph, type ScopedGraph } from '../../src/features/insight/scoped-graph';

function viaGroups(graph: ScopedGraph, sources: ArrayLike<number>) {
  if (!graph.groups) throw new Error('a built graph has its groups');
  return sampledPathsOnGroups({ ...graph, groups: graph.groups }, sources);
}

/** |a − b| within `relative` of b (0 only where b is 0). */
function expectClose(a: Float64Array, b: Float64Array, relative = 1e-12) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(relative * Math.abs(b[i]));
}

/** A graph straight from collaborations (actor indexes), every actor and collaboration counting. */
function graphOf(actorCount: number, collaborations: number[][]): ScopedGraph {
  const collaborationStarts = new Int32Array(collaborations.length + 1);
  collaborations.forEach((c, k) => (collaborationStarts[k + 1] = collaborationStarts[k] + c.length));
  return buildScopedGraph(
    { actorCount, collaborationStarts, members: Int32Array.from(collaborations.flat()) },
    {
      actorMask: new Uint8Array(actorCount).fill(1),
      collaborationMask: new Uint8Array(collaborations.length).fill(1),
      collaborationWeights: null,
    },
  );
}

function exactBetweenness(graph: ScopedGraph): Float64Array {
  const exact = betweennessCentrality(toGraphology(graph), { getEdgeWeight: null, normalized: true });
  return Float64Array.from({ length: graph.n }, (_, i) => exact[String(i)]);
}

describe('sampled Brandes through the collaborations', () => {
  it('counts a partner once however many collaborations they share', () => {
    // 0 and 1 share two collaborations; 3 is reached from 0 through 1 and through 4. Counting the
    // pair twice would give 1 two thirds of the chains 0 → 3 instead of half.
    const graph = graphOf(5, [
      [0, 1],
      [0, 1, 2],
      [0, 4],
      [1, 3],
      [4, 3],
      [2, 1],
    ]);
    expect(Array.from(graph.counts).some((c) => c > 1)).toBe(true);
    const all = sampleSources(graph.n, graph.n, 1);
    const { betweenness } = viaGroups(graph, all);
    expectClose(betweenness, exactBetweenness(graph));
    expectClose(betweenness, sampledPathsOnAdjacency(graph, all).betweenness);
    expect(betweenness[1]).toBeGreaterThan(0);
  });

  it('with every actor as a source gives graphology-metrics’ exact betweenness (generated network)', async () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors: 300, seed: 5, hubs: 2 })));
    const arrays = await encodeProjectionNow(projection);
    const graph = buildScopedGraph(arrays.shared, graphSpec(arrays, {}));
    expect(Array.from(graph.counts).filter((c) => c > 1).length).toBeGreaterThan(10);
    expectClose(viaGroups(graph, sampleSources(graph.n, graph.n, 1)).betweenness, exactBetweenness(graph), 1e-10);
  });

  const scopes: Array<[string, ScopeFilter]> = [
    ['whole', {}],
    ['actor kinds', { actorKinds: ['ASSOCIATION', 'AGENCY', 'INITIATIVE', 'GROUP'] }],
    ['a date range', { from: '2019-01-01', to: '2022-06-30' }],
    [
      'topics and kinds of collaboration',
      { topicIds: ['t0000', 't0001', 't0003'], collaborationKinds: ['PROJECT', 'EVENT'] },
    ],
  ];

  it.each(scopes)('equals the pair-by-pair routine with the same sources (%s)', async (_name, filter) => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors: 2500, seed: 11, hubs: 3 })));
    const arrays = await encodeProjectionNow(projection);
    const graph = buildScopedGraph(arrays.shared, graphSpec(arrays, filter));
    const sources = sampleSources(graph.n, 40, 9);
    const pairs = sampledPathsOnAdjacency(graph, sources);
    const groups = viaGroups(graph, sources);
    expectClose(groups.betweenness, pairs.betweenness);
    expect(groups.closeness).toEqual(pairs.closeness); // distances only: bit for bit
    expect(groups.betweenness.some((b) => b > 0)).toBe(true);
  });
});
