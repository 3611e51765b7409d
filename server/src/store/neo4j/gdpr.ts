/**
 * Right of access and right to erasure in the Neo4j store (rules: store/gdpr-rules.ts), inside the
 * caller's transaction. Statements are parameterised constants.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ParticipationRole } from '../../domain/model';
import { checkErasable, erasureDraft, newPseudonym, redactRecord, type ErasureReport, type PersonalData } from '../gdpr-rules';
import type { WriteMeta } from '../history-rules';
import * as Q from './cypher';
import { appendChanges, historyAbout, rewriteRecords } from './history';
import { toFeedback } from './feedback';
import { numberField, toActor, toCollaboration, toInterestOfActor } from './records';

/** Feedback given for the actor or on it (either direction), newest first. */
export const FEEDBACK_INVOLVING = `
MATCH (:Actor {id: $id})-[f:SUGGESTION_FEEDBACK]-(:Actor)
WITH DISTINCT f
MATCH (a:Actor)-[f]->(b:Actor)
RETURN a.id AS actorId, b.id AS suggestedId, f.verdict AS verdict, f.note AS note, f.author AS author, f.at AS at
ORDER BY f.seq DESC`;

/** The actor with how much of it an erasure deletes. */
export const ERASURE_COUNTS = `
MATCH (a:Actor {id: $id})
RETURN properties(a) AS actor,
       COUNT { (a)-[:INTERESTED_IN]->(:Topic) } AS interests,
       COUNT { (a)-[:PARTICIPATED_IN]->(:Collaboration) } AS participations,
       COUNT { (a)-[:SUGGESTION_FEEDBACK]-(:Actor) } AS feedback`;

export async function personalData(tx: ManagedTransaction, actorId: string): Promise<PersonalData | null> {
  const found = (await tx.run(Q.GET_ACTORS, { ids: [actorId] })).records;
  if (found.length === 0) return null;
  const list = async (statement: string, field: string) => ((await tx.run(statement, { ids: [actorId] })).records[0]?.get(field) as unknown[] | undefined) ?? [];
  const interests = (await list(Q.INTERESTS_OF_ACTORS, 'interests')).map((v) => toInterestOfActor(actorId, v));
  const participations = (await list(Q.PARTICIPATIONS_OF_ACTORS, 'participations')).map((v) => {
    const p = v as { collaborationId: unknown; role: unknown };
    return { actorId, collaborationId: String(p.collaborationId), role: String(p.role) as ParticipationRole };
  });
  const collaborations = new Map(
    (await tx.run(Q.GET_COLLABORATIONS, { ids: participations.map((p) => p.collaborationId) })).records.map((r) => {
      const c = toCollaboration(r.get('collaboration'));
      return [c.id, c] as const;
    }),
  );
  const feedback = (await tx.run(FEEDBACK_INVOLVING, { id: actorId })).records.map(toFeedback);
  return {
    actor: toActor(found[0].get('actor')),
    interests,
    participations,
    collaborations: participations.map((p) => collaborations.get(p.collaborationId)!),
    suggestionFeedback: feedback,
    history: await historyAbout(tx, actorId),
  };
}

export async function eraseActor(tx: ManagedTransaction, actorId: string, meta: WriteMeta | undefined): Promise<ErasureReport> {
  const [row] = (await tx.run(ERASURE_COUNTS, { id: actorId })).records;
  checkErasable(row ? toActor(row.get('actor')) : null, actorId);
  const report: ErasureReport = {
    actorId,
    pseudonym: newPseudonym(),
    interestsDeleted: numberField(row, 'interests'),
    participationsDeleted: numberField(row, 'participations'),
    feedbackDeleted: numberField(row, 'feedback'),
    historyRedacted: 0,
  };
  const rewrites = [];
  for (const record of await historyAbout(tx, actorId)) {
    const redacted = redactRecord(record, actorId, report.pseudonym);
    if (redacted) rewrites.push({ seq: record.seq, ...redacted });
  }
  await rewriteRecords(tx, rewrites);
  report.historyRedacted = rewrites.length;
  // Interests, participations and feedback (both directions) go with the actor.
  await tx.run(Q.DELETE_ACTOR, { id: actorId });
  await appendChanges(tx, meta, [erasureDraft(report)]);
  return report;
}
