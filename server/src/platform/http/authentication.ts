/**
 * Who is asking, decided once per HTTP request before anything else runs: the principal of the
 * request's credential (server/src/features/access) goes into `res.locals.principal`, where the GraphQL
 * context, the rate limit and the download routes read it. A credential that is present but refused
 * answers 401 UNAUTHENTICATED right here — never treated as anonymous — and is marked for the limit
 * on refused credentials in front of this middleware (limits/rate-limit.ts), whose `RateLimit`
 * headers the 401 carries.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Authenticator } from '../../features/access/authenticate';
import { CredentialError } from '../../features/access/credential-error';
import type { Principal } from '../../features/access/principal';
import { roleAtLeast, type Role } from '../../domain/roles';
import { StoreUnavailableError } from '../../domain/errors';
import { CREDENTIAL_REFUSED, refusedCredentialHeaders } from './limits/rate-limit';

const WWW_AUTHENTICATE = 'Bearer realm="quartiernetz"';
/** What a client is told to wait when the store is unreachable. */
const STORE_RETRY_AFTER_SECONDS = 5;

/** The principal the authentication middleware found (null: no credential, no anonymous access). */
export function principalOf(res: Response): Principal | null {
  return (res.locals.principal as Principal | null | undefined) ?? null;
}

function refuse(res: Response, status: 401 | 403, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function authenticateRequests(authenticator: Authenticator): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.principal = await authenticator.authenticate(req.headers);
      next();
    } catch (error) {
      if (error instanceof CredentialError) {
        res.locals[CREDENTIAL_REFUSED] = true;
        refusedCredentialHeaders(res);
        refuse(res, 401, 'UNAUTHENTICATED', `Credential refused: ${error.message}`);
      } else if (error instanceof StoreUnavailableError) {
        // API keys are looked up in the store: while it is unreachable a key cannot be checked.
        res.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
        res.status(503).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      } else next(error);
    }
  };
}

/** Lets the request on only with a principal of at least `role` (routes outside GraphQL). */
export function requireRole(role: Role): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const principal = principalOf(res);
    if (!principal)
      refuse(res, 401, 'UNAUTHENTICATED', 'A credential is required: send Authorization: Bearer <API key or token>.');
    else if (!roleAtLeast(principal.role, role)) refuse(res, 403, 'FORBIDDEN', `This needs the role ${role}.`);
    else next();
  };
}
