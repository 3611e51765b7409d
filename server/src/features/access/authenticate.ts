/**
 * Who is asking: reads `Authorization: Bearer <credential>` — an API key (recognised by its `qn_`
 * prefix, looked up by its hash) or a JWT. A credential that is present but not acceptable throws
 * CredentialError (the HTTP layer answers 401); it is never downgraded to anonymous. Without a
 * credential the principal is the anonymous viewer when ANONYMOUS_ACCESS=viewer, else null (and
 * every operation then answers UNAUTHENTICATED).
 */
import type { NetworkStore } from '../../store/network-store';
import { hashApiKey, looksLikeApiKey } from './api-keys';
import { CredentialError } from './credential-error';
import { JwtVerifier, type JwtConfig } from './jwt';
import { ANONYMOUS_VIEWER, type Principal } from './principal';

export type AnonymousAccess = 'none' | 'viewer';

export interface AuthConfig {
  anonymousAccess: AnonymousAccess;
  /** null: JWTs are not accepted. */
  jwt: JwtConfig | null;
}

/** A key's `lastUsedAt` is written at most this often (a write per request would cost an fsync each). */
export const TOUCH_INTERVAL_MS = 60_000;

type Headers = { [name: string]: string | string[] | undefined };

/** The bearer credential of the headers; null when there is no Authorization header. */
export function bearerCredential(headers: Headers): string | null {
  const raw = headers.authorization;
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (!match) throw new CredentialError('the Authorization header must be "Bearer <API key or token>"');
  return match[1]!;
}

/** How long an accepted credential passes the budget of refused credentials (see recentlyAccepted). */
const RECENTLY_ACCEPTED_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;

export class Authenticator {
  private readonly touched = new Map<string, number>();
  /** SHA-256 of recently accepted credentials → when. */
  private readonly accepted = new Map<string, number>();
  private readonly jwt: JwtVerifier | null;

  constructor(
    private readonly store: NetworkStore,
    private readonly config: AuthConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.jwt = config.jwt ? new JwtVerifier(config.jwt) : null;
  }

  async authenticate(headers: Headers): Promise<Principal | null> {
    const credential = bearerCredential(headers);
    if (credential === null) return this.config.anonymousAccess === 'viewer' ? ANONYMOUS_VIEWER : null;
    const principal = looksLikeApiKey(credential) ? await this.apiKey(credential) : this.verifyJwt(credential);
    this.rememberAccepted(credential);
    return principal;
  }

  /**
   * Whether this Authorization header's credential was accepted within the last few minutes: such
   * requests pass the budget of refused credentials of their address (limits/rate-limit.ts), so a
   * flood of made-up keys from one address (or one proxy) does not lock out the clients that work.
   * It only skips that budget; the credential is checked as always.
   */
  recentlyAccepted(authorization: string | undefined): boolean {
    const credential = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
    if (!credential) return false;
    const at = this.accepted.get(hashApiKey(credential));
    return at !== undefined && this.now() - at < RECENTLY_ACCEPTED_MS;
  }

  private rememberAccepted(credential: string): void {
    const hash = hashApiKey(credential);
    this.accepted.delete(hash);
    this.accepted.set(hash, this.now());
    // Oldest first (a Map keeps insertion order): bounded memory.
    if (this.accepted.size > MAX_REMEMBERED) this.accepted.delete(this.accepted.keys().next().value!);
  }

  private verifyJwt(credential: string): Principal {
    if (!this.jwt) throw new CredentialError('this server accepts API keys only (JWT_SECRET is not set)');
    return this.jwt.verify(credential);
  }

  private async apiKey(key: string): Promise<Principal> {
    const record = await this.store.findApiKeyByHash(hashApiKey(key));
    if (!record) throw new CredentialError('unknown API key');
    if (record.revokedAt) throw new CredentialError('this API key has been revoked');
    await this.touch(record.id);
    return { id: record.id, name: record.name, role: record.role, via: 'api-key' };
  }

  /** Records when a key was last used, at most every TOUCH_INTERVAL_MS; a failure does not refuse the request. */
  private async touch(id: string): Promise<void> {
    const now = this.now();
    const last = this.touched.get(id);
    if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
    this.touched.set(id, now);
    try {
      await this.store.touchApiKey(id, new Date(now).toISOString());
    } catch (error) {
      console.error('Recording the use of an API key failed:', error);
    }
  }
}
