/**
 * The typed-array insight (what the worker computes) against graphology on the graph built the way
 * the service built it before (`support/actor-graph-reference.ts`): the same graph, entry for entry
 * and in the same order, and the same values — exact and sampled measures, components, Louvain.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import type { ScopeFilter } from '../../src/graph/scope';
import { computeCentrality } from '../../src/features/insight/centrality';
import { clusterOnArrays, louvainWithGraphology } from '../../src/features/insight/clusters';
import { runJob } from '../../src/features/insight/jobs';
import { encodeProjectionNow, type ProjectionArrays } from '../../src/features/insight/projection-arrays';
import type { Recency } from '../../src/features/insight/recency';
import { sampledPathsOnAdjacency, sampleSources, sortedComponents } from '../../src/features/insight/sampled-paths';
import { graphSpec } from '../../src/features/insight/scope-masks';
import { buildScopedGraph, tieWeight, type ScopedGraph } from '../../src/features/insight/scoped-graph';
import type { GraphData } from '../../src/store/network-store';
import {
  buildActorGraph,
  exactMeasures,
  referenceComponents,
  referenceLouvain,
  sampledPathsWithGraphology,
  type ActorGraph,
} from '../support/actor-graph-reference';

interface Case {
  projection: NetworkProjection;
  arrays: ProjectionArrays;
}

async function caseOf(data: GraphData): Promise<Case> {
  const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
  return { projection, arrays: await encodeProjectionNow(projection) };
}

const generated = (actors: number, seed: number) => caseOf(generateNetwork({ actors, seed, hubs: 2 }));

function scoped({ arrays }: Case, filter: ScopeFilter = {}, recency: Recency | null = null): ScopedGraph {
  return buildScopedGraph(arrays.shared, graphSpec(arrays, filter, recency));
}

const idsOf = (graph: ScopedGraph, arrays: ProjectionArrays) => Array.from(graph.nodeOf, (a) => arrays.ids[a]);

describe('the collaborates-with graph as typed arrays', () => {
  const scopes: Array<[string, ScopeFilter, Recency | null]> = [
    ['whole', {}, null],
    ['actor kinds', { actorKinds: ['ASSOCIATION', 'AGENCY', 'INITIATIVE', 'GROUP'] }, null],
    ['a date range', { from: '2019-01-01', to: '2022-06-30' }, null],
    [
      'topics and kinds of collaboration',
      { topicIds: ['t0000', 't0001', 't0003'], collaborationKinds: ['PROJECT', 'MEETING', 'EVENT'] },
      null,
    ],
    ['recency-weighted', {}, { asOf: '2024-06-30', halfLifeDays: 365 }],
  ];

  it.each(scopes)(
    'has the reference graph’s nodes, ties, counts and weights in the same order (%s)',
    async (_name, filter, recency) => {
      const c = await generated(700, 21);
      const graph = scoped(c, filter, recency);
      const reference: ActorGraph = buildActorGraph(c.projection, { filter, recency });
      expect(idsOf(graph, c.arrays)).toEqual(reference.nodes());
      expect(graph.pairs).toBe(reference.size);
      expect(graph.pairs).toBeGreaterThan(0);
      const ids = idsOf(graph, c.arrays);
      for (let i = 0; i < graph.n; i++) {
        const row: Array<[string, number, number]> = [];
        for (let k = graph.starts[i]; k < graph.starts[i + 1]; k++)
          row.push([ids[graph.neighbours[k]], graph.counts[k], tieWeight(graph, k)]);
        const expected: Array<[string, number, number]> = [];
        reference.forEachEdge(ids[i], (_e, attributes, source, target) => {
          expected.push([source === ids[i] ? target : source, attributes.count, attributes.weight]);
        });
        expect(row).toEqual(expected); // same partners, same order, same numbers (toEqual on floats is exact)
      }
    },
  );
});

describe('sampled betweenness and closeness on the typed arrays', () => {
  it.each([
    [400, 7, 32],
    [600, 42, 50],
  ])(
    'equal graphology’s indexed Brandes with the same sources (%i actors, seed %i, %i samples)',
    async (actors, seed, samples) => {
      const c = await generated(actors, seed);
      const graph = scoped(c);
      const reference = buildActorGraph(c.projection);
      const ids = idsOf(graph, c.arrays);
      const typed = sampledPathsOnAdjacency(graph, sampleSources(graph.n, samples, 3));
      const expected = sampledPathsWithGraphology(reference, samples, 3);
      ids.forEach((id, i) => {
        expect(typed.betweenness[i]).toBe(expected.betweenness[id]);
        expect(typed.closeness[i]).toBe(expected.closeness[id]);
      });
      expect(typed.betweenness.some((b) => b > 0)).toBe(true);
    },
  );

  it('with every actor as a source give graphology-metrics’ exact values', async () => {
    const c = await generated(300, 5);
    const graph = scoped(c);
    const { betweenness, closeness } = sampledPathsOnAdjacency(graph, sampleSources(graph.n, graph.n, 1));
    const exact = exactMeasures(buildActorGraph(c.projection));
    idsOf(graph, c.arrays).forEach((id, i) => {
      expect(betweenness[i]).toBeCloseTo(exact.betweenness[id], 12);
      expect(closeness[i]).toBeCloseTo(exact.closeness[id], 12);
    });
  });
});

describe('centrality, components and clusters as the worker computes them', () => {
  it('exact measures up to the limit are graphology-metrics’ values, bit for bit (seed and a generated network)', async () => {
    for (const c of [await caseOf(batenbrock), await generated(500, 3)]) {
      const graph = scoped(c);
      const values = computeCentrality(graph);
      expect(values.approximate).toBe(false);
      const reference = buildActorGraph(c.projection);
      const exact = exactMeasures(reference);
      idsOf(graph, c.arrays).forEach((id, i) => {
        expect(values.betweenness[i]).toBe(exact.betweenness[id]);
        expect(values.closeness[i]).toBe(exact.closeness[id]);
        expect(values.degree[i]).toBe(reference.degree(id));
        let weighted = 0;
        reference.forEachEdge(id, (_e, a) => (weighted += a.weight));
        expect(values.weightedDegree[i]).toBe(weighted);
      });
    }
  });

  it('above the limit, the sampled estimate is the reference’s (same sources; summed through the collaborations, so up to rounding)', async () => {
    const c = await generated(400, 7);
    const values = computeCentrality(scoped(c), { exactLimit: 100, samples: 32, seed: 3 });
    const reference = sampledPathsWithGraphology(buildActorGraph(c.projection), 32, 3);
    expect(values.approximate).toBe(true);
    expect(values.samples).toBe(32);
    idsOf(scoped(c), c.arrays).forEach((id, i) => {
      expect(Math.abs(values.betweenness[i] - reference.betweenness[id])).toBeLessThanOrEqual(
        1e-12 * reference.betweenness[id],
      );
      expect(values.closeness[i]).toBe(reference.closeness[id]);
    });
  });

  it('finds the same components by BFS as graphology-components', async () => {
    const c = await generated(800, 11);
    const graph = scoped(c);
    const ids = idsOf(graph, c.arrays);
    const components = sortedComponents(graph);
    const found: string[][] = [];
    for (let k = 0; k + 1 < components.starts.length; k++) {
      found.push(
        Array.from(components.members.subarray(components.starts[k], components.starts[k + 1]), (i) => ids[i]),
      );
    }
    expect(found).toEqual(referenceComponents(buildActorGraph(c.projection)));
    expect(found.length).toBeGreaterThan(1);
  });

  it('Louvain on the typed-array view gives graphology’s clusters on the reference graph, also recency-weighted', async () => {
    const c = await generated(1500, 17);
    for (const recency of [null, { asOf: '2024-06-30', halfLifeDays: 365 }]) {
      const spec = () => graphSpec(c.arrays, {}, recency);
      const graph = buildScopedGraph(c.arrays.shared, spec());
      const onView = clusterOnArrays(
        graph,
        c.arrays.shared,
        c.arrays.shared,
        spec().collaborationMask,
        {},
        louvainWithGraphology(graph, { exactLimit: 0 }),
      );
      const onGraph = runJob({ kind: 'clusters', shared: c.arrays.shared, spec: spec(), options: {} });
      expect(onView).toEqual(onGraph);
      const reference = referenceLouvain(buildActorGraph(c.projection, { recency }));
      expect(onView.modularity).toBe(reference.modularity);
      // Same partition: every cluster is one reference community, and every community one cluster.
      const clusters: string[][] = [];
      for (let k = 0; k + 1 < onView.clusterStarts.length; k++) {
        clusters.push(
          Array.from(
            onView.members.subarray(onView.clusterStarts[k], onView.clusterStarts[k + 1]),
            (a) => c.arrays.ids[a],
          ),
        );
      }
      const communities = new Map<number, string[]>();
      for (const [id, community] of Object.entries(reference.communities)) {
        if (!onView.unclustered.includes(c.arrays.index.get(id)!))
          communities.set(community, [...(communities.get(community) ?? []), id]);
      }
      expect(clusters.map((m) => m.join()).sort()).toEqual(
        [...communities.values()].map((m) => m.sort().join()).sort(),
      );
      expect(clusters.length).toBeGreaterThan(3);
    }
  });

  it('the hand-over on a generated network: the rest’s brokers, components and isolated actors as graphology finds them', async () => {
    const c = await generated(600, 9);
    const whole = scoped(c);
    const before = computeCentrality(whole);
    const top = Array.from(before.betweenness.keys()).sort((a, b) => before.betweenness[b] - before.betweenness[a])[0];
    const removedId = c.arrays.ids[whole.nodeOf[top]];
    const result = runJob({
      kind: 'resilience',
      shared: c.arrays.shared,
      spec: graphSpec(c.arrays, {}),
      removed: Int32Array.of(c.arrays.index.get(removedId)!),
      before,
      options: {},
    });
    const rest = buildActorGraph(c.projection, { without: new Set([removedId]) });
    const exact = exactMeasures(rest);
    const ranking = rest.nodes().sort((a, b) => exact.betweenness[b] - exact.betweenness[a] || (a < b ? -1 : 1));
    expect(Array.from(result.brokers.actor, (a) => c.arrays.ids[a])).toEqual(ranking);
    Array.from(result.brokers.actor).forEach((a, x) =>
      expect(result.brokers.betweenness[x]).toBe(exact.betweenness[c.arrays.ids[a]]),
    );
    const components = referenceComponents(rest);
    expect(result.componentsAfter).toBe(components.length);
    expect(result.largestComponentAfter).toBe(components[0].length);
    const isolated = rest.nodes().filter((id) => rest.degree(id) === 0 && buildActorGraph(c.projection).degree(id) > 0);
    expect(Array.from(result.isolated, (a) => c.arrays.ids[a])).toEqual(isolated);
    expect(result.dependents.actor.length).toBeGreaterThan(0);
  });
});
