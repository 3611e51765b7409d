/**
 * The NetworkStore contract for API-key records (createApiKey, listApiKeys, findApiKeyByHash,
 * revokeApiKey, touchApiKey), run against every store like the NetworkStore contract (network-store/). The store
 * holds hashes only; keys are not part of the network (snapshot, counts, history).
 */
import { createHash } from 'node:crypto';
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

export function describeApiKeyContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: API keys (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
    });

    test('creates a record with a generated id, the trimmed name, the role and createdAt — never the hash', async () => {
      const record = await store.createApiKey({ name: '  Quartiersbüro  ', role: 'EDITOR', hash: hash('a') });
      expect(record).toEqual({
        id: expect.any(String),
        name: 'Quartiersbüro',
        role: 'EDITOR',
        createdAt: expect.stringMatching(ISO),
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(record.id.length).toBeGreaterThan(8);
      expect(await store.findApiKeyByHash(hash('a'))).toEqual(record);
      expect(await store.findApiKeyByHash(hash('b'))).toBeNull();
      expect(await store.listApiKeys()).toEqual([record]);
    });

    test('lists every key oldest first (createdAt, then id), revoked ones too', async () => {
      const a = await store.createApiKey({ name: 'a', role: 'VIEWER', hash: hash('a') });
      const b = await store.createApiKey({ name: 'b', role: 'ADMIN', hash: hash('b') });
      const c = await store.createApiKey({ name: 'c', role: 'EDITOR', hash: hash('c') });
      const revokedB = await store.revokeApiKey(b.id);
      const expected = [a, revokedB, c].sort((x, y) =>
        x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : 1,
      );
      expect(await store.listApiKeys()).toEqual(expected);
    });

    test.each([
      [{ name: '   ', role: 'VIEWER', hash: hash('x') }, 'name'],
      [{ name: 'x'.repeat(101), role: 'VIEWER', hash: hash('x') }, 'name'],
      [{ name: 'line\nbreak', role: 'VIEWER', hash: hash('x') }, 'name'],
      [{ name: '\u200b\u200d', role: 'VIEWER', hash: hash('x') }, 'name'],
      [{ name: 'admin\u202e', role: 'VIEWER', hash: hash('x') }, 'name'],
      [{ name: 'rot\u009b31m', role: 'VIEWER', hash: hash('x') }, 'name'],
      [{ name: 'ok', role: 'OWNER', hash: hash('x') }, 'role'],
      [{ name: 'ok', role: 'viewer', hash: hash('x') }, 'role'],
      [{ name: 'ok', role: 'VIEWER', hash: 'qn_plainkey' }, 'hash'],
      [{ name: 'ok', role: 'VIEWER', hash: hash('x').toUpperCase() }, 'hash'],
    ])('bad input %j: BAD_USER_INPUT naming %s, nothing stored', async (input, field) => {
      await expect(store.createApiKey(input as never)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await store.listApiKeys()).toEqual([]);
    });

    test('a name is unique among active keys (CONFLICT), free again once its key is revoked; a hash is unique for good', async () => {
      const first = await store.createApiKey({ name: 'Quartiersbüro', role: 'EDITOR', hash: hash('1') });
      await expect(
        store.createApiKey({ name: 'Quartiersbüro', role: 'VIEWER', hash: hash('2') }),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
      await store.revokeApiKey(first.id);
      const second = await store.createApiKey({ name: 'Quartiersbüro', role: 'VIEWER', hash: hash('2') });
      expect(second.id).not.toBe(first.id);
      await expect(store.createApiKey({ name: 'other', role: 'VIEWER', hash: hash('1') })).rejects.toMatchObject({
        code: 'CONFLICT',
        field: 'hash',
      });
      const listed = new Map((await store.listApiKeys()).map((k) => [k.id, k]));
      expect(listed.size).toBe(2);
      expect(listed.get(first.id)).toMatchObject({
        name: 'Quartiersbüro',
        role: 'EDITOR',
        revokedAt: expect.stringMatching(ISO),
      });
      expect(listed.get(second.id)).toMatchObject({ name: 'Quartiersbüro', role: 'VIEWER', revokedAt: null });
    });

    test('a name is stored in NFC: its NFD spelling is the same name (CONFLICT while the first is active)', async () => {
      const nfd = 'Quartiersbüro'.normalize('NFD');
      expect((await store.createApiKey({ name: nfd, role: 'EDITOR', hash: hash('n1') })).name).toBe('Quartiersbüro');
      await expect(
        store.createApiKey({ name: 'Quartiersbüro', role: 'VIEWER', hash: hash('n2') }),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
    });

    test('two creations of the same name at once: one wins, the other is a CONFLICT', async () => {
      const results = await Promise.allSettled([
        store.createApiKey({ name: 'twin', role: 'VIEWER', hash: hash('t1') }),
        store.createApiKey({ name: 'twin', role: 'VIEWER', hash: hash('t2') }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(['CONFLICT']);
      expect(await store.listApiKeys()).toHaveLength(1);
    });

    test('revokeApiKey sets revokedAt once (repeating keeps it); the revoked key is still found by its hash; unknown id: NOT_FOUND', async () => {
      const key = await store.createApiKey({ name: 'k', role: 'ADMIN', hash: hash('k') });
      const revoked = await store.revokeApiKey(key.id);
      expect(revoked).toEqual({ ...key, revokedAt: expect.stringMatching(ISO) });
      const again = await store.revokeApiKey(key.id);
      expect(again.revokedAt).toBe(revoked.revokedAt);
      expect(await store.findApiKeyByHash(hash('k'))).toEqual(revoked);
      await expect(store.revokeApiKey('no-such-key')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    });

    test('touchApiKey records lastUsedAt; an unknown id changes nothing', async () => {
      const key = await store.createApiKey({ name: 'k', role: 'VIEWER', hash: hash('k') });
      await store.touchApiKey(key.id, '2026-01-02T03:04:05.000Z');
      expect(await store.findApiKeyByHash(hash('k'))).toEqual({ ...key, lastUsedAt: '2026-01-02T03:04:05.000Z' });
      await store.touchApiKey('no-such-key', '2026-01-02T03:04:05.000Z');
      expect(await store.listApiKeys()).toHaveLength(1);
    });

    test('keys are not part of the network: counts, snapshot and history do not see them', async () => {
      await store.createActor({ id: 'bobbie', name: 'Bobbie e.V.', kind: 'ASSOCIATION' });
      const counts = await store.counts();
      const snapshot = await store.loadSnapshot();
      const key = await store.createApiKey({ name: 'k', role: 'ADMIN', hash: hash('k') });
      await store.revokeApiKey(key.id);
      expect(await store.counts()).toEqual(counts);
      expect(await store.loadSnapshot()).toEqual(snapshot);
      expect((await store.history(key.id, { first: 10 })).totalCount).toBe(0);
      expect((await store.history('network', { first: 10 })).totalCount).toBe(0);
    });
  });
}
