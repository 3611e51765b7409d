/**
 * The GDPR rules every store keeps for actors of kind PERSON (right of access, right to erasure).
 *
 * Who can be erased: any actor that is or ever was of kind PERSON, read from the actor and its own
 * history — also one that was deleted (deleteActor keeps the history) or whose kind an editor
 * changed to another one since. NOT_FOUND only when neither the actor nor any record about it exists.
 *
 * Erasure follows merges: the actors merged into the erased one (its MERGE records'
 * `mergedActorIds`, and recursively the actors merged into those) are the same person, so they are
 * erased with it under the same pseudonym. Together they are the "erased ids".
 *
 * Erasure deletes the actor with its interests, participations and suggestion feedback (both
 * directions), raises the version of each collaboration it took part in (as deleteActor does: an
 * edit opened before answers CONFLICT instead of writing over the change), clears feedback notes of others that quote the person's recorded names or contacts,
 * and redacts the history, in one transaction:
 * - records of an erased id itself (entityId = the id): the id becomes a random pseudonym
 *   (`erased-<uuid>`) and every recorded value becomes "[erased]" (field names stay, so the record
 *   still says *that* something changed, not what) — so a merged duplicate's MERGED_INTO no longer
 *   says into which actor it went;
 * - records of other entities that name an erased id (a collaboration's `participant:<id>` fields
 *   and `participants` lists, a merge's `mergedActorIds` / `mergedInto`): the id becomes the
 *   pseudonym; the rest of those records is not about the person and stays.
 * One ERASE record on the pseudonym says who erased when, and how much; nothing in it identifies
 * the person. A store finds the candidate records by substring (`historyNeedles`) and decides with
 * `mentionsActor`, so both stores redact exactly the same records.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../../domain/errors';
import type { Actor, Collaboration, Interest, Participation } from '../../domain/model';
import type { ChangeDraft, ChangeRecord, FieldChange } from '../history/history-rules';
import { MissingReferenceError } from '../../domain/input-rules';
import type { SuggestionFeedback } from '../../domain/records';
import type { ConsentRecord, UpdateProposal } from '../update-links/update-link-rules';

/** Everything a store holds about one actor (right of access). */
export interface PersonalData {
  /** Null when the actor was deleted or merged away: its history holds what was recorded. */
  actor: Actor | null;
  interests: Interest[];
  /** Newest collaboration first. */
  participations: Participation[];
  /** The collaborations of `participations`, in the same order. */
  collaborations: Collaboration[];
  /** Feedback on suggestions made to the actor or of the actor, newest first. */
  suggestionFeedback: SuggestionFeedback[];
  /** Every history record about the actor (or an actor merged into it) or naming it, newest first. */
  history: ChangeRecord[];
  /** Its consent records (given, text version, withdrawn), newest first. */
  consents: ConsentRecord[];
  /** The proposals answers through its update links made, oldest first. */
  updateProposals: UpdateProposal[];
}

export interface ErasureReport {
  actorId: string;
  /** What the actor's id was replaced with in the history. */
  pseudonym: string;
  interestsDeleted: number;
  participationsDeleted: number;
  feedbackDeleted: number;
  historyRedacted: number;
  /** How many actors merged into the erased one (recursively) were erased with it. */
  mergedActorsErased: number;
  /** How many feedback notes of others that quoted the person were cleared. */
  feedbackNotesCleared: number;
}

export const REDACTED = '[erased]';

export function newPseudonym(): string {
  return `erased-${randomUUID()}`;
}

/** Whether the actor is, or its own records say it ever was, of kind PERSON. */
export function wasPerson(actor: Actor | null | undefined, ownRecords: readonly ChangeRecord[]): boolean {
  if (actor?.kind === 'PERSON') return true;
  return ownRecords.some((r) =>
    r.changes.some((c) => c.field === 'kind' && (c.before === 'PERSON' || c.after === 'PERSON')),
  );
}

/**
 * NOT_FOUND when neither the actor nor a record of it exists; BAD_USER_INPUT for one that never was
 * a PERSON. `ownRecords`: the records with entityId = id.
 */
export function checkErasable(actor: Actor | null | undefined, ownRecords: readonly ChangeRecord[], id: string): void {
  if (!actor && ownRecords.length === 0) throw new MissingReferenceError('Actor', id, 'id');
  if (!wasPerson(actor, ownRecords)) {
    const kind = actor ? `of kind ${actor.kind}` : 'a deleted actor';
    throw new BadInputError(
      `actor "${id}" is ${kind} that never was a PERSON: erasure is for personal data; use deleteActor to remove it`,
      'id',
    );
  }
}

/** The ids the actor's own MERGE records say were merged into it. */
export function mergedIdsIn(ownRecords: readonly ChangeRecord[]): string[] {
  const ids: string[] = [];
  for (const r of ownRecords) {
    if (r.operation !== 'MERGE') continue;
    for (const c of r.changes) {
      if (c.field === 'mergedActorIds' && Array.isArray(c.after))
        ids.push(...c.after.filter((v): v is string => typeof v === 'string'));
    }
  }
  return ids;
}

/**
 * The actor and every actor merged into it, recursively (first the actor itself), from
 * `ownRecordsOf(id)` = the records with entityId = id.
 */
