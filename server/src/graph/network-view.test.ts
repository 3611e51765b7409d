/**
 * The network view's fast paths (early stop, partial selection, pairs found from the less active
 * end) must answer exactly what the plain breadth-first definition answers: compared here with a
 * straightforward reference on a generated network with hubs, with and without filters.
 */
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { networkView, type NetworkViewOptions } from './network-view';
import { BUSY_COLLABORATIONS, orderedPartnersOfBusySteps } from './partner-ids';
import { NetworkProjection } from './projection';
import { actorKindInScope, collaborationInScope, scopedNeighbours, smallest, type ScopeFilter } from './scope';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Neighbours = Map<string, string[]>;

/**
 * The definition: neighbours by sorting everything, BFS to the full depth, edges from every source.
 * `known`: neighbours computed before on the same projection and scope, kept across calls.
 */
function reference(projection: NetworkProjection, options: NetworkViewOptions, known = new Map<string, Neighbours>()) {
  const neighbours = (actorId: string, filter: ScopeFilter) => {
    let found = known.get(actorId);
    if (!found) known.set(actorId, (found = neighboursOf(actorId, filter)));
    return found;
  };
  const neighboursOf = (actorId: string, filter: ScopeFilter): Neighbours => {
    const found = new Map<string, string[]>();
    for (const c of [...projection.actors.get(actorId)!.collaborations].sort(byId)) {
      if (!collaborationInScope(projection.collaborations.get(c)!, filter)) continue;
      for (const p of projection.collaborations.get(c)!.actors) {
        if (p === actorId || !actorKindInScope(projection, p, filter)) continue;
        found.set(p, [...(found.get(p) ?? []), c]);
      }
    }
    return new Map([...found].sort(([a], [b]) => byId(a, b)));
  };
  const order = [options.centreActorId!];
  const seen = new Set(order);
  let frontier = [...order];
  for (let step = 0; step < (options.depth ?? 1); step++) {
    const next: string[] = [];
    for (const a of frontier)
      for (const p of neighbours(a, options).keys())
        if (!seen.has(p)) {
          seen.add(p);
          next.push(p);
        }
    order.push(...next);
    frontier = next;
  }
  const actorIds = order.slice(0, options.maxActors);
  const visible = new Set(actorIds);
  const edges: Array<{ sourceId: string; targetId: string; collaborationIds: string[] }> = [];
  for (const s of actorIds)
    for (const [t, cs] of neighbours(s, options))
      if (s < t && visible.has(t)) edges.push({ sourceId: s, targetId: t, collaborationIds: cs });
  // An actor's size: the collaborations on its edges, each once.
  const onEdges = new Map(actorIds.map((id) => [id, new Set<string>()]));
  for (const e of edges)
    for (const c of e.collaborationIds) {
      onEdges.get(e.sourceId)!.add(c);
      onEdges.get(e.targetId)!.add(c);
    }
  const actorCollaborationCounts = actorIds.map((id) => onEdges.get(id)!.size);
  return { actorIds, truncated: order.length > options.maxActors, collaboratesWith: edges, actorCollaborationCounts };
}

function projectionOf(actors: number): NetworkProjection {
  const data = generateNetwork({ actors, hubs: 4, hubShare: 0.3, seed: 5 });

  return NetworkProjection.fromSnapshot(snapshotOf(data));
}

