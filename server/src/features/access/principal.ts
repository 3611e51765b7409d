/**
 * Who a request acts as: the holder of an API key, the subject of a JWT, or (when configured) an
 * anonymous viewer. The history records writes under `authorOf(principal)`.
 */
import { ANONYMOUS_AUTHOR } from '../history/history-rules';
import type { Role } from '../../domain/roles';

export type AuthMethod = 'api-key' | 'jwt' | 'anonymous';

export interface Principal {
  /** The API key's id, the JWT's `sub`, or "anonymous". */
  id: string;
  /** The API key's name, the JWT's `sub`, or "anonymous". */
  name: string;
  role: Role;
  via: AuthMethod;
}

export const ANONYMOUS_VIEWER: Principal = Object.freeze({
  id: ANONYMOUS_AUTHOR,
  name: ANONYMOUS_AUTHOR,
  role: 'VIEWER',
  via: 'anonymous',
});

/**
 * The author recorded in the history: `key:<name>` for an API key, `jwt:<sub>` for a token, so
 * a token's subject can never pose as a key of the same name; "anonymous" without a principal.
 */
export function authorOf(principal: Principal | null): string {
  if (!principal || principal.via === 'anonymous') return ANONYMOUS_AUTHOR;
  return principal.via === 'api-key' ? `key:${principal.name}` : `jwt:${principal.name}`;
}
