/**
 * What leaves the adapter when something fails: DomainErrors unchanged; a uniqueness-constraint
 * violation (a concurrent write won the race past our explicit check) as CONFLICT; an unreachable
 * server or a lost connection as STORE_UNAVAILABLE (the details, with the URI, in its `cause`);
 * refused credentials as a plain Error with a clear message; any other driver error as a
 * plain Error carrying the Neo4j code in its message (the driver error stays as `cause` for logs).
 */
import { ConflictError, DomainError, StoreUnavailableError } from '../../domain/errors';

const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const UNAUTHORIZED_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when the error says the server could not be reached (or the connection was lost). */
export function isUnreachable(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && UNREACHABLE_CODES.has(code);
}

/** Translates any error thrown by a driver call of the store at `uri` (see the module comment). */
export function translateError(error: unknown, uri: string): Error {
  if (error instanceof DomainError) return error;
  const code = codeOf(error);
  const message = messageOf(error);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return new StoreUnavailableError('Neo4j', {
      cause: new Error(`Neo4j is not reachable at ${uri}: ${message}`, { cause: error }),
    });
  }
  if (code !== undefined && UNAUTHORIZED_CODES.has(code)) {
    return new Error(`Neo4j at ${uri} refused the credentials: ${message}`, { cause: error });
  }
  if (code === CONSTRAINT_VIOLATION) {
    // "Node(12) already exists with label `Topic` and property `slug` = 'garten'"
    const property = /property `([^`]+)`/.exec(message)?.[1];
    const label = /label `([^`]+)`/.exec(message)?.[1] ?? 'record';
    if (property === 'slug') {
      return new ConflictError(`a ${label} with the same slug already exists`, 'name');
    }
    return new ConflictError(`a ${label} with this id already exists`, 'id');
  }
  if (code !== undefined) {
    return new Error(`Neo4j failed (${code}): ${message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(message);
}
