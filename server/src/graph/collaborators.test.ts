/**
 * The projection's collaborators must be the store's (`collaboratorsOfActors`, the reference):
 * same partners, same order, same shared collaborations in the same order — for every actor of a
 * generated network with hubs, undated collaborations and ties.
 */
import { generateNetwork } from '../../../seed/generate';
import { createEmbeddedStore } from '../store/embedded';
import type { NetworkStore } from '../store/network-store';
import { collaboratorsOf } from './collaborators';
import { NetworkProjection } from './projection';

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
      expect(collaboratorsOf(projection, id)).toEqual(fromStore[i]);
      compared += fromStore[i]!.length;
    });
    expect(compared).toBeGreaterThan(1000);
  });

  test('first cuts the same list; an unknown actor has none', async () => {
    const hub = [...projection.actors].sort(([, a], [, b]) => b.collaborations.size - a.collaborations.size)[0]![0];
    const [all] = await store.collaboratorsOfActors([hub]);
    expect(collaboratorsOf(projection, hub, 10)).toEqual(all!.slice(0, 10));
    expect(collaboratorsOf(projection, 'ghost', 10)).toEqual([]);
  });
});
