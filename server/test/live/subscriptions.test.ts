/**
 * `subscription { networkChanged }` over a real WebSocket (graphql-ws client, ws) against the real
 * HTTP server: a write arrives as an event; a client cut off resumes with its last cursor and gets
 * every missed event exactly once; a viewer's events carry no contact data and no author; refusals
 * (credentials, limits, HTTP) carry their codes.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { FeedHub, followFeed, SlowConsumerError } from '../../src/features/live/feed-hub';
import { runningGuards } from '../../src/platform/graphql/request-guard';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';
import { exampleOperations } from '../support/examples';

jest.setTimeout(60_000);

const SUBSCRIBE = `subscription ($after: String) {
  networkChanged(after: $after) { cursor seq entityType entityId operation fields author }
}`;

interface Event {
  cursor: string;
  seq: number;
  entityType: string;
  entityId: string;
  operation: string;
  fields: string[];
  author: string | null;
}

let store: NetworkStore;
let api: HttpApi;
const clients: Client[] = [];

beforeEach(async () => {
  store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  api = await startHttpApi(store, {
    seed: {
      topics: [{ id: 'garten', name: 'Garten' }],
      actors: [{ id: 'kita', name: 'Kita', kind: 'INSTITUTION', contact: 'kita@example.org' }],
      collaborations: [],
    },
    config: {
      live: {
        maxConnectionsPerPrincipal: 3,
        maxPayloadBytes: 16 * 1024,
        idleMs: 60_000,
        maxBufferedEvents: 1000,
        maxBufferedBytes: 1 << 20,
      },
    },
  });
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
  await api.stop();
  await store.close();
});

function client(key: string | null, onClosed?: (code: number, reason: string) => void): Client {
  const c = createClient({
    url: api.base.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    onNonLazyError: () => undefined, // refusals are asserted through on.closed
    lazy: false,
    on: {
      closed: (event) =>
        onClosed?.((event as { code: number }).code, String((event as { reason?: string }).reason ?? '')),
    },
  });
  clients.push(c);
  return c;
}

/** Subscribes and collects events; `next(n)` waits until n have arrived. */
function subscribe(c: Client, after: string | null = null) {
  const events: Event[] = [];
  const errors: unknown[] = [];
  const waiters: Array<() => void> = [];
  const stop = c.subscribe<{ networkChanged: Event }>(
    { query: SUBSCRIBE, variables: { after } },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data.networkChanged);
        waiters.splice(0).forEach((w) => w());
      },
      error: (error) => {
        if (Array.isArray(error)) errors.push(...(error as unknown[]));
        else errors.push(error);
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  const until = async (predicate: () => boolean, what: string) => {
    const deadline = Date.now() + 5000;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ events, errors })}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return {
    events,
    errors,
    stop,
    next: (n: number) => until(() => events.length >= n, `${n} events`),
    failed: () => until(() => errors.length > 0, 'an error'),
  };
}

const createActor = (id: string, extra: Record<string, unknown> = {}) =>
  api.post({
    query: 'mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }',
    variables: { input: { id, name: `Akteur ${id}`, kind: 'GROUP', ...extra } },
  });

/** Waits until the server's WebSocket accepted the subscription (no event needed). */
const settle = () => new Promise((r) => setTimeout(r, 200));

test('a write over HTTP arrives as an event with its cursor, author and changed fields', async () => {
  const sub = subscribe(client(api.adminKey));
  await settle();
  const started = Date.now();
  expect((await createActor('neu')).status).toBe(200);
  await sub.next(1);
  const latency = Date.now() - started;
  expect(sub.events[0]).toMatchObject({
    entityType: 'Actor',
    entityId: 'neu',
    operation: 'CREATE',
    author: 'key:test-admin',
  });
  expect(sub.events[0]!.fields).toEqual(expect.arrayContaining(['name', 'kind']));
  expect(sub.events[0]!.seq).toBe((await store.feedHead()).head);
  expect(typeof sub.events[0]!.cursor).toBe('string');
  console.log(`write over HTTP → event over WebSocket: ${latency} ms (mutation answer included)`);
});

