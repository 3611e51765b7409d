/**
 * How errors leave the API: every error has a stable `extensions.code`.
 * - DomainError (store, service): its code (BAD_USER_INPUT, NOT_FOUND, CONFLICT, COMPUTING) and
 *   `field`; COMPUTING also `retryAfterSeconds`;
 * - class-validator failures: BAD_USER_INPUT with the first failing field named and all listed;
 * - anything else: INTERNAL_SERVER_ERROR with a generic message (details go to the log only).
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ComputingError, DomainError } from '../domain/errors';

interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;

  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original instanceof ComputingError ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
      },
    };
  }

  const validationErrors = (original as { extensions?: { validationErrors?: ValidationError[] } })?.extensions?.validationErrors;
  if (Array.isArray(validationErrors)) {
    const problems = flatten(validationErrors);
    const first = problems[0];
    return {
      message: first ? `Invalid input: ${first.messages.join('; ')}` : 'Invalid input',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: first?.field, problems },
    };
  }

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;

  log('Unexpected error while answering a GraphQL request:', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
