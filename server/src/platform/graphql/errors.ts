/**
 * How errors leave the API: every error has a stable `extensions.code`.
 * - DomainError (store, service): its code (BAD_USER_INPUT, NOT_FOUND, CONFLICT, COMPUTING) and
 *   `field`; COMPUTING and RATE_LIMITED (a full insight queue) also `retryAfterSeconds`;
 * - class-validator failures: BAD_USER_INPUT with the first failing field named and all listed;
 * - a GraphQLError raised with its own code (e.g. QUERY_TOO_COMPLEX from a validation rule): that
 *   code, even where Apollo wrapped it into its own (GRAPHQL_VALIDATION_FAILED);
 * - variables that do not fit the schema (Apollo: BAD_USER_INPUT): the field named from the path
 *   graphql-js reports;
 * - Apollo's refusals of a request without a code (HTTP 4xx): BAD_REQUEST;
 * - anything else: INTERNAL_SERVER_ERROR with a generic message (details go to the log only).
 */
import type { GraphQLFormattedError } from 'graphql';
import { RequestStoppedError } from './loaders';
import { GraphQLError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ComputingError, DomainError, QueueFullError } from '../../domain/errors';

interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix
      ? /^\d+$/.test(e.property)
        ? `${prefix}[${e.property}]`
        : `${prefix}.${e.property}`
      : e.property;
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
        ...(original instanceof ComputingError || original instanceof QueueFullError
          ? { retryAfterSeconds: original.retryAfterSeconds }
          : {}),
      },
    };
  }

  const validationErrors = (original as { extensions?: { validationErrors?: ValidationError[] } })?.extensions
    ?.validationErrors;
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

  if (original instanceof GraphQLError && original !== error) {
    const ownCode = original.extensions?.code;
    if (typeof ownCode === 'string' && ownCode !== 'INTERNAL_SERVER_ERROR') {
      // `http` (status and headers for Apollo's response) is for the server, not for the client.
      const { http: _http, ...own } = original.extensions;
      return { ...formatted, extensions: { ...formatted.extensions, ...own, code: ownCode } };
    }
  }

  const code = formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.field === undefined) {
    const field = variableField(formatted.message);
    if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
  }
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;

  // Apollo refuses some requests without a code but with a 4xx status (a persisted query whose
  // hash does not match): the client's mistake, not ours.
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  }

  // A batch of a request whose client went away: nobody reads this answer, nothing went wrong.
  if (original instanceof RequestStoppedError)
    return { message: original.message, path: formatted.path, extensions: { code: 'CLIENT_CLOSED_REQUEST' } };

  log('Unexpected error while answering a GraphQL request:', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The input field a variable coercion error is about, from graphql-js's message
 * `Variable "$input" got invalid value "X" at "input.kind"; …` → `kind` (the path inside a
 * variable named `input`, as the fields of mutation inputs are named elsewhere), else the variable
 * and its path: `$filter` … at "filter.from" → `filter.from`, `$first` → `first`.
 */
export function variableField(message: string): string | undefined {
  const variable = /^Variable "\$([_A-Za-z]\w*)"/.exec(message)?.[1];
  if (!variable) return undefined;
  // The path follows the (JSON-quoted, so never matching) value: ` at "input.participants[0].role"; `
  const path = new RegExp(` at "${variable}((?:\\.[_A-Za-z]\\w*|\\[\\d+\\])+)"; `).exec(message)?.[1];
  if (!path) return variable;
  return variable === 'input' ? path.replace(/^\./, '') : `${variable}${path}`;
}

/** Removes graphql-js's "Did you mean …?" hints, which name fields, types and values of the schema. */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean [^?]*\?/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
