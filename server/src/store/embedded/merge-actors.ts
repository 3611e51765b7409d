/**
 * mergeActors for the embedded store (rules: store/merge-actors-rules.ts). Runs inside the caller's
 * transaction: checks, moves participations, interests and suggestion feedback, deletes the merged
 * actors, bumps the kept actor's version, records the history.
 */
import type { Actor, ParticipationRole } from '../../domain/model';
import { type WriteMeta, mergeDrafts } from '../../features/history/history-rules';
import { MissingReferenceError } from '../../domain/input-rules';
import { strongerRole } from '../../features/history/merge-actors-rules';
import { appendChanges } from './history';
import { bumpCollaborationsOf } from './record-writes';
import { type ActorRow, toActor } from './rows';
import type { Sql } from './sql';
import { keysJson } from './sql';

export function mergeActors(sql: Sql, keepId: string, mergeIds: readonly string[], meta: WriteMeta | undefined): Actor {
  const keepRow = sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', keepId);
  if (!keepRow) throw new MissingReferenceError('Actor', keepId, 'keepId');
  const [missing] = sql.missing('actor', mergeIds);
  if (missing !== undefined) throw new MissingReferenceError('Actor', missing, 'mergeIds');
  const merged = sql
    .all<ActorRow>('SELECT * FROM actor WHERE id IN (SELECT value FROM json_each(?))', keysJson(mergeIds))
    .map(toActor)
    .sort((a, b) => mergeIds.indexOf(a.id) - mergeIds.indexOf(b.id));

  // The collaborations of the merged actors change participant: their versions go up.
  bumpCollaborationsOf(sql, mergeIds, new Date().toISOString());
  let participationsMoved = 0;
  for (const p of sql.all<{ collaboration_id: string; role: ParticipationRole }>(
    'SELECT collaboration_id, role FROM participation WHERE actor_id IN (SELECT value FROM json_each(?))',
    keysJson(mergeIds),
  )) {
    const current = sql.get<{ role: ParticipationRole }>(
      'SELECT role FROM participation WHERE actor_id = ? AND collaboration_id = ?',
      keepId,
      p.collaboration_id,
    );
    if (current) {
      sql.run(
        'UPDATE participation SET role = ? WHERE actor_id = ? AND collaboration_id = ?',
        strongerRole(current.role, p.role),
        keepId,
        p.collaboration_id,
      );
    } else {
      sql.run(
        'INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)',
        keepId,
        p.collaboration_id,
        p.role,
      );
    }
    participationsMoved++;
  }

  let interestsMoved = 0;
  for (const i of sql.all<{ topic_id: string; weight: number }>(
    'SELECT topic_id, weight FROM interest WHERE actor_id IN (SELECT value FROM json_each(?))',
    keysJson(mergeIds),
  )) {
    sql.run(
      `INSERT INTO interest (actor_id, topic_id, weight) VALUES (?, ?, ?)
       ON CONFLICT (actor_id, topic_id) DO UPDATE SET weight = max(weight, excluded.weight)`,
      keepId,
      i.topic_id,
      i.weight,
    );
    interestsMoved++;
  }

  moveFeedback(sql, keepId, mergeIds);

  // Their interests and participations go with them (ON DELETE CASCADE).
  sql.run('DELETE FROM actor WHERE id IN (SELECT value FROM json_each(?))', keysJson(mergeIds));
  const now = new Date().toISOString();
  sql.run('UPDATE actor SET version = version + 1, updated_at = ? WHERE id = ?', now, keepId);
  const kept = toActor(sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', keepId)!);
  appendChanges(
    sql,
    meta,
    mergeDrafts(kept, merged, { participations: participationsMoved, interests: interestsMoved }),
    now,
  );
  return kept;
}

/**
 * Suggestion feedback given for or about the merged actors becomes the kept actor's, in its order
 * (`seq` stays, so the latest verdict of a pair still counts); feedback between the kept actor and
 * the merged ones (or among these) would be an actor's verdict on itself and is dropped.
 */
function moveFeedback(sql: Sql, keepId: string, mergeIds: readonly string[]): void {
  const all = keysJson([keepId, ...mergeIds]);
  sql.run(
    `DELETE FROM suggestion_feedback
     WHERE actor_id IN (SELECT value FROM json_each(?)) AND suggested_id IN (SELECT value FROM json_each(?))`,
    all,
    all,
  );
  sql.run(
    'UPDATE suggestion_feedback SET actor_id = ? WHERE actor_id IN (SELECT value FROM json_each(?))',
    keepId,
    keysJson(mergeIds),
  );
  sql.run(
    'UPDATE suggestion_feedback SET suggested_id = ? WHERE suggested_id IN (SELECT value FROM json_each(?))',
    keepId,
    keysJson(mergeIds),
  );
}
