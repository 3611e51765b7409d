/**
 * API keys in the embedded store: table `api_key` (migration 4), the SHA-256 hash of each key
 * unique, the name unique among the keys not revoked (a partial index, so a revoked key's name can
 * be given to its successor). Not part of the network: no snapshot, count or history reads it.
 */
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Role } from '../../domain/roles';
import { apiKeyDraft, nameTaken, publicPart } from '../../features/access/api-key-rules';
import type { ApiKeyRecord, NewApiKeyInput } from '../network-store';
import type { Sql } from './sql';
import type { ApiKeyStore } from '../port/api-keys';
import type { EmbeddedDatabase } from './database';

/** Migration 4 (schema.ts). */
export const API_KEY_MIGRATION = `
  CREATE TABLE api_key (
    id           TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN')),
    hash         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    last_used_at TEXT
  );
  CREATE UNIQUE INDEX api_key_active_name ON api_key (name) WHERE revoked_at IS NULL;
`;

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

const COLUMNS = 'id, name, role, created_at, revoked_at, last_used_at';

const toRecord = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

/** Inside the caller's write transaction. */
export function createApiKey(sql: Sql, input: NewApiKeyInput): ApiKeyRecord {
  const draft = apiKeyDraft(input);
  if (sql.get('SELECT 1 FROM api_key WHERE name = ? AND revoked_at IS NULL', draft.name))
    throw new ConflictError(nameTaken(draft.name), 'name');
  if (sql.get('SELECT 1 FROM api_key WHERE hash = ?', draft.hash))
    throw new ConflictError('an API key with this hash exists already', 'hash');
  sql.run(
    'INSERT INTO api_key (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)',
    draft.id,
    draft.name,
    draft.role,
    draft.hash,
    draft.createdAt,
  );
  return publicPart(draft);
}

export function listApiKeys(sql: Sql): ApiKeyRecord[] {
  return sql.all<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_key ORDER BY created_at, id`).map(toRecord);
}

export function findApiKeyByHash(sql: Sql, hash: string): ApiKeyRecord | null {
  const row = sql.get<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_key WHERE hash = ?`, hash);
  return row ? toRecord(row) : null;
}

/** Inside the caller's write transaction. */
export function revokeApiKey(sql: Sql, id: string, at: string): ApiKeyRecord {
  sql.run('UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id);
  const row = sql.get<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_key WHERE id = ?`, id);
  if (!row) throw new NotFoundError('ApiKey', id, 'id');
  return toRecord(row);
}

export function touchApiKey(sql: Sql, id: string, at: string): void {
  sql.run('UPDATE api_key SET last_used_at = ? WHERE id = ?', at, id);
}

/** API keys of the embedded store (port/api-keys.ts). */
export function embeddedApiKeys(d: EmbeddedDatabase): ApiKeyStore {
  return {
    createApiKey: async (input: NewApiKeyInput) => d.write(() => createApiKey(d.sql, input)),
    listApiKeys: async () => listApiKeys(d.sql),
    findApiKeyByHash: async (hash: string) => findApiKeyByHash(d.sql, hash),
    revokeApiKey: async (id: string) => d.write(() => revokeApiKey(d.sql, id, new Date().toISOString())),
    async touchApiKey(id: string, at: string): Promise<void> {
      d.writeUnsynced(() => touchApiKey(d.sql, id, at));
    },
  };
}
