/**
 * The guard's lookahead (server/src/platform/graphql/answer-lookahead.ts) over real HTTP: a fan-out
 * that cannot fit is refused at the first list, before its items below are built; and the lookahead
 * never promises more items than an answer holds — exactly as many where every field below is one
 * it knows — through aliases, merged fields, fragments, directives and `first`.
 */
import { generateNetwork } from '../../../seed/generate';
import { RequestGuard } from '../../src/platform/graphql/request-guard';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';

describe('the guard looks ahead before a fan-out is built', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let hub = '';
  let quiet = '';
  const finished: RequestGuard[] = [];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    const data = generateNetwork({ actors: 600, hubs: 3, seed: 5 });
    api = await startHttpApi(store, {
      seed: data,
      config: { limits: { ...TEST_LIMITS, query: { ...TEST_LIMITS.query, maxResults: 5_000 } } },
    });
    const degree = new Map<string, number>();
    for (const c of data.collaborations)
      for (const p of c.participants ?? []) degree.set(p.actorId, (degree.get(p.actorId) ?? 0) + 1);
    const ranked = [...degree].sort((a, b) => b[1] - a[1]);
    hub = ranked[0]![0];
    quiet = ranked.find(([, n]) => n === 2)![0];
    const finish = RequestGuard.prototype.finish;
    spy = jest.spyOn(RequestGuard.prototype, 'finish').mockImplementation(function (this: RequestGuard) {
      if (!this.finished) finished.push(this);
      return finish.call(this);
    });
  });

  afterAll(async () => {
    spy.mockRestore();
    await api.stop();
    await store.close();
  });

  /** Answers `query` (200, no errors) and gives the guard of that request. */
  async function answered(query: string): Promise<{ guard: RequestGuard; lists: number }> {
    finished.length = 0;
    const response = await api.post({ query });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(finished).toHaveLength(1);
    return { guard: finished[0]!, lists: countListItems(body.data) };
  }

  test('a hub fan-out is refused at its first list, having built only that list', async () => {
    finished.length = 0;
    const chain = `{ actor(id: "${hub}") { collaborators { actor { collaborators { actor { collaborators { actor { name } } } } } } } }`;
    const refused = await api.post({ query: chain });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'results', max: 5000 });
    expect(body.errors[0].path).toEqual(['actor', 'collaborators']);
    const guard = finished.find((g) => g.refusal)!;
    const hubPartners = (await answered(`{ actor(id: "${hub}") { collaborators { sharedCount } } }`)).lists;
    expect(guard.items).toBe(hubPartners);
    expect(guard.promisedItems).toBeGreaterThan(5000);
  });

  const exact: Array<[string, () => string]> = [
    [
      'collaborators of collaborators',
      () => `{ actor(id: "${quiet}") { collaborators { actor { collaborators { sharedCount actor { id } } } } } }`,
    ],
    [
      'aliases count apart, one key asked twice is one field',
      () =>
        `{ actor(id: "${quiet}") { a: collaborators { actor { collaborators { sharedCount } } } b: collaborators { actor { id collaborators { actor { id } } } } a: collaborators { sharedCount } } }`,
    ],
    [
      'fragments, named and inline',
      () =>
        `query { actor(id: "${quiet}") { ...Partners } } fragment Partners on Actor { collaborators { actor { ... on Actor { collaborators { sharedCount } } } } }`,
    ],
    [
      'participations, participants, interests, topics, shared collaborations',
      () =>
        `{ actor(id: "${quiet}") { collaborations { collaboration { participants { actor { interests { topic { id } } topics { id } } } topics { id } } } collaborators { collaborations { id participants { role } } } } }`,
    ],
  ];

  test.each(exact)('%s: promised exactly what the answer holds', async (_name, query) => {
    const { guard, lists } = await answered(query());
    expect(guard.items).toBe(lists);
    expect(lists).toBeGreaterThan(20);
    expect(guard.promisedItems).toBe(guard.items);
  });

  test('under a directive or with `first`, it promises less (never more) than the answer holds', async () => {
    for (const query of [
      `{ actor(id: "${quiet}") { collaborators { actor { collaborators @include(if: true) { actor { id } } } } } }`,
      `{ actor(id: "${quiet}") { collaborators { actor { collaborators(first: 2) { actor { collaborators { sharedCount } } } } } } }`,
    ]) {
      const { guard, lists } = await answered(query);
      expect(guard.items).toBe(lists);
      expect(guard.promisedItems).toBeLessThan(guard.items);
    }
  });
});

/** List items of an answer, as the guard counts them (every array: these queries ask for no connection). */
function countListItems(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((n: number, v) => n + countListItems(v), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce((n: number, v) => n + countListItems(v), 0);
  return 0;
}
