/**
 * Suggestion feedback in the Neo4j store: one relationship per verdict,
 * `(:Actor)-[:SUGGESTION_FEEDBACK {seq, verdict, note, author, at}]->(:Actor)` from the actor the
 * suggestion was made for to the actor suggested; `seq` comes from one
 * `(:FeedbackSequence {id: 'feedback'})` counter node (strictly increasing in commit order), and
 * the latest verdict of a pair counts. The relationships go with either actor (DETACH DELETE).
 * Not recorded in the history. Statements are parameterised constants.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { feedbackRecord } from '../../features/suggestions/feedback-rules';
import { MissingReferenceError } from '../../domain/input-rules';
import type {
  SuggestionFeedback,
  SuggestionFeedbackCounts,
  SuggestionFeedbackInput,
  SuggestionVerdict,
} from '../network-store';
import { optionalStringField, stringField, toNumber } from './records';
import type { SuggestionFeedbackStore } from '../port/feedback';
import type { Neo4jConnection } from './connection';

/** Which of `$actorId`, `$suggestedId` exist. */
export const FEEDBACK_ENDS = `
UNWIND [$actorId, $suggestedId] AS id
OPTIONAL MATCH (a:Actor {id: id})
RETURN id, a IS NOT NULL AS found`;

/** Appends one verdict. */
export const RECORD_FEEDBACK = `
MATCH (a:Actor {id: $actorId}), (b:Actor {id: $suggestedId})
MERGE (s:FeedbackSequence {id: 'feedback'})
ON CREATE SET s.value = 0
SET s.value = s.value + 1
CREATE (a)-[f:SUGGESTION_FEEDBACK]->(b)
SET f.seq = s.value, f.verdict = $verdict, f.note = $note, f.author = $author, f.at = $at
RETURN f.seq AS seq`;

/** The feedback given for the actors `$ids`, newest first per actor. */
export const FEEDBACK_OF = `
UNWIND $ids AS id
MATCH (:Actor {id: id})-[f:SUGGESTION_FEEDBACK]->(b:Actor)
RETURN id AS actorId, b.id AS suggestedId, f.verdict AS verdict, f.note AS note, f.author AS author, f.at AS at
ORDER BY f.seq DESC`;

/** The actors suggested to $actorId whose latest verdict is NOT_USEFUL. */
export const DISMISSED_OF = `
MATCH (:Actor {id: $actorId})-[f:SUGGESTION_FEEDBACK]->(b:Actor)
WITH b, f ORDER BY f.seq DESC
WITH b.id AS suggestedId, collect(f.verdict)[0] AS latest
WHERE latest = 'NOT_USEFUL'
RETURN suggestedId
ORDER BY suggestedId`;

/** Verdicts per month (the first seven characters of `at`) and verdict. */
export const FEEDBACK_BY_MONTH = `
MATCH (:Actor)-[f:SUGGESTION_FEEDBACK]->(:Actor)
RETURN substring(f.at, 0, 7) AS month, f.verdict AS verdict, count(*) AS count
ORDER BY month, verdict`;

/** Pairs by their latest verdict. */
export const FEEDBACK_LATEST = `
MATCH (a:Actor)-[f:SUGGESTION_FEEDBACK]->(b:Actor)
WITH a, b, f ORDER BY f.seq DESC
WITH a, b, collect(f.verdict)[0] AS latest
RETURN latest AS verdict, count(*) AS count
ORDER BY verdict`;

/** A feedback record from a row with actorId, suggestedId, verdict, note, author, at. */
export function toFeedback(r: Neo4jRecord): SuggestionFeedback {
  return {
    actorId: stringField(r, 'actorId'),
    suggestedId: stringField(r, 'suggestedId'),
    verdict: stringField(r, 'verdict') as SuggestionVerdict,
    note: optionalStringField(r, 'note'),
    author: stringField(r, 'author'),
    at: stringField(r, 'at'),
  };
}

export async function recordFeedback(
  tx: ManagedTransaction,
  input: SuggestionFeedbackInput,
): Promise<SuggestionFeedback> {
  const record = feedbackRecord(input);
  const ends = (await tx.run(FEEDBACK_ENDS, { actorId: record.actorId, suggestedId: record.suggestedId })).records;
  if (!ends[0]!.get('found')) throw new MissingReferenceError('Actor', record.actorId, 'actorId');
  if (!ends[1]!.get('found')) throw new MissingReferenceError('Actor', record.suggestedId, 'suggestedId');
  await tx.run(RECORD_FEEDBACK, { ...record });
  return record;
}

export async function feedbackOf(tx: ManagedTransaction, actorIds: readonly string[]): Promise<SuggestionFeedback[][]> {
  const records = (await tx.run(FEEDBACK_OF, { ids: [...new Set(actorIds)] })).records;
  const byActor = new Map<string, SuggestionFeedback[]>();
  for (const r of records) {
    const actorId = stringField(r, 'actorId');
    let list = byActor.get(actorId);
    if (!list) byActor.set(actorId, (list = []));
    list.push(toFeedback(r));
  }
  return actorIds.map((id) => byActor.get(id) ?? []);
}

export async function feedbackCounts(tx: ManagedTransaction): Promise<SuggestionFeedbackCounts> {
  const byMonth = (await tx.run(FEEDBACK_BY_MONTH)).records.map((r) => ({
    month: stringField(r, 'month'),
    verdict: stringField(r, 'verdict') as SuggestionVerdict,
    count: toNumber(r.get('count')),
  }));
  const latest = (await tx.run(FEEDBACK_LATEST)).records.map((r) => ({
    verdict: stringField(r, 'verdict') as SuggestionVerdict,
    count: toNumber(r.get('count')),
  }));
  return { byMonth, latest };
}

/** Suggestion feedback of the Neo4j store (port/feedback.ts). */
export function neo4jFeedback(db: Neo4jConnection): SuggestionFeedbackStore {
  return {
    recordSuggestionFeedback: (input: SuggestionFeedbackInput) => db.write((tx) => recordFeedback(tx, input)),
    async suggestionFeedback(actorIds: readonly string[]): Promise<SuggestionFeedback[][]> {
      if (actorIds.length === 0) return [];
      return db.read((tx) => feedbackOf(tx, actorIds));
    },
    // One statement: auto-commit, one round trip per suggestion request.
    dismissedSuggestionsOf: async (actorId: string) =>
      (await db.readStatement(DISMISSED_OF, { actorId })).map((r) => stringField(r, 'suggestedId')),
    suggestionFeedbackCounts: () => db.read((tx) => feedbackCounts(tx)),
  };
}
