/**
 * Executes operations with queries compiled by graphql-jit instead of graphql-js's interpreter.
 * graphql-js walks the document for every object of the answer (argument values, field lookup,
 * completion by type); a compiled query does that work once per document. Large answers (an ego
 * network of 4,000 nodes and edges, a hub's page) spent most of their time there.
 *
 * Apollo Server 5 takes a custom executor only through its `gateway` option: the gateway below hands
 * Apollo the schema once and the executor; parsing, validation, the plugins, errors' formatting and
 * the response stay Apollo's.
 *
 * Variables are coerced by graphql-js first, so a bad variable gets graphql-js's error, word for word.
 * graphql-jit's own coercion differs from it where input objects leave out fields with defaults (it
 * refuses them): operations with variables of input-object types are interpreted, as are long
 * documents (below), mutations, and a document of more than COMPILED_AT_FIRST_SIGHT characters the
 * first time it comes.
 */
import {
  execute,
  getNamedType,
  GraphQLError,
  isEnumType,
  isScalarType,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from './context';

interface ExecutorRequestContext {
  document: DocumentNode;
  source?: string;
  queryHash: string;
  operation?: OperationDefinitionNode;
  /**
   * As the client sent it. (The context's own `operationName` is the name of the operation Apollo
   * resolved, null when it resolved none: graphql-js must see the requested name to refuse it.)
   */
  request: { variables?: Record<string, unknown>; operationName?: string | null };
  context: unknown;
}

/** Documents whose way to run is kept (by their text; the least recently used is dropped first). */
export const COMPILED_QUERIES_KEPT = 200;

/**
 * At most this many characters of compiled documents are kept: a compiled query holds ~220 bytes
 * of code and closures per character of its document (446 kB for one of 2,000 characters,
 * 20–50 kB for the map page's and the bench's), so a client sending many different documents
 * cannot make it grow past ~20 MB.
 */
export const COMPILED_CHARACTERS_KEPT = 100_000;

/**
 * Longer documents are interpreted: compiling holds the event loop, about 1 ms per 100 characters
 * of a document and more than linearly above (a 3,200-character one took 60 ms). The map page's
 * longest is ~550 characters.
 */
export const COMPILED_QUERY_MAX_LENGTH = 2_000;

/**
 * Documents up to this length are compiled the first time they come; longer ones the second time.
 * A first answer interpreted allocates per field what a compiled one does not (graphql-js builds
 * each field's argument map, its path, its completion): the busiest actor's page with every
 * participant (57k rows) grew the heap by ~100 MB more than compiled, and that first answer set the
 * service's peak RSS (Neo4j at 100k actors, two runs each: 1,028 / 1,026 MB interpreted at first
 * sight, 968 / 961 compiled). Compiling a document of 400–800 characters took 1–4 ms once
 * graphql-jit had warmed up (13–36 ms for the first few in a process, load 7), so a short document
 * pays that once; a longer one waits until it comes again (a one-off long document would pay more
 * than linearly, and a client sending many of them should not make the server compile
 * each). The map page's documents are all shorter (the longest, the hand-over's, 636 characters).
 */
export const COMPILED_AT_FIRST_SIGHT = 800;

/** Interpreted: seen once (if longer than COMPILED_AT_FIRST_SIGHT), too long, or with variables graphql-jit would coerce otherwise. */
const INTERPRETED = Symbol('interpreted');

type Compiled = CompiledQuery | typeof INTERPRETED;

export class CompiledExecutor {
  private readonly compiled = new Map<string, Compiled>();
  /** The length of each compiled document kept, and their sum. */
  private readonly lengths = new Map<string, number>();
  private compiledCharacters = 0;
  /** Documents longer than COMPILED_AT_FIRST_SIGHT seen once: compiled when they come again. */
  private readonly seen = new Map<string, true>();

  /** `firstSight`: compile a document the first time it comes (tests: every query takes this path). */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly firstSight = false,
  ) {}

  execute = async (request: ExecutorRequestContext): Promise<ExecutionResult> => {
    const query = this.compiledFor(request);
    const variables = request.request.variables ?? {};
    if (query === INTERPRETED || !request.operation) {
      return execute({
        schema: this.schema,
        document: request.document,
        contextValue: request.context,
        variableValues: variables,
        operationName: request.request.operationName,
      });
    }
    const coerced = getVariableValues(this.schema, request.operation.variableDefinitions ?? [], variables, {
      maxErrors: 50,
    });
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, request.context, variables);
    if (!result.errors) return result;
    // graphql-js's order of the keys: errors first.
    return { errors: errorsToAnswer(result.errors, request.context).map(asGraphqlJsError), data: result.data };
  };

  /** The characters of the compiled documents kept (at most COMPILED_CHARACTERS_KEPT). */
  get keptCharacters(): number {
    return this.compiledCharacters;
  }

  /** How a document runs now: compiled, interpreted, or not decided yet (seen at most once). */
  modeOf(queryHash: string, operationName?: string | null): 'compiled' | 'interpreted' | undefined {
    const found = this.compiled.get(documentKey(queryHash, operationName));
    return found === undefined ? undefined : found === INTERPRETED ? 'interpreted' : 'compiled';
  }

  private compiledFor(request: ExecutorRequestContext): Compiled {
    const key = documentKey(request.queryHash, request.request.operationName);
    const found = this.compiled.get(key);
    if (found) {
      // Most recently used last.
      this.compiled.delete(key);
      this.compiled.set(key, found);
      return found;
    }
    const length = request.source?.length ?? Infinity;
    if (length > COMPILED_QUERY_MAX_LENGTH) return INTERPRETED;
    if (!this.firstSight && length > COMPILED_AT_FIRST_SIGHT && !this.seen.has(key)) {
      remember(this.seen, key, true);
      return INTERPRETED;
    }
    this.seen.delete(key);
    const query = this.plainVariables(request.operation)
      ? compileQuery(this.schema, request.document, request.request.operationName ?? undefined)
      : INTERPRETED;
    // A document graphql-jit cannot compile is interpreted, with graphql-js's errors.
    const kept = query !== INTERPRETED && isCompiledQuery(query) ? query : INTERPRETED;
    this.keep(key, kept, kept === INTERPRETED ? 0 : (request.source?.length ?? 0));
    return kept;
  }

  private keep(key: string, query: Compiled, length: number): void {
    this.compiled.set(key, query);
    this.lengths.set(key, length);
    this.compiledCharacters += length;
    while (this.compiled.size > COMPILED_QUERIES_KEPT || this.compiledCharacters > COMPILED_CHARACTERS_KEPT) {
      const oldest = this.compiled.keys().next().value as string;
      this.compiled.delete(oldest);
      this.compiledCharacters -= this.lengths.get(oldest) ?? 0;
      this.lengths.delete(oldest);
    }
  }

  /**
   * A query (mutations gain nothing: small answers) whose every variable is a built-in scalar or an
   * enum whose values are their names, or lists of them.
   */
  private plainVariables(operation: OperationDefinitionNode | undefined): boolean {
    if (operation?.operation !== 'query') return false;
    return (operation.variableDefinitions ?? []).every((definition) => {
      const type = typeFromAST(this.schema, definition.type);
      const named = type && getNamedType(type);
      if (!named) return false;
      if (isScalarType(named)) return BUILT_IN_SCALARS.has(named.name);
      return isEnumType(named) && named.getValues().every((value) => value.value === value.name);
    });
  }
}

