/**
 * Bounded work per request, enforced while it runs. Static limits (depth, cost, aliases: see
 * ../http/limits) cannot see how far a list without `first` fans out through a hub, so every
 * resolver of the graph types passes through the guard (./guarded-resolvers.ts), which
 *  - refuses to start work once the request was stopped: over its budget of list items, past its
 *    wall time, over the process's heap watermark (./heap-watch.ts), or because its client went away;
 *    graphql-js keeps executing sibling fields after an error has decided the answer, so without
 *    this check they would go on building (the out-of-memory crash this guard exists for);
 *  - counts the items of every list a resolver returns against the request's budget;
 *  - takes turns on the event loop (./event-loop-slices.ts), so one large answer never freezes
 *    health checks and other requests.
 * A stopped request answers one QUERY_TOO_COMPLEX error (`limit`: results, time or memory) and no
 * data; what it had built is dropped (every later resolver returns an empty value).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { getHeapStatistics } from 'node:v8';
import { DEFAULT_LIMITS } from '../config';
import { itemsBelow, type FanOut } from './answer-lookahead';
import { takeTurn } from './event-loop-slices';

/** List items one answer may hold (QUERY_MAX_RESULTS): the busiest actor's page at 100k actors is ~55,000. */
export const DEFAULT_MAX_RESULTS = DEFAULT_LIMITS.query.maxResults;

/** Steps one lookahead may take (./answer-lookahead.ts): a few milliseconds at most. */
export const LOOKAHEAD_WORK = 100_000;

/** See RequestGuard.long. */
export const LONG_REQUEST_MS = 50;

export type GuardLimit = 'results' | 'time' | 'memory' | 'client';

export interface GuardOptions {
  /** List items the answer may hold. */
  maxResults?: number;
  /** Wall time of the whole execution, in ms (QUERY_MAX_MILLIS). */
  maxMillis?: number;
}

/** Long requests that build their answers at the same time (see RequestGuard.mayGoOn). */
export const LONG_WORK_SLOTS = 1;

/** A FIFO semaphore of LONG_WORK_SLOTS, held by a guard until it finishes. */
class LongWork {
  private readonly holders = new Set<RequestGuard>();
  /** Waiting guards in arrival order, each with the one promise all its resolvers wait for. */
  private readonly waiting = new Map<RequestGuard, { promise: Promise<void>; resume: () => void }>();

  acquire(guard: RequestGuard): Promise<void> | void {
    // A finished request holds no slot (its late resolvers find it stopped and return at once).
    if (guard.finished || this.holders.has(guard)) return;
    const queued = this.waiting.get(guard);
    if (queued) return queued.promise;
    this.evictExpired();
    if (this.holders.size < LONG_WORK_SLOTS) {
      this.holders.add(guard);
      return;
    }
    let resume!: () => void;
    const promise = new Promise<void>((resolve) => (resume = resolve));
    // Nobody waits past their own wall time: then it goes on, finds its time up and is refused.
    const timer = setTimeout(() => this.giveUp(guard), guard.millisLeft + 10);
    timer.unref();
    this.waiting.set(guard, {
      promise,
      resume: () => {
        clearTimeout(timer);
        resume();
      },
    });
    return promise;
  }

  private giveUp(guard: RequestGuard): void {
    const queued = this.waiting.get(guard);
    if (!queued) return;
    this.waiting.delete(guard);
    queued.resume();
    this.evictExpired();
  }

  /**
   * A holder past its wall time is done for, whatever happened to it (it should have finished):
   * it gives its slot up to the longest waiting request.
   */
  private evictExpired(): void {
    for (const holder of this.holders) if (holder.expired) this.holders.delete(holder);
    while (this.holders.size < LONG_WORK_SLOTS) {
      const next = this.waiting.entries().next();
      if (next.done) return;
      const [nextGuard, entry] = next.value;
      this.waiting.delete(nextGuard);
      this.holders.add(nextGuard);
      entry.resume();
    }
  }

  release(guard: RequestGuard): void {
    const queued = this.waiting.get(guard);
    if (queued) {
      // Ended while waiting (refused, client gone): its resolvers go on and find it stopped.
      this.waiting.delete(guard);
      queued.resume();
    }
    if (!this.holders.delete(guard)) return;
    this.evictExpired();
  }
}

const longWork = new LongWork();

/**
 * List items of all running requests together. An answer costs about 6 KB of heap per list item
 * while it is built (measured: a 100,000-item refusal peaked at ~600 MB above the idle heap), so
 * HEAP_SHARE_FOR_ANSWERS of V8's heap limit is shared out as items: with the default 2 GB heap ~53,000
 * items in flight in the whole process, whoever asks. (Counted at 8 KB, the 640 MB abuse run kept
 * up to 450 MB live after collections for ~24,000 items and once ran out of memory in CI.)
 */
export const HEAP_BYTES_PER_ITEM = 12_000;
/** Share of the heap limit that answers being built may take together (more means longer GC pauses). */
export const HEAP_SHARE_FOR_ANSWERS = 0.3;
let itemsInFlight = 0;
let itemBudget: number | null = null;

