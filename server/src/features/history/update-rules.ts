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
 * - A stale `expectedVersion` (actors only): CONFLICT with `field` `expectedVersion`.
 * - A patch field that is absent keeps the stored value; null clears an optional field.
 * - The new record: an actor's version goes up by one; actors and collaborations get `updatedAt`
 *   = `at`; a topic's new name gives it a new slug, its id stays; a collaboration's `topicIds`, when
 *   given (null counts as absent), replace its topics (each once).
 * - History: the drafts of history-rules.ts, from the record before and after.
 */
import { ConflictError } from '../../domain/errors';
import { MissingReferenceError, checkRequired, distinct } from '../../domain/input-rules';
import type { Actor, Collaboration, Topic } from '../../domain/model';
import type { ActorPatch, CollaborationPatch, TopicPatch } from '../../domain/records';
import { slugify } from '../../domain/text';
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
  at: string;
}): CollaborationUpdatePlan {
  checkRequired(args.patch, REQUIRED_FIELDS.Collaboration);
  const before = requireRecord('Collaboration', args.id, args.current);
  const topicIds = replacesTopics(args.patch) ? distinct(args.patch.topicIds!) : undefined;
  const after: Collaboration = { ...applyPatch(before, args.patch, H.COLLABORATION_FIELDS), updatedAt: args.at };
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
