/**
 * mergeActors for the Neo4j store (rules: store/merge-actors-rules.ts), inside the caller's write
 * transaction: lock the kept actor, read both sides, work out the roles and weights in JS (the same
 * rule functions as the embedded store), write them with one UNWIND statement each, move the
 * suggestion feedback, delete the merged actors, bump the kept actor's version, record the history.
 */
import { deleteUpdateRecords } from './update-links';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Actor, ParticipationRole } from '../../domain/model';
import { mergeDrafts, type WriteMeta } from '../../features/history/history-rules';
import { MissingReferenceError } from '../../domain/input-rules';
import { strongerRole } from '../../features/history/merge-actors-rules';
import * as Q from './cypher';
import * as W from './cypher-writes';
import { appendChanges } from './history';
import { actorOfRow, stringField, toActor, toNumber } from './records';

/** Participations of the actors `$ids`. */
export const PARTICIPATIONS_OF = `
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
RETURN id AS actorId, c.id AS collaborationId, r.role AS role`;

/** Interests of the actors `$ids`. */
export const INTERESTS_OF = `
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r:INTERESTED_IN]->(t:Topic)
RETURN id AS actorId, t.id AS topicId, r.weight AS weight`;

/** Sets the kept actor's participations `$rows` ({collaborationId, role}). */
export const SET_KEPT_PARTICIPATIONS = `
MATCH (keep:Actor {id: $keepId})
UNWIND $rows AS r
MATCH (c:Collaboration {id: r.collaborationId})
MERGE (keep)-[p:PARTICIPATED_IN]->(c)
SET p.role = r.role`;

/** Sets the kept actor's interests `$rows` ({topicId, weight}). */
export const SET_KEPT_INTERESTS = `
MATCH (keep:Actor {id: $keepId})
UNWIND $rows AS r
MATCH (t:Topic {id: r.topicId})
MERGE (keep)-[i:INTERESTED_IN]->(t)
SET i.weight = r.weight`;

/**
 * The merged actors' suggestion feedback (given for them) as the kept actor's; properties (seq,
 * verdict, note, author, at) kept. Feedback about the kept or another merged actor is left to go.
 */
export const MOVE_FEEDBACK_GIVEN = `
MATCH (keep:Actor {id: $keepId})
UNWIND $ids AS id
MATCH (:Actor {id: id})-[f:SUGGESTION_FEEDBACK]->(b:Actor)
WHERE NOT b.id IN $all
CREATE (keep)-[g:SUGGESTION_FEEDBACK]->(b)
SET g = properties(f)`;

/** Feedback about the merged actors (suggested to others) as feedback about the kept actor. */
export const MOVE_FEEDBACK_ABOUT = `
MATCH (keep:Actor {id: $keepId})
UNWIND $ids AS id
MATCH (a:Actor)-[f:SUGGESTION_FEEDBACK]->(:Actor {id: id})
WHERE NOT a.id IN $all
CREATE (a)-[g:SUGGESTION_FEEDBACK]->(keep)
SET g = properties(f)`;

/** Deletes the merged actors with their relationships. */
export const DELETE_MERGED = `
MATCH (a:Actor)
WHERE a.id IN $ids
DETACH DELETE a`;

/** Bumps the kept actor's version. */
export const TOUCH_KEPT = `
MATCH (a:Actor {id: $keepId})
SET a.version = a.version + 1, a.updatedAt = $now
RETURN properties(a) AS actor`;

export async function mergeActors(
  tx: ManagedTransaction,
  keepId: string,
  mergeIds: readonly string[],
  meta: WriteMeta | undefined,
): Promise<Actor> {
  const locked = await tx.run(W.LOCK_ACTOR, { id: keepId });
  if (locked.records.length === 0) throw new MissingReferenceError('Actor', keepId, 'keepId');
  const found = new Map<string, Actor>();
  for (const r of (await tx.run(Q.GET_ACTORS, { ids: [...mergeIds] })).records) {
    const actor = actorOfRow(r.get('actor'));
    found.set(actor.id, actor);
  }
  const missing = mergeIds.find((id) => !found.has(id));
  if (missing !== undefined) throw new MissingReferenceError('Actor', missing, 'mergeIds');
  const merged = mergeIds.map((id) => found.get(id)!);

  const ids = [keepId, ...mergeIds];
  const roles = new Map<string, ParticipationRole>();
  const participations = (await tx.run(PARTICIPATIONS_OF, { ids })).records.map((r) => ({
    actorId: stringField(r, 'actorId'),
    collaborationId: stringField(r, 'collaborationId'),
    role: stringField(r, 'role') as ParticipationRole,
  }));
  // The kept actor's own roles first, then each merged one folded in.
  participations.sort((a, b) => ids.indexOf(a.actorId) - ids.indexOf(b.actorId));
  let participationsMoved = 0;
  for (const p of participations) {
    const current = roles.get(p.collaborationId);
    roles.set(p.collaborationId, current ? strongerRole(current, p.role) : p.role);
    if (p.actorId !== keepId) participationsMoved++;
  }
  const weights = new Map<string, number>();
  let interestsMoved = 0;
  for (const r of (await tx.run(INTERESTS_OF, { ids })).records) {
    const topicId = stringField(r, 'topicId');
    const weight = toNumber(r.get('weight'));
    weights.set(topicId, Math.max(weights.get(topicId) ?? 0, weight));
    if (stringField(r, 'actorId') !== keepId) interestsMoved++;
  }

  // The collaborations of the merged actors change participant: their versions go up.
  await tx.run(W.BUMP_COLLABORATIONS_OF, { ids: [...mergeIds], now: new Date().toISOString() });
  if (roles.size > 0) {
    await tx.run(SET_KEPT_PARTICIPATIONS, {
      keepId,
      rows: [...roles].map(([collaborationId, role]) => ({ collaborationId, role })),
    });
  }
  if (weights.size > 0) {
    await tx.run(SET_KEPT_INTERESTS, { keepId, rows: [...weights].map(([topicId, weight]) => ({ topicId, weight })) });
  }
  // Feedback moves (the rules of the embedded store's moveFeedback); the originals go with DETACH DELETE.
  const all = [keepId, ...mergeIds];
  await tx.run(MOVE_FEEDBACK_GIVEN, { keepId, ids: [...mergeIds], all });
  await tx.run(MOVE_FEEDBACK_ABOUT, { keepId, ids: [...mergeIds], all });
  await deleteUpdateRecords(tx, mergeIds);
  await tx.run(DELETE_MERGED, { ids: [...mergeIds] });
  const now = new Date().toISOString();
  const kept = toActor((await tx.run(TOUCH_KEPT, { keepId, now })).records[0].get('actor'));
  await appendChanges(
    tx,
    meta,
    mergeDrafts(kept, merged, { participations: participationsMoved, interests: interestsMoved }),
    now,
  );
  return kept;
}
