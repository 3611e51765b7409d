/**
 * Puts the request guard (./request-guard.ts) in front of the resolvers of the classes marked
 * `@Guarded()`. It wraps the executable schema's `resolve` functions rather than running as a
 * type-graphql middleware: type-graphql's middleware chain is async at every step (two promises
 * per middleware and field), and a fan-out query resolves hundreds of thousands of fields — that
 * garbage was the largest share of what an abusive request allocated (measured with V8's sampling
 * heap profiler: the middleware chain ~40 % of all bytes), and the collections it caused paused
 * the event loop. The wrapper below is synchronous unless it has to wait for its turn.
 */
import {
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { FanOut } from './answer-lookahead';
import { takeTurn } from './event-loop-slices';
import type { RequestGuard } from './request-guard';

/** A class as type-graphql's metadata names it (its `target`). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for a class
type ClassTarget = Function;

const guardedClasses = new Set<ClassTarget>();

/** Marks a resolver class: every query, mutation and field resolver of it runs under the request guard. */
export function Guarded(): ClassDecorator {
  return (target) => {
    guardedClasses.add(target);
  };
}

/** What the wrapper reads of the context: the request's guard, and the structure it looks ahead over. */
type Context = { guard?: RequestGuard; fanOut?: FanOut };

/** Wraps the resolvers of every `@Guarded()` class in `schema` (once, right after it is built). */
export function guardSchemaResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const typeName = (cls: ClassTarget) => storage.objectTypes.find((o) => o.target === cls)?.name;
  const targets: Array<[string | undefined, string]> = [];
  for (const q of storage.queries)
    if (guardedClasses.has(q.target)) targets.push([schema.getQueryType()?.name, q.schemaName]);
  for (const m of storage.mutations)
    if (guardedClasses.has(m.target)) targets.push([schema.getMutationType()?.name, m.schemaName]);
  for (const f of storage.fieldResolvers)
    if (guardedClasses.has(f.target))
      targets.push([f.getObjectType ? typeName(f.getObjectType()) : undefined, f.schemaName]);
  let wrapped = 0;
  for (const [type, fieldName] of targets) {
    const object = type ? schema.getType(type) : undefined;
    const field = object && isObjectType(object) ? object.getFields()[fieldName] : undefined;
    if (!field?.resolve) throw new Error(`guarded resolver ${type}.${fieldName} is not in the schema`);
    field.resolve = guarded(field.resolve);
    wrapped++;
  }
  return wrapped;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Before the resolver: wait for the long-work slot once the request runs long, take a turn on the
 * event loop, refuse to start when the request was stopped. After it: take a turn again (the
 * continuations of a large batch all run in one go), count the items of a returned list. A field
 * that needs neither to wait nor a promise makes no closure (it runs for every field of an answer).
 */
export function guarded(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (source, args, context, info) => {
    const guard = context.guard;
    if (!guard) return resolve(source, args, context, info);
    try {
      const slot = guard.long ? guard.mayGoOn() : undefined;
      return slot
        ? slot.then(() => runInTurn(guard, resolve, source, args, context, info))
        : runInTurn(guard, resolve, source, args, context, info);
    } catch (error) {
      // Never thrown synchronously: graphql-js stops completing a list at an item that throws and
      // leaves the promises of the items before it without a handler — a refused request's sibling
      // fields would end as unhandled rejections (which stop a Node process). Rejected, every item
      // is awaited together.
      return Promise.reject(error);
    }
  };
}

function runInTurn(
  guard: RequestGuard,
  resolve: GraphQLFieldResolver<unknown, Context>,
  source: unknown,
  args: Record<string, unknown>,
  context: Context,
  info: GraphQLResolveInfo,
): unknown {
  const turn = takeTurn(guard);
  return turn
    ? turn.then(() => run(guard, resolve, source, args, context, info))
    : run(guard, resolve, source, args, context, info);
}

function run(
  guard: RequestGuard,
  resolve: GraphQLFieldResolver<unknown, Context>,
  source: unknown,
  args: Record<string, unknown>,
  context: Context,
  info: GraphQLResolveInfo,
): unknown {
  if (guard.stopped) return nothing(info, guard);
  guard.check(info);
  const result = resolve(source, args, context, info);
  if (!isPromiseLike(result)) return countedInTurn(guard, info, result, context.fanOut);
  return result.then(
    (value) => countedInTurn(guard, info, value, context.fanOut),
    // A stopped request rejects the loads of all its waiting resolvers at once: they end in turns
    // too, with nothing (an empty list, null) where the type allows it instead of one error per field.
    (error: unknown) => {
      const turn = takeTurn(guard);
      return turn ? turn.then(() => failed(guard, info, error)) : failed(guard, info, error);
    },
  );
}

function failed(guard: RequestGuard, info: GraphQLResolveInfo, error: unknown): unknown {
  if (guard.stopped) return nothing(info, guard);
  throw error;
}

function countedInTurn(guard: RequestGuard, info: GraphQLResolveInfo, result: unknown, fanOut?: FanOut): unknown {
  const turn = takeTurn(guard);
  return turn ? turn.then(() => counted(guard, info, result, fanOut)) : counted(guard, info, result, fanOut);
}

function counted(guard: RequestGuard, info: GraphQLResolveInfo, result: unknown, fanOut?: FanOut): unknown {
  if (guard.stopped) return nothing(info, guard);
  if (!Array.isArray(result)) return result;
  guard.countList(result, info, fanOut);
  return result.length > LIST_PART ? inParts(result) : result;
}

/**
 * Items of a list whose fields graphql-js completes in one go (see inParts). A part's nested loads
 * form one loader batch: at 500 the participants of 500 of the 100k hub's collaborations and their
 * actors were one store call and one block of 223 ms; at 100 the longest block of that page is 93 ms.
 */
export const LIST_PART = 100;

/**
 * A long list is handed to graphql-js with its items after the first LIST_PART as promises that
 * resolve one part per turn of the event loop. graphql-js completes every item of a list in one
 * synchronous loop — a hub's 33,000 collaborators with their fields are ~150 ms without a break —
 * and completes an item that is a promise once it resolves: so each part is completed in its own
 * turn, and health checks and other requests are answered in between.
 */
function inParts(items: readonly unknown[]): unknown[] {
  const parts: Array<() => void> = [];
  const out = new Array<unknown>(items.length);
  for (let start = 0; start < items.length; start += LIST_PART) {
    const end = Math.min(items.length, start + LIST_PART);
    if (start === 0) {
      for (let i = 0; i < end; i++) out[i] = items[i];
      continue;
    }
    const released = new Promise<void>((resolve) => parts.push(resolve));
    for (let i = start; i < end; i++) out[i] = released.then(() => items[i]);
  }
  const next = () => {
    parts.shift()?.();
    if (parts.length > 0) setImmediate(next);
  };
  setImmediate(next);
  return out;
}

/**
 * What a resolver of a stopped request returns instead of doing its work: an empty list or null
 * where the type allows it (cheap: no error per skipped field), else the refusal.
 */
function nothing(info: GraphQLResolveInfo, guard: RequestGuard): unknown {
  if (isListType(getNullableType(info.returnType))) return [];
  if (!isNonNullType(info.returnType)) return null;
  guard.check(info);
  return null;
}
