/**
 * Errors the domain and the stores raise. Each carries a stable code that the GraphQL layer passes
 * on as `extensions.code`, so API clients can branch on it.
 */
export type DomainErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'STORE_UNAVAILABLE' | 'COMPUTING' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field the error is about, e.g. `name` or `participants[2].actorId`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: 'Actor' | 'Topic' | 'Collaboration' | 'ApiKey', id: string, field?: string) {
    super('NOT_FOUND', `${entity} "${id}" does not exist`, field);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field);
  }
}

/** The principal may use the operation, but not on this record (e.g. undo someone else's change). */
export class ForbiddenError extends DomainError {
  constructor(message: string, field?: string) {
    super('FORBIDDEN', message, field);
  }
}

/**
 * The database cannot be reached (connection refused or lost): nothing was written, the request
 * may be repeated once it is back. The message is for clients; `cause` holds the details for logs.
 */
export class StoreUnavailableError extends DomainError {
  constructor(store: string, options: { cause?: unknown } = {}) {
    super('STORE_UNAVAILABLE', `The database (${store}) is unreachable; nothing was changed, try again shortly`);
    this.cause = options.cause;
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field);
  }
}

/**
 * A result that is still being computed in the background (network insight on a large network):
 * ask again after `retryAfterSeconds`. Nothing is wrong with the request.
 */
export class ComputingError extends DomainError {
  constructor(
    what: string,
    readonly retryAfterSeconds: number,
  ) {
    super('COMPUTING', `${what} is being computed; ask again in ${retryAfterSeconds} s`);
  }
}

/**
 * Too many background computations are waiting (network insight: per principal or in all); ask
 * again after `retryAfterSeconds`, when a place is expected to be free. The same code as the HTTP
 * rate limit, so a client handles both alike.
 */
export class QueueFullError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}
