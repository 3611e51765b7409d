/**
 * What an update or a delete of one record does, the same in every store. The adapters only load
 * the current record (null when there is none), ask the plan, write `after` and append `changes`,
 * all in one transaction — so both stores refuse the same inputs with the same code, message and
 * field.
 *
 * Rules:
 * - A required field (REQUIRED_FIELDS) cannot be cleared: null is BAD_USER_INPUT naming the field,
 *   checked first (the input is wrong whatever is stored).
 * - An unknown id: NOT_FOUND with `field` `id`.
 * - A stale `expectedVersion` (actors and collaborations): CONFLICT with `field` `expectedVersion`.
 * - A patch field that is absent keeps the stored value; null clears an optional field.
 * - The new record: the version of an actor or a collaboration goes up by one; both get `updatedAt`
 *   = `at`; a topic's new name gives it a new slug, its id stays; a collaboration's `topicIds`, when
 *   given (null counts as absent), replace its topics (each once).
 * - History: the drafts of history-rules.ts, from the record before and after.
 *
 * An edit of a collaboration (planCollaborationEdit) replaces its fields, topics and complete
 * participant list at once: the same refusals (then an unknown topic: NOT_FOUND `topicIds`, an
 * unknown participant: NOT_FOUND `participants[i].actorId`, an actor listed twice: BAD_USER_INPUT
 * `participants[i].actorId`); when anything differs the version goes up by one and the history gets
 * ONE UPDATE record on the collaboration (changed fields, `topicIds`, `participant:<actorId>` per
 * participant added, removed or given another role) plus, as for addParticipant/removeParticipant,
 * one ADD_PARTICIPANT / REMOVE_PARTICIPANT record on each actor whose participation changed. An edit
 * that changes nothing writes and records nothing (the version stays).
 */
import { BadInputError, ConflictError } from '../../domain/errors';
import { MissingReferenceError, checkRequired, distinct } from '../../domain/input-rules';
import type { Actor, Collaboration, ParticipationRole, Topic } from '../../domain/model';
import type {
  ActorPatch,
  CollaborationFields,
  CollaborationPatch,
  InterestInput,
  ParticipantInput,
  TopicPatch,
} from '../../domain/records';
import { slugify } from '../../domain/text';
import type { EditCreates, NewTopicRecord } from './edit-create-rules';
import * as H from './history-rules';

type Entity = 'Actor' | 'Topic' | 'Collaboration';

/** The fields an update may not clear, per entity. */
export const REQUIRED_FIELDS = {
  Actor: ['name', 'kind'],
  Topic: ['name'],
  Collaboration: ['title', 'kind'],
} as const satisfies Record<Entity, readonly string[]>;

/** What an update writes and records. */
export interface UpdatePlan<T> {
  before: T;
  after: T;
  changes: H.ChangeDraft[];
}

/** The stored record, or NOT_FOUND (field `id`) when there is none. */
export function requireRecord<T>(entity: Entity, id: string, current: T | null | undefined): T {
  if (current == null) throw new MissingReferenceError(entity, id, 'id');
  return current;
}

/** CONFLICT (field `expectedVersion`) when an expected version is given and not the stored one. */
export function checkVersion(entity: Entity, id: string, version: number, expectedVersion?: number | null): void {
  if (expectedVersion != null && expectedVersion !== version) {
    throw new ConflictError(
      `${entity} "${id}" has changed: its version is ${version}, not ${expectedVersion}; reload and retry`,
      'expectedVersion',
    );
  }
}

/** The current record with the patch's fields among `fields` applied (absent keeps, null clears). */
function applyPatch<T extends object>(current: T, patch: object, fields: readonly string[]): T {
  const values = patch as { [key: string]: unknown };
  const next = { ...current } as { [key: string]: unknown };
  for (const field of fields) if (values[field] !== undefined) next[field] = values[field];
  return next as T;
}

