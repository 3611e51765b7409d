/**
 * What only real HTTP shows: health and readiness, CSRF prevention, CORS, the body limit, and that
 * a GraphQL request over the wire answers like the in-process pipeline. Requests carry an admin API
 * key (access control itself: access-roles.test.ts, access-credentials.test.ts).
 */
import type { AddressInfo } from 'node:net';
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import { createApp } from '../../src/platform/http/app';
import { NetworkService } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, TEST_HTTP_CONFIG, type HttpApi } from '../support/http-api';

describe('HTTP', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let base: string;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    api = await startHttpApi(store, {
      seed: batenbrock,
      config: { corsOrigins: ['https://quartier.example.org'], bodyLimit: '10kb' },
    });
    base = api.base;
  });

  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) => api.post(body, headers);

  test('/healthz answers while the process is up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test("idle keep-alive connections are kept longer than proxies keep theirs (65 s, not Node's 5 s)", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  test('/readyz answers 200 while the store is reachable', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', store: 'embedded' });
  });

  test('/readyz answers 503 "starting" while the first fit holds readiness, then 200 with the model\'s state', async () => {
    expect(api.service.fitHoldsReadiness).toBe(false);
    api.service.fitHoldsReadiness = true;
    try {
      const response = await fetch(`${base}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'starting', reason: 'suggestion model fitting' });
    } finally {
      api.service.fitHoldsReadiness = false;
    }
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', suggestionModel: 'fitted' });
  });

  test('started with a bounded wait for the first fit, the service answers before the fit ends', async () => {
    const other = createEmbeddedStore({ filename: ':memory:' });
    await other.init();
    await other.mergeGraph(batenbrock);
    const service = await NetworkService.start(other, { firstFitWaitMs: 0 });
    try {
      // The fit runs in slices after setImmediate: start() did not wait for any of them.
      expect(service.firstFitDone).toBe(false);
      // Without a readiness wait, readiness is held until the fit ends.
      expect(service.fitHoldsReadiness).toBe(true);
      expect(service.suggestions.status()).toMatchObject({ source: 'DEFAULT', fitting: true });
      await service.suggestions.fit();
      await new Promise((resolve) => setImmediate(resolve));
      expect(service.firstFitDone).toBe(true);
      expect(service.fitHoldsReadiness).toBe(false);
    } finally {
      await service.close();
      await other.close();
    }
  });

  test('a GraphQL query over HTTP answers JSON', async () => {
    const response = await post({ query: '{ actor(id: "bobbie-ev") { name } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { actor: { name: 'Bobbie e.V.' } } });
  });

  test('API answers carry no ETag (nobody revalidates a POST; hashing a 4 MB answer took 11 ms); the page’s files do', async () => {
    const response = await post({ query: '{ actor(id: "bobbie-ev") { name } }' });
    expect(response.headers.get('etag')).toBeNull();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('etag')).toMatch(/^W\/"/);
  });

  test('a coded error keeps HTTP 200 with errors[].extensions.code', async () => {
    const response = await post({ query: '{ shortestPath(fromActorId: "x", toActorId: "bobbie-ev") { length } }' });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  test('CSRF prevention refuses a simple cross-site GET', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ actors { totalCount } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  test('CORS allows only the configured origins', async () => {
    const allowed = await post({ query: '{ actors { totalCount } }' }, { origin: 'https://quartier.example.org' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://quartier.example.org');
    const foreign = await post({ query: '{ actors { totalCount } }' }, { origin: 'https://evil.example.com' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('CORS without configured origins: no CORS header on an answer or a preflight', async () => {
    const closed = createEmbeddedStore({ filename: ':memory:' });
    await closed.init();
    const other = await startHttpApi(closed, { seed: batenbrock, config: { corsOrigins: [] } });
    try {
      const answer = await other.post(
        { query: '{ actors { totalCount } }' },
        { origin: 'https://quartier.example.org' },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await other.request('/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://quartier.example.org', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    } finally {
      await other.stop();
      await closed.close();
    }
  });

  test('a body above the limit is refused with 413', async () => {
    const response = await post({
      query: `{ actors(filter: { nameContains: "${'x'.repeat(20_000)}" }) { totalCount } }`,
    });
    expect(response.status).toBe(413);
  });

  test('introspection is off when configured so', async () => {
    const response = await post({ query: '{ __schema { types { name } } }' });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('/readyz answers 503 when the store is gone', async () => {
    const other = createEmbeddedStore({ filename: ':memory:' });
    await other.init();
    const service = await NetworkService.start(other);
    const app = await createApp(service, { ...TEST_HTTP_CONFIG, bodyLimit: '10kb' });
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/readyz`;
    try {
      await other.close();
      const response = await fetch(url);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable' });
    } finally {
      await app.apollo.stop();
    }
  });

  test('with no readiness wait for the fit (FIT_READY_WAIT_SECONDS=0), /readyz answers 200 "fitting" while the default model serves', async () => {
    const other = createEmbeddedStore({ filename: ':memory:' });
    await other.init();
    // Its fit takes seconds (500 held-out actors): long enough to be asked while it runs.
    await other.mergeGraph(generateNetwork({ actors: 3000, hubs: 3, seed: 11 }));
    const service = await NetworkService.start(other, { firstFitWaitMs: 0, fitReadyWaitMs: 0 });
    expect(service.fitHoldsReadiness).toBe(false);
    const app = await createApp(service, TEST_HTTP_CONFIG);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/readyz`);
      expect(service.firstFitDone).toBe(false);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ready', suggestionModel: 'fitting' });
    } finally {
      await app.apollo.stop();
      await service.close(); // stops the fit at its next slice
      await other.close();
    }
  }, 30_000);
});