export function processItemBudget(): number {
  itemBudget ??= Math.floor((HEAP_SHARE_FOR_ANSWERS * getHeapStatistics().heap_size_limit) / HEAP_BYTES_PER_ITEM);
  return itemBudget;
}

/** Requests running now, for the heap watch: it stops the one that built the most. */
const running = new Set<RequestGuard>();

export function runningGuards(): ReadonlySet<RequestGuard> {
  return running;
}

type ResponsePath = GraphQLResolveInfo['path'];

/** `/actor/collaborations/3/participants`: the keys from the root down. */
function pathKey(path: ResponsePath): string {
  let key = '';
  for (let p: ResponsePath | undefined = path; p; p = p.prev) key = `/${p.key}${key}`;
  return key;
}

export class RequestGuard {
  private used = 0;
  /** Items the lookahead found below lists not built yet (see lookAhead). */
  private reserved = 0;
  /** The most items it knew the answer would hold at once: counted and looked ahead (see promisedItems). */
  private peak = 0;
  /**
   * The lists whose items below were looked ahead at, by their path's keys: a compiled query
   * (./compiled-execution.ts) builds a new path object for every resolver call, so a path's
   * object does not say which list it is below.
   */
  private readonly lookedAhead = new Set<string>();
  private stopError: GraphQLError | null = null;
  private aborted = false;
  /** Answered (or abandoned): graphql-js may still run sibling resolvers of an early answer. */
  finished = false;
  readonly maxResults: number;
  readonly maxMillis: number;
  private readonly deadline: number;
  private readonly startedAt = performance.now();

  constructor(options: GuardOptions = {}) {
    this.maxResults = options.maxResults ?? DEFAULT_MAX_RESULTS;
    this.maxMillis = options.maxMillis ?? DEFAULT_LIMITS.query.maxMillis;
    this.deadline = performance.now() + this.maxMillis;
    running.add(this);
  }

  /** Past its wall time (with a second's grace): whatever it holds, it holds no longer. */
  get expired(): boolean {
    return this.finished || performance.now() > this.deadline + 1000;
  }

