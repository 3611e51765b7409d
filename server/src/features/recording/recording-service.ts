/**
 * Recording from the map page: an actor with its topics, or a collaboration with its participants,
 * together with the actors and topics that are new — as ONE write. The parts are turned into an
 * import document (store/import-rules.ts) with fresh ids and applied by the store's `importGraph`,
 * which is one transaction in each store: everything is stored, or nothing is.
 *
 * Before the write, what the import would silently treat as an update is refused:
 * - a new topic whose name (or slug) an existing topic already has: CONFLICT, field `newTopics[i]`;
 * - a new record with an id given by the client that is already taken: CONFLICT;
 * - an actor listed twice among the participants: BAD_USER_INPUT, field `participants`.
 * Unknown topic or actor references answer NOT_FOUND from the store, and nothing is written.
 *
 * The history records these writes as IMPORT records (one per new or changed record), so undo
 * (which reverts field updates only) does not reach them.
 *
 * `matchNames` answers, per name of a pasted attendance list, the actors with exactly this name
 * (nameKey equal: case and umlauts ignored) and the nearest others (domain/duplicates.ts
 * nameSimilarity, legal forms ignored).
 */
import type { StoreReads } from '../../service/store-reads';
import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError } from '../../domain/errors';
import { nameSimilarity, normaliseName, trigrams } from '../../domain/duplicates';
import type { Actor, ActorKind, CollaborationKind, ParticipationRole, Topic } from '../../domain/model';
import { actorSortKey, topicSortKey } from '../../domain/ordering';
import { encodeCursor, MAX_PAGE_SIZE } from '../../domain/paging';
import { nameKey, slugify } from '../../domain/text';
import type { NetworkProjection } from '../../graph/projection';
import type { ImportGraph } from '../transfer/import-rules';
import type { CollaborationEdit } from '../history/update-rules';
import { checkParticipants } from '../../domain/input-rules';

export interface NewActorFields {
  id?: string | null;
  name: string;
  kind: ActorKind;
  description?: string | null;
  district?: string | null;
  website?: string | null;
  contact?: string | null;
}

export interface RecordActorRequest {
  actor: NewActorFields;
  topicIds?: readonly string[] | null;
  newTopics?: readonly string[] | null;
}

export interface RecordCollaborationRequest {
  collaboration: {
    id?: string | null;
    title: string;
    kind: CollaborationKind;
    startDate?: string | null;
    endDate?: string | null;
    location?: string | null;
    description?: string | null;
    topicIds?: readonly string[] | null;
    participants?: ReadonlyArray<{ actorId: string; role: ParticipationRole }> | null;
  };
  newActors?: ReadonlyArray<NewActorFields & { role?: ParticipationRole | null }> | null;
  newTopics?: readonly string[] | null;
}

const empty = (): ImportGraph => ({
  topics: [],
  actors: [],
  collaborations: [],
  interests: [],
  collaborationTopics: [],
  participations: [],
});

function actorRecord(a: NewActorFields, id: string) {
  return {
    id,
    name: a.name,
    kind: a.kind,
    description: a.description ?? null,
    district: a.district ?? null,
    website: a.website ?? null,
    contact: a.contact ?? null,
  };
}

/** New topics as import records (id = slug of the name); CONFLICT when one exists already. */
export async function newTopicRecords(
  store: StoreReads,
  names: readonly string[],
): Promise<Array<{ id: string; name: string }>> {
  const out: Array<{ id: string; name: string }> = [];
  const seen = new Set<string>();
  // Every topic with its aliases (a network has tens to a few hundred topics), read once when needed.
  let topics: Promise<Topic[]> | null = null;
  const allTopics = () =>
    (topics ??= (async () => {
      const list: Topic[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.listTopics({}, { first: MAX_PAGE_SIZE, after });
        list.push(...page.items);
        if (!page.hasNextPage || page.items.length === 0) return list;
        after = encodeCursor(topicSortKey(page.items[page.items.length - 1]));
      }
    })());
  for (const [i, raw] of names.entries()) {
    const name = raw.trim();
    const field = `newTopics[${i}]`;
    const id = slugify(name);
    if (!name || !id) throw new BadInputError('a new topic needs a name', field);
    if (seen.has(id)) throw new BadInputError(`the topic "${name}" is listed twice`, field);
    seen.add(id);
    const [byId] = await store.getTopics([id]);
    const taken =
      byId ??
      (await allTopics()).find(
        (t) =>
          nameKey(t.name) === nameKey(name) ||
          t.slug === id ||
          t.aliases.some((alias) => nameKey(alias) === nameKey(name)),
      );
    if (taken) throw new ConflictError(`a topic "${taken.name}" exists already (id ${taken.id})`, field);
    out.push({ id, name });
  }
  return out;
}

