/**
 * Durability of the embedded store on a real file: a clean restart keeps everything, and a
 * `kill -9` in the middle of a stream of writes loses none that were acknowledged and leaves a
 * database that passes SQLite's integrity check.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

import { SCHEMA_VERSION, createEmbeddedStore } from '../src/store/embedded';

const ROOT = resolve(__dirname, '../..');
const WRITER = join(__dirname, 'support/embedded-writer.ts');
/** Acknowledged writes to wait for before the kill. */
const KILL_AFTER = 200;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'quartiernetz-durability-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
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
  const filename = join(dataDir, 'data', 'quartiernetz.sqlite');
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
    expect(await second.getActors(['a1'])).toEqual([{ ...actor, district: 'Nord', version: 2, updatedAt: updated.updatedAt }]);
    expect(await second.getTopics([topic.id])).toEqual([topic]);
    expect(await second.getCollaborations(['c1'])).toEqual([collaboration]);
    expect(await second.interestsOfActors(['a1'])).toEqual([[{ actorId: 'a1', topicId: topic.id, weight: 0.5 }]]);
    expect(await second.collaboratorsOfActors(['a1'])).toEqual([[{ actorId: 'a1', partnerId: 'a2', collaborationIds: ['c1'] }]]);
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

test(
  'kill -9 during a stream of writes loses no acknowledged write and leaves an intact database',
  async () => {
    const filename = join(dataDir, 'quartiernetz.sqlite');
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', WRITER, filename], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const acknowledged: string[] = [];
    let pending = ''; // a line without its newline yet is not counted as acknowledged
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      acknowledged.push(...lines);
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        child.kill('SIGKILL');
      }
    });

    // 'close' comes after the process died and its stdout was read to the end.
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('close', (code, signal) => done({ code, signal })),
    );
    if (!killed) throw new Error(`the writer ended before ${KILL_AFTER} writes (${JSON.stringify(exit)}):\n${stderr}`);
    expect(exit.signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.slice(0, 3)).toEqual(['actor-0', 'actor-1', 'actor-2']);
    // The writer never closed the database: its write-ahead log is still there to be recovered.
    expect(existsSync(`${filename}-wal`)).toBe(true);

    const store = createEmbeddedStore({ filename });
    try {
      await store.init();
      const actors = await store.getActors(acknowledged);
      const lost = acknowledged.filter((_, i) => actors[i] === null);
      expect(lost).toEqual([]);
      actors.forEach((actor, i) => expect(actor?.name).toBe(`Actor ${acknowledged[i]!.slice('actor-'.length)}`));
      // Writes are sequential, so at most the one in flight at the kill may be stored unacknowledged.
      const { actors: stored } = await store.counts();
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
      expect(stored).toBeLessThanOrEqual(acknowledged.length + 1);
    } finally {
      await store.close();
    }
    expect(inspect(filename)).toEqual({ integrity: 'ok', foreignKeyViolations: [], journalMode: 'wal' });
  },
  60_000,
);
