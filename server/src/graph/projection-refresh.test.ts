/**
 * A periodic refresh that finds the store unchanged keeps the projection's version (and so the
 * insight and suggestion caches keyed by it); any change — in the store, or a write applied to the
 * projection since the last load — replaces the state and bumps the version.
 */
import { generateNetwork } from '../../../seed/generate';
import { createEmbeddedStore } from '../store/embedded';
import type { GraphSnapshot } from '../store/network-store';
import { NetworkProjection } from './projection';
import { snapshotFingerprint } from './snapshot-fingerprint';

const reversed = (s: GraphSnapshot): GraphSnapshot => ({
  actors: [...s.actors].reverse(),
  collaborations: [...s.collaborations].reverse(),
  participations: [...s.participations].reverse(),
  interests: [...s.interests].reverse(),
  about: [...s.about].reverse(),
  topics: [...s.topics].reverse(),
});

describe('NetworkProjection.refresh', () => {
  let snapshot: GraphSnapshot;

  beforeAll(async () => {
    const store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    await store.mergeGraph(generateNetwork({ actors: 300, hubs: 2, seed: 3 }));
    snapshot = await store.loadSnapshot();
    await store.close();
  });

  test('the same state in another row order: no reload, same version, builtAt moves', async () => {
    const projection = NetworkProjection.fromSnapshot(snapshot);
    const version = projection.version;
    const builtAt = projection.builtAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(projection.refresh(reversed(snapshot))).toBe(false);
    expect(projection.version).toBe(version);
    expect(projection.builtAt.getTime()).toBeGreaterThan(builtAt.getTime());
  });

  test('a changed store (one participation less, a moved date, another kind) reloads', () => {
    const changes: Array<(s: GraphSnapshot) => GraphSnapshot> = [
      (s) => ({ ...s, participations: s.participations.slice(1) }),
      (s) => ({
        ...s,
        collaborations: s.collaborations.map((c, i) => (i === 0 ? { ...c, startDate: '1999-01-01' } : c)),
      }),
      (s) => ({
        ...s,
        actors: s.actors.map((a, i) => (i === 0 ? { ...a, kind: a.kind === 'PERSON' ? 'GROUP' : 'PERSON' } : a)),
      }),
      // The same rows in other tables' places: a participation's ends swapped into an interest.
      (s) => ({
        ...s,
        interests: [...s.interests, { actorId: s.participations[0]!.actorId, topicId: s.topics[0]!.id }],
      }),
    ];
    for (const change of changes) {
      const projection = NetworkProjection.fromSnapshot(snapshot);
      const version = projection.version;
      expect(snapshotFingerprint(change(snapshot))).not.toBe(snapshotFingerprint(snapshot));
      expect(projection.refresh(change(snapshot))).toBe(true);
      expect(projection.version).toBeGreaterThan(version);
    }
  });

  test('after a write to the projection, the same snapshot reloads (the write may not be in the store)', () => {
    const projection = NetworkProjection.fromSnapshot(snapshot);
    projection.upsertActor('written-since', 'GROUP');
    expect(projection.refresh(snapshot)).toBe(true);
    expect(projection.actors.has('written-since')).toBe(false);
    const version = projection.version;
    expect(projection.refresh(snapshot)).toBe(false);
    expect(projection.version).toBe(version);
  });
});