export function planActorUpdate(args: {
  id: string;
  current: Actor | null;
  patch: ActorPatch;
  expectedVersion?: number | null;
  meta?: H.WriteMeta;
  at: string;
}): UpdatePlan<Actor> {
  checkRequired(args.patch, REQUIRED_FIELDS.Actor);
  const before = requireRecord('Actor', args.id, args.current);
  checkVersion('Actor', args.id, before.version, args.expectedVersion);
  const after: Actor = {
    ...applyPatch(before, args.patch, H.ACTOR_FIELDS),
    updatedAt: args.at,
    version: before.version + 1,
  };
  return { before, after, changes: [H.actorUpdated(before, after, args.meta)] };
}

export function planTopicUpdate(args: { id: string; current: Topic | null; patch: TopicPatch }): UpdatePlan<Topic> {
  checkRequired(args.patch, REQUIRED_FIELDS.Topic);
  const before = requireRecord('Topic', args.id, args.current);
  const name = args.patch.name ?? before.name;
  const after: Topic = {
    id: before.id,
    name,
    slug: args.patch.name !== undefined ? slugify(name) : before.slug,
    // Like an absent field, null aliases keep the stored ones (the port types them as a list).
    aliases: args.patch.aliases != null ? [...args.patch.aliases] : before.aliases,
  };
  return { before, after, changes: [H.topicUpdated(before, after)] };
}

export interface CollaborationUpdatePlan extends UpdatePlan<Collaboration> {
  /** The topics to replace the stored ones with (each once); undefined keeps them. */
  topicIds: string[] | undefined;
}

/**
 * `topicIdsBefore`: the stored topic ids, loaded only when the patch replaces them (`replacesTopics`);
 * the adapter checks that every id of `topicIds` is a stored topic (NOT_FOUND, field `topicIds`).
 */
export function planCollaborationUpdate(args: {
  id: string;
  current: Collaboration | null;
  topicIdsBefore?: string[];
  patch: CollaborationPatch;
  expectedVersion?: number | null;
  at: string;
}): CollaborationUpdatePlan {
  checkRequired(args.patch, REQUIRED_FIELDS.Collaboration);
  const before = requireRecord('Collaboration', args.id, args.current);
  checkVersion('Collaboration', args.id, before.version, args.expectedVersion);
  const topicIds = replacesTopics(args.patch) ? distinct(args.patch.topicIds!) : undefined;
  const after: Collaboration = {
    ...applyPatch(before, args.patch, H.COLLABORATION_FIELDS),
    updatedAt: args.at,
    version: before.version + 1,
  };
  const changes = [
    H.collaborationUpdated(
      { collaboration: before, topicIds: topicIds && args.topicIdsBefore },
      { collaboration: after, topicIds },
    ),
  ];
  return { before, after, topicIds, changes };
}

/** Whether a collaboration patch replaces the topics (null, outside the port's type, counts as absent). */
export function replacesTopics(patch: CollaborationPatch): boolean {
  return patch.topicIds != null;
}

/**
 * What an edit of a collaboration sets: every field, its topics and its complete participant list.
 * `creates`: topics and actors created in the same transaction (edit-create-rules.ts); their ids
 * are among `topicIds` / `participants` like any other.
 */
export interface CollaborationEdit extends CollaborationFields {
  topicIds: readonly string[];
  participants: readonly ParticipantInput[];
  creates?: EditCreates;
}

/**
 * What an edit of an actor sets: the patch; `interests`, when given, replace the stored ones; each
 * of `newTopics` is created in the same transaction and joins the interests (edit-create-rules.ts).
 */
export interface ActorEdit {
  patch: ActorPatch;
  interests?: readonly InterestInput[] | null;
  newTopics?: readonly NewTopicRecord[];
}

export interface CollaborationEditPlan extends UpdatePlan<Collaboration> {
  /** False when the edit changes nothing: then nothing is written or recorded. */
  changed: boolean;
  /** The topics to replace the stored ones with (each once); undefined when they stay. */
  topicIds: string[] | undefined;
  /** Participations to create or whose role to set. */
  setParticipants: ParticipantInput[];
  /** Actors who no longer take part. */
  removeActorIds: string[];
}

/**
 * `topicIdsBefore` and `participantsBefore`: what is stored (empty when the collaboration is not);
 * `knownTopicIds` / `knownActorIds`: which of the edit's topic and actor ids are stored.
 */
