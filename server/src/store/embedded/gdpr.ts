/**
 * Right of access and right to erasure in the embedded store (rules: store/gdpr-rules.ts). Both run
 * inside the caller's transaction; after an erasure has committed, the store calls `scrubFiles` so
 * no erased byte stays in the database files (the connection runs with `secure_delete`, schema.ts).
 */
import type Database from 'better-sqlite3';
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
import { type FeedbackRow, toFeedback } from './feedback';
import { appendChanges, historyAbout, ownRecords, rewriteRecord } from './history';
import { type ActorRow, type CollaborationRow, type InterestRow, toActor, toCollaboration, toInterest } from './rows';
import type { Sql } from './sql';
import { bumpCollaborationsOf } from './record-writes';
import { now, type EmbeddedDatabase } from './database';
import type { GdprStore } from '../port/transfer';
import { consents, updateProposals } from './update-links';
import { removeActorsFromPositions } from './view-positions';

/** The actor (null when deleted or merged away) and its own records, or null when neither exists. */
function found(sql: Sql, actorId: string) {
  const row = sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', actorId);
  const own = ownRecords(sql, actorId);
  return { actor: row ? toActor(row) : null, own };
}

/** The actor and every actor merged into it (recursively), with their own records. */
function family(sql: Sql, actorId: string, own: ChangeRecord[]): { ids: string[]; records: ChangeRecord[] } {
  const byId = new Map<string, ChangeRecord[]>([[actorId, own]]);
  const recordsOf = (id: string) => {
    let records = byId.get(id);
    if (!records) byId.set(id, (records = ownRecords(sql, id)));
    return records;
  };
  const ids = mergeFamily(actorId, recordsOf);
  return { ids, records: ids.flatMap(recordsOf) };
}

export function personalData(sql: Sql, actorId: string): PersonalData | null {
  const { actor, own } = found(sql, actorId);
  if (!actor && own.length === 0) return null;
  const participations = sql.all<{ collaboration_id: string; role: ParticipationRole } & CollaborationRow>(
    `SELECT p.collaboration_id, p.role, c.* FROM participation p JOIN collaboration c ON c.id = p.collaboration_id
     WHERE p.actor_id = ? ORDER BY coalesce(c.start_date, '') DESC, c.id`,
    actorId,
  );
  return {
    actor,
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
      .all<FeedbackRow>(
        'SELECT * FROM suggestion_feedback WHERE actor_id = ? OR suggested_id = ? ORDER BY seq DESC',
        actorId,
        actorId,
      )
      .map(toFeedback),
    history: historyAbout(sql, family(sql, actorId, own).ids),
    // Consent records and proposals go with the actor (ON DELETE CASCADE), also on erasure.
    consents: consents(sql, [actorId])[0]!,
    updateProposals: updateProposals(sql, { actorId }),
  };
}

export function eraseActor(sql: Sql, actorId: string, meta: WriteMeta | undefined): ErasureReport {
  const { actor, own } = found(sql, actorId);
  checkErasable(actor, own, actorId);
  const erased = family(sql, actorId, own);
  const count = (statement: string, ...params: unknown[]) => sql.get<{ n: number }>(statement, ...params)!.n;
  const report: ErasureReport = {
    actorId,
    pseudonym: newPseudonym(),
    interestsDeleted: count('SELECT count(*) AS n FROM interest WHERE actor_id = ?', actorId),
    participationsDeleted: count('SELECT count(*) AS n FROM participation WHERE actor_id = ?', actorId),
    feedbackDeleted: count(
      'SELECT count(*) AS n FROM suggestion_feedback WHERE actor_id = ? OR suggested_id = ?',
      actorId,
      actorId,
    ),
    historyRedacted: 0,
    mergedActorsErased: erased.ids.length - 1,
    feedbackNotesCleared: 0,
  };
  const ids = new Set(erased.ids);
  for (const record of historyAbout(sql, erased.ids)) {
    const redacted = redactRecord(record, ids, report.pseudonym);
    if (!redacted) continue;
    rewriteRecord(sql, record.seq, redacted.entityId, redacted.changes);
    report.historyRedacted++;
  }
  sql.run('DELETE FROM suggestion_feedback WHERE actor_id = ? OR suggested_id = ?', actorId, actorId);
  // Notes of others that quote the person's names or contacts.
  const quoted = identifyingValues(actor, erased.records);
  for (const f of sql.all<{ seq: number; note: string }>(
    'SELECT seq, note FROM suggestion_feedback WHERE note IS NOT NULL',
  )) {
    if (!quotesAny(f.note, quoted)) continue;
    sql.run('UPDATE suggestion_feedback SET note = ? WHERE seq = ?', REDACTED, f.seq);
    report.feedbackNotesCleared++;
  }
  // Its collaborations lose a participant: their version goes up, so an edit opened before is refused.
  bumpCollaborationsOf(sql, [actorId], now());
  removeActorsFromPositions(sql, ids);
  // Interests and participations go with the actor (ON DELETE CASCADE).
  sql.run('DELETE FROM actor WHERE id = ?', actorId);
  // The trigram index keeps a deleted name's trigrams in its segments until they are merged:
  // rebuilt from the actor table, it holds only the names that are still there.
  sql.run("INSERT INTO actor_name_search (actor_name_search) VALUES ('rebuild')");
  appendChanges(sql, meta, [erasureDraft(report)]);
  return report;
}

/**
 * After an erasure has committed: copies the WAL into the database file and truncates it, so the
 * old page images (which still hold the erased values) are gone from the -wal file; the pages that
 * held them were zeroed by `secure_delete`. False when a reader of another connection kept the
 * checkpoint from finishing (the next erasure, or the next checkpoint, finishes the job).
 */
export function scrubFiles(db: Database.Database): boolean {
  if (db.memory) return true;
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return result !== undefined && result.busy === 0;
}

/** Right of access and erasure in the embedded store (port/transfer.ts). */
export function embeddedGdpr(d: EmbeddedDatabase): GdprStore {
  return {
    personalData: async (actorId: string) => d.read(() => personalData(d.sql, actorId)),
    async eraseActor(actorId: string, meta?: WriteMeta): Promise<ErasureReport> {
      const report = d.write(() => eraseActor(d.sql, actorId, meta));
      scrubFiles(d.db);
      return report;
    },
  };
}
