/**
 * The production NetworkStore: Neo4j 5 through neo4j-driver, composed of one part per concern of
 * the port (store/port/), each in its own file here:
 *
 * - connection.ts: the driver, one session per call, read and write transactions;
 * - lifecycle.ts, record-reads.ts, lists.ts: lifecycle, counts and the reads; touched-reads.ts what
 *   the feed follower re-reads;
 * - actor-writes.ts, topic-writes.ts, collaboration-writes.ts: single writes (updates and deletes
 *   by update-rules.ts), checks.ts the checks they run first inside their transactions;
 * - history-store.ts, feed.ts, transfer.ts, gdpr.ts, feedback.ts, api-keys.ts, update-links.ts,
 *   view-positions.ts.
 *
 * Every write checks its references (and the ids it would create) inside its transaction before
 * writing anything, so a failing write throws before it changes anything. Every statement is a
 * parameterised constant (cypher.ts and the part files); records become domain values in records.ts.
 */
import type { Config } from 'neo4j-driver';

import type { NetworkStore } from '../network-store';
import { composedOf } from '../port/compose';
import { neo4jActorWrites } from './actor-writes';
import { neo4jApiKeys } from './api-keys';
import { neo4jCollaborationWrites } from './collaboration-writes';
import { Neo4jConnection, type Neo4jStoreOptions } from './connection';
import { neo4jChangeFeed } from './feed';
import { neo4jFeedback } from './feedback';
import { neo4jGdpr } from './gdpr';
import { neo4jHistory } from './history-store';
import { neo4jLifecycle } from './lifecycle';
import { neo4jListReads } from './lists';
import { neo4jRecordReads } from './record-reads';
import { neo4jTopicWrites } from './topic-writes';
import { neo4jTouchedReads } from './touched-reads';
import { neo4jTransfer } from './transfer';
import { neo4jUpdateLinks } from './update-links';
import { neo4jViewPositions } from './view-positions';

export { MAX_TRANSACTION_RETRY_MS, type Neo4jStoreOptions } from './connection';
export { MERGE_BATCH_SIZE } from './merge-graph';

export class Neo4jStore extends composedOf<NetworkStore>() {
  constructor(options: Neo4jStoreOptions, driverConfig: Config = {}) {
    const db = new Neo4jConnection(options, driverConfig);
    super({
      ...neo4jLifecycle(db),
      ...neo4jRecordReads(db),
      ...neo4jTouchedReads(db),
      ...neo4jListReads(db),
      ...neo4jActorWrites(db),
      ...neo4jTopicWrites(db),
      ...neo4jCollaborationWrites(db),
      ...neo4jHistory(db),
      ...neo4jChangeFeed(db),
      ...neo4jTransfer(db),
      ...neo4jGdpr(db),
      ...neo4jFeedback(db),
      ...neo4jApiKeys(db),
      ...neo4jUpdateLinks(db),
      ...neo4jViewPositions(db),
    });
  }
}
