/**
 * Whole-network reads of the embedded store for import and export: the network's content in id
 * order, and ids by name or title (references by name in an import).
 */
import type { ParticipationRole } from '../../domain/model';
import { nameKey } from '../../domain/text';
import { assembleGraphData, groupBy } from '../graph-data';
import type { GraphData } from '../network-store';
import { type ActorRow, type CollaborationRow, type TopicRow, toActor, toCollaboration, toTopic } from './rows';
import type { Sql } from './sql';

/** Call inside a read transaction, so every table is read from one snapshot. */
export function readGraph(sql: Sql): GraphData {
  return assembleGraphData({
    topics: sql.all<TopicRow>('SELECT * FROM topic').map(toTopic),
    actors: sql.all<ActorRow>('SELECT * FROM actor').map(toActor),
    collaborations: sql.all<CollaborationRow>('SELECT * FROM collaboration').map(toCollaboration),
    interests: sql
      .all<{ actor_id: string; topic_id: string; weight: number }>('SELECT actor_id, topic_id, weight FROM interest')
      .map((r) => ({ actorId: r.actor_id, topicId: r.topic_id, weight: r.weight })),
    about: sql
      .all<{ collaboration_id: string; topic_id: string }>('SELECT collaboration_id, topic_id FROM about')
      .map((r) => ({ collaborationId: r.collaboration_id, topicId: r.topic_id })),
    participations: sql
      .all<{ actor_id: string; collaboration_id: string; role: ParticipationRole }>(
        'SELECT actor_id, collaboration_id, role FROM participation',
      )
      .map((r) => ({ actorId: r.actor_id, collaborationId: r.collaboration_id, role: r.role })),
  });
}

/** Per name: ids of the actors with that nameKey, ascending (index actor_name_key). */
export function actorIdsByName(sql: Sql, names: readonly string[]): string[][] {
  const keys = names.map(nameKey);
  const rows = sql.all<{ id: string; name_key: string }>(
    'SELECT id, name_key FROM actor WHERE name_key IN (SELECT value FROM json_each(?)) ORDER BY id',
    JSON.stringify([...new Set(keys)]),
  );
  const byKey = groupBy(
    rows,
    (r) => r.name_key,
    (r) => r.id,
  );
  return keys.map((k) => [...(byKey.get(k) ?? [])]);
}

/** Per title: ids of the collaborations with exactly that title, ascending. */
export function collaborationIdsByTitle(sql: Sql, titles: readonly string[]): string[][] {
  const rows = sql.all<{ id: string; title: string }>(
    'SELECT id, title FROM collaboration WHERE title IN (SELECT value FROM json_each(?)) ORDER BY id',
    JSON.stringify([...new Set(titles)]),
  );
  const byTitle = groupBy(
    rows,
    (r) => r.title,
    (r) => r.id,
  );
  return titles.map((t) => [...(byTitle.get(t) ?? [])]);
}
