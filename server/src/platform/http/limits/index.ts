/**
 * Limits against abusive requests, in two places: on the Express route in front of Apollo (rate,
 * body size and JSON, batches, tokens: requestLimits) and inside Apollo (depth, cost, aliases,
 * directives: queryLimitRules as validation rules). README, "Limits", lists each with its variable
 * and error code.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { LimitsConfig } from '../../config';
import { tokenLimit } from './query-limits';
import { rateLimiter } from './rate-limit';
import { bodyErrors, refuseBatches } from './request-errors';

export { QUERY_TOO_COMPLEX, QueryLimitError, queryLimitRules } from './query-limits';
export {
  CREDENTIAL_REFUSED,
  RATE_LIMITED,
  rateLimiter,
  refusedCredentialHeaders,
  refusedCredentialLimiter,
} from './rate-limit';
export { BAD_REQUEST, BATCH_NOT_SUPPORTED, PAYLOAD_TOO_LARGE } from './request-errors';

/**
 * The middleware of the /graphql route between authentication (which names the principal the
 * rate limit counts) and Apollo, in order: rate limit, body (size, JSON), batches, tokens. (The
 * limit on refused credentials, refusedCredentialLimiter, stands in front of authentication.)
 */
export function requestLimits(limits: LimitsConfig, bodyLimit: string): Array<RequestHandler | ErrorRequestHandler> {
  const limiter = rateLimiter(limits.rateLimit);
  return [
    ...(limiter ? [limiter] : []),
    express.json({ limit: bodyLimit }),
    bodyErrors(),
    refuseBatches(),
    tokenLimit(limits.query.maxTokens),
  ];
}
