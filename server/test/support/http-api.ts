/**
 * The whole service over real HTTP for tests: the Express app with Apollo on an ephemeral port,
 * on a store the test provides. Use it where a rule is about the wire (status codes, headers,
 * limits, credentials); in-process tests use ./api.ts.
 *
 * Access: `adminKey` is a real API key stored (hashed) in the store before the server starts;
 * every request (`request`, `post`) sends it unless its own headers carry an authorization
 * (`postAs(key)` sends another key, `postAnonymous` none at all). `issueKey` stores more keys.
 */
import type { AddressInfo } from 'node:net';
import { issueApiKey, type IssuedApiKey } from '../../src/features/access/api-keys';
import type { AuthConfig } from '../../src/features/access/authenticate';
import type { Role } from '../../src/domain/roles';
import { DEFAULT_LIMITS, type LimitsConfig } from '../../src/platform/config';
import { createApp, type HttpConfig, type QuartiernetzApp } from '../../src/platform/http/app';
import { NetworkService, type NetworkServiceOptions } from '../../src/service/network-service';
import type { GraphData, NetworkStore } from '../../src/store/network-store';

export interface HttpApi {
  base: string;
  service: NetworkService;
  server: QuartiernetzApp;
  /** A stored admin key (name "test-admin" unless told otherwise). */
  adminKey: string;
  /** Any request to a path of the server, with the admin key unless `init.headers` has an authorization. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a GraphQL request (an object is sent as JSON, a string as it is), with the admin key unless `headers` has an authorization. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POSTs with `Authorization: Bearer <credential>`. */
  postAs(credential: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POSTs without any credential. */
  postAnonymous(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Stores a new API key with this name and role. */
  issueKey(name: string, role: Role): Promise<IssuedApiKey>;
  stop(): Promise<void>;
}

export const TEST_AUTH_CONFIG: AuthConfig = { anonymousAccess: 'none', jwt: null };

/** The query limits of production; no rate limit (suites send many requests from one address). */
export const TEST_LIMITS: LimitsConfig = { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, max: 0 } };

export const TEST_HTTP_CONFIG: HttpConfig = {
  corsOrigins: [],
  bodyLimit: '1mb',
  introspection: false,
  production: true,
  auth: TEST_AUTH_CONFIG,
  limits: TEST_LIMITS,
};

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

export interface HttpApiOptions {
  seed?: GraphData;
  config?: Partial<HttpConfig>;
  /** Name of the admin key made for the test (default "test-admin"; another one for a second server on the same store). */
  adminKeyName?: string;
  /** Options of the service (e.g. how long insight requests wait). */
  service?: NetworkServiceOptions;
}

export async function startHttpApi(store: NetworkStore, options: HttpApiOptions = {}): Promise<HttpApi> {
  if (options.seed) await store.mergeGraph(options.seed);
  const { key: adminKey } = await issueApiKey(store, { name: options.adminKeyName ?? 'test-admin', role: 'ADMIN' });
  const service = await NetworkService.start(store, options.service);
  const server = await createApp(service, { ...TEST_HTTP_CONFIG, ...options.config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const send = (path: string, init: RequestInit, credential: string | null) => {
    const headers = { ...((init.headers as Record<string, string> | undefined) ?? {}) };
    const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    return fetch(`${base}${path}`, {
      ...init,
      headers: credential && !hasAuthorization ? { ...bearer(credential), ...headers } : headers,
    });
  };
  const graphql = (body: unknown, headers: Record<string, string>, credential: string | null) =>
    send(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      credential,
    );
  return {
    base,
    service,
    server,
    adminKey,
    request: (path, init = {}) => send(path, init, adminKey),
    post: (body, headers = {}) => graphql(body, headers, adminKey),
    postAs: (credential, body, headers = {}) => graphql(body, { ...headers, ...bearer(credential) }, null),
    postAnonymous: (body, headers = {}) => graphql(body, headers, null),
    issueKey: (name, role) => issueApiKey(store, { name, role }),
    async stop() {
      await server.subscriptions.close();
      await server.apollo.stop();
      await service.close();
    },
  };
}