test('resuming with the last cursor after a cut gives every missed event exactly once, then live ones', async () => {
  const first = client(api.adminKey);
  const sub = subscribe(first);
  await settle();
  await createActor('a1');
  await createActor('a2');
  await sub.next(2);
  const cursor = sub.events[1]!.cursor;
  // The cut: the socket is terminated, the client is gone.
  await first.dispose();
  await createActor('a3');
  await api.post({ query: 'mutation { updateActor(id: "a1", input: { district: "Batenbrock" }) { id } }' });
  await api.post({ query: 'mutation { deleteActor(id: "a2") }' });

  const resumed = subscribe(client(api.adminKey), cursor);
  await resumed.next(3);
  await createActor('a4');
  await resumed.next(4);
  await settle();
  const all = await store.readFeed(sub.events[1]!.seq, 100);
  expect(resumed.events.map((e) => e.seq)).toEqual(all.map((e) => e.seq));
  expect(resumed.events.map((e) => `${e.entityId}:${e.operation}`)).toEqual([
    'a3:CREATE',
    'a1:UPDATE',
    'a2:DELETE',
    'a4:CREATE',
  ]);
  expect(resumed.errors).toEqual([]);
});

test("a viewer's events carry no contact data and no author; an editor's do", async () => {
  const { key: viewerKey } = await api.issueKey('anna', 'VIEWER');
  const viewer = subscribe(client(viewerKey));
  const editor = subscribe(client(api.adminKey));
  await settle();
  await api.post({
    query: 'mutation { updateActor(id: "kita", input: { contact: "neu@example.org", district: "Batenbrock" }) { id } }',
  });
  await createActor('person', { contact: 'person@example.org' });
  await viewer.next(2);
  await editor.next(2);
  expect(editor.events[0]).toMatchObject({
    entityId: 'kita',
    operation: 'UPDATE',
    author: 'key:test-admin',
    fields: ['district', 'contact'],
  });
  expect(viewer.events[0]).toMatchObject({ entityId: 'kita', operation: 'UPDATE', author: null, fields: ['district'] });
  const seen = JSON.stringify(viewer.events);
  expect(seen).not.toContain('example.org');
  expect(seen).not.toContain('contact');
  expect(seen).not.toContain('test-admin');
});

