/**
 * A Quartiernetz API for tests: the real schema and Apollo Server request pipeline
 * (`executeOperation`), on a real store, without HTTP. Requests act as a principal given directly
 * (an admin by default: these suites test the network, access control is tested over HTTP in
 * server/test/http/access-roles.test.ts and access-credentials.test.ts).
 */
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Principal } from '../../src/features/access/principal';
import type { Role } from '../../src/domain/roles';
import { createContext, type GraphQLContext } from '../../src/platform/graphql/context';
import { createApolloServer } from '../../src/platform/http/app';
import { NetworkService, type NetworkServiceOptions } from '../../src/service/network-service';
import type { GraphData, NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from './stores';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** A principal holding an API key named `name` (recorded in the history as `key:<name>`). */
export function keyHolder(name: string, role: Role = 'ADMIN'): Principal {
  return { id: `test-${name}`, name, role, via: 'api-key' };
}

/** Who in-process requests act as unless told otherwise. */
export const TEST_ADMIN: Principal = keyHolder('test-admin', 'ADMIN');

export interface TestApiOptions {
  /** Default TEST_ADMIN; null: no principal (every operation answers UNAUTHENTICATED). */
  principal?: Principal | null;
  /** Options of the service (e.g. insight's waits and queue limits). */
  service?: NetworkServiceOptions;
  /** Resolvers read ahead (the default); false: level by level, to compare. */
  readAhead?: boolean;
}

export interface TestApi {
  service: NetworkService;
  store: NetworkStore;
  /** `operationName` picks one operation of a document with several. */
  run<T = any>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse<T>>;
  /** The same as another principal. */
  runAs<T = any>(
    principal: Principal | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Runs and fails the test on any GraphQL error. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

let apolloPromise: Promise<ApolloServer<GraphQLContext>> | undefined;

async function sharedApollo(): Promise<ApolloServer<GraphQLContext>> {
  apolloPromise ??= (async () => {
    const apollo = await createApolloServer(null, {
      corsOrigins: [],
      bodyLimit: '1mb',
      introspection: true,
      production: false,
      // Every query of the suites through the compiled path, not only those asked twice.
      compiledQueries: 'first-sight',
    });
    await apollo.start();
    return apollo;
  })();
  return apolloPromise;
}

export async function startTestApi(
  store: NetworkStore,
  seed?: GraphData,
  options: TestApiOptions = {},
): Promise<TestApi> {
  if (seed) await store.mergeGraph(seed);
  const service = await NetworkService.start(store, options.service);
  const apollo = await sharedApollo();
  const principal = options.principal === undefined ? TEST_ADMIN : options.principal;

  async function runAs<T>(
    as: Principal | null,
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await apollo.executeOperation<T>(
      { query, variables, operationName },
      { contextValue: createContext(service, as, undefined, undefined, options.readAhead ?? true) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResponse<T>;
  }
  const run = <T>(query: string, variables?: Record<string, unknown>, operationName?: string) =>
    runAs<T>(principal, query, variables, operationName);

  return {
    service,
    store,
    run,
    runAs: (as, query, variables) => runAs(as, query, variables),
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const result = await run<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    async stop() {
      await service.close();
    },
  };
}

/**
 * The hooks of a describe block that runs on an API over a fresh store of `harness` holding `seed`:
 * started once for the block (`per: 'block'`) or for every test (`per: 'test'`), stopped after,
 * with the harness set up and torn down around it. `use` receives each API started.
 */
export function useSeededApi(
  harness: StoreHarness,
  seed: GraphData,
  use: (api: TestApi) => void,
  per: 'block' | 'test' = 'block',
): void {
  let api: TestApi | undefined;
  const start = async () => {
    api = await startTestApi(await harness.fresh(), seed);
    use(api);
  };
  beforeAll(() => harness.setup());
  if (per === 'block') beforeAll(start);
  else {
    beforeEach(start);
    afterEach(() => api?.stop());
  }
  afterAll(async () => {
    if (per === 'block') await api?.stop();
    await harness.teardown();
  });
}

/** The codes of a response's errors, for `expect(...).toEqual(['NOT_FOUND'])`. */
export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