async function refuseTakenIds(
  store: StoreReads,
  actorIds: readonly string[],
  collaborationId: string | null,
): Promise<void> {
  const given = actorIds.filter(Boolean);
  if (given.length) {
    const found = await store.getActors(given);
    const i = found.findIndex((a) => a !== null);
    if (i >= 0) throw new ConflictError(`an actor with the id "${given[i]}" exists already`, 'id');
  }
  if (collaborationId) {
    const [c] = await store.getCollaborations([collaborationId]);
    if (c)
      throw new ConflictError(`a collaboration with the id "${collaborationId}" exists already`, 'collaboration.id');
  }
}

/** The import document for a new actor with its topics (existing and new). */
export async function actorDocument(
  store: StoreReads,
  request: RecordActorRequest,
): Promise<{ doc: ImportGraph; actorId: string }> {
  const actorId = request.actor.id ?? randomUUID();
  await refuseTakenIds(store, request.actor.id ? [request.actor.id] : [], null);
  const topics = await newTopicRecords(store, request.newTopics ?? []);
  const doc = empty();
  doc.topics.push(...topics);
  doc.actors.push(actorRecord(request.actor, actorId));
  const topicIds = [...new Set([...(request.topicIds ?? []), ...topics.map((t) => t.id)])];
  doc.interests.push(...topicIds.map((topicId) => ({ actorId, topicId })));
  return { doc, actorId };
}

/** The import document for a new collaboration with its participants, new actors and new topics. */
export async function collaborationDocument(
  store: StoreReads,
  request: RecordCollaborationRequest,
): Promise<{ doc: ImportGraph; collaborationId: string; newActorIds: string[] }> {
  const c = request.collaboration;
  const newActors = request.newActors ?? [];
  const collaborationId = c.id ?? randomUUID();
  await refuseTakenIds(
    store,
    newActors.map((a) => a.id ?? ''),
    c.id ?? null,
  );
  const newActorIds = newActors.map((a) => a.id ?? randomUUID());
  const participants = [
    ...(c.participants ?? []).map((p) => ({ actorId: p.actorId, role: p.role })),
    ...newActors.map((a, i) => ({ actorId: newActorIds[i], role: a.role ?? 'PARTICIPANT' })),
  ];
  checkParticipants(participants);
  const topics = await newTopicRecords(store, request.newTopics ?? []);
  const doc = empty();
  doc.topics.push(...topics);
  doc.actors.push(...newActors.map((a, i) => actorRecord(a, newActorIds[i])));
  doc.collaborations.push({
    id: collaborationId,
    title: c.title,
    kind: c.kind,
    startDate: c.startDate ?? null,
    endDate: c.endDate ?? null,
    location: c.location ?? null,
    description: c.description ?? null,
  });
  const topicIds = [...new Set([...(c.topicIds ?? []), ...topics.map((t) => t.id)])];
  doc.collaborationTopics.push(...topicIds.map((topicId) => ({ collaborationId, topicId })));
  doc.participations.push(...participants.map((p) => ({ actorId: p.actorId, collaborationId, role: p.role })));
  return { doc, collaborationId, newActorIds };
}

// ---------------------------------------------------------------------------------------------
// New topics and actors of an edit

/** What an edit (editCollaboration) creates: by name, as in recordCollaboration. */
export interface EditNewRecords {
  newTopics?: readonly string[] | null;
  newActors?: ReadonlyArray<NewActorFields & { role?: ParticipationRole | null }> | null;
}

/** An edit of a collaboration as the API takes it: with its new topics and actors by name. */
export type EditRequest = CollaborationEdit & EditNewRecords;

