/**
 * `npm run keys` as a user runs it: the CLI in its own process on the configured store (an
 * embedded store in a temporary DATA_DIR), then the same store opened here to check what it did.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashApiKey } from '../../src/features/access/api-keys';
import { createStore } from '../../src/store/create-store';

const ROOT = resolve(__dirname, '../../..');

describe('npm run keys', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'quartiernetz-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const keys = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/features/access/keys-cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };

  test('create prints the key once; list shows the record without it; revoke revokes; errors have exit codes', async () => {
    const created = keys('create', '--name', 'Quartiersbüro', '--role', 'editor');
    expect(created.code).toBe(0);
    const key = created.out.split('\n').find((l) => l.startsWith('qn_'))!;
    expect(key).toMatch(/^qn_[A-Za-z0-9_-]{43}$/);
    const id = /id ([0-9a-f-]{36})/.exec(created.out)![1]!;

    const listed = keys('list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`${id}\\s+Quartiersbüro\\s+EDITOR`));
    expect(listed.out).not.toContain(key);

    expect(keys('create', '--name', 'Quartiersbüro', '--role', 'viewer')).toMatchObject({
      code: 1,
      err: expect.stringContaining('CONFLICT'),
    });
    expect(keys('create', '--name', 'x', '--role', 'owner')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage'),
    });
    expect(keys('revoke', 'no-such-key')).toMatchObject({ code: 1, err: expect.stringContaining('NOT_FOUND') });
    expect(keys('frobnicate').code).toBe(2);

    const revoked = keys('revoke', id);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain(`Revoked the API key "Quartiersbüro" (${id})`);

    const store = createStore({ neo4j: null, dataDir });
    try {
      await store.init();
      expect(await store.findApiKeyByHash(hashApiKey(key))).toMatchObject({
        id,
        name: 'Quartiersbüro',
        role: 'EDITOR',
        revokedAt: expect.any(String),
      });
    } finally {
      await store.close();
    }
  });
});
