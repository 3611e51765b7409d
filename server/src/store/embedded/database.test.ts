import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from './database';

describe('the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qn-database-'));
  const d = new EmbeddedDatabase({ filename: join(dir, 'q.sqlite') });
  const synchronous = () => d.db.pragma('synchronous', { simple: true });

  afterAll(() => {
    d.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every commit waits for the disk (synchronous=FULL); a bookkeeping write does not, and only it', () => {
    d.db.exec('CREATE TABLE t (v TEXT)');
    expect(synchronous()).toBe(2); // FULL
    const during = d.writeUnsynced(() => {
      d.db.prepare('INSERT INTO t VALUES (?)').run('touched');
      return synchronous();
    });
    expect(during).toBe(1); // NORMAL
    expect(synchronous()).toBe(2);
    expect(d.db.prepare('SELECT v FROM t').pluck().all()).toEqual(['touched']);
    // A failing one is rolled back, and the next write waits for the disk again.
    expect(() =>
      d.writeUnsynced(() => {
        d.db.prepare('INSERT INTO t VALUES (?)').run('lost');
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(synchronous()).toBe(2);
    expect(d.db.prepare('SELECT v FROM t').pluck().all()).toEqual(['touched']);
  });
});
