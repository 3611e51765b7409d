/**
 * The limits on a single request, over real HTTP: each refusal of the shape of a query or of the
 * HTTP request with its status and code, the legitimate large requests of the viewer and the
 * samples still answered, and every size argument capped with BAD_USER_INPUT naming it. The result
 * budget and the rate limit: limits-budgets.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batenbrock } from '../../../seed/batenbrock';
import * as viewer from '../../../viewer/src/queries';
import { DEFAULT_LIMITS } from '../../src/platform/config';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, type HttpApi } from '../support/http-api';

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
      // Sent again, it is counted again: only documents within the limit are kept as checked.
      for (let time = 0; time < 2; time++) {
        const { status, body } = await refusal(many);
        expect(status).toBe(400);
        expect(body.errors).toEqual([
          expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: maxTokens } }),
        ]);
      }
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
