/**
 * Fuzzing the real server over HTTP: a few thousand malformed GraphQL documents, variables, mutation
 * inputs and HTTP bodies (generated from a seeded random source, so every run sends the same
 * requests: ./fuzz-inputs.ts) against the embedded store loaded with the Batenbrock seed.
 *
 * Asserted: no answer is a 5xx or not JSON, every error carries an expected `extensions.code`
 * (never INTERNAL_SERVER_ERROR), BAD_USER_INPUT from a mutation names its field, every write that
 * must fail fails, the server still answers /healthz, and nothing stored changed — the store's
 * snapshot and counts, and every row of every table of its SQLite file. One summary line reports
 * the counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { batenbrock } from '../../../seed/batenbrock';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { seededRandom } from '../../src/platform/util/seeded-random';
import { startHttpApi, type HttpApi } from '../support/http-api';
import { generateCases, READ_QUERIES, type Family, type FuzzCase, type SeedFacts } from './fuzz-inputs';

const SEED = 20_240_517;
const COUNTS: Record<Family, number> = {
  documents: 1100,
  variables: 600,
  mutations: 1400,
  arguments: 450,
  bodies: 350,
};
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 20_000;

/** Every code an answer may carry; INTERNAL_SERVER_ERROR is a crash. */
const ALLOWED_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
  'BATCH_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
]);

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message?: string; extensions?: { code?: unknown; field?: unknown } }>;
  } | null;
  problem: string | null;
}

async function send(api: HttpApi, c: FuzzCase): Promise<Answer> {
  let response: Response;
  try {
    response = await api.request(`/graphql${c.search ? `?${c.search}` : ''}`, {
      method: c.method,
      headers: c.headers,
      body: c.method === 'GET' ? undefined : c.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { status: 0, body: null, problem: `no answer: ${(error as Error).message}` };
  }
  const text = await response.text();
  if (response.status >= 500)
    return { status: response.status, body: null, problem: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  try {
    return { status: response.status, body: JSON.parse(text), problem: null };
  } catch {
    return {
      status: response.status,
      body: null,
      problem: `not JSON (HTTP ${response.status}, ${response.headers.get('content-type')}): ${text.slice(0, 200)}`,
    };
  }
}

/** What is wrong with an answer to a case, or null. */
function judge(c: FuzzCase, answer: Answer): string | null {
  if (answer.problem) return answer.problem;
  const errors = answer.body?.errors ?? [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !ALLOWED_CODES.has(code))
      return `error without an expected code (${String(code)}): ${e.message}`;
    if (
      c.family === 'mutations' &&
      code === 'BAD_USER_INPUT' &&
      (typeof e.extensions?.field !== 'string' || e.extensions.field === '')
    ) {
      return `BAD_USER_INPUT without the field: ${e.message}`;
    }
  }
  if (errors.length === 0 && (answer.status !== 200 || !answer.body?.data))
    return `HTTP ${answer.status} without errors and data`;
  if (c.mustFail) {
    if (errors.length === 0) return 'a request that must fail succeeded';
    const data = answer.body?.data;
    if (data && Object.values(data).some((v) => v !== null))
      return `a write that must fail answered data: ${JSON.stringify(data).slice(0, 200)}`;
  }
  return null;
}

/** Every row of every table, read beside the store through a second connection. */
function dumpTables(filename: string): Record<string, unknown[]> {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{
      name: string;
    }>;
    // Sorted here: some tables have no rowid to order by. A key's last use is bookkeeping the
    // requests do write (at most once a minute: a fuzz run on a busy machine takes longer).
    const rows = (name: string) =>
      db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify({ ...(row as object), last_used_at: undefined }))
        .sort();
    return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
  } finally {
    db.close();
  }
}

describe('fuzz: malformed requests over HTTP', () => {
  let dir: string;
  let filename: string;
  let store: NetworkStore;
  let api: HttpApi;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quartiernetz-fuzz-'));
    filename = join(dir, 'quartiernetz.sqlite');
    store = createEmbeddedStore({ filename });
    await store.init();
    api = await startHttpApi(store, { seed: batenbrock });
  });

  afterAll(async () => {
    await api.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('no 5xx, every error coded, writes that must fail fail, the stored graph unchanged', async () => {
    // The corpus is valid as written: its broken variants are broken by the fuzzer, not before.
    for (const query of READ_QUERIES) {
      const body = await (await api.post({ query })).json();
      expect({ query, errors: body.errors }).toEqual({ query, errors: undefined });
    }

    const seed = (
      await (
        await api.post({
          query:
            '{ actors(first: 500) { nodes { id version } } topics(first: 500) { nodes { id name } } collaborations(first: 500) { nodes { id } } }',
        })
      ).json()
    ).data;
    const facts: SeedFacts = {
      actorIds: seed.actors.nodes.map((a: { id: string }) => a.id),
      actorVersions: new Map(seed.actors.nodes.map((a: { id: string; version: number }) => [a.id, a.version])),
      topicIds: seed.topics.nodes.map((t: { id: string }) => t.id),
      topicNames: seed.topics.nodes.map((t: { name: string }) => t.name),
      collaborationIds: seed.collaborations.nodes.map((c: { id: string }) => c.id),
    };

    const before = { snapshot: await store.loadSnapshot(), counts: await store.counts(), tables: dumpTables(filename) };
    const cases = generateCases(seededRandom(SEED), facts, COUNTS);

    const byCode = new Map<string, number>();
    const byStatus = new Map<number, number>();
    const failures: string[] = [];
    let healthChecks = 0;
    let next = 0;
    const started = Date.now();

    const worker = async () => {
      while (next < cases.length) {
        const index = next++;
        const c = cases[index];
        const answer = await send(api, c);
        const problem = judge(c, answer);
        const code = answer.body?.errors?.[0]?.extensions?.code;
        const key = problem ? 'CRASH' : typeof code === 'string' ? code : 'ok';
        byCode.set(key, (byCode.get(key) ?? 0) + 1);
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        if (problem) failures.push(`#${index} ${c.family} / ${c.label}: ${problem}`);
        if (index % 500 === 499) {
          const health = await api.request('/healthz');
          healthChecks++;
          if (health.status !== 200) failures.push(`/healthz answered ${health.status} after #${index}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;

    const health = await api.request('/healthz');
    healthChecks++;
    expect(health.status).toBe(200);

    const families = Object.entries(COUNTS)
      .map(([family, n]) => `${family} ${n}`)
      .join(', ');
    const codes = [...byCode.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    const statuses = [...byStatus.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    console.log(
      `fuzz (seed ${SEED}): ${cases.length} inputs tried (${families}) in ${seconds.toFixed(1)} s; ` +
        `answers by first error code: ${codes}; HTTP statuses: ${statuses}; crashes: ${failures.length}; /healthz checked ${healthChecks}×`,
    );

    expect(failures.slice(0, 20)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(3000);
    expect(await store.loadSnapshot()).toEqual(before.snapshot);
    expect(await store.counts()).toEqual(before.counts);
    expect(dumpTables(filename)).toEqual(before.tables);
  }, 180_000);
});
