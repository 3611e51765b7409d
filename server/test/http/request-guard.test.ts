/**
 * Bounded work per request, enforced while it runs (server/src/platform/graphql/request-guard.ts), over real
 * HTTP on the embedded store: a refused request stops all of its resolvers (no store call after
 * the answer), so does one whose client went away; the wall-time limit; one export per document
 * and one export at a time per principal.
 */
import { generateNetwork } from '../../../seed/generate';
import { runningGuards } from '../../src/platform/graphql/request-guard';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { countingStore, type CountingStore } from '../support/counting-store';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hubOf(data: ReturnType<typeof generateNetwork>): string {
  const degree = new Map<string, number>();
  for (const c of data.collaborations)
    for (const p of c.participants ?? []) degree.set(p.actorId, (degree.get(p.actorId) ?? 0) + 1);
  return [...degree].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('request guard over HTTP', () => {
  let inner: NetworkStore;
  let counting: CountingStore;
  let api: HttpApi;
  let hub: string;

  beforeAll(async () => {
    inner = createEmbeddedStore({ filename: ':memory:' });
    await inner.init();
    const data = generateNetwork({ actors: 1500, hubs: 3, seed: 11 });
    hub = hubOf(data);
    counting = countingStore(inner);
    api = await startHttpApi(counting.store, {
      seed: data,
      config: { limits: { ...TEST_LIMITS, query: { ...TEST_LIMITS.query, maxResults: 20_000 } } },
    });
  });

  afterAll(async () => {
    await api.stop();
    await inner.close();
  });

  const fanOut = (id: string) =>
    `{ actor(id: "${id}") { collaborators { actor { collaborators { actor { collaborators { actor { id name } } } } } } } }`;

  test('a request over its list budget stops every resolver: no store call after the refusal', async () => {
    counting.reset();
    const response = await api.post({ query: fanOut(hub) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'results', max: 20_000 });
    const atAnswer = counting.total();
    await sleep(500);
    // Sibling resolvers used to go on loading (and allocating) long after the answer.
    expect(counting.total()).toBe(atAnswer);
  });

  test('the topics fan-out of the outside test is refused with one coded error, nothing left running', async () => {
    counting.reset();
    const response = await api.post({
      query: '{ topics(first:500){ nodes { actors { collaborators { actor { collaborators { actor { id } } } } } } } }',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'results' } }],
    });
    const atAnswer = counting.total();
    await sleep(500);
    expect(counting.total()).toBe(atAnswer);
  });

  test('a client that goes away stops its request: store calls end soon after', async () => {
    const unlimited = await startHttpApi(counting.store, {
      adminKeyName: 'abort-admin',
      config: {
        limits: { ...TEST_LIMITS, query: { ...TEST_LIMITS.query, maxResults: 10_000_000, maxMillis: 60_000 } },
      },
    });
    try {
      counting.reset();
      const controller = new AbortController();
      const request = fetch(`${unlimited.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${unlimited.adminKey}` },
        body: JSON.stringify({ query: fanOut(hub) }),
        signal: controller.signal,
      }).catch((error: Error) => error);
      await sleep(300);
      controller.abort();
      const outcome = await request;
      // The request was still running when its client went away.
      expect((outcome as Error).name).toBe('AbortError');
      await sleep(300);
      const afterAbort = counting.total();
      await sleep(700);
      expect(counting.total()).toBe(afterAbort);
    } finally {
      await unlimited.stop();
    }
  });

  test('past its wall time a request answers QUERY_TOO_COMPLEX (limit "time")', async () => {
    const slow = await startHttpApi(counting.store, {
      adminKeyName: 'time-admin',
      config: { limits: { ...TEST_LIMITS, query: { ...TEST_LIMITS.query, maxResults: 10_000_000, maxMillis: 100 } } },
    });
    try {
      const response = await slow.post({ query: fanOut(hub) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        data: null,
        errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'time', max: 100 } }],
      });
      // An ordinary request is not affected — once the refused one has wound down (its last
      // resolvers end in turns of the event loop; on a loaded machine that can outlast 100 ms).
      for (let waited = 0; runningGuards().size > 0 && waited < 5_000; waited += 20) await sleep(20);
      const fits = await slow.post({ query: `{ actor(id: "${hub}") { name } }` });
      expect({ status: fits.status, body: await fits.json() }).toEqual({
        status: 200,
        body: { data: { actor: { name: expect.any(String) } } },
      });
    } finally {
      await slow.stop();
    }
  });

  test('one export per document: aliases of exportNetwork are refused before anything runs', async () => {
    counting.reset();
    const query = `{ ${Array.from({ length: 50 }, (_, i) => `e${i}: exportNetwork(format: JSON) { files { content } }`).join(' ')} }`;
    const response = await api.post({ query });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'exports', max: 1 } }],
    });
    expect(counting.calls.get('readGraph') ?? 0).toBe(0);
    const one = await api.post({ query: '{ exportNetwork(format: CSV) { files { name } } }' });
    expect(one.status).toBe(200);
  });

  test('exports inside fragments count too; one fragment spread twice is one export', async () => {
    counting.reset();
    const query =
      'query { ...E a: __typename ...E2 } fragment E on Query { exportNetwork(format: GRAPHML) { files { name } } } fragment E2 on Query { x: exportNetwork(format: JSON) { files { name } } }';
    const response = await api.post({ query });
    const body = await response.json();
    // The document holds two export fields: refused by the same rule.
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'exports' });
    const twice = await api.post({
      query: 'query { ...E ...E } fragment E on Query { exportNetwork(format: GRAPHML) { files { name } } }',
    });
    const twiceBody = await twice.json();
    // Both spreads name the same field with the same response key: graphql-js merges them into one export.
    expect(twiceBody.errors).toBeUndefined();
    expect(counting.calls.get('readGraph')).toBe(1);
  });
});
