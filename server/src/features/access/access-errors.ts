/**
 * The two refusals of access control, as GraphQL errors with stable codes (formatError passes
 * coded errors on as they are):
 * - UNAUTHENTICATED: no acceptable credential. HTTP 401 with `WWW-Authenticate: Bearer`, for a bad
 *   credential (refused before the operation runs) and for none at all (refused by the auth checker).
 * - FORBIDDEN: the principal's role is too low for a field. HTTP stays 200: the rest of the answer
 *   is still given (e.g. an actor without its `contact`).
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

export function unauthenticatedError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="quartiernetz"']]) },
    },
  });
}

export function forbiddenError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
