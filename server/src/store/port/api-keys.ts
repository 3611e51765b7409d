/** API keys (part of the NetworkStore port; store/embedded/api-keys.ts, store/neo4j/api-keys.ts). */
import type { ApiKeyRecord, NewApiKeyInput } from '../../domain/records';

export interface ApiKeyStore {
  /**
   * Stores a new key (id generated, createdAt now). Bad name, role or hash: BAD_USER_INPUT naming
   * the field; an active key of the same name or a key with the same hash: CONFLICT.
   */
  createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord>;
  /** Every key, revoked ones too, oldest first (createdAt, then id). */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** The key with this hash, revoked or not; null when there is none. */
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  /** Marks the key revoked (a revoked key keeps its first revokedAt). Unknown id: NOT_FOUND (field `id`). */
  revokeApiKey(id: string): Promise<ApiKeyRecord>;
  /** Sets lastUsedAt; an unknown id changes nothing. */
  touchApiKey(id: string, at: string): Promise<void>;
}
