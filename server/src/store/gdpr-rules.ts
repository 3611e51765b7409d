/**
 * The GDPR rules every store keeps for actors of kind PERSON (right of access, right to erasure).
 *
 * Erasure deletes the actor with its interests, participations and suggestion feedback (both
 * directions) and redacts the history, in one transaction:
 * - records of the actor itself (entityId = its id): the id becomes a random pseudonym
 *   (`erased-<uuid>`) and every recorded value becomes "[erased]" (field names stay, so the record
 *   still says *that* something changed, not what);
 * - records of other entities that name the actor (a collaboration's `participant:<id>` fields and
 *   `participants` lists, a merge's `mergedActorIds` / `mergedInto`): the id becomes the pseudonym;
 *   the rest of those records is not about the person and stays.
 * One ERASE record on the pseudonym says who erased when, and how much; nothing in it identifies
 * the person. A store finds the candidate records by substring (`historyNeedles`) and decides with
 * `mentionsActor`, so both stores redact exactly the same records.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../domain/errors';
import type { Actor, Collaboration, Interest, Participation } from '../domain/model';
import type { ChangeDraft, ChangeRecord, FieldChange } from './history-rules';
import { MissingReferenceError } from './input-rules';
import type { SuggestionFeedback } from './network-store';

/** Everything a store holds about one actor (right of access). */
export interface PersonalData {
  actor: Actor;
  interests: Interest[];
  /** Newest collaboration first. */
  participations: Participation[];
  /** The collaborations of `participations`, in the same order. */
  collaborations: Collaboration[];
  /** Feedback on suggestions made to the actor or of the actor, newest first. */
  suggestionFeedback: SuggestionFeedback[];
  /** Every history record about the actor or naming it, newest first. */
  history: ChangeRecord[];
}

export interface ErasureReport {
  actorId: string;
  /** What the actor's id was replaced with in the history. */
  pseudonym: string;
  interestsDeleted: number;
  participationsDeleted: number;
  feedbackDeleted: number;
  historyRedacted: number;
}

export const REDACTED = '[erased]';

export function newPseudonym(): string {
  return `erased-${randomUUID()}`;
}

/** NOT_FOUND for an unknown actor; BAD_USER_INPUT for one that is not a PERSON. */
export function checkErasable(actor: Actor | null | undefined, id: string): Actor {
  if (!actor) throw new MissingReferenceError('Actor', id, 'id');
  if (actor.kind !== 'PERSON') {
    throw new BadInputError(
      `actor "${id}" is of kind ${actor.kind}, not PERSON: erasure is for personal data; use deleteActor to remove it`,
      'id',
    );
  }
  return actor;
}

/** Substrings of the stored `changes` JSON text of every record that names the actor in its changes. */
export function historyNeedles(actorId: string): string[] {
  const quoted = JSON.stringify(actorId); // "id" — a value
  return [quoted, `:${quoted.slice(1)}`]; // :id" — the end of a participant:<id> field name
}

const isObject = (v: unknown): v is { [key: string]: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value with the actor's id replaced where the history keeps actor ids (see the module comment). */
function replaceIn(field: string, value: unknown, actorId: string, pseudonym: string): unknown {
  if (field === 'participants' && Array.isArray(value)) {
    return value.map((p) => (isObject(p) && p.actorId === actorId ? { ...p, actorId: pseudonym } : p));
  }
  if (field === 'mergedActorIds' && Array.isArray(value)) return value.map((v) => (v === actorId ? pseudonym : v));
  if (field === 'mergedInto' && value === actorId) return pseudonym;
  return value;
}

/** Whether a recorded value of `field` names the actor where the history keeps actor ids. */
function namesActor(field: string, value: unknown, actorId: string): boolean {
  if (field === 'participants' && Array.isArray(value)) return value.some((p) => isObject(p) && p.actorId === actorId);
  if (field === 'mergedActorIds' && Array.isArray(value)) return value.includes(actorId);
  return field === 'mergedInto' && value === actorId;
}

function mentionedIn(change: FieldChange, actorId: string): boolean {
  return (
    change.field === `participant:${actorId}` ||
    namesActor(change.field, change.before, actorId) ||
    namesActor(change.field, change.after, actorId)
  );
}

export function mentionsActor(record: Pick<ChangeRecord, 'entityId' | 'changes'>, actorId: string): boolean {
  return record.entityId === actorId || record.changes.some((c) => mentionedIn(c, actorId));
}

/** The record with the actor redacted, or null when it does not concern the actor. */
export function redactRecord(
  record: Pick<ChangeRecord, 'entityId' | 'changes'>,
  actorId: string,
  pseudonym: string,
): { entityId: string; changes: FieldChange[] } | null {
  if (!mentionsActor(record, actorId)) return null;
  if (record.entityId === actorId) {
    return {
      entityId: pseudonym,
      changes: record.changes.map((c) => ({
        field: c.field,
        before: c.before === null ? null : REDACTED,
        after: c.after === null ? null : REDACTED,
      })),
    };
  }
  return {
    entityId: record.entityId,
    changes: record.changes.map((c) => ({
      field: c.field === `participant:${actorId}` ? `participant:${pseudonym}` : c.field,
      before: replaceIn(c.field, c.before, actorId, pseudonym),
      after: replaceIn(c.field, c.after, actorId, pseudonym),
    })),
  };
}

/** The record that says an erasure happened (on the pseudonym, without personal data). */
export function erasureDraft(report: ErasureReport): ChangeDraft {
  return {
    entityType: 'Actor',
    entityId: report.pseudonym,
    operation: 'ERASE',
    changes: [
      { field: 'interestsDeleted', before: null, after: report.interestsDeleted },
      { field: 'participationsDeleted', before: null, after: report.participationsDeleted },
      { field: 'feedbackDeleted', before: null, after: report.feedbackDeleted },
      { field: 'historyRedacted', before: null, after: report.historyRedacted },
    ],
  };
}

/** Newest first, each record once. */
export function sortHistory(records: readonly ChangeRecord[]): ChangeRecord[] {
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}
