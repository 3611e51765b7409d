/**
 * The projection's collaborators must be the store's (`collaboratorsOfActors`, the reference):
 * same partners, same order, same shared collaborations in the same order — for every actor of a
 * generated network with hubs, undated collaborations and ties.
 */
import { generateNetwork } from '../../../seed/generate';
import { createEmbeddedStore } from '../store/embedded';
import type { NetworkStore } from '../store/network-store';
import { collaboratorsInSteps, collaboratorsOf, RANKING_STEP, type RankedCollaborator } from './collaborators';
import { NetworkProjection } from './projection';

const withoutCount = ({ sharedCount: _, ...collaborator }: RankedCollaborator) => collaborator;

describe('collaboratorsOf (projection) answers what the store answers', () => {
  let store: NetworkStore;
  let projection: NetworkProjection;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    const data = generateNetwork({ actors: 400, hubs: 3, seed: 11 });
    // Some collaborations without a date: they sort last in the shared lists.
    data.collaborations.forEach((c, i) => {
      if (i % 7 === 0) c.startDate = null;
    });
    await store.mergeGraph(data);
    projection = NetworkProjection.fromSnapshot(await store.loadSnapshot());
  });

  afterAll(async () => {
    await store.close();
  });

  test('every actor: all collaborators, in order, with the shared collaborations newest first', async () => {
    const ids = [...projection.actors.keys()].sort();
    const fromStore = await store.collaboratorsOfActors(ids);
    let compared = 0;
    ids.forEach((id, i) => {
      const answer = collaboratorsOf(projection, id);
      for (const c of answer) expect(c.sharedCount).toBe(c.collaborationIds.length);
      expect(answer.map(withoutCount)).toEqual(fromStore[i]);
      compared += fromStore[i]!.length;
    });
    expect(compared).toBeGreaterThan(1000);
  });

  test('first cuts the same list; an unknown actor has none', async () => {
    const hub = [...projection.actors].sort(([, a], [, b]) => b.collaborations.size - a.collaborations.size)[0]![0];
    const [all] = await store.collaboratorsOfActors([hub]);
    expect(collaboratorsOf(projection, hub, 10).map(withoutCount)).toEqual(all!.slice(0, 10));
    expect(collaboratorsOf(projection, 'ghost', 10)).toEqual([]);
  });

  test('the kept ranking follows writes: a new shared collaboration moves the partner up at once', () => {
    const local = NetworkProjection.fromSnapshot({
      actors: ['a', 'b', 'c'].map((id) => ({ id, kind: 'ORGANISATION' })),
      collaborations: ['k1', 'k2'].map((id) => ({ id, kind: 'PROJECT', startDate: null, endDate: null })),
      participations: [
        { collaborationId: 'k1', actorId: 'a' },
        { collaborationId: 'k1', actorId: 'b' },
        { collaborationId: 'k2', actorId: 'a' },
        { collaborationId: 'k2', actorId: 'c' },
      ],
      topics: [],
      interests: [],
      about: [],
    } as unknown as Parameters<typeof NetworkProjection.fromSnapshot>[0]);
    expect(collaboratorsOf(local, 'a', 1).map((c) => c.partnerId)).toEqual(['b']);
    expect(collaboratorsOf(local, 'a').map((c) => [c.partnerId, c.sharedCount])).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    local.upsertCollaboration('k3', { kind: 'PROJECT', startDate: '2024-01-01', endDate: null });
    local.addParticipant('k3', 'a');
    local.addParticipant('k3', 'c');
    expect(collaboratorsOf(local, 'a').map((c) => [c.partnerId, c.collaborationIds])).toEqual([
      ['c', ['k3', 'k2']],
      ['b', ['k1']],
    ]);
  });

  /** A hub in RANKING_STEP * 2.5 collaborations, each with one or two of 300 others. */
  function hubProjection(): NetworkProjection {
    const collaborations = Array.from({ length: Math.round(RANKING_STEP * 2.5) }, (_, i) => `k${i}`);
    const participations = collaborations.flatMap((id, i) => [
      { collaborationId: id, actorId: 'hub' },
      { collaborationId: id, actorId: `p${i % 300}` },
      ...(i % 3 === 0 ? [{ collaborationId: id, actorId: `p${(i * 7) % 300}` }] : []),
    ]);
    return NetworkProjection.fromSnapshot({
      actors: ['hub', ...Array.from({ length: 300 }, (_, i) => `p${i}`)].map((id) => ({ id, kind: 'ORGANISATION' })),
      collaborations: collaborations.map((id, i) => ({
        id,
        kind: 'PROJECT',
        startDate: `20${10 + (i % 12)}-01-01`,
        endDate: null,
      })),
      participations,
      topics: [],
      interests: [],
      about: [],
    } as unknown as Parameters<typeof NetworkProjection.fromSnapshot>[0]);
  }

  test('a hub ranked in steps between turns answers what the one-go ranking answers', async () => {
    const stepped = hubProjection();
    let pauses = 0;
    const pause = () => {
      pauses++;
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    const answer = collaboratorsInSteps(stepped, 'hub', 20, pause);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual(collaboratorsOf(hubProjection(), 'hub', 20));
    expect(pauses).toBeGreaterThanOrEqual(3);
    // Kept: the next ask answers at once, without steps.
    expect(collaboratorsInSteps(stepped, 'hub', null, pause)).toEqual(collaboratorsOf(hubProjection(), 'hub'));
  });

  test('a write between two steps: the answer is of the new state', async () => {
    const stepped = hubProjection();
    let wrote = false;
    const pause = () => {
      if (!wrote) {
        wrote = true;
        for (let i = 0; i < 40; i++) stepped.addParticipant(`k${i}`, 'p299');
      }
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    const answer = await collaboratorsInSteps(stepped, 'hub', 5, pause);
    const expected = hubProjection();
    for (let i = 0; i < 40; i++) expected.addParticipant(`k${i}`, 'p299');
    expect(answer).toEqual(collaboratorsOf(expected, 'hub', 5));
    expect(answer[0]!.partnerId).toBe('p299');
  });
});
