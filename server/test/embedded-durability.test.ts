/**
 * Durability of the embedded store on a real file: a clean restart keeps everything, and a
 * `kill -9` of the real server (server/main.ts, over HTTP) in the middle of a burst of
 * concurrent writes loses none that were acknowledged and leaves a database that passes SQLite's
 * integrity check; the server starts again on it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

import { EMBEDDED_DB_FILE } from '../src/store/create-store';
import { SCHEMA_VERSION, createEmbeddedStore } from '../src/store/embedded';
import { startServerProcess, stopServerProcess } from './support/server-process';

/** Acknowledged writes to wait for before the kill. */
const KILL_AFTER = 150;
/** Requests in flight at once. */
const CONCURRENCY = 12;

let tmpDir: string;
beforeEach(() => {
  tmpDir = mkdtempSync(join(tmpdir(), 'quartiernetz-durability-'));
});
afterEach(() => {
  rmSync(tmpDir, { recursive: true, force: true });
});

/** Opens the file without the store and answers what SQLite says about its health. */
function inspect(filename: string): { integrity: unknown; foreignKeyViolations: unknown[]; journalMode: unknown } {
  const db = new Database(filename, { fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeyViolations: db.pragma('foreign_key_check') as unknown[],
      journalMode: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

test('a clean restart keeps every record and relationship', async () => {
  // A data directory that does not exist yet: the store creates it.
  const filename = join(tmpDir, 'data', 'quartiernetz.sqlite');
  const first = createEmbeddedStore({ filename });
  await first.init();
  const topic = await first.createTopic({ name: 'Urban Gardening', aliases: ['Gärtnern'] });
  const actor = await first.createActor({ id: 'a1', name: 'Bürgerhaus Nord', kind: 'ASSOCIATION' });
  const updated = await first.updateActor('a1', { district: 'Nord' }, 1);
  await first.createActor({ id: 'a2', name: 'Kiezladen', kind: 'BUSINESS' });
  await first.setActorInterests('a1', [{ topicId: topic.id, weight: 0.5 }]);
  const collaboration = await first.createCollaboration({
    id: 'c1',
    title: 'Hoffest',
    kind: 'EVENT',
    startDate: '2024-06-01',
    topicIds: [topic.id],
    participants: [
      { actorId: 'a1', role: 'HOST' },
      { actorId: 'a2', role: 'PARTICIPANT' },
    ],
  });
  const countsBefore = await first.counts();
  const snapshotBefore = await first.loadSnapshot();
  await first.close();
  await first.close(); // idempotent

  const second = createEmbeddedStore({ filename });
  try {
    await second.init(); // migrations are idempotent: nothing to do on a current file
    await second.ping();
    expect(await second.counts()).toEqual(countsBefore);
    expect(await second.loadSnapshot()).toEqual(snapshotBefore);
    expect(await second.getActors(['a1'])).toEqual([
      { ...actor, district: 'Nord', version: 2, updatedAt: updated.updatedAt },
    ]);
    expect(await second.getTopics([topic.id])).toEqual([topic]);
    expect(await second.getCollaborations(['c1'])).toEqual([collaboration]);
    expect(await second.interestsOfActors(['a1'])).toEqual([[{ actorId: 'a1', topicId: topic.id, weight: 0.5 }]]);
    expect(await second.collaboratorsOfActors(['a1'])).toEqual([
      [{ actorId: 'a1', partnerId: 'a2', collaborationIds: ['c1'] }],
    ]);
    // The next write continues from the stored state.
    expect((await second.updateActor('a1', { name: 'Bürgerhaus' }, 2)).version).toBe(3);
  } finally {
    await second.close();
  }

  const db = new Database(filename, { readonly: true });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  } finally {
    db.close();
  }
  expect(inspect(filename)).toEqual({ integrity: 'ok', foreignKeyViolations: [], journalMode: 'wal' });
});

test('kill -9 of the real server during a burst of createActor requests loses no acknowledged write', async () => {
  const dataDir = join(tmpDir, 'data');
  const env = { DATA_DIR: dataDir, RATE_LIMIT_MAX: '0' };
  const server = await startServerProcess(env);
  expect(server.output()).toContain(`embedded store in ${join(dataDir, EMBEDDED_DB_FILE)}`);

  // Workers send createActor requests in parallel, each with the next number; a write counts as
  // acknowledged once its HTTP answer says it was created.
  const acknowledged: string[] = [];
  let sent = 0;
  let killed = false;
  const createActor = `mutation($input: CreateActorInput!) { createActor(input: $input) { id name } }`;
  const worker = async () => {
    while (!killed) {
      const n = sent++;
      const id = `actor-${n}`;
      try {
        const response = await server.graphql(createActor, { input: { id, name: `Actor ${n}`, kind: 'PERSON' } });
        const body = await response.json();
        if (body.data?.createActor?.id === id) acknowledged.push(id);
        else if (!killed) throw new Error(`unexpected answer ${response.status}: ${JSON.stringify(body)}`);
      } catch (error) {
        if (!killed) throw error; // the connection dies with the process: those were never acknowledged
      }
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const exit = await server.exited;
  expect(exit.signal).toBe('SIGKILL');
  const inFlight = sent - acknowledged.length;
  const filename = join(dataDir, EMBEDDED_DB_FILE);
  // The server never closed the database: its write-ahead log is still there to be recovered.
  expect(existsSync(`${filename}-wal`)).toBe(true);

  const restarted = await startServerProcess(env);
  let present: Set<string>;
  try {
    const ids: Array<{ id: string; name: string }> = [];
    let after: string | null = null;
    do {
      const response = await restarted.graphql(
        `query($after: String) { actors(first: 500, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name } } }`,
        { after },
      );
      const { data } = await response.json();
      ids.push(...data.actors.nodes);
      after = data.actors.pageInfo.hasNextPage ? data.actors.pageInfo.endCursor : null;
    } while (after);
    present = new Set(ids.map((a) => a.id));
    ids.forEach((a) => expect(a.name).toBe(`Actor ${a.id.slice('actor-'.length)}`));
    console.log(
      `kill -9 over HTTP: ${acknowledged.length} writes acknowledged, ${acknowledged.filter((id) => present.has(id)).length} of them present ` +
        `after restart; ${present.size} actors stored in all (${inFlight} requests in flight at the kill)`,
    );
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    // Only requests that were in flight may have been stored without their answer arriving.
    expect(present.size).toBeLessThanOrEqual(acknowledged.length + inFlight);
    // The restarted server takes writes again.
    const next = await (
      await restarted.graphql(createActor, {
        input: { id: 'after-restart', name: 'Actor after-restart', kind: 'PERSON' },
      })
    ).json();
    expect(next.data.createActor.id).toBe('after-restart');
  } finally {
    await stopServerProcess(restarted);
  }
  expect(inspect(filename)).toEqual({ integrity: 'ok', foreignKeyViolations: [], journalMode: 'wal' });
}, 120_000);

test('SIGTERM stops the server gracefully: a write in flight is answered, the store closed, exit 0', async () => {
  const server = await startServerProcess({ DATA_DIR: tmpDir });
  const write = server.graphql('mutation { createActor(input: { name: "Spätkauf Ecke", kind: BUSINESS }) { id } }');
  // Graceful: after the write was taken, not before it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  server.child.kill('SIGTERM');
  const answered = await write.then((r) => r.json());
  const exited = await server.exited;
  expect(exited).toEqual({ code: 0, signal: null });
  // Its shutdown ran to the end (requests, writes, then the store): Apollo's own signal handlers
  // once stopped it first, and the service's shutdown waited on a stop that never ended.
  expect(server.output()).toMatch(/SIGTERM: shutting down…[\s\S]*Stopped\./);
  const store = createEmbeddedStore({ filename: join(tmpDir, EMBEDDED_DB_FILE) });
  await store.init();
  try {
    if (answered.data) expect((await store.counts()).actors).toBe(1);
    else expect(answered.errors).toBeDefined();
  } finally {
    await store.close();
  }
}, 60_000);

test('a port in use: the server says so and exits with 1', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    await expect(startServerProcess({ DATA_DIR: tmpDir, PORT: String(port) })).rejects.toThrow(
      /exited \(1\)[\s\S]*could not start: listen EADDRINUSE/,
    );
  } finally {
    blocker.close();
  }
}, 60_000);
