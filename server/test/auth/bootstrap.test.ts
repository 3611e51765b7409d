/**
 * The first admin key on a real (embedded) store: made when no active key exists, or taken from
 * ADMIN_API_KEY (stored hashed; a changed one replaces the previous; a revoked one stays revoked).
 */
import { generateApiKey, hashApiKey } from '../../src/features/access/api-keys';
import { describeBootstrap, ensureAdminKey } from '../../src/features/access/bootstrap';
import type { NetworkStore } from '../../src/store/network-store';
import { embeddedHarness } from '../support/stores';

describe('bootstrap admin key', () => {
  const harness = embeddedHarness();
  let store: NetworkStore;
  beforeEach(async () => {
    store = await harness.fresh();
  });
  afterAll(() => harness.teardown());

  test('an empty store gets one admin key, printed once with the link; the next start makes none', async () => {
    const first = await ensureAdminKey(store, null);
    if (first.kind !== 'generated') throw new Error(`expected a generated key, got ${first.kind}`);
    expect(first.key).toMatch(/^qn_[A-Za-z0-9_-]{43}$/);
    expect(first.record).toMatchObject({ name: 'admin', role: 'ADMIN', revokedAt: null });
    expect(await store.findApiKeyByHash(hashApiKey(first.key))).toEqual(first.record);
    const lines = describeBootstrap(first, 'http://127.0.0.1:4000');
    expect(lines.join('\n')).toContain(`http://127.0.0.1:4000/#key=${first.key}`);
    expect(lines.join('\n')).toMatch(/ONLY THIS ONCE/);
    expect(lines.join('\n')).toContain('npm run keys -- create');

    const second = await ensureAdminKey(store, null);
    expect(second).toEqual({ kind: 'none' });
    // The second start says how to get a key.
    const hint = describeBootstrap(second, 'http://127.0.0.1:4000').join('\n');
    expect(hint).toContain('npm run keys -- create --name NAME --role viewer|editor|admin');
    expect(hint).toContain('http://127.0.0.1:4000/#key=<the key>');
    expect(await store.listApiKeys()).toHaveLength(1);
  });

  test('only revoked keys: a new admin key is made', async () => {
    const old = await store.createApiKey({ name: 'old', role: 'VIEWER', hash: hashApiKey(generateApiKey()) });
    await store.revokeApiKey(old.id);
    expect((await ensureAdminKey(store, null)).kind).toBe('generated');
  });

  test('ADMIN_API_KEY is stored hashed once; a changed one replaces (revokes) the previous; a revoked one stays revoked', async () => {
    const key = generateApiKey();
    const stored = await ensureAdminKey(store, key);
    expect(stored).toMatchObject({
      kind: 'provided-stored',
      record: { name: 'ADMIN_API_KEY', role: 'ADMIN' },
      replaced: null,
    });
    expect(await store.findApiKeyByHash(hashApiKey(key))).not.toBeNull();
    expect(await ensureAdminKey(store, key)).toMatchObject({ kind: 'provided-present' });
    expect(describeBootstrap(await ensureAdminKey(store, key), 'http://x')).toEqual([]);

    const next = generateApiKey();
    const replaced = await ensureAdminKey(store, next);
    if (replaced.kind !== 'provided-stored') throw new Error(replaced.kind);
    expect(replaced.replaced?.id).toBe(stored.kind === 'provided-stored' ? stored.record.id : '');
    expect((await store.findApiKeyByHash(hashApiKey(key)))!.revokedAt).not.toBeNull();

    await store.revokeApiKey(replaced.record.id);
    const revoked = await ensureAdminKey(store, next);
    expect(revoked).toMatchObject({ kind: 'provided-present', record: { revokedAt: expect.any(String) } });
    expect(describeBootstrap(revoked, 'http://x').join(' ')).toMatch(/stays revoked/);
    expect((await store.listApiKeys()).filter((k) => k.revokedAt === null)).toEqual([]);
  });
});
