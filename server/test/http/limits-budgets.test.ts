/**
 * The budgets over real HTTP: the result budget of one query (QUERY_TOO_COMPLEX, limit "results")
 * and the rate limit (429 with Retry-After, allowed again after the window, counted per principal
 * when one is named). The limits on a single request: limits-query.test.ts.
 */
import { generateNetwork } from '../../../seed/generate';
import { DEFAULT_LIMITS, loadLimits } from '../../src/platform/config';
import { rateLimiter } from '../../src/platform/http/limits/rate-limit';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { countingStore } from '../support/counting-store';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';

describe('result budget over HTTP', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let hub: string;

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
    hub = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
  });

  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  test('lists without `first` fanning out through a hub: one QUERY_TOO_COMPLEX (limit "results"), no data', async () => {
    const chain = `{ actor(id: "${hub}") { collaborators { actor { collaborators { actor { collaborators { actor { name } } } } } } } }`;
    const refused = await api.post({ query: chain });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      data: null,
      errors: [
        {
          message: expect.stringContaining('more than 5000 list items'),
          locations: expect.any(Array),
          path: expect.any(Array),
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'results', max: 5000 },
        },
      ],
    });
    // The same actor's first level fits the budget and is answered.
    const fits = await api.post({ query: `{ actor(id: "${hub}") { collaborators { sharedCount actor { id } } } }` });
    expect(fits.status).toBe(200);
    const body = await fits.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.actor.collaborators.length).toBeGreaterThan(50);
  });

  test('configured by QUERY_MAX_RESULTS (default 100,000)', () => {
    expect(DEFAULT_LIMITS.query.maxResults).toBe(100_000);
    expect(loadLimits({ QUERY_MAX_RESULTS: '1000' }).query.maxResults).toBe(1000);
    expect(() => loadLimits({ QUERY_MAX_RESULTS: '0' })).toThrow(/QUERY_MAX_RESULTS/);
  });
});

