/**
 * The whole service over real HTTP for tests: the Express app with Apollo on an ephemeral port,
 * on a store the test provides. Use it where a rule is about the wire (status codes, headers,
 * limits, credentials); in-process tests use ./api.ts.
 *
 * Access: `adminKey` is a real API key stored (hashed) in the store before the server starts;
 * `post` sends it unless the request's own headers say otherwise (`as(key)` sends another key,
 * `anonymous()` none at all). `issueKey` stores more keys.
 */
import type { AddressInfo } from 'node:net';
import { issueApiKey, type IssuedApiKey } from '../../src/auth/api-keys';
import type { AuthConfig } from '../../src/auth/authenticate';
import type { Role } from '../../src/auth/roles';
import { createApp, type HttpConfig, type QuartiernetzApp } from '../../src/http/app';
import { NetworkService } from '../../src/service/network-service';
import type { GraphData, NetworkStore } from '../../src/store/network-store';

export interface HttpApi {
  base: string;
  service: NetworkService;
  server: QuartiernetzApp;
  /** A stored admin key (name "test-admin" unless told otherwise). */
  adminKey: string;
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

export const TEST_HTTP_CONFIG: HttpConfig = {
  corsOrigins: [],
  bodyLimit: '1mb',
  introspection: false,
  production: true,
  auth: TEST_AUTH_CONFIG,
};

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

export interface HttpApiOptions {
  seed?: GraphData;
  config?: Partial<HttpConfig>;
  /** Name of the admin key made for the test (default "test-admin"; another one for a second server on the same store). */
  adminKeyName?: string;
}

export async function startHttpApi(store: NetworkStore, options: HttpApiOptions = {}): Promise<HttpApi> {
  if (options.seed) await store.mergeGraph(options.seed);
  const { key: adminKey } = await issueApiKey(store, { name: options.adminKeyName ?? 'test-admin', role: 'ADMIN' });
  const service = await NetworkService.start(store);
  const server = await createApp(service, { ...TEST_HTTP_CONFIG, ...options.config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const send = (body: unknown, headers: Record<string, string>) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    base,
    service,
    server,
    adminKey,
    post: (body, headers = {}) => send(body, { ...bearer(adminKey), ...headers }),
    postAs: (credential, body, headers = {}) => send(body, { ...headers, ...bearer(credential) }),
    postAnonymous: (body, headers = {}) => send(body, headers),
    issueKey: (name, role) => issueApiKey(store, { name, role }),
    async stop() {
      await server.apollo.stop();
      await service.drain();
    },
  };
}
