/**
 * A credential that was presented but cannot be accepted (unknown, revoked or malformed key; bad,
 * expired or foreign token). The HTTP layer answers it with 401 and code UNAUTHENTICATED — a
 * request with a bad credential is never treated as anonymous.
 */
export class CredentialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialError';
  }
}