export function mergeFamily(actorId: string, ownRecordsOf: (id: string) => readonly ChangeRecord[]): string[] {
  const family = [actorId];
  const seen = new Set(family);
  for (let i = 0; i < family.length; i++) {
    for (const id of mergedIdsIn(ownRecordsOf(family[i]!))) {
      if (!seen.has(id)) {
        seen.add(id);
        family.push(id);
      }
    }
  }
  return family;
}

/** The shortest recorded value that counts as quoting the person in a free-text note. */
const MIN_QUOTED_LENGTH = 5;

/**
 * The person's recorded names and contacts (from the actor and the own records of every erased id):
 * a feedback note of others that contains one of them quotes the person and is cleared.
 */
export function identifyingValues(actor: Actor | null | undefined, ownRecords: readonly ChangeRecord[]): string[] {
  const values = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= MIN_QUOTED_LENGTH && v !== REDACTED) values.add(v.trim());
  };
  if (actor) {
    add(actor.name);
    add(actor.contact);
  }
  for (const r of ownRecords) {
    for (const c of r.changes) {
      if (c.field === 'name' || c.field === 'contact') {
        add(c.before);
        add(c.after);
      }
    }
  }
  return [...values];
}

/** Substrings of the stored `changes` JSON text of every record that names the actor in its changes. */
export function historyNeedles(actorId: string): string[] {
  const quoted = JSON.stringify(actorId); // "id" — a value
  return [quoted, `:${quoted.slice(1)}`]; // :id" — the end of a participant:<id> field name
}

const isObject = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One erased id, or the set of them (the actor and those merged into it). */
export type ErasedIds = string | ReadonlySet<string>;

const asSet = (ids: ErasedIds): ReadonlySet<string> => (typeof ids === 'string' ? new Set([ids]) : ids);

const PARTICIPANT_FIELD = 'participant:';

/** The value with erased ids replaced where the history keeps actor ids (see the module comment). */
function replaceIn(field: string, value: unknown, ids: ReadonlySet<string>, pseudonym: string): unknown {
  if (field === 'participants' && Array.isArray(value)) {
    return value.map((p) =>
      isObject(p) && typeof p.actorId === 'string' && ids.has(p.actorId) ? { ...p, actorId: pseudonym } : p,
    );
  }
  if (field === 'mergedActorIds' && Array.isArray(value))
    return value.map((v) => (typeof v === 'string' && ids.has(v) ? pseudonym : v));
  if (field === 'mergedInto' && typeof value === 'string' && ids.has(value)) return pseudonym;
  return value;
}

/** Whether a recorded value of `field` names an erased id where the history keeps actor ids. */
function namesActor(field: string, value: unknown, ids: ReadonlySet<string>): boolean {
  if (field === 'participants' && Array.isArray(value))
    return value.some((p) => isObject(p) && typeof p.actorId === 'string' && ids.has(p.actorId));
  if (field === 'mergedActorIds' && Array.isArray(value)) return value.some((v) => typeof v === 'string' && ids.has(v));
  return field === 'mergedInto' && typeof value === 'string' && ids.has(value);
}

const participantOf = (field: string): string | null =>
  field.startsWith(PARTICIPANT_FIELD) ? field.slice(PARTICIPANT_FIELD.length) : null;

function mentionedIn(change: FieldChange, ids: ReadonlySet<string>): boolean {
  const participant = participantOf(change.field);
  return (
    (participant !== null && ids.has(participant)) ||
    namesActor(change.field, change.before, ids) ||
    namesActor(change.field, change.after, ids)
  );
}

export function mentionsActor(record: Pick<ChangeRecord, 'entityId' | 'changes'>, erased: ErasedIds): boolean {
  const ids = asSet(erased);
  return ids.has(record.entityId) || record.changes.some((c) => mentionedIn(c, ids));
}

/** The record with the erased ids redacted, or null when it does not concern them. */
export function redactRecord(
  record: Pick<ChangeRecord, 'entityId' | 'changes'>,
  erased: ErasedIds,
  pseudonym: string,
): { entityId: string; changes: FieldChange[] } | null {
  const ids = asSet(erased);
  if (!mentionsActor(record, ids)) return null;
  if (ids.has(record.entityId)) {
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
    changes: record.changes.map((c) => {
      const participant = participantOf(c.field);
      return {
        field: participant !== null && ids.has(participant) ? `${PARTICIPANT_FIELD}${pseudonym}` : c.field,
        before: replaceIn(c.field, c.before, ids, pseudonym),
        after: replaceIn(c.field, c.after, ids, pseudonym),
      };
    }),
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
      { field: 'mergedActorsErased', before: null, after: report.mergedActorsErased },
      { field: 'feedbackNotesCleared', before: null, after: report.feedbackNotesCleared },
    ],
  };
}

/** Newest first, each record once. */
export function sortHistory(records: readonly ChangeRecord[]): ChangeRecord[] {
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

/** Whether a free-text note quotes one of the values (case-insensitive). */
export function quotesAny(note: string | null | undefined, values: readonly string[]): boolean {
  if (!note) return false;
  const text = note.toLocaleLowerCase('de');
  return values.some((v) => text.includes(v.toLocaleLowerCase('de')));
}