  /** Milliseconds until its wall time is up. */
  get millisLeft(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  /**
   * Running for more than LONG_REQUEST_MS: from then on it needs the long-work slot (mayGoOn) to go
   * on, so that only LONG_WORK_SLOTS large answers are built at once.
   */
  get long(): boolean {
    return performance.now() - this.startedAt > LONG_REQUEST_MS;
  }

  /** List items counted so far. */
  get items(): number {
    return this.used;
  }

  /**
   * The most list items it knew, when it looked ahead, that the answer would hold (counted + looked
   * ahead; 0 when it never looked ahead). Never more than an answered request holds: the lookahead
   * counts only what will be built.
   */
  get promisedItems(): number {
    return this.peak;
  }

  /** The error that decides the answer, once the request was refused. */
  get refusal(): GraphQLError | null {
    return this.stopError;
  }

  /** Refused, its client is gone, or already answered: no resolver may start new work. */
  get stopped(): boolean {
    return this.stopError !== null || this.aborted || this.finished;
  }

  /** Stops every resolver of this request with `error` as the answer (the first stop wins). */
  refuse(error: GraphQLError): void {
    this.stopError ??= error;
  }

  /** The client went away: stop without an answer. */
  abort(): void {
    this.aborted = true;
    this.finish();
  }

  /** The request is answered: it no longer counts for the heap watch, its long-work slot is free. */
  finish(): void {
    if (!this.finished) itemsInFlight -= this.used;
    this.finished = true;
    running.delete(this);
    longWork.release(this);
  }

  /**
   * Resolves when this long request may go on: at most LONG_WORK_SLOTS long requests build their
   * answers at once (the rest wait, their time running), so memory is bounded by a few budgets
   * however many large requests arrive together.
   */
  mayGoOn(): Promise<void> | void {
    return longWork.acquire(this);
  }

  /**
   * Between two steps of a long computation in a resolver (e.g. a network view in steps): goes on
   * at once while the event loop's slice lasts, else waits for this request's turn
   * (./event-loop-slices.ts) and then throws if the request was stopped meanwhile.
   */
  betweenSteps(): Promise<void> | void {
    const turn = takeTurn(this);
    return turn ? turn.then(() => this.check()) : undefined;
  }

  /** Throws once the request is stopped or its time is up (`info`: the field asking). */
  check(info?: GraphQLResolveInfo): void {
    if (this.stopError) throw this.stopError;
    if (this.aborted) this.refuse(guardError('client', 0, 'The client went away.', info));
    else if (performance.now() > this.deadline) {
      this.refuse(
        guardError(
          'time',
          this.maxMillis,
          `The answer took longer than ${this.maxMillis} ms to compute: ask for less (first, fewer levels, a filter).`,
          info,
        ),
      );
    }
    if (this.stopError) throw this.stopError;
  }

  /**
   * Counts the items of a list a resolver returned; past the request's budget, or the process's
   * (all running requests), the request is refused. The first list on its path (no list below
   * which the guard already looked ahead) is looked ahead from as well, when `fanOut` is given.
   */
  countList(items: readonly unknown[], info: GraphQLResolveInfo, fanOut?: FanOut): void {
    const covered = this.coveredByLookahead(info.path);
    // Items the lookahead promised are built now: they count as used, no longer as reserved.
    if (covered) this.reserved -= Math.min(this.reserved, items.length);
    this.spend(items.length, info);
    if (!covered && fanOut) this.lookAhead(info, items, fanOut);
  }

  private coveredByLookahead(path: ResponsePath): boolean {
    if (this.lookedAhead.size === 0 || !path.prev) return false;
    const keys: Array<string | number> = [];
    for (let p: ResponsePath | undefined = path.prev; p; p = p.prev) keys.push(p.key);
    let key = '';
    for (let i = keys.length - 1; i >= 0; i--) {
      key += `/${keys[i]}`;
      if (this.lookedAhead.has(key)) return true;
    }
    return false;
  }

  /**
   * Walks the selection below a list just returned over the network's structure
   * (./answer-lookahead.ts) and refuses at once when the items below cannot fit — before anything
   * of them is built. The walk counts at most what the answer will hold, so what it refuses the
   * count would refuse later, after building up to the budget (and the garbage of that).
   */
  private lookAhead(info: GraphQLResolveInfo, items: readonly unknown[], fanOut: FanOut): void {
    const limit = Math.min(this.maxResults, processItemBudget());
    const room = limit - this.used - this.reserved;
    const below = itemsBelow(info, items, fanOut, { items: Math.max(0, room), work: LOOKAHEAD_WORK });
    this.lookedAhead.add(pathKey(info.path));
    this.reserved += below;
    this.peak = Math.max(this.peak, this.used + this.reserved);
    if (this.used + this.reserved <= limit || this.stopError) return;
    this.refuse(this.tooMany(limit, info));
    throw this.stopError!;
  }

  /**
   * Items a loader batch is about to read, each of which becomes an item of a list in the answer (a
   * topic's actors): when they cannot fit beside what is built and promised, the request is refused
   * before the store is asked (see loaders.ts). Nothing is reserved: the list counts them when it is
   * returned.
   */
  expectItems(items: number): void {
    if (this.stopError) throw this.stopError;
    const limit = Math.min(this.maxResults, processItemBudget());
    if (this.used + this.reserved + items <= limit) return;
    this.refuse(this.tooMany(limit));
    throw this.stopError!;
  }

  /** The refusal of an answer known to need more than `limit` items (the request's, or the share of the heap). */
  private tooMany(limit: number, info?: GraphQLResolveInfo): GraphQLError {
    return limit === this.maxResults
      ? guardError(
          'results',
          this.maxResults,
          `The answer would hold more than ${this.maxResults} list items: ask for less (first, fewer levels, a filter).`,
          info,
        )
      : guardError(
          'memory',
          limit,
          `The answer would hold more than ${limit} list items, more than this server builds at once: ask for less (first, fewer levels, a filter).`,
          info,
        );
  }

  /** Counts `items` more; past the request's budget, or the process's (all running requests), the request is refused. */
  spend(items: number, info?: GraphQLResolveInfo): void {
    this.used += items;
    itemsInFlight += items;
    if (itemsInFlight > processItemBudget() && !this.stopError) {
      const max = processItemBudget();
      this.refuse(
        guardError(
          'memory',
          max,
          `The server is busy with other large answers (${max} list items in all): ask for less, or again shortly.`,
          info,
        ),
      );
      throw this.stopError!;
    }
    if (this.used > this.maxResults) {
      this.refuse(
        guardError(
          'results',
          this.maxResults,
          `The answer would hold more than ${this.maxResults} list items: ask for less (first, fewer levels, a filter).`,
          info,
        ),
      );
      throw this.stopError!;
    }
  }
}

/**
 * The refusal carries the path and location of the field where it happened: graphql-js then
 * passes the one error object on as it is, instead of wrapping it anew (with a stack trace) for
 * each of the thousands of fields that are skipped after it.
 */
export function guardError(limit: GuardLimit, max: number, message: string, info?: GraphQLResolveInfo): GraphQLError {
  return new GraphQLError(message, {
    nodes: info?.fieldNodes,
    path: info ? responsePathAsArray(info.path) : [],
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max },
  });
}

/**
 * A refused request answers with its one error and no data: the partial data would be misleading,
 * and each field skipped after the refusal would otherwise carry an error of its own.
 */
export function refuseStoppedAnswers(): ApolloServerPlugin<{ guard: RequestGuard }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const guard = contextValue.guard;
          if (!guard) return;
          guard.finish();
          const refusal = guard.refusal;
          if (response.body.kind !== 'single' || !refusal) return;
          const limit = refusal.extensions.limit;
          const error = response.body.singleResult.errors?.find(
            (e) => e.extensions?.limit === limit && e.extensions?.code === 'QUERY_TOO_COMPLEX',
          );
          response.body.singleResult.data = null;
          response.body.singleResult.errors = [
            error ?? { message: refusal.message, extensions: { ...refusal.extensions } },
          ];
          response.http.status = 400;
        },
      };
    },
  };
}