describe('networkView around a centre', () => {
  const projection = projectionOf(1500);
  const centres = ['a000000', 'a000003', 'a000010', 'a000777', 'a001499'];
  const filters: ScopeFilter[] = [
    {},
    { actorKinds: ['ASSOCIATION', 'AGENCY', 'INITIATIVE'] },
    { collaborationKinds: ['MEETING', 'PROJECT'], from: '2018-01-01' },
    { topicIds: ['t0000', 't0001', 't0002'] },
  ];
  test.each(
    centres.flatMap((centre) =>
      filters.flatMap((filter) =>
        [1, 2].flatMap((depth) => [7, 300].map((maxActors) => ({ centre, filter, depth, maxActors }))),
      ),
    ),
  )('$centre depth $depth max $maxActors filter %#', ({ centre, filter, depth, maxActors }) => {
    const options: NetworkViewOptions = { ...filter, centreActorId: centre, depth, maxActors };
    const view = networkView(projection, options);
    const expected = reference(projection, options);
    expect(view.actorIds).toEqual(expected.actorIds);
    expect(view.truncated).toBe(expected.truncated);
    expect(view.collaboratesWith).toEqual(expected.collaboratesWith);
    expect(view.actorCollaborationCounts).toEqual(expected.actorCollaborationCounts);
  });

  test("every actor: the ego network at depth 2 (at most 300) is the definition's", () => {
    const small = projectionOf(600);
    const known = new Map<string, Neighbours>();
    let withHubs = 0;
    for (const centreActorId of small.actors.keys()) {
      const options: NetworkViewOptions = { centreActorId, depth: 2, maxActors: 300 };
      const { actorIds, truncated, collaboratesWith, actorCollaborationCounts } = networkView(small, options);
      const got = { actorIds, truncated, collaboratesWith, actorCollaborationCounts };
      const expected = reference(small, options, known);
      // Compared as text first: a deep comparison of 600 views is most of the test's time.
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect(got).toEqual(expected);
      if (['a000000', 'a000001'].every((hub) => actorIds.includes(hub))) withHubs++;
    }
    // Most views hold the hubs: edges among busy actors are looked up, not listed, in them.
    expect(withHubs).toBeGreaterThan(small.actors.size / 2);
    expect(small.actors.get('a000001')!.collaborations.size).toBeGreaterThanOrEqual(BUSY_COLLABORATIONS);
  });

  test('a collaboration of two hubs alone is an edge at once (what busy pairs share is kept per version)', () => {
    const changing = projectionOf(1500);
    const options: NetworkViewOptions = { centreActorId: 'a000000', depth: 2, maxActors: 7 };
    const weightOf = (view: ReturnType<typeof networkView>) =>
      view.collaboratesWith.find((e) => e.sourceId === 'a000000' && e.targetId === 'a000001')?.collaborationIds;
    const before = networkView(changing, options);
    expect(before.actorIds).toContain('a000001');
    for (const hub of ['a000000', 'a000001'])
      expect(changing.actors.get(hub)!.collaborations.size).toBeGreaterThanOrEqual(BUSY_COLLABORATIONS);
    changing.upsertCollaboration('c-hubs', { kind: 'MEETING', startDate: null, endDate: null });
    changing.addParticipant('c-hubs', 'a000000');
    changing.addParticipant('c-hubs', 'a000001');
    const after = networkView(changing, options);
    expect(after.collaboratesWith).toEqual(reference(changing, options).collaboratesWith);
    expect(weightOf(after)).toEqual([...weightOf(before)!, 'c-hubs'].sort(byId));
  });

  test("a hub's partners kept in order are dropped when the projection changes", () => {
    const changing = projectionOf(1500);
    const hub = 'a000000';
    const options: NetworkViewOptions = { centreActorId: hub, depth: 1, maxActors: 5000 };
    const before = networkView(changing, options);
    expect(changing.actors.get(hub)!.collaborations.size).toBeGreaterThanOrEqual(BUSY_COLLABORATIONS);
    expect(before.actorIds).not.toContain('a000000x');
    changing.upsertActor('a000000x', 'ASSOCIATION');
    changing.upsertCollaboration('c-new', { kind: 'MEETING', startDate: null, endDate: null });
    changing.addParticipant('c-new', hub);
    changing.addParticipant('c-new', 'a000000x');
    const after = networkView(changing, options);
    expect(after.actorIds).toEqual(reference(changing, options).actorIds);
    // Smallest ids come first after the centre: the new partner sorts right behind the hub.
    expect(after.actorIds[1]).toBe('a000000x');
  });

  test("a hub's partners in id order are collected in steps the first time, then kept", () => {
    const fresh = projectionOf(3000);
    const hub = 'a000000';
    const expected = [...scopedNeighbours(fresh, hub, {}).keys()];
    const steps = orderedPartnersOfBusySteps(fresh, hub);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(next.value).toEqual(expected);
    expect(yields).toBeGreaterThan(1);
    // Kept for this version: no steps the second time, the same list.
    expect(orderedPartnersOfBusySteps(fresh, hub).next()).toEqual({ done: true, value: next.value });
  });

  test('scopedNeighbours keeps partner-id order and shared collaborations in id order', () => {
    for (const id of ['a000000', 'a000500']) {
      const got = scopedNeighbours(projection, id, {});
      expect([...got.keys()]).toEqual([...got.keys()].sort(byId));
      for (const shared of got.values()) expect(shared).toEqual([...shared].sort(byId));
    }
  });

  test('smallest selects the k smallest ids in order', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `a${String((i * 7919) % 5003).padStart(6, '0')}`);
    for (const k of [0, 1, 10, 299, 1249, 5000, 6000])
      expect(smallest([...ids], k)).toEqual([...ids].sort(byId).slice(0, k));
  });
});
