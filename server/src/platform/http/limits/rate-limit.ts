/**
 * A rate limit per client on the API (express-rate-limit, in memory: one server process): at most
 * `max` requests per `windowMs`, counted per API principal when the request is authenticated
 * (`res.locals.principal.id`, set by the authentication middleware in front of this one), else per
 * IP address (IPv6 by /56 subnet, as express-rate-limit advises). Over the limit: HTTP 429 with
 * `Retry-After` and a JSON GraphQL error coded RATE_LIMITED; the standard `RateLimit` and
 * `RateLimit-Policy` headers (IETF draft 8) tell every client where it stands.
 *
 * Refused credentials (unknown, revoked or malformed API keys, bad tokens) are counted too, per IP
 * address, by a second limiter IN FRONT of authentication (refusedCredentialLimiter): once an
 * address has had `max` credentials refused in a window, its requests with a credential answer 429
 * before the key is hashed and looked up. A refused credential's 401 carries that budget's
 * `RateLimit` headers (policy "refused-credentials"); accepted requests carry the per-principal
 * policy's ("requests").
 */
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import type { RateLimitConfig } from '../../config';
import { sendGraphQLError } from './request-errors';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Who is counted: the authenticated principal, else the client's address. */
export function rateLimitKey(request: Request, res: Response): string {
  const principal = (res.locals as { principal?: { id?: unknown } }).principal;
  if (principal && typeof principal.id === 'string' && principal.id !== '') return `principal:${principal.id}`;
  return `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`;
}

/** Set by the authentication middleware when it refuses the request's credential (401). */
export const CREDENTIAL_REFUSED = 'credentialRefused';
/** Where the refused-credential budget of the request is left (request by express-rate-limit, res.locals for the 401). */
const REFUSED_INFO = 'refusedCredentialBudget';
const REFUSED_POLICY = 'refused-credentials';

function refusal(res: Response, config: RateLimitConfig, what: string, retryAfter: number): void {
  sendGraphQLError(
    res,
    429,
    `Too many ${what}: at most ${config.max} per ${config.windowMs / 1000} s; try again later`,
    {
      code: RATE_LIMITED,
      limit: config.max,
      windowSeconds: config.windowMs / 1000,
      ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
    },
  );
}

/** The middleware, or null when the limit is off (`max` 0). */
export function rateLimiter(config: RateLimitConfig): RequestHandler | null {
  if (config.max <= 0) return null;
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: rateLimitKey,
    identifier: 'requests',
    // express-rate-limit has set Retry-After (seconds until this client's window ends).
    handler: (_req, res) => refusal(res, config, 'requests', Number(res.getHeader('retry-after'))),
  });
}

/** The draft-8 `RateLimit` headers of the refused-credential budget, from the info express-rate-limit left on the request. */
function setRefusedCredentialHeaders(res: Response, info: RateLimitInfo, config: RateLimitConfig): number {
  const windowSeconds = Math.ceil(config.windowMs / 1000);
  const reset = info.resetTime ? Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : windowSeconds;
  res.setHeader('RateLimit-Policy', `"${REFUSED_POLICY}"; q=${info.limit}; w=${windowSeconds}`);
  res.setHeader('RateLimit', `"${REFUSED_POLICY}"; r=${info.remaining}; t=${reset}`);
  return reset;
}

/** Sets the refused-credential budget's `RateLimit` headers on a 401 (no-op without the limiter). */
export function refusedCredentialHeaders(res: Response): void {
  const entry = res.locals[REFUSED_INFO] as { info: RateLimitInfo; config: RateLimitConfig } | undefined;
  if (entry) setRefusedCredentialHeaders(res, entry.info, entry.config);
}

/**
 * The limiter in front of authentication, or null when the limit is off: per IP address, counts
 * the requests whose credential was refused (the authentication middleware marks them); requests
 * without a credential pass uncounted, accepted ones are taken back when answered. Over the
 * budget, a request with a credential answers 429 RATE_LIMITED without its credential being
 * checked, so a flood of made-up keys costs neither hashes nor store lookups.
 */
export function refusedCredentialLimiter(
  config: RateLimitConfig,
  recentlyAccepted: (authorization: string) => boolean = () => false,
): RequestHandler | null {
  if (config.max <= 0) return null;
  const limiter = rateLimit({
    windowMs: config.windowMs,
    limit: config.max,
    // Set on 401s only (refusedCredentialHeaders): accepted requests show the "requests" policy.
    standardHeaders: false,
    legacyHeaders: false,
    requestPropertyName: REFUSED_INFO,
    keyGenerator: (request) => `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`,
    // Without a credential nothing is counted; a credential accepted a moment ago passes (no lockout of working clients).
    skip: (request) => request.headers.authorization === undefined || recentlyAccepted(request.headers.authorization),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_request, res) => res.locals[CREDENTIAL_REFUSED] !== true,
    handler: (req, res) => {
      const info = (req as unknown as Record<string, RateLimitInfo>)[REFUSED_INFO]!;
      const reset = setRefusedCredentialHeaders(res, info, config);
      res.setHeader('Retry-After', String(reset));
      refusal(res, config, 'refused credentials from this address', reset);
    },
  });
  return (req, res, next) =>
    limiter(req, res, (error?: unknown) => {
      const info = (req as unknown as Record<string, RateLimitInfo | undefined>)[REFUSED_INFO];
      if (info) res.locals[REFUSED_INFO] = { info, config };
      next(error);
    });
}