export function planCollaborationEdit(args: {
  id: string;
  current: Collaboration | null;
  topicIdsBefore: readonly string[];
  participantsBefore: readonly ParticipantInput[];
  edit: CollaborationEdit;
  knownTopicIds: ReadonlySet<string>;
  knownActorIds: ReadonlySet<string>;
  expectedVersion?: number | null;
  at: string;
}): CollaborationEditPlan {
  const { edit } = args;
  checkRequired(edit, REQUIRED_FIELDS.Collaboration);
  const seen = new Set<string>();
  edit.participants.forEach((p, i) => {
    if (seen.has(p.actorId)) {
      throw new BadInputError(`Actor "${p.actorId}" is listed twice`, `participants[${i}].actorId`);
    }
    seen.add(p.actorId);
  });
  const before = requireRecord('Collaboration', args.id, args.current);
  checkVersion('Collaboration', args.id, before.version, args.expectedVersion);
  const missingTopic = edit.topicIds.find((t) => !args.knownTopicIds.has(t));
  if (missingTopic !== undefined) throw new MissingReferenceError('Topic', missingTopic, 'topicIds');
  const missingActor = edit.participants.findIndex((p) => !args.knownActorIds.has(p.actorId));
  if (missingActor >= 0) {
    const { actorId } = edit.participants[missingActor]!;
    throw new MissingReferenceError('Actor', actorId, `participants[${missingActor}].actorId`);
  }

  const fields = { ...before, ...fieldsOf(edit) };
  const topicIds = distinct(edit.topicIds);
  const topicsChanged = !sameSet(topicIds, args.topicIdsBefore);
  const roleBefore = new Map(args.participantsBefore.map((p) => [p.actorId, p.role]));
  const setParticipants = edit.participants
    .filter((p) => roleBefore.get(p.actorId) !== p.role)
    .map((p) => ({ actorId: p.actorId, role: p.role }));
  const removeActorIds = args.participantsBefore.map((p) => p.actorId).filter((a) => !seen.has(a));
  const fieldChanges = H.diffFields(before, fields, H.COLLABORATION_FIELDS);
  const changed = fieldChanges.length > 0 || topicsChanged || setParticipants.length > 0 || removeActorIds.length > 0;
  if (!changed) {
    return { before, after: before, changes: [], changed, topicIds: undefined, setParticipants, removeActorIds };
  }

  const after: Collaboration = { ...fields, updatedAt: args.at, version: before.version + 1 };
  const participantChanges = [
    ...setParticipants.map((p) => ({ actorId: p.actorId, before: roleBefore.get(p.actorId) ?? null, after: p.role })),
    ...removeActorIds.map((actorId) => ({ actorId, before: roleBefore.get(actorId)!, after: null })),
  ].sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
  const update = H.collaborationUpdated(
    { collaboration: before, topicIds: topicsChanged ? args.topicIdsBefore : undefined },
    { collaboration: after, topicIds: topicsChanged ? topicIds : undefined },
  );
  update.changes.push(
    ...participantChanges.map((c) => ({ field: `participant:${c.actorId}`, before: c.before, after: c.after })),
  );
  const onActors = participantChanges.map((c) => participationOnActor(args.id, c.actorId, c.before, c.after));
  return {
    before,
    after,
    changes: [update, ...onActors],
    changed,
    topicIds: topicsChanged ? topicIds : undefined,
    setParticipants,
    removeActorIds,
  };
}

function fieldsOf(
  edit: CollaborationEdit,
): Pick<Collaboration, 'title' | 'kind' | 'startDate' | 'endDate' | 'location' | 'description'> {
  return {
    title: edit.title,
    kind: edit.kind,
    startDate: edit.startDate ?? null,
    endDate: edit.endDate ?? null,
    location: edit.location ?? null,
    description: edit.description ?? null,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** The actor's half of H.participationChanged. */
function participationOnActor(
  collaborationId: string,
  actorId: string,
  before: ParticipationRole | null,
  after: ParticipationRole | null,
): H.ChangeDraft {
  return H.participationChanged(collaborationId, actorId, before, after)[1]!;
}