/**
 * The edit with its new topics and actors checked as recordCollaboration checks them (a new topic
 * that exists: CONFLICT `newTopics[i]`; a given id that is taken: CONFLICT `id`), given their ids and
 * added to its topics and participants; the store creates them in the edit's own transaction
 * (edit-create-rules.ts), so a refused edit leaves none behind.
 */
export async function collaborationEditWithCreates(store: StoreReads, edit: EditRequest): Promise<CollaborationEdit> {
  const { newTopics, newActors, ...rest } = edit;
  const actors = newActors ?? [];
  await refuseTakenIds(
    store,
    actors.map((a) => a.id ?? ''),
    null,
  );
  const topics = await newTopicRecords(store, newTopics ?? []);
  const records = actors.map((a) => actorRecord(a, a.id ?? randomUUID()));
  return {
    ...rest,
    topicIds: [...rest.topicIds, ...topics.map((t) => t.id)],
    participants: [
      ...rest.participants,
      ...records.map((a, i) => ({ actorId: a.id, role: actors[i].role ?? ('PARTICIPANT' as const) })),
    ],
    creates: { topics, actors: records },
  };
}

// ---------------------------------------------------------------------------------------------
// Matching a list of names

export interface NameMatch {
  name: string;
  /** Actors whose nameKey equals the name's. */
  exact: Actor[];
  /** The most similar other actors (similarity ≥ NEAR_THRESHOLD), most similar first. */
  near: Array<{ actor: Actor; similarity: number }>;
}

/** Below this, a name is not offered as a near match. */
export const NEAR_THRESHOLD = 0.85;
/** At most this many near matches per name. */
export const MAX_NEAR = 3;

interface IndexedActor {
  actor: Actor;
  key: string;
  normal: string;
  grams: Set<string>;
}
interface NameIndex {
  actors: IndexedActor[];
  byGram: Map<string, number[]>;
}

const indexCache = new WeakMap<NetworkProjection, { revision: number; index: Promise<NameIndex> }>();

/** Every actor's name, read page by page and indexed by trigram; kept until the projection's revision changes. */
function nameIndex(store: StoreReads, projection: NetworkProjection): Promise<NameIndex> {
  const hit = indexCache.get(projection);
  if (hit && hit.revision === projection.revision) return hit.index;
  const index = (async () => {
    const actors: IndexedActor[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.listActors({}, { first: MAX_PAGE_SIZE, after });
      for (const actor of page.items) {
        const normal = normaliseName(actor.name);
        actors.push({ actor, key: nameKey(actor.name), normal, grams: trigrams(normal) });
      }
      if (!page.hasNextPage || page.items.length === 0) break;
      after = encodeCursor(actorSortKey(page.items[page.items.length - 1]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const byGram = new Map<string, number[]>();
    actors.forEach((a, i) => a.grams.forEach((g) => (byGram.get(g) ?? byGram.set(g, []).get(g)!).push(i)));
    return { actors, byGram };
  })();
  indexCache.set(projection, { revision: projection.revision, index });
  index.catch(() => indexCache.delete(projection));
  return index;
}

export async function matchNames(
  store: StoreReads,
  projection: NetworkProjection,
  names: readonly string[],
): Promise<NameMatch[]> {
  const index = await nameIndex(store, projection);
  return names.map((name) => {
    const key = nameKey(name.trim());
    const normal = normaliseName(name);
    const grams = trigrams(normal);
    const exact = index.actors.filter((a) => a.key === key).map((a) => a.actor);
    const candidates = new Set<number>();
    grams.forEach((g) => index.byGram.get(g)?.forEach((i) => candidates.add(i)));
    const near = [...candidates]
      .map((i) => index.actors[i])
      .filter((a) => a.key !== key)
      .map((a) => ({ actor: a.actor, similarity: nameSimilarity(normal, a.normal, grams, a.grams) }))
      .filter((m) => m.similarity >= NEAR_THRESHOLD)
      .sort((x, y) => y.similarity - x.similarity || x.actor.name.localeCompare(y.actor.name))
      .slice(0, MAX_NEAR);
    return { name, exact, near };
  });
}
