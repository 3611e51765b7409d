/**
 * `subscription { networkChanged(after) }` over WebSocket (http/websocket.ts): the change feed's
 * events as the projection applies them, resumable with the last event's cursor. A viewer's events
 * carry neither contact data nor authors (the history, which names them, is for editors).
 */
import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { roleAtLeast } from '../../domain/roles';
import { feedCursor, followFeed, seqOfCursor } from './feed-hub';
import type { FeedEvent } from './feed-rules';
import type { GraphQLContext } from '../../platform/graphql/context';
import { NetworkChangeEventType } from './live.type';

/** Most events waiting for one subscriber before it counts as a slow consumer. */
export const MAX_BUFFERED_EVENTS = 1000;

/** What a subscription's context carries besides the request context (http/websocket.ts). */
export interface LiveContext extends GraphQLContext {
  /** Ends the subscriber's connection (a slow consumer). */
  dropSlowConsumer?: (reason: string) => void;
  maxBufferedEvents?: number;
}

interface Payload {
  event: FeedEvent;
  editor: boolean;
}

@Resolver()
export class LiveResolver {
  @Authorized('VIEWER')
  @Subscription(() => NetworkChangeEventType, {
    description:
      'Every change of the network as it happens (over WebSocket at /graphql, graphql-ws protocol). With `after` (the cursor of the last event received) the events missed since come first, each exactly once.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { after?: string | null }, LiveContext>) => {
      const afterSeq = args.after != null ? seqOfCursor(args.after) : null;
      const { service, principal } = context;
      const editor = principal !== null && roleAtLeast(principal.role, 'EDITOR');
      const events = followFeed(service.reads, service.changes, {
        afterSeq,
        currentSeq: () => service.feed.seq,
        maxBuffered: context.maxBufferedEvents ?? MAX_BUFFERED_EVENTS,
        onOverflow: (error) => context.dropSlowConsumer?.(error.message),
      });
      return mapIterator(events, (event): Payload => ({ event, editor }));
    },
  })
  networkChanged(
    @Root() { event, editor }: Payload,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The cursor of the last event received: resume after it.',
    })
    _after?: string | null,
  ): NetworkChangeEventType {
    return {
      cursor: feedCursor(event.seq),
      seq: event.seq,
      at: event.at,
      entityType: event.entityType,
      entityId: event.entityId,
      operation: event.operation,
      fields: editor ? event.fields : event.fields.filter((f) => f !== 'contact'),
      author: editor ? event.author : null,
    };
  }
}

function mapIterator<T, U>(source: AsyncGenerator<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  const mapped: AsyncIterableIterator<U> = {
    async next() {
      const r = await source.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: map(r.value) };
    },
    async return() {
      await source.return(undefined);
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return(undefined);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

export const liveResolvers = [LiveResolver] as const;
