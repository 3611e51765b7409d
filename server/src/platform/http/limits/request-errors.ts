/**
 * Refusals made on the HTTP route in front of Apollo, answered the way Apollo answers: a JSON body
 * `{ errors: [{ message, extensions: { code } }] }` with a fitting status — never Express's HTML
 * error page, whose text says nothing a client can branch on.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';
export const BAD_REQUEST = 'BAD_REQUEST';
export const BATCH_NOT_SUPPORTED = 'BATCH_NOT_SUPPORTED';

export function sendGraphQLError(
  res: Response,
  status: number,
  message: string,
  extensions: { code: string; [key: string]: unknown },
): void {
  res.status(status).json({ errors: [{ message, extensions }] });
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

/**
 * Errors of `express.json` (body-parser): a body over the limit answers 413 PAYLOAD_TOO_LARGE with
 * the limit in bytes, a body that is not JSON (or cannot be read) 4xx BAD_REQUEST. Anything else
 * is unexpected: logged, answered 500 INTERNAL_SERVER_ERROR without details.
 */
export function bodyErrors(
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): ErrorRequestHandler {
  return (error: BodyParserError, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (error?.type === 'entity.too.large') {
      const limit = typeof error.limit === 'number' ? error.limit : undefined;
      sendGraphQLError(res, 413, `The request body is larger than the limit${limit ? ` of ${limit} bytes` : ''}`, {
        code: PAYLOAD_TOO_LARGE,
        ...(limit ? { limit } : {}),
      });
    } else if (error?.type === 'entity.parse.failed') {
      sendGraphQLError(res, 400, 'The request body is not valid JSON', { code: BAD_REQUEST });
    } else if (status >= 400 && status < 500) {
      sendGraphQLError(
        res,
        status,
        'The request body could not be read (content type, encoding or charset not supported, or the upload broke off)',
        { code: BAD_REQUEST },
      );
    } else {
      log('Unexpected error while reading a request:', error);
      sendGraphQLError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
    }
  };
}

/**
 * Apollo's batching (a JSON array of operations in one request) stays off: one request, one
 * operation, so that every per-request limit (cost, rate) means what it says. An array answers 400
 * BATCH_NOT_SUPPORTED instead of Apollo's generic BAD_REQUEST.
 */
export function refuseBatches(): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body)) {
      sendGraphQLError(res, 400, 'Batched requests are not supported: send one operation per request', {
        code: BATCH_NOT_SUPPORTED,
      });
      return;
    }
    next();
  };
}
