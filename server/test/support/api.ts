/**
 * A Quartiernetz API for tests: the real schema and Apollo Server request pipeline
 * (`executeOperation`), on a real store, without HTTP.
 */
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { createContext, type GraphQLContext } from '../../src/graphql/context';
import { createApolloServer } from '../../src/http/app';
import { NetworkService } from '../../src/service/network-service';
import type { GraphData, NetworkStore } from '../../src/store/network-store';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface TestApi {
  service: NetworkService;
  store: NetworkStore;
  /** `operationName` picks one operation of a document with several. */
  run<T = any>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse<T>>;
  /** Runs and fails the test on any GraphQL error. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

let apolloPromise: Promise<ApolloServer<GraphQLContext>> | undefined;

async function sharedApollo(): Promise<ApolloServer<GraphQLContext>> {
  apolloPromise ??= (async () => {
    const apollo = await createApolloServer(null, { corsOrigins: [], bodyLimit: '1mb', introspection: true, production: false });
    await apollo.start();
    return apollo;
  })();
  return apolloPromise;
}

export async function startTestApi(store: NetworkStore, seed?: GraphData): Promise<TestApi> {
  if (seed) await store.mergeGraph(seed);
  const service = await NetworkService.start(store);
  const apollo = await sharedApollo();

  async function run<T>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse<T>> {
    const response = await apollo.executeOperation<T>({ query, variables, operationName }, { contextValue: createContext(service) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResponse<T>;
  }

  return {
    service,
    store,
    run,
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

/** The codes of a response's errors, for `expect(...).toEqual(['NOT_FOUND'])`. */
export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
