/**
 * Topics and actors that an edit creates in its own transaction (editCollaboration's `newTopics`
 * and `newActors`, updateActor's `newTopics`), the same in every store. The service chooses their
 * ids and refuses, before the write, what recordCollaboration refuses (recording-service.ts: a new
 * topic whose name, slug or alias exists: CONFLICT `newTopics[i]`; an id given for a new actor that
 * is taken: CONFLICT `newActors[i].id`). The store then, inside the edit's transaction:
 * - plans the edit first (so a stale `expectedVersion` is refused before anything is written),
 *   counting the new ids as known;
 * - refuses an id that is stored by now (a write in between): CONFLICT with the same fields;
 * - inserts the records and records one CREATE each, before the edit's own history records.
 * A refused edit thus leaves no new topic or actor behind.
 */
import { ConflictError } from '../../domain/errors';
import type { Actor, Topic } from '../../domain/model';
import type { ActorFields, InterestInput } from '../../domain/records';
import { slugify } from '../../domain/text';
import * as H from './history-rules';

export interface NewTopicRecord {
  id: string;
  name: string;
}

export interface NewActorRecord extends ActorFields {
  id: string;
}

/** What an edit creates; both lists may be empty. */
export interface EditCreates {
  topics: readonly NewTopicRecord[];
  actors: readonly NewActorRecord[];
}

export const NO_CREATES: EditCreates = { topics: [], actors: [] };

/** The known ids with the new records' ids added (they count as known to the edit's plan). */
export function withIds(known: ReadonlySet<string>, created: ReadonlyArray<{ id: string }>): Set<string> {
  return new Set([...known, ...created.map((c) => c.id)]);
}

export interface CreatesPlan {
  topics: Topic[];
  actors: Actor[];
  /** One CREATE per record, topics first. */
  changes: H.ChangeDraft[];
}

/**
 * The records to insert. `storedTopicIds` / `storedActorIds`: which of the new ids are stored
 * already (read in the transaction) — CONFLICT for the first.
 */
export function planCreates(
  creates: EditCreates,
  stored: { topicIds: ReadonlySet<string>; actorIds: ReadonlySet<string> },
  at: string,
): CreatesPlan {
  creates.topics.forEach((t, i) => {
    if (stored.topicIds.has(t.id)) throw new ConflictError(`a topic "${t.id}" exists already`, `newTopics[${i}]`);
  });
  creates.actors.forEach((a, i) => {
    if (stored.actorIds.has(a.id)) {
      throw new ConflictError(`an actor with the id "${a.id}" exists already`, `newActors[${i}].id`);
    }
  });
  const topics: Topic[] = creates.topics.map((t) => ({ id: t.id, name: t.name, slug: slugify(t.name), aliases: [] }));
  const actors: Actor[] = creates.actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    description: a.description ?? null,
    district: a.district ?? null,
    website: a.website ?? null,
    contact: a.contact ?? null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
  return { topics, actors, changes: [...topics.map(H.topicCreated), ...actors.map(H.actorCreated)] };
}

/** Whether interestsWithNewTopics needs the stored interests. */
export function needsStoredInterests(
  interests: readonly InterestInput[] | null | undefined,
  newTopics: readonly NewTopicRecord[],
): boolean {
  return interests == null && newTopics.length > 0;
}

/**
 * An actor's interests after an edit with new topics: each new topic (weight 1) joins `interests`
 * when given, else the stored interests (`stored`: needed only then, see needsStoredInterests).
 * Undefined: the interests stay as they are.
 */
export function interestsWithNewTopics(
  interests: readonly InterestInput[] | null | undefined,
  newTopics: readonly NewTopicRecord[],
  stored: readonly InterestInput[] | null,
): InterestInput[] | undefined {
  if (newTopics.length === 0) return interests == null ? undefined : [...interests];
  const base = interests ?? stored ?? [];
  const taken = new Set(base.map((i) => i.topicId));
  return [
    ...base.map((i) => ({ topicId: i.topicId, weight: i.weight })),
    ...newTopics.filter((t) => !taken.has(t.id)).map((t) => ({ topicId: t.id, weight: 1 })),
  ];
}