test('refusals: no or a wrong credential (4403), too many connections (4429), subscriptions over HTTP, limits, an expired cursor', async () => {
  const closes: number[] = [];
  client(null, (code) => closes.push(code));
  client('qn_not_a_key', (code) => closes.push(code));
  await new Promise((r) => setTimeout(r, 500));
  expect(closes).toEqual([4403, 4403]);

  const tooMany: number[] = [];
  for (let i = 0; i < 4; i++) client(api.adminKey, (code) => tooMany.push(code));
  await new Promise((r) => setTimeout(r, 500));
  expect(tooMany).toEqual([4429]);
  for (const c of clients.splice(0)) await c.dispose();

  const overHttp = (await (await api.post({ query: SUBSCRIBE })).json()) as {
    errors: Array<{ message: string; extensions: { code: string } }>;
  };
  expect(overHttp.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(overHttp.errors[0]!.message).toMatch(/WebSocket/);

  const c = client(api.adminKey);
  const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: cursor`).join(' ');
  const wide = (await subscribeRaw(c, `subscription { networkChanged { ${aliases} } }`)) as Array<{
    extensions: { code: string; limit: string };
  }>;
  expect(wide[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  const query = (await subscribeRaw(c, '{ projectionStatus { version } }')) as Array<{ extensions: { code: string } }>;
  expect(query[0]!.extensions.code).toBe('BAD_REQUEST');

  await createActor('alt');
  const old = subscribe(c);
  await settle();
  await createActor('neu');
  await old.next(1);
  await store.pruneFeed(new Date(Date.now() + 60_000).toISOString());
  // pruned through the head: the cursor of the last event is still resumable (nothing is missing after it)…
  const latest = subscribe(c, old.events[0]!.cursor);
  await settle();
  await createActor('spaet');
  await latest.next(1);
  expect(latest.events.map((e) => e.entityId)).toEqual(['spaet']);
  // …a cursor before the pruned events is not
  const tooOld = subscribe(c, Buffer.from(JSON.stringify(['feed', '1'])).toString('base64url'));
  await tooOld.failed();
  expect(tooOld.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
});

/** The errors a subscription is refused with. */
function subscribeRaw(c: Client, query: string): Promise<unknown> {
  return new Promise((resolve) => {
    c.subscribe(
      { query },
      {
        next: (r) => r.errors && resolve(r.errors),
        error: (e) => resolve(e),
        complete: () => undefined,
      },
    );
  });
}

test('a subscriber that does not keep up is ended as a slow consumer (bounded buffer)', async () => {
  const hub = new FeedHub();
  const overflows: SlowConsumerError[] = [];
  const events = followFeed(store, hub, {
    afterSeq: null,
    currentSeq: () => 0,
    maxBuffered: 3,
    onOverflow: (e) => overflows.push(e),
  });
  const first = events.next();
  const event = (seq: number) => ({
    seq,
    at: '',
    author: 'system',
    entityType: 'Actor' as const,
    entityId: `a${seq}`,
    operation: 'CREATE' as const,
    fields: [],
  });
  await new Promise((r) => setTimeout(r, 10));
  hub.publish([event(1)]);
  expect((await first).value).toMatchObject({ seq: 1 });
  hub.publish([event(2), event(3)]);
  hub.publish([event(4), event(5)]); // 4 waiting > 3
  expect(overflows).toHaveLength(1);
  expect((await events.next()).done).toBe(true);
  expect(hub.size).toBe(0);
});

test('the sample subscriptions of schema/examples.graphql run over WebSocket', async () => {
  const subscriptions = exampleOperations.filter((o) => o.kind === 'subscription');
  expect(subscriptions.map((o) => o.name)).toContain('NetworkChanged');
  const c = client(api.adminKey);
  for (const { name, document, variables } of subscriptions) {
    const received: unknown[] = [];
    c.subscribe(
      { query: document, operationName: name, variables: variables({}) },
      { next: (r) => received.push(r), error: (e) => received.push({ errors: e }), complete: () => undefined },
    );
    await settle();
    await createActor(`beispiel-${name}`);
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received[0]).toMatchObject({
      data: { networkChanged: { entityId: `beispiel-${name}`, operation: 'CREATE' } },
    });
  }
});

test("a subscription outlives a request's wall time: events after QUERY_MAX_MILLIS still arrive", async () => {
  await api.stop();
  api = await startHttpApi(store, {
    adminKeyName: 'test-admin-2',
    config: { limits: { ...TEST_LIMITS, query: { ...TEST_LIMITS.query, maxMillis: 300 } } },
  });
  const sub = subscribe(client(api.adminKey));
  await settle();
  await new Promise((r) => setTimeout(r, 600));
  expect((await createActor('spaet')).status).toBe(200);
  await sub.next(1);
  expect(sub.errors).toEqual([]);
  expect(sub.events[0]).toMatchObject({ entityId: 'spaet', operation: 'CREATE' });
});

test('a subscription that ends, or whose socket closes, no longer counts as a running request', async () => {
  const base = runningGuards().size;
  const c = client(api.adminKey);
  const first = subscribe(c);
  const second = subscribe(c);
  await settle();
  expect(runningGuards().size).toBe(base + 2);
  first.stop();
  await settle();
  expect(runningGuards().size).toBe(base + 1);
  await c.dispose();
  await settle();
  expect(runningGuards().size).toBe(base);
  second.stop();
});
