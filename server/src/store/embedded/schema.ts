/**
 * The SQLite schema of the embedded store, as an ordered list of migrations.
 * `PRAGMA user_version` records how many have been applied, so a later release appends a migration
 * instead of editing one that already ran on someone's data file.
 */
import type Database from 'better-sqlite3';
import { API_KEY_MIGRATION } from './api-keys';
import { FEED_MIGRATION } from './feed';
import { FEEDBACK_MIGRATION } from './feedback';
import { HISTORY_MIGRATION } from './history';
import { NAME_SEARCH_MIGRATION } from './name-search';
import { UPDATE_LINK_MIGRATION } from './update-links';
import { VIEW_POSITIONS_MIGRATION } from './view-positions';

/** Migration n (1-based) brings the file from user_version n-1 to n. Never edit a shipped entry. */
export const MIGRATIONS: readonly string[] = [
  // 1: the property graph as tables. Relationship tables cascade on delete, as the port demands
  // (deleting an actor, topic or collaboration removes its relationships, never other nodes).
  `
  CREATE TABLE actor (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    description TEXT,
    district    TEXT,
    website     TEXT,
    contact     TEXT,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL
  );
  CREATE INDEX actor_name_key ON actor (name_key, id);

  CREATE TABLE topic (
    id       TEXT NOT NULL PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL,
    slug     TEXT NOT NULL,
    aliases  TEXT NOT NULL DEFAULT '[]' -- JSON array of strings
  );
  CREATE INDEX topic_name_key ON topic (name_key, id);

  CREATE TABLE collaboration (
    id          TEXT NOT NULL PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    start_date  TEXT,
    end_date    TEXT,
    location    TEXT,
    description TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE INDEX collaboration_start ON collaboration (start_date, id);

  CREATE TABLE interest (
    actor_id TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    weight   REAL NOT NULL,
    PRIMARY KEY (actor_id, topic_id)
  ) WITHOUT ROWID;
  CREATE INDEX interest_by_topic ON interest (topic_id, actor_id);

  CREATE TABLE participation (
    actor_id         TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    collaboration_id TEXT NOT NULL REFERENCES collaboration (id) ON DELETE CASCADE,
    role             TEXT NOT NULL,
    PRIMARY KEY (actor_id, collaboration_id)
  ) WITHOUT ROWID;
  CREATE INDEX participation_by_collaboration ON participation (collaboration_id, actor_id);

  CREATE TABLE about (
    collaboration_id TEXT NOT NULL REFERENCES collaboration (id) ON DELETE CASCADE,
    topic_id         TEXT NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    PRIMARY KEY (collaboration_id, topic_id)
  ) WITHOUT ROWID;
  CREATE INDEX about_by_topic ON about (topic_id, collaboration_id);
  `,
  // 2: the history of every write (store/history-rules.ts).
  HISTORY_MIGRATION,
  // 3: feedback on contact suggestions (feedback.ts).
  FEEDBACK_MIGRATION,
  // 4: API keys, stored as hashes (api-keys.ts).
  API_KEY_MIGRATION,
  // 5: trigram indexes for name search (name-search.ts).
  NAME_SEARCH_MIGRATION,
  // 6: personal update links, their proposals and consent records (update-links.ts).
  UPDATE_LINK_MIGRATION,
  // 7: the change feed (feed.ts).
  FEED_MIGRATION,
  // 8: collaborations get a version for optimistic concurrency, as actors have; existing ones start at 1.
  `ALTER TABLE collaboration ADD COLUMN version INTEGER NOT NULL DEFAULT 1;`,
  // 9: map positions per view scope (view-positions.ts).
  VIEW_POSITIONS_MIGRATION,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Sets the connection pragmas the store relies on for durability and integrity. */
export function configure(db: Database.Database): void {
  db.pragma('busy_timeout = 5000'); // first, so that switching to WAL waits for other processes
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // every commit is fsynced: an acknowledged write survives a crash
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed, not left in free space: a GDPR erasure (gdpr.ts)
  // leaves no copy of the erased values in the database file.
  db.pragma('secure_delete = ON');
}

/** Applies the pending migrations, each in its own transaction; idempotent. */
export function migrate(db: Database.Database): void {
  const userVersion = (): number => db.pragma('user_version', { simple: true }) as number;
  for (;;) {
    // Read and bump the version inside one write transaction, so two processes opening the same
    // file at once never apply a migration twice.
    const done = db
      .transaction((): boolean => {
        const current = userVersion();
        if (current > SCHEMA_VERSION) {
          throw new Error(`database schema version ${current} is newer than this release (${SCHEMA_VERSION})`);
        }
        if (current === SCHEMA_VERSION) return true;
        db.exec(MIGRATIONS[current]!);
        // A pragma takes no bound parameters; the value is an integer of ours, not input.
        db.pragma(`user_version = ${current + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}
