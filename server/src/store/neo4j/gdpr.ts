/**
 * Right of access and right to erasure in the Neo4j store (rules: store/gdpr-rules.ts), inside the
 * caller's transaction. Statements are parameterised constants. What Neo4j's own files keep after
 * an erasure (deleted records until reuse, transaction logs until pruned) is in the README's GDPR
 * section.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ParticipationRole } from '../../domain/model';
import {
  checkErasable,
  erasureDraft,
  identifyingValues,
  mergeFamily,
  newPseudonym,
  quotesAny,
  redactRecord,
  REDACTED,
  type ErasureReport,
  type PersonalData,
} from '../../features/gdpr/gdpr-rules';
import type { ChangeRecord, WriteMeta } from '../../features/history/history-rules';
import * as Q from './cypher';
import * as W from './cypher-writes';
import { appendChanges, historyAbout, ownRecords, rewriteRecords } from './history';
import { toFeedback } from './feedback';
import { consents, deleteUpdateRecords, updateProposals } from './update-links';
import { actorOfRow, numberField, toActor, toCollaboration, toInterestOfActor } from './records';
import type { GdprStore } from '../port/transfer';
import { now, type Neo4jConnection } from './connection';
import { removeActorsFromPositions } from './view-positions';

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

/** Feedback notes between other actors than `$id`. */
export const NOTES_OF_OTHERS = `
MATCH (a:Actor)-[f:SUGGESTION_FEEDBACK]->(b:Actor)
WHERE f.note IS NOT NULL AND a.id <> $id AND b.id <> $id
RETURN elementId(f) AS ref, f.note AS note`;

/** Replaces the notes of the feedback `$refs` (element ids) by `$note`. */
export const SET_NOTES = `
MATCH ()-[f:SUGGESTION_FEEDBACK]->()
WHERE elementId(f) IN $refs
SET f.note = $note`;

/** The actor and every actor merged into it (recursively), with their own records. */
async function family(
  tx: ManagedTransaction,
  actorId: string,
  own: ChangeRecord[],
): Promise<{ ids: string[]; records: ChangeRecord[] }> {
  // mergeFamily reads synchronously: load the records level by level first.
  const byId = new Map<string, ChangeRecord[]>([[actorId, own]]);
  for (;;) {
    const missing: string[] = [];
    mergeFamily(actorId, (id) => {
      const records = byId.get(id);
      if (!records) missing.push(id);
      return records ?? [];
    });
    if (missing.length === 0) break;
    for (const id of missing) byId.set(id, await ownRecords(tx, id));
  }
  const ids = mergeFamily(actorId, (id) => byId.get(id)!);
  return { ids, records: ids.flatMap((id) => byId.get(id)!) };
}

export async function personalData(tx: ManagedTransaction, actorId: string): Promise<PersonalData | null> {
  const found = (await tx.run(Q.GET_ACTORS, { ids: [actorId] })).records;
  const own = await ownRecords(tx, actorId);
  if (found.length === 0 && own.length === 0) return null;
  const list = async (statement: string, field: string) =>
    ((await tx.run(statement, { ids: [actorId] })).records[0]?.get(field) as unknown[] | undefined) ?? [];
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
    actor: found.length > 0 ? actorOfRow(found[0].get('actor')) : null,
    interests,
    participations,
    collaborations: participations.map((p) => collaborations.get(p.collaborationId)!),
    suggestionFeedback: feedback,
    history: await historyAbout(tx, (await family(tx, actorId, own)).ids),
    consents: (await consents(tx, [actorId]))[0]!,
    updateProposals: await updateProposals(tx, { actorId }),
  };
}

export async function eraseActor(
  tx: ManagedTransaction,
  actorId: string,
  meta: WriteMeta | undefined,
): Promise<ErasureReport> {
  const [row] = (await tx.run(ERASURE_COUNTS, { id: actorId })).records;
  const actor = row ? toActor(row.get('actor')) : null;
  const own = await ownRecords(tx, actorId);
  checkErasable(actor, own, actorId);
  const erased = await family(tx, actorId, own);
  const report: ErasureReport = {
    actorId,
    pseudonym: newPseudonym(),
    interestsDeleted: row ? numberField(row, 'interests') : 0,
    participationsDeleted: row ? numberField(row, 'participations') : 0,
    feedbackDeleted: row ? numberField(row, 'feedback') : 0,
    historyRedacted: 0,
    mergedActorsErased: erased.ids.length - 1,
    feedbackNotesCleared: 0,
  };
  const ids = new Set(erased.ids);
  const rewrites = [];
  for (const record of await historyAbout(tx, erased.ids)) {
    const redacted = redactRecord(record, ids, report.pseudonym);
    if (redacted) rewrites.push({ seq: record.seq, ...redacted });
  }
  await rewriteRecords(tx, rewrites);
  report.historyRedacted = rewrites.length;
  // Notes of others that quote the person's names or contacts.
  const quoted = identifyingValues(actor, erased.records);
  const refs = (await tx.run(NOTES_OF_OTHERS, { id: actorId })).records
    .filter((r) => quotesAny(r.get('note') as string, quoted))
    .map((r) => r.get('ref') as string);
  if (refs.length > 0) await tx.run(SET_NOTES, { refs, note: REDACTED });
  report.feedbackNotesCleared = refs.length;
  // Interests, participations and feedback (both directions) go with the actor.
  // Update links, proposals and consent records go with the actor.
  await deleteUpdateRecords(tx, [actorId]);
  // Its collaborations lose a participant: their version goes up, so an edit opened before is refused.
  if (row) await tx.run(W.BUMP_COLLABORATIONS_OF, { ids: [actorId], now: now() });
  await removeActorsFromPositions(tx, ids);
  if (row) await tx.run(W.DELETE_ACTOR, { id: actorId });
  await appendChanges(tx, meta, [erasureDraft(report)]);
  return report;
}

/** Right of access and erasure in the Neo4j store (port/transfer.ts). */
export function neo4jGdpr(db: Neo4jConnection): GdprStore {
  return {
    personalData: (actorId: string) => db.read((tx) => personalData(tx, actorId)),
    eraseActor: (actorId: string, meta?: WriteMeta) => db.write((tx) => eraseActor(tx, actorId, meta)),
  };
}
