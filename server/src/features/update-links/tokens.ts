/**
 * Tokens of personal update links: `qu_` + 32 random bytes in base64url (256 bits), stored only as
 * their SHA-256 hash — the reasoning of API keys (auth/api-keys.ts): a high-entropy random secret
 * needs no slow hash, and lookups go by the hash so the token is never kept or compared.
 */
import { createHash, randomBytes } from 'node:crypto';

export const UPDATE_TOKEN_PREFIX = 'qu_';
const TOKEN = /^qu_[A-Za-z0-9_-]{43}$/;

export function generateUpdateToken(): string {
  return UPDATE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Whether a credential has the shape of an update token (anything else is refused unread). */
export function looksLikeUpdateToken(value: string): boolean {
  return TOKEN.test(value);
}

export function hashUpdateToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Days a new link stays valid: UPDATE_LINK_DAYS (1–365), 30 by default. */
export function defaultLinkDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.UPDATE_LINK_DAYS ?? 30);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : 30;
}

/** The page address with the token in the fragment (browsers never send a fragment to the server). */
export function updateLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/update/#token=${token}`;
}
