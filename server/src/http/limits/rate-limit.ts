/**
 * A rate limit per client on the API (express-rate-limit, in memory: one server process): at most
 * `max` requests per `windowMs`, counted per API principal when the request is authenticated
 * (`res.locals.principal.id`, set by the authentication middleware in front of this one), else per
 * IP address (IPv6 by /56 subnet, as express-rate-limit advises). Over the limit: HTTP 429 with
 * `Retry-After` and a JSON GraphQL error coded RATE_LIMITED; the standard `RateLimit` and
 * `RateLimit-Policy` headers (IETF draft 8) tell every client where it stands.
 */
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RateLimitConfig } from '../../config';
import { sendGraphQLError } from './request-errors';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Who is counted: the authenticated principal, else the client's address. */
export function rateLimitKey(request: Request, res: Response): string {
  const principal = (res.locals as { principal?: { id?: unknown } }).principal;
  if (principal && typeof principal.id === 'string' && principal.id !== '') return `principal:${principal.id}`;
  return `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`;
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
    handler: (_req, res) => {
      // express-rate-limit has set Retry-After (seconds until this client's window ends).
      const retryAfter = Number(res.getHeader('retry-after'));
      sendGraphQLError(res, 429, `Too many requests: at most ${config.max} per ${config.windowMs / 1000} s; try again later`, {
        code: RATE_LIMITED,
        limit: config.max,
        windowSeconds: config.windowMs / 1000,
        ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
      });
    },
  });
}
