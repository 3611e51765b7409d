/**
 * API keys in the Neo4j store: `(:ApiKey {id, name, role, hash, createdAt, revokedAt, lastUsedAt})`
 * nodes, with no relationships to the network (no snapshot, count, history or export reads them);
 * id and hash are unique (constraints in API_KEY_SCHEMA, created by schema.ts). The name is unique
 * among active keys: creating a key first takes the write lock of one `(:ApiKeyLock)` node, so
 * two creations of the same name cannot both pass the check. Statements are parameterised constants;
 * they answer every field but the hash.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Role } from '../../domain/roles';
import { apiKeyDraft, nameTaken, publicPart } from '../../features/access/api-key-rules';
import type { ApiKeyRecord, NewApiKeyInput } from '../network-store';
import { numberField, optionalStringField, stringField } from './records';
import type { ApiKeyStore } from '../port/api-keys';
import { now, type Neo4jConnection } from './connection';

export const API_KEY_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE',
  'CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE',
  'CREATE CONSTRAINT api_key_lock_id IF NOT EXISTS FOR (l:ApiKeyLock) REQUIRE l.id IS UNIQUE',
];

/** Takes the creation lock, then answers whether the name is taken by an active key and the hash by any key. */
export const LOCK_AND_CHECK = `
MERGE (lock:ApiKeyLock {id: 'api-keys'})
SET lock.at = $createdAt
WITH lock
OPTIONAL MATCH (same:ApiKey {name: $name}) WHERE same.revokedAt IS NULL
WITH count(same) AS taken
OPTIONAL MATCH (twin:ApiKey {hash: $hash})
RETURN taken, count(twin) AS twins`;

export const CREATE_API_KEY = `
CREATE (k:ApiKey)
SET k = $key`;

export const LIST_API_KEYS = `
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt, k.revokedAt AS revokedAt, k.lastUsedAt AS lastUsedAt
ORDER BY k.createdAt, k.id`;

export const API_KEY_BY_HASH = `
MATCH (k:ApiKey {hash: $hash})
RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt, k.revokedAt AS revokedAt, k.lastUsedAt AS lastUsedAt`;

/** A revoked key keeps its first revokedAt. */
export const REVOKE_API_KEY = `
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $at)
RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt, k.revokedAt AS revokedAt, k.lastUsedAt AS lastUsedAt`;

export const TOUCH_API_KEY = `
MATCH (k:ApiKey {id: $id})
SET k.lastUsedAt = $at`;

function toRecord(r: Neo4jRecord): ApiKeyRecord {
  return {
    id: stringField(r, 'id'),
    name: stringField(r, 'name'),
    role: stringField(r, 'role') as Role,
    createdAt: stringField(r, 'createdAt'),
    revokedAt: optionalStringField(r, 'revokedAt'),
    lastUsedAt: optionalStringField(r, 'lastUsedAt'),
  };
}

export async function createApiKey(tx: ManagedTransaction, input: NewApiKeyInput): Promise<ApiKeyRecord> {
  const draft = apiKeyDraft(input);
  const [check] = (await tx.run(LOCK_AND_CHECK, { name: draft.name, hash: draft.hash, createdAt: draft.createdAt }))
    .records;
  if (numberField(check!, 'taken') > 0) throw new ConflictError(nameTaken(draft.name), 'name');
  if (numberField(check!, 'twins') > 0) throw new ConflictError('an API key with this hash exists already', 'hash');
  const key = { id: draft.id, name: draft.name, role: draft.role, hash: draft.hash, createdAt: draft.createdAt };
  await tx.run(CREATE_API_KEY, { key });
  return publicPart(draft);
}

export async function listApiKeys(tx: ManagedTransaction): Promise<ApiKeyRecord[]> {
  return (await tx.run(LIST_API_KEYS)).records.map(toRecord);
}

export async function findApiKeyByHash(tx: ManagedTransaction, hash: string): Promise<ApiKeyRecord | null> {
  const [r] = (await tx.run(API_KEY_BY_HASH, { hash })).records;
  return r ? toRecord(r) : null;
}

export async function revokeApiKey(tx: ManagedTransaction, id: string, at: string): Promise<ApiKeyRecord> {
  const [r] = (await tx.run(REVOKE_API_KEY, { id, at })).records;
  if (!r) throw new NotFoundError('ApiKey', id, 'id');
  return toRecord(r);
}

export async function touchApiKey(tx: ManagedTransaction, id: string, at: string): Promise<void> {
  await tx.run(TOUCH_API_KEY, { id, at });
}

/** API keys of the Neo4j store (port/api-keys.ts). */
export function neo4jApiKeys(db: Neo4jConnection): ApiKeyStore {
  return {
    createApiKey: (input: NewApiKeyInput) => db.write((tx) => createApiKey(tx, input)),
    listApiKeys: () => db.read((tx) => listApiKeys(tx)),
    findApiKeyByHash: (hash: string) => db.read((tx) => findApiKeyByHash(tx, hash)),
    revokeApiKey: (id: string) => db.write((tx) => revokeApiKey(tx, id, now())),
    async touchApiKey(id: string, at: string): Promise<void> {
      await db.write((tx) => touchApiKey(tx, id, at));
    },
  };
}