describe('rate limit over HTTP', () => {
  test('over the limit: 429 with Retry-After and RATE_LIMITED, the RateLimit headers on every answer, allowed again after the window', async () => {
    const store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    const api = await startHttpApi(store, {
      config: { limits: { ...TEST_LIMITS, rateLimit: { max: 3, windowMs: 1_000 } } },
    });
    try {
      const query = { query: '{ projectionStatus { version } }' };
      for (let i = 0; i < 3; i++) {
        const ok = await api.post(query);
        expect(ok.status).toBe(200);
        expect(ok.headers.get('ratelimit-policy')).toMatch(/q=3; w=1/);
        expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`r=${2 - i}`));
      }
      const refused = await api.post(query);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: expect.stringContaining('Too many requests'),
            extensions: { code: 'RATE_LIMITED', limit: 3, windowSeconds: 1, retryAfterSeconds: retryAfter },
          },
        ],
      });
      // Health checks are not limited.
      expect((await api.request('/healthz')).status).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
      const again = await api.post(query);
      expect(again.status).toBe(200);
    } finally {
      await api.stop();
      await store.close();
    }
  });

  test('counted per API key (the authenticated principal), anonymous requests per address', async () => {
    const store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    const api = await startHttpApi(store, {
      config: {
        auth: { anonymousAccess: 'viewer', jwt: null },
        limits: { ...TEST_LIMITS, rateLimit: { max: 2, windowMs: 60_000 } },
      },
    });
    try {
      const alice = await api.issueKey('alice', 'VIEWER');
      const bob = await api.issueKey('bob', 'VIEWER');
      const query = { query: '{ __typename }' };
      const as = (key: string) => api.postAs(key, query).then((r) => r.status);
      const anonymous = () => api.postAnonymous(query).then((r) => r.status);
      expect([await as(alice.key), await as(alice.key), await as(alice.key)]).toEqual([200, 200, 429]);
      expect([await as(bob.key), await as(bob.key)]).toEqual([200, 200]); // same address, another key
      expect([await anonymous(), await anonymous(), await anonymous()]).toEqual([200, 200, 429]); // by address
    } finally {
      await api.stop();
      await store.close();
    }
  });

  test('800 requests with an unknown API key in one second: refused credentials count per address, checked before the key is looked up', async () => {
    const counted = countingStore(createEmbeddedStore({ filename: ':memory:' }));
    await counted.store.init();
    const max = DEFAULT_LIMITS.rateLimit.max; // 600 per minute
    const api = await startHttpApi(counted.store, {
      config: { limits: { ...TEST_LIMITS, rateLimit: DEFAULT_LIMITS.rateLimit } },
    });
    try {
      // A working client, seen before the flood.
      expect((await api.post({ query: '{ __typename }' })).status).toBe(200);
      counted.reset();
      const unknown = `qn_${'A'.repeat(43)}`;
      const started = Date.now();
      const answers: Response[] = [];
      // 800 requests, 100 at a time (the finding sent them all within a second).
      for (let batch = 0; batch < 8; batch++) {
        answers.push(
          ...(await Promise.all(Array.from({ length: 100 }, () => api.postAs(unknown, { query: '{ __typename }' })))),
        );
      }
      expect(Date.now() - started).toBeLessThan(10_000);
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(max);
      expect(statuses.filter((s) => s === 429)).toHaveLength(800 - max);
      // Only the refused ones were looked up; over the budget the key is neither hashed nor looked up.
      expect(counted.calls.get('findApiKeyByHash')).toBe(max);
      // Every answer says where the address stands, 401s included.
      const refused = answers.filter((a) => a.status === 401);
      for (const a of answers) {
        expect(a.headers.get('ratelimit-policy')).toBe(`"refused-credentials"; q=${max}; w=60`);
        expect(a.headers.get('ratelimit')).toMatch(/^"refused-credentials"; r=\d+; t=\d+$/);
      }
      expect(refused.map((a) => Number(/r=(\d+)/.exec(a.headers.get('ratelimit')!)![1])).sort((x, y) => x - y)).toEqual(
        Array.from({ length: max }, (_, i) => i),
      );
      expect((await refused[0]!.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const limited = answers.find((a) => a.status === 429)!;
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).errors[0]).toMatchObject({
        message: expect.stringContaining('refused credentials'),
        extensions: { code: 'RATE_LIMITED', limit: max, windowSeconds: 60 },
      });
      // The download route shares the budget.
      expect(
        (await api.request('/export/network.json', { headers: { authorization: `Bearer ${unknown}` } })).status,
      ).toBe(429);
      // Requests without a credential are not counted against it (they count per address, as before).
      expect((await api.postAnonymous({ query: '{ __typename }' })).status).toBe(200);
      // A key that worked before the flood still works from the same address (no lockout of working clients).
      expect((await api.post({ query: '{ __typename }' })).status).toBe(200);
      // A key never seen before waits like the made-up ones (it cannot be told apart without a lookup).
      const fresh = await api.issueKey('fresh', 'VIEWER');
      expect((await api.postAs(fresh.key, { query: '{ __typename }' })).status).toBe(429);
    } finally {
      await api.stop();
      await counted.store.close();
    }
  });

  test('accepted credentials are not counted as refused: a valid key keeps its own budget, its 401-free answers show the "requests" policy', async () => {
    const store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    const api = await startHttpApi(store, {
      config: { limits: { ...TEST_LIMITS, rateLimit: { max: 3, windowMs: 60_000 } } },
    });
    try {
      const alice = await api.issueKey('alice', 'VIEWER');
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const answer = await api.postAs(alice.key, { query: '{ __typename }' });
        statuses.push(answer.status);
        expect(answer.headers.get('ratelimit')).toMatch(/^"requests"; r=\d+; t=\d+$/);
      }
      // Three accepted requests left the refused-credential budget of the address untouched.
      const bad = await api.postAs(`qn_${'B'.repeat(43)}`, { query: '{ __typename }' });
      expect(bad.status).toBe(401);
      expect(bad.headers.get('ratelimit')).toMatch(/^"refused-credentials"; r=2; t=\d+$/);
      expect(bad.headers.get('www-authenticate')).toMatch(/Bearer/);
      expect(statuses).toEqual([200, 200, 200]);
    } finally {
      await api.stop();
      await store.close();
    }
  });

  test('configured by environment; 0 turns it off', () => {
    expect(loadLimits({})).toEqual(DEFAULT_LIMITS);
    expect(loadLimits({ RATE_LIMIT_MAX: '0' }).rateLimit.max).toBe(0);
    expect(rateLimiter(loadLimits({ RATE_LIMIT_MAX: '0' }).rateLimit)).toBeNull();
    expect(
      loadLimits({ RATE_LIMIT_MAX: '100', RATE_LIMIT_WINDOW_SECONDS: '0.5', QUERY_MAX_DEPTH: '12', TRUST_PROXY: '1' }),
    ).toMatchObject({
      rateLimit: { max: 100, windowMs: 500 },
      query: { maxDepth: 12 },
      trustProxy: 1,
    });
    expect(() => loadLimits({ QUERY_MAX_COST: 'lots' })).toThrow(/QUERY_MAX_COST/);
    expect(() => loadLimits({ QUERY_MAX_DEPTH: '0' })).toThrow(/QUERY_MAX_DEPTH/);
    expect(() => loadLimits({ RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
  });
});
