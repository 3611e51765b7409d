/**
 * The endpoints of the update page, and nothing else a token opens: `POST /update-api/entry`
 * (the actor's entry, topics and names to pick from), `POST /update-api/answer` (an answer, stored
 * as proposals) and `POST /update-api/withdraw-consent`. The token travels in the Authorization
 * header (`Bearer qu_…`), never in a URL, so no access log holds it; a token is no credential of
 * /graphql or /export (authentication there knows only API keys and JWTs).
 *
 * In order: a rate limit per address (before the token is hashed), the body limit of the rest of
 * the API, the token (unknown, expired, revoked: 401 with a code saying which), a rate limit per
 * token. Errors answer `{ error: { code, field?, message } }`.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RateLimitConfig } from '../../platform/config';
import { DomainError } from '../../domain/errors';
import type { UpdateLinkRecord } from './update-link-rules';
import { LinkRefusedError, type UpdateLinkService } from './service';

export interface UpdateApiOptions {
  bodyLimit: string;
  /** Requests per address and window (the API's rate limit). */
  perAddress: RateLimitConfig;
  /** Requests per token and window. */
  perToken: RateLimitConfig;
}

export const DEFAULT_PER_TOKEN: RateLimitConfig = { max: 30, windowMs: 60_000 };

const REFUSAL_CODE = { UNKNOWN: 'LINK_UNKNOWN', EXPIRED: 'LINK_EXPIRED', REVOKED: 'LINK_REVOKED' } as const;

function send(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { code, message, ...(field !== undefined ? { field } : {}) } });
}

function limiter(config: RateLimitConfig, key: (req: Request, res: Response) => string, what: string) {
  if (config.max <= 0) return (_req: Request, _res: Response, next: NextFunction) => next();
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: what,
    keyGenerator: key,
    handler: (_req, res) => send(res, 429, 'RATE_LIMITED', `Too many requests ${what}; try again later`),
  });
}

const tokenOf = (req: Request): string => /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';

export function updateApiRouter(links: UpdateLinkService, options: UpdateApiOptions): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  router.use(limiter(options.perAddress, (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`, 'from this address'));
  router.use(express.json({ limit: options.bodyLimit }));
  router.use((error: { type?: unknown; status?: unknown }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error?.type === 'entity.too.large')
      return send(res, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${options.bodyLimit}`);
    return send(res, 400, 'BAD_REQUEST', 'The body is not valid JSON');
  });
  // The link of the token, or 401. Never the token itself in res.locals: only its record.
  router.use(async (req, res, next) => {
    try {
      res.locals.updateLink = await links.resolve(tokenOf(req));
      next();
    } catch (error) {
      if (error instanceof LinkRefusedError) return send(res, 401, REFUSAL_CODE[error.reason], error.message);
      next(error);
    }
  });
  router.use(
    limiter(
      options.perToken,
      (_req, res) => `link:${(res.locals.updateLink as UpdateLinkRecord).id}`,
      'through this link',
    ),
  );

  const handle =
    (work: (link: UpdateLinkRecord, req: Request) => Promise<unknown>) => async (req: Request, res: Response) => {
      try {
        res.json(await work(res.locals.updateLink as UpdateLinkRecord, req));
      } catch (error) {
        if (error instanceof LinkRefusedError) return send(res, 401, REFUSAL_CODE[error.reason], error.message);
        if (error instanceof DomainError) {
          return send(
            res,
            error.code === 'STORE_UNAVAILABLE' ? 503 : error.code === 'RATE_LIMITED' ? 429 : 400,
            error.code,
            error.message,
            error.field,
          );
        }
        // Logged without the request (its header holds the token).
        console.error('Update page request failed:', error instanceof Error ? error.message : 'unknown error');
        send(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong; nothing was changed');
      }
    };
  router.post(
    '/entry',
    handle((link) => links.entry(link)),
  );
  router.post(
    '/answer',
    handle((link, req) => links.answer(link, req.body)),
  );
  router.post(
    '/withdraw-consent',
    handle(async (link) => ({
      withdrawn: true,
      consents: (await links.withdrawConsent(link)).map(({ linkId: _l, ...c }) => c),
    })),
  );
  router.use((_req, res) => send(res, 404, 'NOT_FOUND', 'No such endpoint'));
  return router;
}
