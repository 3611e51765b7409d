/**
 * How the benches get past access control: the in-process server accepts JWTs signed with a
 * secret made for this run, and every request carries an admin token — verifying it needs no
 * store call, so the store calls counted per request stay those of the request itself.
 */
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { generateApiKey } from '../server/src/features/access/api-keys';
import type { AuthConfig } from '../server/src/features/access/authenticate';
import type { Principal } from '../server/src/features/access/principal';

const secret = randomBytes(32).toString('base64url');

export const BENCH_AUTH: AuthConfig = {
  anonymousAccess: 'none',
  jwt: { secret, issuer: null, audience: null, roleClaim: 'role' },
};

/** `Authorization` for requests to a server built with BENCH_AUTH. */
export function benchHeaders(): Record<string, string> {
  return {
    authorization: `Bearer ${jwt.sign({ sub: 'bench', role: 'admin' }, secret, { algorithm: 'HS256', expiresIn: '1d' })}`,
  };
}

/** For in-process requests (no HTTP, no token). */
export const BENCH_PRINCIPAL: Principal = { id: 'bench', name: 'bench', role: 'ADMIN', via: 'jwt' };

/** An admin key for a spawned server (given as ADMIN_API_KEY, stored hashed at its start). */
export const BENCH_ADMIN_KEY = generateApiKey();
