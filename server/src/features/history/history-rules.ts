/**
 * The history of the network: what every write records, the same in every store.
 *
 * Each write appends one ChangeRecord per entity it changed (an actor, a topic, a collaboration;
 * a participation change is recorded on both its collaboration and its actor; a bulk merge is one
 * record on the entity "Network", an import one per record it changed plus one on "Network" —
 * import-rules.ts), in the same transaction as the write, numbered by a store-wide
 * sequence (`seq`, strictly increasing in commit order). A record says who (`author`: the request's
 * principal — `key:<name>` for an API key, `jwt:<sub>` for a token —, "system" for the seed and scripts), when
 * (`at`), which entity, which operation, and per changed field its value before and after (JSON
 * values; `null` for absent). Deleted entities keep their history.
 *
 * The drafts are built here from domain values, so both adapters record exactly the same thing.
 */
import { BadInputError } from '../../domain/errors';
import type { Actor, Collaboration, Interest, ParticipationRole, Topic } from '../../domain/model';
import { decodeCursor, encodeCursor } from '../../domain/paging';

export type ChangeEntityType = 'Actor' | 'Topic' | 'Collaboration' | 'Network';

export type ChangeOperation =
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  | 'SET_INTERESTS'
  | 'ADD_PARTICIPANT'
  | 'REMOVE_PARTICIPANT'
  | 'MERGE'
  | 'MERGED_INTO'
  | 'UNDO'
  | 'IMPORT'
  | 'ERASE';

export interface FieldChange {
  field: string;
  /** JSON value before the write (null: absent). */
  before: unknown;
  /** JSON value after the write (null: absent). */
  after: unknown;
}

export interface ChangeDraft {
  entityType: ChangeEntityType;
  entityId: string;
  operation: ChangeOperation;
  changes: FieldChange[];
  /** For an UNDO: the seq of the record it undid. */
  undoes?: number | null;
}

export interface ChangeRecord extends Required<ChangeDraft> {
  seq: number;
  /** ISO-8601 timestamp of the write. */
  at: string;
  author: string;
}

/** Who writes, passed by the service to every write method of the store. */
export interface WriteMeta {
  /** Defaults to SYSTEM_AUTHOR. */
  author?: string | null;
  /** Set by the service's undo: the seq of the change an updateActor reverts (recorded as UNDO). */
  undoes?: number | null;
}

export const SYSTEM_AUTHOR = 'system';
export const ANONYMOUS_AUTHOR = 'anonymous';

export function authorOf(meta: WriteMeta | undefined): string {
  return meta?.author?.trim() || SYSTEM_AUTHOR;
}

export const ACTOR_FIELDS = ['name', 'kind', 'description', 'district', 'website', 'contact'] as const;
export const TOPIC_FIELDS = ['name', 'aliases'] as const;
export const COLLABORATION_FIELDS = ['title', 'kind', 'startDate', 'endDate', 'location', 'description'] as const;

type Fields = object;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields among `fields` whose values differ between `before` and `after` (null: absent entity). */
export function diffFields(before: Fields | null, after: Fields | null, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before ? ((before as Record<string, unknown>)[field] ?? null) : null;
    const a = after ? ((after as Record<string, unknown>)[field] ?? null) : null;
    if (!same(a, b)) out.push({ field, before: b, after: a });
  }
  return out;
}

// --- drafts per write --------------------------------------------------------------------------

export function actorCreated(actor: Actor): ChangeDraft {
  return {
    entityType: 'Actor',
    entityId: actor.id,
    operation: 'CREATE',
    changes: diffFields(null, actor, ACTOR_FIELDS),
  };
}

export function actorUpdated(before: Actor, after: Actor, meta?: WriteMeta): ChangeDraft {
  return {
    entityType: 'Actor',
    entityId: after.id,
    operation: meta?.undoes != null ? 'UNDO' : 'UPDATE',
    changes: diffFields(before, after, ACTOR_FIELDS),
    undoes: meta?.undoes ?? null,
  };
}

export function actorDeleted(before: Actor): ChangeDraft {
  return {
    entityType: 'Actor',
    entityId: before.id,
    operation: 'DELETE',
    changes: diffFields(before, null, ACTOR_FIELDS),
  };
}

const interestValues = (list: readonly Interest[]) => list.map((i) => ({ topicId: i.topicId, weight: i.weight }));

export function interestsSet(actorId: string, before: readonly Interest[], after: readonly Interest[]): ChangeDraft {
  return {
    entityType: 'Actor',
    entityId: actorId,
    operation: 'SET_INTERESTS',
    changes: diffFields({ interests: interestValues(before) }, { interests: interestValues(after) }, ['interests']),
  };
}

export function topicCreated(topic: Topic): ChangeDraft {
  return {
    entityType: 'Topic',
    entityId: topic.id,
    operation: 'CREATE',
    changes: diffFields(null, topic, TOPIC_FIELDS),
  };
}

export function topicUpdated(before: Topic, after: Topic): ChangeDraft {
  return {
    entityType: 'Topic',
    entityId: after.id,
    operation: 'UPDATE',
    changes: diffFields(before, after, TOPIC_FIELDS),
  };
}

