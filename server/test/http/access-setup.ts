/**
 * What the access-control tests over HTTP share (access-roles.test.ts, access-credentials.test.ts):
 * the JWT configuration and tokens, and a fresh server per test on the embedded store with the
 * Batenbrock seed, a VIEWER and an EDITOR key, with helpers that ask it.
 */
import jwt from 'jsonwebtoken';
import { batenbrock } from '../../../seed/batenbrock';
import type { JwtConfig } from '../../src/features/access/jwt';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { exampleOperations as allExamples } from '../support/examples';
import { startHttpApi, type HttpApi } from '../support/http-api';

// Queries and mutations: the sample subscriptions run over WebSocket (server/test/live/subscriptions.test.ts).
export const exampleOperations = allExamples.filter((o) => o.kind !== 'subscription');

export const SECRET = 'quartiernetz-test-secret-of-at-least-32-characters';
export const ISSUER = 'https://id.quartier.example';
export const AUDIENCE = 'quartiernetz';
export const JWT: JwtConfig = { secret: SECRET, issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role' };
export const CONTACT = 'Gartenbüro, garten@bobbie-ev.example';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export const codes = (a: Answer): unknown[] => (a.body.errors ?? []).map((e: any) => e.extensions?.code);

/** A token as an identity provider would issue it (HS256 with SECRET unless told otherwise; an option set to undefined is left out). */
export function token(claims: Record<string, unknown>, options: jwt.SignOptions = {}, secret = SECRET): string {
  const merged = { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: '10m', ...options };
  return jwt.sign(
    claims,
    secret,
    Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as jwt.SignOptions,
  );
}

/** An initialised in-memory store (closed with the server's store at the end of the process). */
export async function emptyStore(): Promise<NetworkStore> {
  const store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  return store;
}

/** An unsigned token (alg "none"), as an attacker would send it. */
export function unsigned(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
}

/** The server of one test: its store, its API and the keys issued on it. */
export interface AccessServer {
  store: NetworkStore;
  api: HttpApi;
  viewerKey: string;
  editorKey: string;
}

/**
 * Starts a fresh server before each test (handed to `onStart`) and stops it after; answers the
 * helpers that ask the current one.
 */
export function useAccessServer(onStart: (server: AccessServer) => void) {
  let current: AccessServer;

  /** POSTs one operation with this credential (null: none) and answers status, body and headers. */
  async function ask(
    credential: string | null,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    on: HttpApi = current.api,
    operationName?: string,
  ): Promise<Answer> {
    const body = { query, variables, operationName };
    const response =
      credential === null ? await on.postAnonymous(body, headers) : await on.postAs(credential, body, headers);
    return { status: response.status, body: await response.json(), headers: response.headers };
  }
  /** Data of an operation that must succeed. */
  async function data(
    credential: string,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<any> {
    const answer = await ask(credential, query, variables, headers);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
    return answer.body.data;
  }
  const forbidden = async (credential: string, query: string, variables: Record<string, unknown> = {}) => {
    const answer = await ask(credential, query, variables);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 200, codes: ['FORBIDDEN'] });
    return answer;
  };
  /** What a write would change: the counts, the keys (but when they were last used), and the newest history record. */
  const state = async () => ({
    counts: await current.store.counts(),
    keys: (await current.store.listApiKeys()).map((k) => ({ ...k, lastUsedAt: undefined })),
    history: (await current.store.history('bobbie-ev', { first: 1 })).items,
  });

  beforeEach(async () => {
    const store = await emptyStore();
    await store.mergeGraph(batenbrock);
    await store.updateActor('bobbie-ev', { contact: CONTACT });
    const api = await startHttpApi(store, { config: { auth: { anonymousAccess: 'none', jwt: JWT } } });
    const viewerKey = (await api.issueKey('Nachbarin', 'VIEWER')).key;
    const editorKey = (await api.issueKey('Quartiersbüro', 'EDITOR')).key;
    current = { store, api, viewerKey, editorKey };
    onStart(current);
  });

  afterEach(async () => {
    await current.api.stop();
    await current.store.close();
  });

  return { ask, data, forbidden, state };
}
