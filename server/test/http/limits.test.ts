/**
 * The limits against abusive requests, over real HTTP: each refusal with its status and code, the
 * legitimate large requests of the viewer and the samples still answered, every size argument
 * capped with BAD_USER_INPUT naming it, and the rate limit (429 with Retry-After, allowed again after
 * the window, counted per principal when one is named).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import * as viewer from '../../../viewer/src/queries';
import { DEFAULT_LIMITS, loadLimits } from '../../src/platform/config';
import { rateLimiter } from '../../src/platform/http/limits/rate-limit';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { countingStore } from '../support/counting-store';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';

const ROOT = join(__dirname, '../../..');

/** The viewer's own read queries (viewer/src/queries.ts), as the page sends them. */
function viewerQueries(): string[] {
  // fetchYearCounts asks for the years shown: 31 aliased counts (thisYear − 29 … thisYear + 1).
  const years = Array.from({ length: 31 }, (_, i) => new Date().getFullYear() - 29 + i);
  const { TOPICS, NETWORK, SEARCH, ME, PATH, SUGGEST, CLUSTERS, HAND_OVER, PARTICIPANTS } = viewer;
  return [
    ...[TOPICS, NETWORK, SEARCH, ME, PATH, SUGGEST, CLUSTERS, HAND_OVER, PARTICIPANTS],
    viewer.actorQuery(false),
    viewer.actorQuery(true),
    viewer.yearsQuery(years),
  ];
}

const VIEWER_VARIABLES: Record<string, Record<string, unknown>> = {
  Network: { filter: { centreActorId: 'bobbie-ev', depth: 2, includeTopics: true, maxActors: 5000 } },
  Search: { text: 'bürger' },
  Actor: { id: 'bobbie-ev' },
  Path: { a: 'eu-efre', b: 'kleingartenverein-grune-aue' },
  Suggest: { id: 'bobbie-ev', first: 8 },
  Clusters: { filter: {} },
  HandOver: { ids: ['stadtteilagentur-batenbrock'], filter: {}, first: 10 },
  Participants: { id: 'stadtteilkonferenz-2022' },
};

