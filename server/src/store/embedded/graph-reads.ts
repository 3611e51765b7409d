/**
 * Whole-network reads of the embedded store for import and export: the network's content in id
 * order, and ids by name or title (references by name in an import).
 */
import type { ParticipationRole } from '../../domain/model';
import { nameKey } from '../../domain/text';
import type { GraphData } from '../network-store';
import { type ActorRow, type CollaborationRow, type TopicRow, toActor, toCollaboration, toTopic } from './rows';
import type { Sql } from './sql';

/** Rows grouped by a key, in row order. */
function groupBy<R, V>(rows: readonly R[], key: (row: R) => string, value: (row: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}

/** Call inside a read transaction, so every table is read from one snapshot. */
export function readGraph(sql: Sql): GraphData {
  const interests = groupBy(
    sql.all<{ actor_id: string; topic_id: string; weight: number }>('SELECT actor_id, topic_id, weight FROM interest ORDER BY actor_id, topic_id'),
    (r) => r.actor_id,
    (r) => ({ topicId: r.topic_id, weight: r.weight }),
  );
  const about = groupBy(
    sql.all<{ collaboration_id: string; topic_id: string }>('SELECT collaboration_id, topic_id FROM about ORDER BY collaboration_id, topic_id'),
    (r) => r.collaboration_id,
    (r) => r.topic_id,
  );
  const participants = groupBy(
    sql.all<{ actor_id: string; collaboration_id: string; role: ParticipationRole }>(
      'SELECT actor_id, collaboration_id, role FROM participation ORDER BY collaboration_id, actor_id',
    ),
    (r) => r.collaboration_id,
    (r) => ({ actorId: r.actor_id, role: r.role }),
  );
  return {
    topics: sql.all<TopicRow>('SELECT * FROM topic ORDER BY id').map((r) => {
      const t = toTopic(r);
      return { id: t.id, name: t.name, aliases: t.aliases };
    }),
    actors: sql.all<ActorRow>('SELECT * FROM actor ORDER BY id').map((r) => {
      const a = toActor(r);
      return {
        id: a.id,
        name: a.name,
        kind: a.kind,
        description: a.description,
        district: a.district,
        website: a.website,
        contact: a.contact,
        interests: interests.get(a.id) ?? [],
      };
    }),
    collaborations: sql.all<CollaborationRow>('SELECT * FROM collaboration ORDER BY id').map((r) => {
      const c = toCollaboration(r);
      return {
        id: c.id,
        title: c.title,
        kind: c.kind,
        startDate: c.startDate,
        endDate: c.endDate,
        location: c.location,
        description: c.description,
        topicIds: about.get(c.id) ?? [],
        participants: participants.get(c.id) ?? [],
      };
    }),
  };
}

/** Per name: ids of the actors with that nameKey, ascending (index actor_name_key). */
export function actorIdsByName(sql: Sql, names: readonly string[]): string[][] {
  const keys = names.map(nameKey);
  const rows = sql.all<{ id: string; name_key: string }>(
    'SELECT id, name_key FROM actor WHERE name_key IN (SELECT value FROM json_each(?)) ORDER BY id',
    JSON.stringify([...new Set(keys)]),
  );
  const byKey = groupBy(rows, (r) => r.name_key, (r) => r.id);
  return keys.map((k) => [...(byKey.get(k) ?? [])]);
}

/** Per title: ids of the collaborations with exactly that title, ascending. */
export function collaborationIdsByTitle(sql: Sql, titles: readonly string[]): string[][] {
  const rows = sql.all<{ id: string; title: string }>(
    'SELECT id, title FROM collaboration WHERE title IN (SELECT value FROM json_each(?)) ORDER BY id',
    JSON.stringify([...new Set(titles)]),
  );
  const byTitle = groupBy(rows, (r) => r.title, (r) => r.id);
  return titles.map((t) => [...(byTitle.get(t) ?? [])]);
}
