/** The history, merging actors and the change feed (part of the NetworkStore port, network-store.ts). */
import type { Actor } from '../../domain/model';
import type { Page, PageRequest } from '../../domain/paging';
import type { ChangeRecord, WriteMeta } from '../../features/history/history-rules';
import type { FeedEvent, FeedHead, FeedPage } from '../../features/live/feed-rules';

export interface HistoryStore {
  /** The ChangeRecords of one entity (any type, also deleted ones), newest first (seq descending). */
  history(entityId: string, page: PageRequest): Promise<Page<ChangeRecord>>;
  /**
   * Folds `mergeIds` into `keepId` in one transaction (rules: merge-actors-rules.ts): participations
   * move (role conflicts keep the stronger role), interests move (the larger weight), the merged
   * actors are deleted; answers the kept actor (version bumped).
   */
  mergeActors(keepId: string, mergeIds: readonly string[], meta?: WriteMeta): Promise<Actor>;
}

/** The change feed (rules: feed-rules.ts). */
export interface ChangeFeedStore {
  /**
   * The feed events with seq > afterSeq, ascending, at most `limit` (capped at MAX_FEED_PAGE). Each
   * write appended them in its own transaction; a reader never misses one that commits late.
   */
  readFeed(afterSeq: number, limit: number): Promise<FeedEvent[]>;
  /** The highest committed seq and up to which seq events may have been pruned. */
  feedHead(): Promise<FeedHead>;
  /**
   * One step of following the feed, in this order: readFeed(afterSeq, limit), then feedHead(), then
   * readTouched(touchedIds(events)) — each read after the one before, so the head is at least as new
   * as the events and the touched entities at least as new as the head. One round trip where the
   * store has them (the feed follower applies a write with it).
   */
  readFeedPage(afterSeq: number, limit: number): Promise<FeedPage>;
  /** Deletes the feed events written before `before` (ISO-8601; the history stays); answers how many. */
  pruneFeed(before: string): Promise<number>;
}
