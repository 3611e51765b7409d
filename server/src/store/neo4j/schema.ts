/**
 * Constraints and indexes of the Neo4j store, created by `Neo4jStore.init()`.
 * Every statement is idempotent (`IF NOT EXISTS`), so `init()` may run at every start.
 */
import { FEED_SCHEMA } from './feed';
import { API_KEY_SCHEMA } from './api-keys';
import { HISTORY_SCHEMA } from './history';
import { UPDATE_LINK_SCHEMA } from './update-links';
import { VIEW_POSITIONS_SCHEMA } from './view-positions';

/** Uniqueness constraints; each also gives a range index on its property (lookups by id / slug). */
export const CONSTRAINTS: readonly string[] = [
  'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE',
  'CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE',
  'CREATE CONSTRAINT topic_slug IF NOT EXISTS FOR (t:Topic) REQUIRE t.slug IS UNIQUE',
  'CREATE CONSTRAINT collaboration_id IF NOT EXISTS FOR (c:Collaboration) REQUIRE c.id IS UNIQUE',
];

/**
 * Indexes: `nameKey` is what actor and topic lists sort by (the planner reads it in order for
 * a page), `startDate` serves date filters, `kind` the kind filters.
 */
export const INDEXES: readonly string[] = [
  'CREATE RANGE INDEX actor_name_key IF NOT EXISTS FOR (a:Actor) ON (a.nameKey)',
  'CREATE RANGE INDEX topic_name_key IF NOT EXISTS FOR (t:Topic) ON (t.nameKey)',
  'CREATE RANGE INDEX collaboration_start_date IF NOT EXISTS FOR (c:Collaboration) ON (c.startDate)',
  'CREATE RANGE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)',
  'CREATE RANGE INDEX collaboration_kind IF NOT EXISTS FOR (c:Collaboration) ON (c.kind)',
  // Name search (`nameKey CONTAINS $term`): a text index is trigram-based and answers CONTAINS
  // without reading every actor.
  'CREATE TEXT INDEX actor_name_key_text IF NOT EXISTS FOR (a:Actor) ON (a.nameKey)',
];

/** Every schema statement, constraints first. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  ...CONSTRAINTS,
  ...INDEXES,
  ...HISTORY_SCHEMA,
  ...FEED_SCHEMA,
  ...API_KEY_SCHEMA,
  ...UPDATE_LINK_SCHEMA,
  ...VIEW_POSITIONS_SCHEMA,
];

/** Waits (up to the given seconds) until every index is online; run after creating them. */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes($timeoutSeconds)';

/** Seconds `init()` waits for indexes to come online. */
export const AWAIT_INDEXES_TIMEOUT_SECONDS = 300;

/**
 * Codes Neo4j answers when an equivalent constraint or index was created concurrently by another
 * process between our `IF NOT EXISTS` check and the creation: harmless for an idempotent init.
 */
export const ALREADY_EXISTS_CODES: readonly string[] = [
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
];
