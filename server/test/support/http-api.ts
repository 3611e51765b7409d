/**
 * The whole service over real HTTP for tests: the Express app with Apollo on an ephemeral port,
 * on a store the test provides. Use it where a rule is about the wire (status codes, headers,
 * limits, credentials); in-process tests use ./api.ts.
 *
 * Every request of a test goes through `request` (or `post`, built on it), so that a header every
 * request needs — an API key once the API requires one — is added in one place: `testHeaders`.
 */
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS, type LimitsConfig } from '../../src/config';
import { createApp, type HttpConfig, type QuartiernetzApp } from '../../src/http/app';
import { NetworkService } from '../../src/service/network-service';
import type { GraphData, NetworkStore } from '../../src/store/network-store';

export interface HttpApi {
  base: string;
  service: NetworkService;
  server: QuartiernetzApp;
  /** POSTs a GraphQL request (an object is sent as JSON, a string as it is). */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Any request to a path of the server, with the test headers. */
  request(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/** Headers every test request carries; `extra` wins. */
export function testHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra };
}

/** The query limits of production; no rate limit (suites send many requests from one address). */
export const TEST_LIMITS: LimitsConfig = { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, max: 0 } };

export const TEST_HTTP_CONFIG: HttpConfig = {
  corsOrigins: [],
  bodyLimit: '1mb',
  introspection: false,
  production: true,
  limits: TEST_LIMITS,
};

export async function startHttpApi(store: NetworkStore, options: { seed?: GraphData; config?: Partial<HttpConfig> } = {}): Promise<HttpApi> {
  if (options.seed) await store.mergeGraph(options.seed);
  const service = await NetworkService.start(store);
  const server = await createApp(service, { ...TEST_HTTP_CONFIG, ...options.config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: testHeaders((init.headers as Record<string, string> | undefined) ?? {}) });
  return {
    base,
    service,
    server,
    request,
    post: (body, headers = {}) =>
      request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async stop() {
      await server.apollo.stop();
      await service.drain();
    },
  };
}
