/**
 * The embedded NetworkStore: the network in one SQLite file (database.ts), composed of one part per
 * concern of the port (store/port/), each in its own file here:
 *
 * - database.ts: the connection, read and write transactions, lifecycle and counts;
 * - record-reads.ts, lists.ts: the reads; touched-reads.ts what the feed follower re-reads;
 * - actor-writes.ts, topic-writes.ts, collaboration-writes.ts: single writes (updates and deletes
 *   by update-rules.ts; rows written by record-writes.ts);
 * - history-store.ts, feed.ts, transfer.ts, gdpr.ts, feedback.ts, api-keys.ts, update-links.ts,
 *   view-positions.ts.
 */
import type { NetworkStore } from '../network-store';
import { composedOf } from '../port/compose';
import { embeddedActorWrites } from './actor-writes';
import { embeddedApiKeys } from './api-keys';
import { embeddedCollaborationWrites } from './collaboration-writes';
import { EmbeddedDatabase, embeddedLifecycle, type EmbeddedStoreOptions } from './database';
import { embeddedChangeFeed } from './feed';
import { embeddedFeedback } from './feedback';
import { embeddedGdpr } from './gdpr';
import { embeddedHistory } from './history-store';
import { embeddedListReads } from './lists';
import { embeddedRecordReads } from './record-reads';
import { embeddedTopicWrites } from './topic-writes';
import { embeddedTouchedReads } from './touched-reads';
import { embeddedTransfer } from './transfer';
import { embeddedUpdateLinks } from './update-links';
import { embeddedViewPositions } from './view-positions';

export type { EmbeddedStoreOptions } from './database';

export class EmbeddedStore extends composedOf<NetworkStore>() {
  constructor(options: EmbeddedStoreOptions) {
    const d = new EmbeddedDatabase(options);
    super({
      ...embeddedLifecycle(d),
      ...embeddedRecordReads(d),
      ...embeddedTouchedReads(d),
      ...embeddedListReads(d),
      ...embeddedActorWrites(d),
      ...embeddedTopicWrites(d),
      ...embeddedCollaborationWrites(d),
      ...embeddedHistory(d),
      ...embeddedChangeFeed(d),
      ...embeddedTransfer(d),
      ...embeddedGdpr(d),
      ...embeddedFeedback(d),
      ...embeddedApiKeys(d),
      ...embeddedUpdateLinks(d),
      ...embeddedViewPositions(d),
    });
  }
}
