/**
 * API keys: `qn_` + 32 random bytes in base64url (256 bits). Only the SHA-256 hash of a key is
 * stored. A fast hash is right here: the key is a high-entropy random secret, so there is nothing
 * to guess and no dictionary to try; slow password hashes (bcrypt, scrypt, argon2) exist to protect
 * low-entropy passwords and would only cost time on every request. Lookups go by the hash, so the
 * plain key is never compared or kept anywhere.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRecord, NetworkStore } from '../../store/network-store';
import type { Role } from '../../domain/roles';

export const API_KEY_PREFIX = 'qn_';
const SECRET_BYTES = 32;
/** Characters after the prefix in a generated key (32 bytes of base64url, unpadded). */
export const API_KEY_SECRET_LENGTH = Math.ceil((SECRET_BYTES * 8) / 6);
/** The shortest secret accepted for a key given from outside (ADMIN_API_KEY): 192 bits of base64url. */
export const MIN_PROVIDED_SECRET_LENGTH = 32;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
}

/** Whether a bearer credential is meant as an API key (the rest are JWTs). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

/** The stored form of a key: SHA-256, hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface IssuedApiKey {
  /** The plain key: shown once, never stored. */
  key: string;
  record: ApiKeyRecord;
}

/** Creates a key and stores its hash with name and role (BAD_USER_INPUT / CONFLICT from the store). */
export async function issueApiKey(store: NetworkStore, input: { name: string; role: Role }): Promise<IssuedApiKey> {
  const key = generateApiKey();
  const record = await store.createApiKey({ name: input.name, role: input.role, hash: hashApiKey(key) });
  return { key, record };
}