export function topicDeleted(before: Topic): ChangeDraft {
  return {
    entityType: 'Topic',
    entityId: before.id,
    operation: 'DELETE',
    changes: diffFields(before, null, TOPIC_FIELDS),
  };
}

const COLLABORATION_RECORD_FIELDS = [...COLLABORATION_FIELDS, 'topicIds', 'participants'];

export interface CollaborationState {
  collaboration: Collaboration;
  topicIds?: readonly string[];
  participants?: ReadonlyArray<{ actorId: string; role: ParticipationRole }>;
}

function collaborationFields(state: CollaborationState | null): Fields | null {
  if (!state) return null;
  const fields: { [key: string]: unknown } = { ...state.collaboration };
  if (state.topicIds) fields.topicIds = [...state.topicIds].sort();
  if (state.participants) {
    fields.participants = [...state.participants]
      .map((p) => ({ actorId: p.actorId, role: p.role }))
      .sort((a, b) => (a.actorId < b.actorId ? -1 : 1));
  }
  return fields;
}

export function collaborationCreated(state: CollaborationState): ChangeDraft {
  return {
    entityType: 'Collaboration',
    entityId: state.collaboration.id,
    operation: 'CREATE',
    changes: diffFields(null, collaborationFields(state), COLLABORATION_RECORD_FIELDS),
  };
}

/** `topicIds` are compared only when both states carry them (a patch that replaced the topics). */
export function collaborationUpdated(before: CollaborationState, after: CollaborationState): ChangeDraft {
  const fields = after.topicIds ? [...COLLABORATION_FIELDS, 'topicIds'] : [...COLLABORATION_FIELDS];
  return {
    entityType: 'Collaboration',
    entityId: after.collaboration.id,
    operation: 'UPDATE',
    changes: diffFields(collaborationFields(before), collaborationFields(after), fields),
  };
}

export function collaborationDeleted(before: CollaborationState): ChangeDraft {
  return {
    entityType: 'Collaboration',
    entityId: before.collaboration.id,
    operation: 'DELETE',
    changes: diffFields(collaborationFields(before), null, COLLABORATION_RECORD_FIELDS),
  };
}

/** One record on the collaboration (field `participant:<actorId>`) and one on the actor (`participation:<collaborationId>`). */
export function participationChanged(
  collaborationId: string,
  actorId: string,
  before: ParticipationRole | null,
  after: ParticipationRole | null,
): ChangeDraft[] {
  const operation: ChangeOperation = after === null ? 'REMOVE_PARTICIPANT' : 'ADD_PARTICIPANT';
  return [
    {
      entityType: 'Collaboration',
      entityId: collaborationId,
      operation,
      changes: [{ field: `participant:${actorId}`, before, after }],
    },
    {
      entityType: 'Actor',
      entityId: actorId,
      operation,
      changes: [{ field: `participation:${collaborationId}`, before, after }],
    },
  ];
}

/** A bulk import (mergeGraph): one record with what it created. */
export function imported(report: { [key: string]: number }): ChangeDraft {
  return {
    entityType: 'Network',
    entityId: 'network',
    operation: 'IMPORT',
    changes: Object.entries(report).map(([field, after]) => ({ field, before: null, after })),
  };
}

export function mergeDrafts(
  kept: Actor,
  merged: readonly Actor[],
  moved: { participations: number; interests: number },
): ChangeDraft[] {
  return [
    {
      entityType: 'Actor',
      entityId: kept.id,
      operation: 'MERGE',
      changes: [
        { field: 'mergedActorIds', before: null, after: merged.map((a) => a.id) },
        { field: 'participationsMoved', before: null, after: moved.participations },
        { field: 'interestsMoved', before: null, after: moved.interests },
      ],
    },
    ...merged.map((a): ChangeDraft => ({
      entityType: 'Actor',
      entityId: a.id,
      operation: 'MERGED_INTO',
      changes: [...diffFields(a, null, ACTOR_FIELDS), { field: 'mergedInto', before: null, after: kept.id }],
    })),
  ];
}

/** The port's record from stored parts (changes as JSON text). */
export function changeRecord(parts: {
  seq: number;
  at: string;
  author: string;
  entityType: string;
  entityId: string;
  operation: string;
  changes: string;
  undoes: number | null;
}): ChangeRecord {
  return {
    seq: parts.seq,
    at: parts.at,
    author: parts.author,
    entityType: parts.entityType as ChangeEntityType,
    entityId: parts.entityId,
    operation: parts.operation as ChangeOperation,
    changes: JSON.parse(parts.changes) as FieldChange[],
    undoes: parts.undoes ?? null,
  };
}

/** The cursor of a history page: the seq of its last record. */
export function historyCursor(record: Pick<ChangeRecord, 'seq'>): string {
  return encodeCursor([String(record.seq), '']);
}

/** The seq a history page continues below; null for the first page. */
export function seqBefore(after: string | null | undefined): number | null {
  if (after == null) return null;
  const seq = Number(decodeCursor(after)[0]);
  if (!Number.isSafeInteger(seq)) throw new BadInputError(`"${after}" is not a valid cursor`, 'after');
  return seq;
}
