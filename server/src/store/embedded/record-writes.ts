/**
 * Writing whole actor, topic and collaboration records into their tables: one statement per shape,
 * used by the single writes (embedded-store.ts) and the import (import.ts) alike, so a column
 * added to a table is written everywhere or nowhere. `name_key` is derived here, from the name.
 */
import type { Actor, Collaboration, Topic } from '../../domain/model';
import { nameKey } from '../../domain/text';
import { planCreates, type EditCreates } from '../../features/history/edit-create-rules';
import type { ChangeDraft } from '../../features/history/history-rules';
import type { Sql } from './sql';

export function insertActor(sql: Sql, a: Actor): void {
  sql.run(
    `INSERT INTO actor (id, name, name_key, kind, description, district, website, contact, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    a.id,
    a.name,
    nameKey(a.name),
    a.kind,
    a.description,
    a.district,
    a.website,
    a.contact,
    a.createdAt,
    a.updatedAt,
    a.version,
  );
}

/** Every field but id and createdAt, from the record. */
export function updateActor(sql: Sql, a: Actor): void {
  sql.run(
    `UPDATE actor SET name = ?, name_key = ?, kind = ?, description = ?, district = ?, website = ?, contact = ?,
                      updated_at = ?, version = ?
     WHERE id = ?`,
    a.name,
    nameKey(a.name),
    a.kind,
    a.description,
    a.district,
    a.website,
    a.contact,
    a.updatedAt,
    a.version,
    a.id,
  );
}

export function insertTopic(sql: Sql, t: Topic): void {
  sql.run(
    'INSERT INTO topic (id, name, name_key, slug, aliases) VALUES (?, ?, ?, ?, ?)',
    t.id,
    t.name,
    nameKey(t.name),
    t.slug,
    JSON.stringify(t.aliases),
  );
}

export function updateTopic(sql: Sql, t: Topic): void {
  sql.run(
    'UPDATE topic SET name = ?, name_key = ?, slug = ?, aliases = ? WHERE id = ?',
    t.name,
    nameKey(t.name),
    t.slug,
    JSON.stringify(t.aliases),
    t.id,
  );
}

export function insertCollaboration(sql: Sql, c: Collaboration): void {
  sql.run(
    `INSERT INTO collaboration (id, title, kind, start_date, end_date, location, description, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    c.id,
    c.title,
    c.kind,
    c.startDate,
    c.endDate,
    c.location,
    c.description,
    c.createdAt,
    c.updatedAt,
    c.version,
  );
}

/** Every field but id and createdAt, from the record. */
export function updateCollaboration(sql: Sql, c: Collaboration): void {
  sql.run(
    `UPDATE collaboration SET title = ?, kind = ?, start_date = ?, end_date = ?, location = ?, description = ?, updated_at = ?,
                             version = ?
     WHERE id = ?`,
    c.title,
    c.kind,
    c.startDate,
    c.endDate,
    c.location,
    c.description,
    c.updatedAt,
    c.version,
    c.id,
  );
}

/**
 * The collaborations the actors `actorIds` take part in lose (or, in a merge, change) a participant:
 * their versions go up. Run before the participations are deleted or moved.
 */
export function bumpCollaborationsOf(sql: Sql, actorIds: readonly string[], at: string): void {
  sql.run(
    `UPDATE collaboration SET version = version + 1, updated_at = ?
     WHERE id IN (SELECT collaboration_id FROM participation WHERE actor_id IN (SELECT value FROM json_each(?)))`,
    at,
    JSON.stringify(actorIds),
  );
}

/**
 * Inserts the topics and actors an edit creates (edit-create-rules.ts), in the caller's transaction:
 * CONFLICT when an id is stored by now. Answers their history records (to append before the edit's).
 */
export function insertEditCreates(sql: Sql, creates: EditCreates, at: string): ChangeDraft[] {
  if (creates.topics.length === 0 && creates.actors.length === 0) return [];
  const stored = (table: 'topic' | 'actor', ids: readonly string[]) => {
    const missing = new Set(sql.missing(table, ids));
    return new Set(ids.filter((id) => !missing.has(id)));
  };
  const plan = planCreates(
    creates,
    {
      topicIds: stored(
        'topic',
        creates.topics.map((t) => t.id),
      ),
      actorIds: stored(
        'actor',
        creates.actors.map((a) => a.id),
      ),
    },
    at,
  );
  for (const topic of plan.topics) insertTopic(sql, topic);
  for (const actor of plan.actors) insertActor(sql, actor);
  return plan.changes;
}