/**
 * graphql-jit's errors leave `extensions` undefined where graphql-js's are an object (Apollo reads
 * `extensions.code` of every error): the same error as graphql-js makes it, with its locations.
 *
 * The original error is set after the constructor, not given to it: graphql-js's constructor reads
 * `originalError.stack` to copy it, and that formats the whole stack trace — through the source maps
 * under tsx, about a millisecond each. A refused fan-out (the request guard's QUERY_TOO_COMPLEX in
 * every pending resolver) ends in thousands of such errors, of which the answer keeps one: measured
 * on the abuse suite's 50 variations with a 4 GB heap, 21 s for the variations and 3-second blocks
 * of the event loop.
 */
export function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const original = error.originalError ?? undefined;
  const ownExtensions = (original as { extensions?: unknown } | undefined)?.extensions;
  const copy = new GraphQLError(error.message, {
    path: error.path,
    ...(ownExtensions !== null && typeof ownExtensions === 'object'
      ? { extensions: ownExtensions as GraphQLError['extensions'] }
      : {}),
  });
  Object.defineProperty(copy, 'originalError', { value: original, writable: true, configurable: true });
  // graphql-js copies the original's stack at once; here it is read only when someone asks (Apollo's
  // stack traces in development).
  if (original)
    Object.defineProperty(copy, 'stack', {
      configurable: true,
      get: () => original.stack,
      set: (value: unknown) => Object.defineProperty(copy, 'stack', { value, writable: true, configurable: true }),
    });
  (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}

/**
 * The errors worth converting. A request the guard refused ends with an error in every non-null field
 * that was still pending — graphql-jit makes one per field where graphql-js passes the guard's one
 * error on — and its answer keeps only the refusal (request-guard.ts refuseStoppedAnswers): so only
 * that one (the first QUERY_TOO_COMPLEX, else the first error) is converted, not thousands.
 */
export function errorsToAnswer(errors: readonly GraphQLError[], context: unknown): readonly GraphQLError[] {
  if (!(context as Partial<GraphQLContext> | undefined)?.guard?.refusal) return errors;
  const refusal = errors.find((e) => e.originalError instanceof GraphQLError && isRefusal(e.originalError));
  return [refusal ?? errors[0]!];
}

const isRefusal = (error: GraphQLError) => error.extensions?.code === 'QUERY_TOO_COMPLEX';

/** A document and the operation asked of it: the key of what is kept about them. */
function documentKey(queryHash: string, operationName: string | null | undefined): string {
  return `${queryHash}\u0000${operationName ?? ''}`;
}

const BUILT_IN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > COMPILED_QUERIES_KEPT) map.delete(map.keys().next().value as string);
}

/** The `gateway` Apollo Server takes: this schema, this executor. */
export function compiledExecutionGateway(schema: GraphQLSchema, firstSight = false) {
  const executor = new CompiledExecutor(schema, firstSight);
  return {
    async load() {
      return { executor: executor.execute as never };
    },
    onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
