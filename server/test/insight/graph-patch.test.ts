/**
 * The worker's graph after a change, patched from the graph of the version before
 * (`graph-patch.ts`) instead of built anew: it must be the graph a fresh build gives, entry for
 * entry, and give the same brokers — on a small network written out by hand and on a generated one
 * changed the ways the service's writes change it (members in and out, a new collaboration, a
 * collaboration's kind and dates in a scope that reads them, recency weights).
 */
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import type { ScopeFilter } from '../../src/graph/scope';
import { patchScopedGraph } from '../../src/features/insight/graph-patch';
import { GraphCache, runJob, type JobPhases } from '../../src/features/insight/jobs';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import type { Recency } from '../../src/features/insight/recency';
import { graphSpec } from '../../src/features/insight/scope-masks';
import { buildScopedGraph, type GraphSpec, type Membership } from '../../src/features/insight/scoped-graph';

function membershipOf(actorCount: number, collaborations: number[][]): Membership {
  const collaborationStarts = new Int32Array(collaborations.length + 1);
  collaborations.forEach((c, k) => (collaborationStarts[k + 1] = collaborationStarts[k] + c.length));
  return { actorCount, collaborationStarts, members: Int32Array.from(collaborations.flat()) };
}

function specOf(
  actorCount: number,
  collaborations: number,
  weights: number[] | null = null,
  off: number[] = [],
): GraphSpec {
  const collaborationMask = new Uint8Array(collaborations).fill(1);
  for (const c of off) collaborationMask[c] = 0;
  return {
    actorMask: new Uint8Array(actorCount).fill(1),
    collaborationMask,
    collaborationWeights: weights ? Float64Array.from(weights) : null,
  };
}

describe('the graph patched after a change', () => {
  it('is the graph a fresh build gives, on a small network', () => {
    const before = [
      [0, 1, 2],
      [2, 3],
      [3, 4, 5],
      [5, 6],
      [6, 7, 0],
      [1, 2],
    ];
    const beforeWeights = [1, 0.5, 0.25, 1, 0.75, 0.125];
    const source = (collaborations: number[][], weights: number[] | null, off: number[] = []) => {
      const shared = membershipOf(9, collaborations);
      const spec = specOf(9, collaborations.length, weights, off);
      return { shared, spec, graph: buildScopedGraph(shared, spec) };
    };
    const cases: Array<[string, number[][], number[] | null, number[]]> = [
      [
        'a member joins',
        [
          [0, 1, 2, 8],
          [2, 3],
          [3, 4, 5],
          [5, 6],
          [6, 7, 0],
          [1, 2],
        ],
        null,
        [],
      ],
      [
        'a member leaves',
        [
          [0, 1, 2],
          [2, 3],
          [3, 5],
          [5, 6],
          [6, 7, 0],
          [1, 2],
        ],
        null,
        [],
      ],
      ['a collaboration is added', [...before, [8, 4, 1]], null, []],
      ['a collaboration leaves the scope', before, null, [2]],
      ['a collaboration shrinks to one member', [[0, 1, 2], [2], [3, 4, 5], [5, 6], [6, 7, 0], [1, 2]], null, []],
    ];
    for (const [, collaborations, , off] of cases) {
      const old = source(before, null);
      const next = source(collaborations, null, off);
      const patched = patchScopedGraph(old, next.shared, next.spec);
      expect(patched).not.toBeNull();
      expect(patched).toEqual(next.graph);
    }
    // Recency weights: one collaboration's weight changes, and one joins with its own.
    const weighted = source(before, beforeWeights);
    for (const [collaborations, weights] of [
      [before, [1, 0.5, 0.3, 1, 0.75, 0.125]],
      [
        [...before, [0, 1, 8]],
        [...beforeWeights, 0.0625],
      ],
    ] as Array<[number[][], number[]]>) {
      const next = source(collaborations, weights);
      const patched = patchScopedGraph(weighted, next.shared, next.spec);
      expect(patched).toEqual(next.graph);
      expect(patched!.weights).not.toBeNull();
    }
    // What it does not patch: other actors, a removed collaboration (the indexes move), weights on or off.
    const old = source(before, null);
    expect(patchScopedGraph(old, membershipOf(10, before), specOf(10, before.length))).toBeNull();
    const fewer = before.slice(1);
    expect(patchScopedGraph(old, membershipOf(9, fewer), specOf(9, fewer.length))).toBeNull();
    expect(patchScopedGraph(old, old.shared, specOf(9, before.length, beforeWeights))).toBeNull();
  });

  it('gives the brokers a fresh build gives after the service-like writes, on a generated network', async () => {
    const data = generateNetwork({ actors: 1500, seed: 11, hubs: 2 });
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const collaborationIds = [...projection.collaborations.keys()];
    const actorIds = [...projection.actors.keys()].sort();
    const recency: Recency = { asOf: '2024-01-01', halfLifeDays: 365 };
    const scopes: Array<[ScopeFilter, Recency | null]> = [
      [{}, null],
      [{ collaborationKinds: ['PROJECT', 'EVENT'] }, null],
      [{}, recency],
    ];
    const first = await encodeProjectionNow(projection);
    const caches = scopes.map(([filter, weights]) => {
      const graphs = new GraphCache();
      runJob(request(first, filter, weights), graphs);
      return graphs;
    });
    function request(
      arrays: Awaited<ReturnType<typeof encodeProjectionNow>>,
      filter: ScopeFilter,
      weights: Recency | null,
    ) {
      return {
        kind: 'centrality' as const,
        shared: arrays.shared,
        version: arrays.version,
        spec: graphSpec(arrays, filter, weights),
        options: { exactLimit: 100, samples: 24 },
      };
    }

    const target = projection.collaborations.get(collaborationIds[3])!;
    const outsider = actorIds.find((a) => !target.actors.has(a))!;
    const leaver = [...projection.collaborations.get(collaborationIds[7])!.actors][0];
    const writes: Array<[string, () => void]> = [
      ['a member joins', () => projection.addParticipant(collaborationIds[3], outsider)],
      ['a member leaves', () => projection.removeParticipant(collaborationIds[7], leaver)],
      [
        'a new collaboration with members',
        () => {
          projection.upsertCollaboration('c-new', { kind: 'PROJECT', startDate: '2023-05-01', endDate: null });
          for (const a of actorIds.slice(10, 14)) projection.addParticipant('c-new', a);
        },
      ],
      [
        'a collaboration changes kind and dates',
        () => {
          const c = projection.collaborations.get(collaborationIds[12])!;
          projection.upsertCollaboration(collaborationIds[12], {
            kind: c.kind === 'EVENT' ? 'MEETING' : 'EVENT',
            startDate: '2022-02-02',
            endDate: '2023-03-03',
          });
        },
      ],
    ];
    for (const [what, write] of writes) {
      write();
      const arrays = await encodeProjectionNow(projection);
      scopes.forEach(([filter, weights], s) => {
        const phases: JobPhases = { buildMs: 0, built: false, computeMs: 0 };
        const patched = runJob(request(arrays, filter, weights), caches[s], phases);
        expect({ what, s, patched: phases.patched }).toEqual({ what, s, patched: true });
        const fresh = runJob({ ...request(arrays, filter, weights), version: undefined });
        expect(patched).toEqual(fresh);
      });
    }
    expect(caches.map((c) => c.patches)).toEqual([4, 4, 4]);
  }, 60_000);
});
