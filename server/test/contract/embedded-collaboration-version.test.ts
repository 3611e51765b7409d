/**
 * Migration 8 of the embedded store (schema.ts): a data file written before collaborations had a
 * version opens with every collaboration at version 1, and the next change takes it to 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

import { SCHEMA_VERSION, createEmbeddedStore } from '../../src/store/embedded';
import { MIGRATIONS } from '../../src/store/embedded/schema';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'quartiernetz-migration-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('collaborations of a file from before migration 8 read as version 1; the next change makes 2', async () => {
  const filename = join(dir, 'old.sqlite');
  const old = new Database(filename);
  for (const migration of MIGRATIONS.slice(0, 7)) old.exec(migration);
  old.pragma('user_version = 7');
  old
    .prepare(
      `INSERT INTO collaboration (id, title, kind, created_at, updated_at)
       VALUES ('k1', 'Pflanztag', 'EVENT', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    )
    .run();
  expect(old.prepare('SELECT * FROM collaboration').get()).not.toHaveProperty('version');
  old.close();

  const store = createEmbeddedStore({ filename });
  try {
    await store.init();
    expect((await store.getCollaborations(['k1']))[0]).toMatchObject({ title: 'Pflanztag', version: 1 });
    expect((await store.updateCollaboration('k1', { location: 'Hof' }, 1)).version).toBe(2);
    const created = await store.createCollaboration({ id: 'k2', title: 'Neu', kind: 'MEETING' });
    expect(created.version).toBe(1);
  } finally {
    await store.close();
  }
  const db = new Database(filename, { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  expect(SCHEMA_VERSION).toBe(9); // 9: map positions (view-positions.ts)
  db.close();
});
