/**
 * Change events for subscribers (GraphQL subscriptions, docs/live.md). The service's feed follower
 * publishes here every batch it applied to the projection — so an event goes out only once the
 * projection (and every query answered from it) already includes it.
 *
 * `followFeed` is one subscriber's stream: the events after its cursor, first replayed from the
 * store's feed and then live from the hub, each exactly once and in seq order. Live events that
 * arrive while the replay runs wait in the subscriber's queue; the queue is bounded, and a
 * subscriber that does not keep up (a slow consumer) is told by `onOverflow` and ended — it resumes
 * with its last cursor.
 */
import type { StoreReads } from '../../service/store-reads';
import { BadInputError } from '../../domain/errors';
import { decodeCursor, encodeCursor } from '../../domain/paging';
import type { FeedEvent } from './feed-rules';
import { MAX_FEED_PAGE } from './feed-rules';

type Listener = (events: readonly FeedEvent[]) => void;

export class FeedHub {
  private readonly listeners = new Set<Listener>();

  publish(events: readonly FeedEvent[]): void {
    if (events.length === 0) return;
    for (const listener of [...this.listeners]) listener(events);
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}

export function feedCursor(seq: number): string {
  return encodeCursor(['feed', String(seq)]);
}

export function seqOfCursor(cursor: string): number {
  const [kind, seq] = decodeCursor(cursor);
  const n = Number(seq);
  if (kind !== 'feed' || !Number.isSafeInteger(n) || n < 0)
    throw new BadInputError(`"${cursor}" is not a cursor of networkChanged`, 'after');
  return n;
}

export class SlowConsumerError extends Error {
  constructor(readonly buffered: number) {
    super(`more than ${buffered} events waited for this subscriber: resume with the last cursor`);
    this.name = 'SlowConsumerError';
  }
}

export interface FollowOptions {
  /** The last seq the subscriber has; null: only what happens from now on. */
  afterSeq: number | null;
  /** Where live-only subscribers start (the seq the projection is at). */
  currentSeq: () => number;
  /** Most events waiting for the subscriber. */
  maxBuffered: number;
  /** Told once when the subscriber fell behind by more than maxBuffered; the stream then ends. */
  onOverflow?: (error: SlowConsumerError) => void;
}

/**
 * The events after the cursor, replayed then live, once each, in seq order. Ending it (return(),
 * as graphql-ws does when the client completes or goes away) also ends a wait for the next event.
 */
export function followFeed(store: StoreReads, hub: FeedHub, options: FollowOptions): AsyncGenerator<FeedEvent> {
  const state = { closed: false, wake: null as (() => void) | null };
  const inner = events(store, hub, options, state);
  const ret = inner.return.bind(inner);
  inner.return = (value) => {
    state.closed = true;
    state.wake?.();
    return ret(value);
  };
  return inner;
}

async function* events(
  store: StoreReads,
  hub: FeedHub,
  options: FollowOptions,
  state: { closed: boolean; wake: (() => void) | null },
): AsyncGenerator<FeedEvent> {
  const queue: FeedEvent[] = [];
  let overflow: SlowConsumerError | null = null;
  const stop = hub.listen((events) => {
    if (overflow) return;
    queue.push(...events);
    if (queue.length > options.maxBuffered) {
      overflow = new SlowConsumerError(options.maxBuffered);
      queue.length = 0;
      options.onOverflow?.(overflow);
    }
    state.wake?.();
  });
  try {
    let last = options.afterSeq ?? options.currentSeq();
    if (options.afterSeq !== null) {
      const head = await store.feedHead();
      if (head.prunedThrough > options.afterSeq) {
        throw new BadInputError(
          'this cursor is older than the retained change feed (FEED_RETENTION_HOURS): load the network again and subscribe without a cursor',
          'after',
        );
      }
      // Replay what the store has after the cursor (the listener above already collects what follows).
      for (;;) {
        const page = await store.readFeed(last, Math.min(MAX_FEED_PAGE, options.maxBuffered));
        for (const event of page) {
          if (overflow) return;
          yield event;
          last = event.seq;
        }
        if (page.length === 0) break;
      }
    }
    for (;;) {
      if (overflow || state.closed) return;
      const event = queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = null;
        continue;
      }
      if (event.seq <= last) continue; // replayed already
      last = event.seq;
      yield event;
    }
  } finally {
    stop();
  }
}
