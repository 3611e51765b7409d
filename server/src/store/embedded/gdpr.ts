/**
 * Right of access and right to erasure in the embedded store (rules: store/gdpr-rules.ts). Both run
 * inside the caller's transaction.
 */
import type { ParticipationRole } from '../../domain/model';
import { checkErasable, erasureDraft, newPseudonym, redactRecord, type ErasureReport, type PersonalData } from '../gdpr-rules';
import type { WriteMeta } from '../history-rules';
import { type FeedbackRow, toFeedback } from './feedback';
import { appendChanges, historyAbout, rewriteRecord } from './history';
import { type ActorRow, type CollaborationRow, type InterestRow, toActor, toCollaboration, toInterest } from './rows';
import type { Sql } from './sql';

export function personalData(sql: Sql, actorId: string): PersonalData | null {
  const row = sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', actorId);
  if (!row) return null;
  const participations = sql.all<{ collaboration_id: string; role: ParticipationRole } & CollaborationRow>(
    `SELECT p.collaboration_id, p.role, c.* FROM participation p JOIN collaboration c ON c.id = p.collaboration_id
     WHERE p.actor_id = ? ORDER BY coalesce(c.start_date, '') DESC, c.id`,
    actorId,
  );
  return {
    actor: toActor(row),
    interests: sql
      .all<InterestRow>(
        `SELECT i.actor_id, i.topic_id, i.weight FROM interest i JOIN topic t ON t.id = i.topic_id
         WHERE i.actor_id = ? ORDER BY t.name_key, t.id`,
        actorId,
      )
      .map(toInterest),
    participations: participations.map((p) => ({ actorId, collaborationId: p.collaboration_id, role: p.role })),
    collaborations: participations.map((p) => toCollaboration(p)),
    suggestionFeedback: sql
      .all<FeedbackRow>('SELECT * FROM suggestion_feedback WHERE actor_id = ? OR suggested_id = ? ORDER BY seq DESC', actorId, actorId)
      .map(toFeedback),
    history: historyAbout(sql, actorId),
  };
}

export function eraseActor(sql: Sql, actorId: string, meta: WriteMeta | undefined): ErasureReport {
  checkErasable(toActorOrNull(sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', actorId)), actorId);
  const count = (statement: string, ...params: unknown[]) => sql.get<{ n: number }>(statement, ...params)!.n;
  const report: ErasureReport = {
    actorId,
    pseudonym: newPseudonym(),
    interestsDeleted: count('SELECT count(*) AS n FROM interest WHERE actor_id = ?', actorId),
    participationsDeleted: count('SELECT count(*) AS n FROM participation WHERE actor_id = ?', actorId),
    feedbackDeleted: count('SELECT count(*) AS n FROM suggestion_feedback WHERE actor_id = ? OR suggested_id = ?', actorId, actorId),
    historyRedacted: 0,
  };
  for (const record of historyAbout(sql, actorId)) {
    const redacted = redactRecord(record, actorId, report.pseudonym);
    if (!redacted) continue;
    rewriteRecord(sql, record.seq, redacted.entityId, redacted.changes);
    report.historyRedacted++;
  }
  sql.run('DELETE FROM suggestion_feedback WHERE actor_id = ? OR suggested_id = ?', actorId, actorId);
  // Interests and participations go with the actor (ON DELETE CASCADE).
  sql.run('DELETE FROM actor WHERE id = ?', actorId);
  appendChanges(sql, meta, [erasureDraft(report)]);
  return report;
}

function toActorOrNull(row: ActorRow | undefined) {
  return row ? toActor(row) : null;
}
