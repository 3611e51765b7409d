/**
 * Bearer JWTs from an identity provider the district already runs: HS256 only (the algorithm is
 * pinned, so neither `none` nor an algorithm switch is accepted), signed with JWT_SECRET; issuer
 * and audience are checked when configured; the role comes from one claim (JWT_ROLE_CLAIM,
 * default `role`): `viewer`, `editor` or `admin`, in small letters or capitals and spelled exactly
 * (roles.ts parseRole), or a list of them (the highest counts). The principal is the token's
 * `sub`, taken as it is: one that is empty, longer than MAX_SUBJECT_LENGTH, starts or ends with
 * white space, or holds control, bidi-control or invisible characters is refused (it becomes the
 * author in the history, where "alice\u200b" must not pass for "alice").
 *
 * A token must expire: one with `exp` is accepted until then; one without `exp` only with an `iat`
 * (not in the future) and only for JWT_MAX_AGE_SECONDS after it (0: tokens without `exp` are
 * refused).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { forbiddenCharacter } from '../../domain/validation';
import { CredentialError } from './credential-error';
import type { Principal } from './principal';
import { highestRole, parseRole, type Role } from '../../domain/roles';

export interface JwtConfig {
  secret: string;
  issuer: string | null;
  audience: string | null;
  /** The claim that holds the role. */
  roleClaim: string;
  /** How long a token without `exp` is accepted after its `iat`, in seconds; 0 refuses such tokens. Default DEFAULT_JWT_MAX_AGE_SECONDS. */
  maxAgeSeconds?: number;
}

/** JWT_MAX_AGE_SECONDS when not set: a day. */
export const DEFAULT_JWT_MAX_AGE_SECONDS = 24 * 3600;

export const JWT_ALGORITHM = 'HS256';
/** Longest `sub` accepted (it becomes the author in the history). */
export const MAX_SUBJECT_LENGTH = 200;
/** Seconds of clock difference between the token's issuer and this server that are forgiven. */
const CLOCK_TOLERANCE_SECONDS = 5;

function roleFromClaim(value: unknown): Role | null {
  if (Array.isArray(value)) return highestRole(value.map(parseRole).filter((r): r is Role => r !== null));
  return parseRole(value);
}

/** Tokens kept as verified (the oldest forgotten first). */
export const VERIFIED_TOKENS_KEPT = 10_000;

/** When a verified token is acceptable, in seconds since the epoch: from ≤ now < until. */
interface Verified {
  principal: Principal;
  from: number;
  until: number;
}

/** Verifies tokens against one configuration. */
export class JwtVerifier {
  /**
   * The secret as a KeyObject, made once: given as a string, jsonwebtoken makes one on every call,
   * which measured ~0.45 ms per verification against ~0.01 ms with this one.
   */
  private readonly key: KeyObject;
  /**
   * Tokens verified before, by their text: a client sends the same token with every request, and
   * its signature and claims cannot change — only the clock moves, so only the token's time window
   * is checked again (verifying took 0.58 s of CPU over 4,000 requests in a profile at load ~8).
   * A token outside its window is verified anew and refused with the library's reason.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly config: JwtConfig) {
    this.key = createSecretKey(Buffer.from(config.secret, 'utf8'));
  }

  /** Verifies the token and answers its principal; CredentialError for anything not acceptable. */
  verify(token: string): Principal {
    const now = Date.now() / 1000;
    const known = this.verified.get(token);
    if (known && known.from <= Math.floor(now) && now < known.until) return known.principal;
    this.verified.delete(token);
    const { principal, payload } = principalOf(token, this.key, this.config);
    const maxAge = this.config.maxAgeSeconds ?? DEFAULT_JWT_MAX_AGE_SECONDS;
    this.verified.set(token, {
      principal,
      from: typeof payload.nbf === 'number' ? payload.nbf - CLOCK_TOLERANCE_SECONDS : -Infinity,
      // As jsonwebtoken checks `exp` and checkLifetime the age of a token without it.
      until:
        typeof payload.exp === 'number'
          ? payload.exp + CLOCK_TOLERANCE_SECONDS
          : (payload.iat as number) + maxAge + CLOCK_TOLERANCE_SECONDS,
    });
    if (this.verified.size > VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    return principal;
  }
}

/** A token without `exp` needs an `iat`, not in the future and at most `maxAge` seconds ago. */
function checkLifetime(payload: jwt.JwtPayload, maxAge: number): void {
  if (payload.exp !== undefined) return; // checked by jsonwebtoken
  if (maxAge <= 0) throw new CredentialError('the token has no expiry (exp)');
  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) {
    throw new CredentialError('the token has neither an expiry (exp) nor an issue time (iat)');
  }
  const now = Date.now() / 1000;
  if (payload.iat > now + CLOCK_TOLERANCE_SECONDS)
    throw new CredentialError('the token was issued in the future (iat)');
  if (now - payload.iat > maxAge + CLOCK_TOLERANCE_SECONDS) {
    throw new CredentialError(`the token has expired: it has no exp and was issued more than ${maxAge} s ago`);
  }
}

function principalOf(
  token: string,
  key: KeyObject,
  config: JwtConfig,
): { principal: Principal; payload: jwt.JwtPayload } {
  let payload: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, key, {
      algorithms: [JWT_ALGORITHM],
      issuer: config.issuer ?? undefined,
      audience: config.audience ?? undefined,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (typeof decoded === 'string') throw new CredentialError('the token has no claims');
    payload = decoded;
    checkLifetime(payload, config.maxAgeSeconds ?? DEFAULT_JWT_MAX_AGE_SECONDS);
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    if (error instanceof jwt.TokenExpiredError) throw new CredentialError('the token has expired');
    if (error instanceof jwt.NotBeforeError) throw new CredentialError('the token is not valid yet');
    // Signature, algorithm, issuer, audience, malformed: the library's message names which.
    throw new CredentialError(`the token is not accepted: ${(error as Error).message}`);
  }
  const subject = typeof payload.sub === 'string' ? payload.sub : '';
  if (!subject) throw new CredentialError('the token has no subject (sub)');
  if (subject.length > MAX_SUBJECT_LENGTH)
    throw new CredentialError(`the token's subject is longer than ${MAX_SUBJECT_LENGTH} characters`);
  if (subject.trim() !== subject) throw new CredentialError("the token's subject starts or ends with white space");
  const bad = forbiddenCharacter(subject);
  if (bad) throw new CredentialError(`the token's subject holds ${bad}`);
  const role = roleFromClaim(payload[config.roleClaim]);
  if (!role)
    throw new CredentialError(`the token's "${config.roleClaim}" claim names no role (viewer, editor or admin)`);
  return { principal: { id: subject, name: subject, role, via: 'jwt' }, payload };
}
