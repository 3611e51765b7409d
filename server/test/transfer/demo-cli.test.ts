/**
 * `npm run demo -- N`: a generated network of N actors merged into the configured store (a
 * temporary DATA_DIR here), idempotent for the same size and seed; bad arguments say the usage.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EMBEDDED_DB_FILE } from '../../src/store/create-store';
import { createEmbeddedStore } from '../../src/store/embedded';

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

async function demo(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'demo', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run demo', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'quartiernetz-demo-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('merges N generated actors into the configured store, once', async () => {
    const first = await demo(dir, ['300']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo network of 300 actors (seed 42) merged into embedded store');
    expect(first.stderr).toContain('through the change feed');
    const store = createEmbeddedStore({ filename: join(dir, EMBEDDED_DB_FILE) });
    await store.init();
    const counts = await store.counts();
    await store.close();
    expect(counts.actors).toBe(300);
    expect(counts.collaborations).toBeGreaterThan(0);
    expect((await demo(dir, ['300'])).code).toBe(0);
    const again = createEmbeddedStore({ filename: join(dir, EMBEDDED_DB_FILE) });
    await again.init();
    expect(await again.counts()).toEqual(counts);
    await again.close();
  }, 90_000);

  test('a missing or wrong number: the usage, exit code 1', async () => {
    for (const args of [[], ['zwei'], ['0']]) {
      const outcome = await demo(dir, args);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('usage: npm run demo -- <number of actors');
    }
  }, 60_000);
});
