/**
 * Suggestion feedback in the embedded store: table `suggestion_feedback` (migration 3), one row per
 * verdict, numbered by `seq` (the latest verdict of a pair counts). Rows go with either actor
 * (ON DELETE CASCADE). Not recorded in `change_record`.
 */
import { feedbackRecord } from '../../features/suggestions/feedback-rules';
import { MissingReferenceError } from '../../domain/input-rules';
import type {
  SuggestionFeedback,
  SuggestionFeedbackCounts,
  SuggestionFeedbackInput,
  SuggestionVerdict,
} from '../network-store';
import type { Sql } from './sql';
import type { SuggestionFeedbackStore } from '../port/feedback';
import type { EmbeddedDatabase } from './database';
import { keysJson } from './sql';

/** Migration 3 (schema.ts). */
export const FEEDBACK_MIGRATION = `
  CREATE TABLE suggestion_feedback (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id     TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    suggested_id TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    verdict      TEXT NOT NULL,
    note         TEXT,
    author       TEXT NOT NULL,
    at           TEXT NOT NULL
  );
  CREATE INDEX suggestion_feedback_by_actor ON suggestion_feedback (actor_id, seq);
  CREATE INDEX suggestion_feedback_by_suggested ON suggestion_feedback (suggested_id);
`;

export interface FeedbackRow {
  actor_id: string;
  suggested_id: string;
  verdict: SuggestionVerdict;
  note: string | null;
  author: string;
  at: string;
}

export const toFeedback = (r: FeedbackRow): SuggestionFeedback => ({
  actorId: r.actor_id,
  suggestedId: r.suggested_id,
  verdict: r.verdict,
  note: r.note,
  author: r.author,
  at: r.at,
});

/** Inside the caller's write transaction. */
export function recordFeedback(sql: Sql, input: SuggestionFeedbackInput): SuggestionFeedback {
  const record = feedbackRecord(input);
  if (!sql.exists('actor', record.actorId)) throw new MissingReferenceError('Actor', record.actorId, 'actorId');
  if (!sql.exists('actor', record.suggestedId))
    throw new MissingReferenceError('Actor', record.suggestedId, 'suggestedId');
  sql.run(
    'INSERT INTO suggestion_feedback (actor_id, suggested_id, verdict, note, author, at) VALUES (?, ?, ?, ?, ?, ?)',
    record.actorId,
    record.suggestedId,
    record.verdict,
    record.note,
    record.author,
    record.at,
  );
  return record;
}

/** Per actor, newest first. */
export function feedbackOf(sql: Sql, actorIds: readonly string[]): SuggestionFeedback[][] {
  const rows = sql.all<FeedbackRow>(
    'SELECT * FROM suggestion_feedback WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC',
    keysJson(actorIds),
  );
  const byActor = new Map<string, SuggestionFeedback[]>();
  for (const r of rows) {
    let list = byActor.get(r.actor_id);
    if (!list) byActor.set(r.actor_id, (list = []));
    list.push(toFeedback(r));
  }
  return actorIds.map((id) => byActor.get(id) ?? []);
}

/** The pairs whose latest verdict is NOT_USEFUL. */
export function dismissedOf(sql: Sql, actorId: string): string[] {
  return sql
    .all<{ suggested_id: string }>(
      `SELECT f.suggested_id FROM suggestion_feedback f
       WHERE f.actor_id = ? AND f.verdict = 'NOT_USEFUL'
         AND f.seq = (SELECT max(g.seq) FROM suggestion_feedback g
                      WHERE g.actor_id = f.actor_id AND g.suggested_id = f.suggested_id)
       ORDER BY f.suggested_id`,
      actorId,
    )
    .map((r) => r.suggested_id);
}

/** Verdicts per month and verdict; pairs by their latest verdict. */
export function feedbackCounts(sql: Sql): SuggestionFeedbackCounts {
  return {
    byMonth: sql.all<{ month: string; verdict: SuggestionVerdict; count: number }>(
      `SELECT substr(at, 1, 7) AS month, verdict, count(*) AS count FROM suggestion_feedback
       GROUP BY month, verdict ORDER BY month, verdict`,
    ),
    latest: sql.all<{ verdict: SuggestionVerdict; count: number }>(
      `SELECT f.verdict AS verdict, count(*) AS count FROM suggestion_feedback f
       WHERE f.seq = (SELECT max(g.seq) FROM suggestion_feedback g
                      WHERE g.actor_id = f.actor_id AND g.suggested_id = f.suggested_id)
       GROUP BY f.verdict ORDER BY f.verdict`,
    ),
  };
}

/** Suggestion feedback of the embedded store (port/feedback.ts). */
export function embeddedFeedback(d: EmbeddedDatabase): SuggestionFeedbackStore {
  return {
    recordSuggestionFeedback: async (input: SuggestionFeedbackInput) => d.write(() => recordFeedback(d.sql, input)),
    suggestionFeedback: async (actorIds: readonly string[]) => feedbackOf(d.sql, actorIds),
    dismissedSuggestionsOf: async (actorId: string) => dismissedOf(d.sql, actorId),
    suggestionFeedbackCounts: async () => feedbackCounts(d.sql),
  };
}