describe('limits over HTTP', () => {
  let store: NetworkStore;
  let api: HttpApi;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    api = await startHttpApi(store, { seed: batenbrock, config: { bodyLimit: '20kb' } });
  });

  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  async function refusal(query: string) {
    const response = await api.post({ query });
    return { status: response.status, body: await response.json() };
  }

  describe('the shape of a query', () => {
    const { maxDepth, maxAliases, maxDirectives, maxTokens, maxCost } = DEFAULT_LIMITS.query;

    test('too deep: QUERY_TOO_COMPLEX, limit depth', async () => {
      // actor › collaborators › actor › … › name: one level more than allowed (each field a level).
      const deep = (levels: number) => {
        let selection = levels % 2 === 1 ? 'sharedCount' : 'name';
        for (let level = levels - 1; level > 1; level--)
          selection = `${level % 2 === 0 ? 'collaborators' : 'actor'} { ${selection} }`;
        return `{ actor(id: "bobbie-ev") { ${selection} } }`;
      };
      expect(await refusal(deep(maxDepth))).toEqual({ status: 200, body: { data: expect.anything() } });
      const { status, body } = await refusal(deep(maxDepth + 1));
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: maxDepth } }),
      ]);
      expect(body.errors[0].message).not.toMatch(/Syntax Error/);
    });

    test('too costly: QUERY_TOO_COMPLEX, limit cost', async () => {
      const { status, body } = await refusal(
        // 500 actors × 500 partners each: shallow, but a quarter of a million rows.
        '{ actors(first: 500) { nodes { collaborators(first: 500) { actor { name } } } } }',
      );
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: maxCost });
    });

    test('too many aliases: QUERY_TOO_COMPLEX, limit aliases', async () => {
      const aliases = Array.from({ length: maxAliases + 1 }, (_, i) => `a${i}: projectionStatus { version }`).join(' ');
      const { status, body } = await refusal(`{ ${aliases} }`);
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: maxAliases });
      // At the limit it passes.
      const atLimit = Array.from({ length: maxAliases }, (_, i) => `a${i}: projectionStatus { version }`).join(' ');
      expect((await refusal(`{ ${atLimit} }`)).status).toBe(200);
    });

    test('too many directives: QUERY_TOO_COMPLEX, limit directives', async () => {
      const directives = Array.from({ length: maxDirectives + 1 }, () => '@include(if: true)').join(' ');
      const { status, body } = await refusal(`{ projectionStatus ${directives} { version } }`);
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: maxDirectives });
    });

    test('too many tokens: QUERY_TOO_COMPLEX, limit tokens, refused before Apollo parses it', async () => {
      // 4 tokens per repetition (the names need not exist: the count comes first), under the body limit.
      const many = `{ ${'a { b } '.repeat(Math.ceil(maxTokens / 4))} }`;
      const { status, body } = await refusal(many);
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: maxTokens } }),
      ]);
      // Through GET too.
      const query = encodeURIComponent(`{${'a{b}'.repeat(Math.ceil(maxTokens / 4))}}`);
      const get = await api.request(`/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(400);
      expect((await get.json()).errors[0].extensions.limit).toBe('tokens');
    });

    test('a syntax error is still Apollo’s GRAPHQL_PARSE_FAILED, not a limit', async () => {
      const { status, body } = await refusal('{ actors { totalCount }');
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    test('a subscription over HTTP is a validation error (subscriptions run over WebSocket), not an internal one', async () => {
      const { status, body } = await refusal('subscription { actors { totalCount } }');
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const valid = await refusal('subscription { networkChanged { cursor } }');
      expect(valid.status).toBe(400);
      expect(valid.body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(valid.body.errors[0].message).toMatch(/WebSocket/);
    });

    test('without introspection, errors do not suggest field names', async () => {
      const { body } = await refusal('{ actorz { id } }');
      expect(body.errors[0]).toMatchObject({
        message: 'Cannot query field "actorz" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      const response = await api.post({
        query: 'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }',
        variables: { input: { name: 'x', kind: 'ASSOCIATON' } },
      });
      const variable = await response.json();
      expect(variable.errors[0].message).not.toMatch(/Did you mean/);
      expect(variable.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'kind' });
    });

    test('a wrong enum written into the document names its field', async () => {
      const { body } = await refusal(
        'mutation { createCollaboration(input: { title: "x", kind: MEETING, participants: [{ actorId: "bobbie-ev", role: BOSS }] }) { id } }',
      );
      expect(body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'participants[0].role' });
    });
  });

  describe('legitimate large requests pass', () => {
    test('every query of the viewer, with the largest arguments it sends', async () => {
      const queries = viewerQueries();
      expect(queries.length).toBeGreaterThanOrEqual(9);
      for (const query of queries) {
        const name = /query (\w+)/.exec(query)?.[1] ?? '';
        const body = await (await api.post({ query, variables: VIEWER_VARIABLES[name] ?? {} })).json();
        expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
      }
    });

    test('the whole samples document in one request (schema/examples.graphql), each operation', async () => {
      const examples = readFileSync(join(ROOT, 'schema/examples.graphql'), 'utf8');
      for (const operationName of ['SearchActors', 'EgoNetwork', 'Clusters', 'SuggestContacts']) {
        const body = await (await api.post({ query: examples, operationName, variables: { id: 'bobbie-ev' } })).json();
        expect({ operationName, errors: body.errors }).toEqual({ operationName, errors: undefined });
      }
    });
  });

  describe('the HTTP request', () => {
    test('a batch (a JSON array) is refused with 400 BATCH_NOT_SUPPORTED', async () => {
      const response = await api.post([
        { query: '{ projectionStatus { version } }' },
        { query: '{ projectionStatus { version } }' },
      ]);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'BATCH_NOT_SUPPORTED' } }],
      });
    });

    test('a body over the limit answers 413 PAYLOAD_TOO_LARGE as JSON, not an HTML page', async () => {
      const response = await api.post({
        query: `{ actors(filter: { nameContains: "${'x'.repeat(30_000)}" }) { totalCount } }`,
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({
        errors: [
          { message: expect.stringContaining('20480 bytes'), extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 20480 } },
        ],
      });
    });

    test('malformed JSON answers 400 BAD_REQUEST as JSON', async () => {
      const response = await api.post('{"query": "{ actors { totalCount } }"');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
    });
  });

  describe('size arguments are capped with BAD_USER_INPUT naming the argument', () => {
    const cases: Array<[string, string, string]> = [
      ['actors first', '{ actors(first: 501) { totalCount } }', 'first'],
      ['topics first (variable)', 'query($n: Int!) { topics(first: $n) { totalCount } }', 'first'],
      ['collaborations first', '{ collaborations(first: 0) { totalCount } }', 'first'],
      ['collaborators first', '{ actor(id: "bobbie-ev") { collaborators(first: 501) { sharedCount } } }', 'first'],
      ['history first', '{ history(entityId: "bobbie-ev", first: 501) { totalCount } }', 'first'],
      ['duplicateCandidates first', '{ duplicateCandidates(first: 501) { totalCount } }', 'first'],
      ['suggestContacts first', '{ suggestContacts(actorId: "bobbie-ev", first: 101) { score } }', 'first'],
      ['matchActors first', '{ matchActors(topicIds: ["jugend"], first: 101) { score } }', 'first'],
      ['brokers first', '{ brokers(first: 1001) { actorCount } }', 'first'],
      ['clusters first', '{ clusters(first: 1001) { count } }', 'first'],
      ['clusters minSize', '{ clusters(minSize: 0) { count } }', 'minSize'],
      ['clusters resolution', '{ clusters(resolution: 1e999) { count } }', 'resolution'],
      ['resilience first', '{ resilience(removeActorIds: [], first: 1001) { actorCount } }', 'first'],
      [
        'recentTies first',
        '{ recentTies(actorId: "bobbie-ev", recency: { asOf: "2024-01-01" }, first: 1001) { weight } }',
        'first',
      ],
      [
        'recency halfLifeDays',
        '{ recentTies(actorId: "bobbie-ev", recency: { asOf: "2024-01-01", halfLifeDays: 36501 }) { weight } }',
        'halfLifeDays',
      ],
      [
        'networkChange windowDays',
        '{ networkChange(from: "2021-01-01", to: "2022-01-01", windowDays: 36501) { windowDays } }',
        'windowDays',
      ],
      ['network maxActors', '{ network(filter: { maxActors: 5001 }) { truncated } }', 'maxActors'],
      ['network depth', '{ network(filter: { centreActorId: "bobbie-ev", depth: 7 }) { truncated } }', 'depth'],
      [
        'brokers actorIds',
        `{ brokers(actorIds: [${Array.from({ length: 501 }, (_, i) => `"a${i}"`).join(',')}]) { actorCount } }`,
        'actorIds',
      ],
      [
        'resilience removeActorIds',
        `{ resilience(removeActorIds: [${Array.from({ length: 501 }, (_, i) => `"a${i}"`).join(',')}]) { actorCount } }`,
        'removeActorIds',
      ],
      [
        'actors topicIds',
        `{ actors(filter: { topicIds: [${Array.from({ length: 501 }, (_, i) => `"t${i}"`).join(',')}] }) { totalCount } }`,
        'topicIds',
      ],
    ];
    test.each(cases)('%s', async (_name, query, field) => {
      const response = await api.post({ query, variables: { n: 501 } });
      const body = await response.json();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });
});

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
