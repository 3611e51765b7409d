/**
 * The first admin key, so that `npm start` on a fresh store leads straight to the map: when the
 * store holds no active API key, one admin key is made and handed back (to be printed once); or,
 * with ADMIN_API_KEY, that key is stored (hashed) unless it is there already. A changed
 * ADMIN_API_KEY replaces the one stored before (which is revoked); a revoked one stays revoked.
 */
import type { ApiKeyRecord, NetworkStore } from '../../store/network-store';
import { hashApiKey, issueApiKey } from './api-keys';

export const BOOTSTRAP_KEY_NAME = 'admin';
export const PROVIDED_KEY_NAME = 'ADMIN_API_KEY';

export type Bootstrap =
  /** Active keys exist and no ADMIN_API_KEY is given: nothing to do. */
  | { kind: 'none' }
  /** A new admin key: `key` must be shown once, it is not stored. */
  | { kind: 'generated'; key: string; record: ApiKeyRecord }
  /** ADMIN_API_KEY was stored now (`replaced`: the previous ADMIN_API_KEY, now revoked). */
  | { kind: 'provided-stored'; record: ApiKeyRecord; replaced: ApiKeyRecord | null }
  /** ADMIN_API_KEY is stored already (active, or revoked through the API: it stays so). */
  | { kind: 'provided-present'; record: ApiKeyRecord };

export async function ensureAdminKey(store: NetworkStore, adminApiKey: string | null): Promise<Bootstrap> {
  if (adminApiKey) {
    const hash = hashApiKey(adminApiKey);
    const present = await store.findApiKeyByHash(hash);
    if (present) return { kind: 'provided-present', record: present };
    const previous =
      (await store.listApiKeys()).find((k) => k.name === PROVIDED_KEY_NAME && k.revokedAt === null) ?? null;
    const replaced = previous ? await store.revokeApiKey(previous.id) : null;
    const record = await store.createApiKey({ name: PROVIDED_KEY_NAME, role: 'ADMIN', hash });
    return { kind: 'provided-stored', record, replaced };
  }
  if ((await store.listApiKeys()).some((k) => k.revokedAt === null)) return { kind: 'none' };
  const { key, record } = await issueApiKey(store, { name: BOOTSTRAP_KEY_NAME, role: 'ADMIN' });
  return { kind: 'generated', key, record };
}

/** What the server prints about the bootstrap key; `base` is the server's URL. Empty when ADMIN_API_KEY is set and known. */
export function describeBootstrap(result: Bootstrap, base: string): string[] {
  switch (result.kind) {
    case 'none':
      // Keys exist already (a second start): the first key was shown once; say how to get another.
      return [
        'API keys are stored already (the first admin key was shown once, at the first start). A key for the map:',
        '  npm run keys -- create --name NAME --role viewer|editor|admin   then open ' + `${base}/#key=<the key>`,
        '  (list: npm run keys -- list, revoke: npm run keys -- revoke ID)',
      ];
    case 'generated':
      return [
        `No API key yet: created the admin key "${result.record.name}". It is shown ONLY THIS ONCE (only its hash is stored) — keep it safe:`,
        `  ${result.key}`,
        `Open the map with it: ${base}/#key=${result.key}`,
        'More keys: npm run keys -- create --name NAME --role viewer|editor|admin  (list: npm run keys -- list, revoke: npm run keys -- revoke ID),',
        'or the createApiKey mutation as an admin.',
      ];
    case 'provided-stored':
      return [
        `Stored ADMIN_API_KEY (hashed) as the admin key "${result.record.name}".` +
          (result.replaced ? ` The previous ADMIN_API_KEY (${result.replaced.id}) is revoked.` : ''),
      ];
    case 'provided-present':
      return result.record.revokedAt
        ? [
            `ADMIN_API_KEY was revoked at ${result.record.revokedAt} and stays revoked: set another one or use npm run keys.`,
          ]
        : [];
  }
}
