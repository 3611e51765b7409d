/**
 * Rules of API-key records shared by both adapters, so they accept and refuse the same inputs.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../../domain/errors';
import { normalizeText, textProblem } from '../../domain/validation';
import { ROLES } from '../../domain/roles';
import type { ApiKeyRecord, NewApiKeyInput } from '../../domain/records';

export const MAX_API_KEY_NAME = 100;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface ApiKeyDraft extends ApiKeyRecord {
  hash: string;
}

/** Checks the input and answers the record to store: id generated, name trimmed, not revoked, never used. */
export function apiKeyDraft(input: NewApiKeyInput, at = new Date().toISOString()): ApiKeyDraft {
  // NFC and the text rule of every name (domain/validation.ts): control, bidi or only invisible
  // characters would make the name unreadable or misleading in logs and in the history's `key:<name>`.
  const name = typeof input.name === 'string' ? normalizeText(input.name.trim()) : '';
  if (name === '') throw new BadInputError('the name of an API key must not be empty', 'name');
  if (name.length > MAX_API_KEY_NAME)
    throw new BadInputError(`the name of an API key must be at most ${MAX_API_KEY_NAME} characters`, 'name');
  const problem = textProblem(name, false);
  if (problem) throw new BadInputError(`the name of an API key ${problem}`, 'name');
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new BadInputError(`unknown role "${String(input.role)}"`, 'role');
  if (typeof input.hash !== 'string' || !SHA256_HEX.test(input.hash))
    throw new BadInputError('the hash must be SHA-256 in lower-case hex', 'hash');
  return {
    id: randomUUID(),
    name,
    role: input.role,
    hash: input.hash,
    createdAt: at,
    revokedAt: null,
    lastUsedAt: null,
  };
}

export const nameTaken = (name: string) => `an active API key named "${name}" exists already`;

/** The record without its hash (the hash stays inside the store). */
export function publicPart(draft: ApiKeyDraft): ApiKeyRecord {
  return {
    id: draft.id,
    name: draft.name,
    role: draft.role,
    createdAt: draft.createdAt,
    revokedAt: draft.revokedAt,
    lastUsedAt: draft.lastUsedAt,
  };
}
