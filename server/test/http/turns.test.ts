/**
 * Work is done in turns of the event loop, over real HTTP on the embedded store: a hub's long list
 * of collaborators is answered whole and in order, its items completed in parts (LIST_PART) with
 * the event loop turning in between. (Health checks during bursts: the abuse suite, abuse.alone.test.ts.)
 */
import { generateNetwork } from '../../../seed/generate';
import { collaboratorsOf } from '../../src/graph/collaborators';
import { LIST_PART } from '../../src/platform/graphql/guarded-resolvers';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, type HttpApi } from '../support/http-api';

describe('work in turns of the event loop', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let hub: string;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    const data = generateNetwork({ actors: 6000, hubs: 2, seed: 5 });
    const degree = new Map<string, number>();
    for (const c of data.collaborations)
      for (const p of c.participants ?? []) degree.set(p.actorId, (degree.get(p.actorId) ?? 0) + 1);
    hub = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
    api = await startHttpApi(store, { seed: data });
  });

  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  test('a long list is answered whole and in order, its items completed over several turns', async () => {
    const expected = collaboratorsOf(api.service.projection, hub).map((c) => [c.partnerId, c.sharedCount]);
    expect(expected.length).toBeGreaterThan(3 * LIST_PART);
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const response = await api.post({
      query: `{ actor(id: "${hub}") { collaborators { sharedCount actor { id name } } } }`,
    });
    counting = false;
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    const answered = body.data.actor.collaborators.map((c: { actor: { id: string }; sharedCount: number }) => [
      c.actor.id,
      c.sharedCount,
    ]);
    expect(answered).toEqual(expected);
    // One part per turn at least: the event loop came round while the list was completed.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(expected.length / LIST_PART));
  });
});
