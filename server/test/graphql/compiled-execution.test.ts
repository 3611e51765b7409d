/**
 * Queries compiled by graphql-jit (platform/graphql/compiled-execution.ts) answer what graphql-js
 * answers: the same JSON for the same request, errors with the same codes, paths and locations, and
 * bad variables with graphql-js's own messages. Two Apollo servers on one service: one compiles every
 * query at first sight, the other interprets; a third, as the service runs, compiles a document the
 * second time it comes.
 */
import { createHash } from 'node:crypto';
import { execute, GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { batenbrock } from '../../../seed/batenbrock';
import { loadConfig } from '../../src/platform/config';
import { createContext, type GraphQLContext } from '../../src/platform/graphql/context';
import {
  asGraphqlJsError,
  CompiledExecutor,
  errorsToAnswer,
  COMPILED_AT_FIRST_SIGHT,
  COMPILED_CHARACTERS_KEPT,
  COMPILED_QUERY_MAX_LENGTH,
} from '../../src/platform/graphql/compiled-execution';
import { getSchema } from '../../src/platform/graphql/schema';
import { createApolloServer } from '../../src/platform/http/app';
import { NetworkService } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import { TEST_ADMIN } from '../support/api';

let service: NetworkService;
let compiled: ApolloServer<GraphQLContext>;
let interpreted: ApolloServer<GraphQLContext>;

const server = async (compiledQueries: boolean | 'first-sight') => {
  const apollo = await createApolloServer(null, {
    corsOrigins: [],
    bodyLimit: '1mb',
    introspection: true,
    production: false,
    compiledQueries,
  });
  await apollo.start();
  return apollo;
};

beforeAll(async () => {
  const store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  await store.mergeGraph(batenbrock);
  service = await NetworkService.start(store);
  compiled = await server('first-sight');
  interpreted = await server(false);
});

afterAll(async () => {
  await compiled.stop();
  await interpreted.stop();
  await service.close();
  await service.store.close();
});

async function answer(
  apollo: ApolloServer<GraphQLContext>,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
) {
  const response = await apollo.executeOperation(
    { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
    { contextValue: createContext(service, TEST_ADMIN) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, body: response.body.singleResult };
}

const ACTOR_PAGE = `query ActorPage($id: ID!) { actor(id: $id) { id name kind topics { id name }
  collaborations { role collaboration { id title startDate participants { role actor { id name } } } } } }`;
const EGO = `query Ego($id: ID!) { network(filter: { centreActorId: $id, depth: 2, maxActors: 300 }) {
  truncated nodes { id label type } edges { source target weight } } }`;
const SUGGEST = `query Suggest($id: ID!, $first: Int) { suggestContacts(actorId: $id, first: $first) {
  score explanation onlyBySize actor { id name kind } parts { name label value contribution }
  sharedTopics { weight topic { id name } }
  mutualCollaborators { actor { id name } withActor { id title } withSuggested { id title } } } }`;
const COMPACT = `query Map($filter: NetworkFilterInput, $maxTies: Int) { compactNetwork(filter: $filter, maxTies: $maxTies) {
  truncated tieCount actorIds actorNames tieSources tieTargets tieWeights } }`;

describe('compiled queries answer what graphql-js answers', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['an actor page with nested lists', ACTOR_PAGE, { id: 'bobbie-ev' }],
    ['an ego network', EGO, { id: 'bobbie-ev' }],
    ['suggestions with every part', SUGGEST, { id: 'bobbie-ev', first: 5 }],
    ['a newcomer’s suggestions', SUGGEST, { id: 'repair-cafe-batenbrock' }],
    ['an input object leaving out fields with defaults', COMPACT, { filter: { maxActors: 20 }, maxTies: 40 }],
    [
      'a list with a filter and a page',
      '{ actors(first: 3, filter: { nameContains: "e" }) { totalCount nodes { id name } } }',
      {},
    ],
    ['an unknown actor: NOT_FOUND with its path', SUGGEST, { id: 'nobody' }],
    ['a bad argument: BAD_USER_INPUT', SUGGEST, { id: 'bobbie-ev', first: 0 }],
    ['a variable of the wrong type', ACTOR_PAGE, { id: 5.5 }],
    ['a missing required variable', ACTOR_PAGE, {}],
    ['a bad enum inside an input object', COMPACT, { filter: { kinds: ['NOPE'] } }],
    ['introspection', '{ __type(name: "Actor") { name fields { name type { name kind } } } }', {}],
  ];
  it.each(cases)('%s', async (_name, query, variables) => {
    const expected = await answer(interpreted, query, variables);
    const actual = await answer(compiled, query, variables);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  });

  it.each([
    ['an unknown one', 'Nope'],
    ['one of two', 'B'],
  ])('an operation named: %s', async (_name, operationName) => {
    const query = 'query A { actors(first: 1) { totalCount } } query B { topics(first: 2) { totalCount } }';
    for (let i = 0; i < 2; i++) {
      const expected = await answer(interpreted, query, {}, operationName);
      expect(JSON.stringify(await answer(compiled, query, {}, operationName))).toBe(JSON.stringify(expected));
    }
  });

  it('the cases above include answers with data and errors of both kinds', async () => {
    const found = await answer(compiled, SUGGEST, { id: 'nobody' });
    expect(found.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(found.body.errors?.[0]?.path).toEqual(['suggestContacts']);
    const bad = await answer(compiled, ACTOR_PAGE, { id: 5.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const page = await answer(compiled, ACTOR_PAGE, { id: 'bobbie-ev' });
    const actor = page.body.data?.actor as { collaborations: unknown[] };
    expect(actor.collaborations.length).toBeGreaterThan(3);
  });
});

describe('which documents are compiled', () => {
  const hash = (query: string) => createHash('sha256').update(query).digest('hex');
  const run = async (executor: CompiledExecutor, query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return executor.execute({
      document,
      source: query,
      queryHash: hash(query),
      operation,
      request: { variables },
      context: createContext(service, TEST_ADMIN),
    });
  };

  it('a short query the first time it comes, a longer one the second; mutations, input-object variables and long documents never', async () => {
    const executor = new CompiledExecutor(await getSchema());
    expect(ACTOR_PAGE.length).toBeLessThanOrEqual(COMPILED_AT_FIRST_SIGHT);
    const interpreted = await execute({
      schema: await getSchema(),
      document: parse(ACTOR_PAGE),
      variableValues: { id: 'bobbie-ev' },
      contextValue: createContext(service, TEST_ADMIN),
    });
    const first = await run(executor, ACTOR_PAGE, { id: 'bobbie-ev' });
    expect(executor.modeOf(hash(ACTOR_PAGE))).toBe('compiled');
    expect(JSON.stringify(first)).toBe(JSON.stringify(interpreted));

    const medium = `query Medium { ${Array.from({ length: 30 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(' ')} }`;
    expect(medium.length).toBeGreaterThan(COMPILED_AT_FIRST_SIGHT);
    expect(medium.length).toBeLessThanOrEqual(COMPILED_QUERY_MAX_LENGTH);
    const once = await run(executor, medium);
    expect(executor.modeOf(hash(medium))).toBeUndefined();
    const again = await run(executor, medium);
    expect(executor.modeOf(hash(medium))).toBe('compiled');
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));

    await run(executor, COMPACT, { filter: { maxActors: 5 } });
    await run(executor, COMPACT, { filter: { maxActors: 5 } });
    expect(executor.modeOf(hash(COMPACT))).toBe('interpreted');

    const mutation = 'mutation { rebuildProjection { actorCount } }';
    await run(executor, mutation);
    await run(executor, mutation);
    expect(executor.modeOf(hash(mutation))).toBe('interpreted');

    const long = `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(' ')} }`;
    expect(long.length).toBeGreaterThan(COMPILED_QUERY_MAX_LENGTH);
    await run(executor, long);
    await run(executor, long);
    expect(executor.modeOf(hash(long))).toBeUndefined();
  });
});

test('compiled documents kept: at most COMPILED_CHARACTERS_KEPT characters of them, the least recently used dropped', async () => {
  const executor = new CompiledExecutor(await getSchema(), true);
  const document = (n: number) => {
    let text = `query Q${n} {`;
    for (let i = 0; text.length < 1_900; i++) text += ` a${i}: actors(first: 1) { totalCount }`;
    return `${text} }`;
  };
  const count = Math.ceil(COMPILED_CHARACTERS_KEPT / 1_900) + 5;
  for (let n = 0; n < count; n++) {
    const text = document(n);
    const parsed = parse(text);
    await executor.execute({
      document: parsed,
      source: text,
      queryHash: createHash('sha256').update(text).digest('hex'),
      operation: parsed.definitions[0] as OperationDefinitionNode,
      request: {},
      context: createContext(service, TEST_ADMIN),
    });
  }
  expect(executor.keptCharacters).toBeLessThanOrEqual(COMPILED_CHARACTERS_KEPT);
  expect(executor.keptCharacters).toBeGreaterThan(COMPILED_CHARACTERS_KEPT - 2_000);
  const hashOf = (n: number) => createHash('sha256').update(document(n)).digest('hex');
  expect(executor.modeOf(hashOf(0))).toBeUndefined();
  expect(executor.modeOf(hashOf(count - 1))).toBe('compiled');
});

test('GRAPHQL_COMPILED_QUERIES: on by default, 0 or off switches to graphql-js', () => {
  expect(loadConfig({}).compiledQueries).toBe(true);
  expect(loadConfig({ GRAPHQL_COMPILED_QUERIES: '0' }).compiledQueries).toBe(false);
  expect(loadConfig({ GRAPHQL_COMPILED_QUERIES: 'off' }).compiledQueries).toBe(false);
});

test("an error is converted without formatting the original's stack trace, with graphql-js's fields", () => {
  let stackReads = 0;
  const original = Object.assign(new Error('boom'), { extensions: { code: 'NOT_FOUND', field: 'id' } });
  Object.defineProperty(original, 'stack', {
    get: () => {
      stackReads++;
      return 'Error: boom\n    at somewhere';
    },
  });
  const jit = new GraphQLError('boom', { path: ['actor', 'name'], originalError: original });
  stackReads = 0; // graphql-js's own constructor (graphql-jit's error) read it once
  const copy = asGraphqlJsError(jit);
  expect(stackReads).toBe(0);
  expect(copy).toBeInstanceOf(GraphQLError);
  expect(copy.originalError).toBe(original);
  expect(copy.extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
  expect(copy.path).toEqual(['actor', 'name']);
  expect(copy.toJSON()).toEqual(
    new GraphQLError('boom', { path: ['actor', 'name'], originalError: original }).toJSON(),
  );
  // The original's stack, as graphql-js gives it, only when asked for.
  expect(copy.stack).toBe('Error: boom\n    at somewhere');
  // No extensions on the original: an empty object, as graphql-js makes it.
  expect(asGraphqlJsError(new GraphQLError('x', { originalError: new Error('x') })).extensions).toEqual({});
});

test('a refused request converts only its refusal, not an error per pending field', () => {
  const refusal = new GraphQLError('too many', {
    path: ['a'],
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'results' },
  });
  const errors = [
    new GraphQLError('Cannot return null', { path: ['a', 0] }),
    ...Array.from(
      { length: 5_000 },
      (_, i) => new GraphQLError('too many', { path: ['a', i], originalError: refusal }),
    ),
  ];
  expect(errorsToAnswer(errors, { guard: { refusal } })).toEqual([errors[1]]);
  expect(errorsToAnswer(errors.slice(0, 1), { guard: { refusal } })).toEqual([errors[0]]);
  expect(errorsToAnswer(errors, { guard: { refusal: null } })).toBe(errors);
});
