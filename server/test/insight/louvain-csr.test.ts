/**
 * Louvain on the CSR (`louvain-csr.ts`, used above the exact limit) against
 * graphology-communities-louvain on the same graph: the same modularity function, partitions of the
 * same quality, the same answer every time, and a warm start after a small change that does less
 * work for a partition as good as a cold run's.
 */
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import { louvainOnGraph, louvainWithGraphology } from '../../src/features/insight/clusters';
import { louvainCsr, modularityOf, weightedCsrOf } from '../../src/features/insight/louvain-csr';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import type { Recency } from '../../src/features/insight/recency';
import { graphSpec } from '../../src/features/insight/scope-masks';
import { buildScopedGraph, type ScopedGraph } from '../../src/features/insight/scoped-graph';
import type { GraphData } from '../../src/store/network-store';

async function graphOf(
  data: GraphData,
  recency: Recency | null = null,
): Promise<{ graph: ScopedGraph; ids: string[] }> {
  const arrays = await encodeProjectionNow(NetworkProjection.fromSnapshot(snapshotOf(data)));
  return { graph: buildScopedGraph(arrays.shared, graphSpec(arrays, {}, recency)), ids: arrays.ids };
}

/** `data` with one more member in each of the first `count` collaborations (a small change). */
function withJoins(data: GraphData, count: number): GraphData {
  const collaborations = data.collaborations.map((c, x) => {
    if (x >= count) return c;
    const members = new Set((c.participants ?? []).map((p) => p.actorId));
    const actor = data.actors.find((a, i) => i >= x * 7 && !members.has(a.id))!;
    return { ...c, participants: [...(c.participants ?? []), { actorId: actor.id, role: 'PARTICIPANT' as const }] };
  });
  return { ...data, collaborations };
}

const recencies: Array<[string, Recency | null]> = [
  ['shared collaborations', null],
  ['recency-weighted', { asOf: '2024-06-30', halfLifeDays: 365 }],
];

describe('Louvain on the CSR', () => {
  const data = generateNetwork({ actors: 4000, seed: 5, hubs: 3 });

  it.each(recencies)('measures modularity as graphology does and finds partitions as good (%s)', async (_, recency) => {
    const { graph } = await graphOf(data, recency);
    const csr = weightedCsrOf(graph);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (const seed of [1, 2, 3]) {
      const reference = louvainWithGraphology(graph, { exactLimit: 0, seed });
      expect(modularityOf(csr, reference.communities)).toBeCloseTo(reference.modularity, 12);
      const found = louvainCsr(csr, { seed });
      expect(found.modularity).toBeCloseTo(modularityOf(csr, found.communities), 12);
      ours.push(found.modularity);
      theirs.push(reference.modularity);
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    // Same quality: within 1 % of graphology's modularity on average, and every run within 3 %.
    expect(mean(ours)).toBeGreaterThan(mean(theirs) * 0.99);
    for (const q of ours) expect(q).toBeGreaterThan(Math.min(...theirs) * 0.97);
  });

  it('gives the same partition for the same graph, and graphology’s up to the exact limit', async () => {
    const { graph } = await graphOf(data);
    const once = louvainOnGraph(graph, { exactLimit: 100 });
    const again = louvainOnGraph(graph, { exactLimit: 100 });
    expect(again).toEqual(once);
    const small = await graphOf(generateNetwork({ actors: 300, seed: 5, hubs: 1 }));
    expect(louvainOnGraph(small.graph)).toEqual(louvainWithGraphology(small.graph));
  });

  it('started from its own partition, only improves it (single moves the levels above could not make)', async () => {
    const { graph } = await graphOf(data);
    const csr = weightedCsrOf(graph);
    const cold = louvainCsr(csr);
    const warm = louvainCsr(csr, { start: cold.communities });
    expect(warm.modularity).toBeGreaterThanOrEqual(cold.modularity - 1e-12);
    expect(warm.visits).toBeLessThan(cold.visits / 3);
  });

  it('after a small change, a warm start from the partition before visits far fewer nodes for the same quality', async () => {
    const before = await graphOf(data);
    const cold = louvainCsr(weightedCsrOf(before.graph));
    const after = await graphOf(withJoins(data, 20));
    const csr = weightedCsrOf(after.graph);
    // The partition before, by actor id; actors new to the graph start alone.
    const communityOf = new Map<string, number>();
    before.graph.nodeOf.forEach((a, i) => communityOf.set(before.ids[a], cold.communities[i]));
    const start = Int32Array.from(after.graph.nodeOf, (a) => communityOf.get(after.ids[a]) ?? -1);
    const warm = louvainCsr(csr, { start });
    const fresh = louvainCsr(csr);
    expect(warm.visits).toBeLessThan(fresh.visits / 3);
    expect(warm.modularity).toBeGreaterThan(fresh.modularity * 0.99);
    // The warm start is deterministic too.
    expect(louvainCsr(csr, { start })).toEqual(warm);
  });
});
