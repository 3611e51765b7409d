/**
 * The whole service over real HTTP for tests: the Express app with Apollo on an ephemeral port,
 * on a store the test provides. Use it where a rule is about the wire (status codes, headers,
 * limits, credentials); in-process tests use ./api.ts.
 */
import type { AddressInfo } from 'node:net';
import { createApp, type HttpConfig, type QuartiernetzApp } from '../../src/http/app';
import { NetworkService, type NetworkServiceOptions } from '../../src/service/network-service';
import type { GraphData, NetworkStore } from '../../src/store/network-store';

export interface HttpApi {
  base: string;
  service: NetworkService;
  server: QuartiernetzApp;
  /** POSTs a GraphQL request (an object is sent as JSON, a string as it is). */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export const TEST_HTTP_CONFIG: HttpConfig = {
  corsOrigins: [],
  bodyLimit: '1mb',
  introspection: false,
  production: true,
};

export async function startHttpApi(
  store: NetworkStore,
  options: { seed?: GraphData; config?: Partial<HttpConfig>; service?: NetworkServiceOptions } = {},
): Promise<HttpApi> {
  if (options.seed) await store.mergeGraph(options.seed);
  const service = await NetworkService.start(store, options.service);
  const server = await createApp(service, { ...TEST_HTTP_CONFIG, ...options.config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  return {
    base,
    service,
    server,
    post: (body, headers = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async stop() {
      await server.apollo.stop();
      await service.close();
    },
  };
}
