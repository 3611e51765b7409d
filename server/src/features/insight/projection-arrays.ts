/**
 * The projection as flat typed arrays, made once per projection version on the main thread and
 * shared with the insight worker (SharedArrayBuffer: no copy, read only on both sides): actors in
 * id order (actor index), collaborations in the projection's order (collaboration index), each
 * collaboration's members, and the topics of actors and collaborations (topic index, id order).
 *
 * This is everything the worker needs besides the per-question masks (`scope-masks.ts`). Making it
 * walks every participation once (~0.1 s at 100k actors), so it runs in slices that yield to the
 * event loop; a write in between (the projection's `version` moves) starts it again.
 */
import type { ActorKind } from '../../domain/model';
import type {
  NetworkProjection,
  ProjectedActor,
  ProjectedCollaboration,
  ProjectionJournal,
} from '../../graph/projection';
import type { TopicMembership } from './clusters';
import type { Membership } from './scoped-graph';

/** What a question's masks read of a collaboration. */
export type CollaborationFacts = Pick<ProjectedCollaboration, 'kind' | 'startDate' | 'endDate' | 'topics'>;

/** What crosses to the worker: typed arrays on SharedArrayBuffers. */
export interface SharedProjection extends Membership, TopicMembership {}

export interface ProjectionArrays {
  version: number;
  /** Actor index → id, ascending. */
  ids: string[];
  /** Actor id → index. */
  index: Map<string, number>;
  kinds: ActorKind[];
  /**
   * Collaboration index → its kind, dates and topics as they were at `version` (copies: the
   * projection changes its collaborations in place), so masks can be made from these arrays after
   * the projection moved on.
   */
  collaborations: CollaborationFacts[];
  /** Collaboration index → id (the projection's order). */
  collaborationIds: string[];
  /** Topic index → id, ascending. */
  topicIds: string[];
  shared: SharedProjection;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * Int32Array.BYTES_PER_ELEMENT), 0, length);
}

/** Hands control back to the event loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Work units (participations, interests, topics) between two yields. */
const SLICE = 20_000;

class Changed extends Error {}

/**
 * Encodes the projection; with `pause`, calls it between slices of work and starts again when the
 * projection changed meanwhile. Without it, runs in one go (tests, scripts).
 */
async function encode(projection: NetworkProjection, pause: (() => Promise<void>) | null): Promise<ProjectionArrays> {
  const version = projection.version;
  const collaborationIds = [...projection.collaborations.keys()];
  let work = 0;
  /** True when a slice is done and it is time to pause. */
  const due = (units: number) => (work += units) >= SLICE && pause !== null;
  const breathe = async () => {
    work = 0;
    await pause!();
    if (projection.version !== version) throw new Changed();
  };

  const ids = [...projection.actors.keys()].sort(byId);
  const index = new Map<string, number>();
  const actors: ProjectedActor[] = new Array(ids.length);
  const kinds: ActorKind[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    index.set(ids[i], i);
    actors[i] = projection.actors.get(ids[i])!;
    kinds[i] = actors[i].kind;
    if (due(2)) await breathe();
  }

  const collaborations = [...projection.collaborations.values()];
  // The facts masks read, copied as they are now (the projection changes its collaborations in
  // place; the topic sets are replaced, never changed, by its writes: shared, not copied).
  const facts: CollaborationFacts[] = new Array(collaborations.length);
  let memberTotal = 0;
  for (let c = 0; c < collaborations.length; c++) {
    const { kind, startDate, endDate, topics, actors: taking } = collaborations[c];
    facts[c] = { kind, startDate, endDate, topics };
    memberTotal += taking.size;
    if (due(1)) await breathe();
  }
  const collaborationStarts = sharedInt32(collaborations.length + 1);
  const members = sharedInt32(memberTotal);
  let fill = 0;
  for (let c = 0; c < collaborations.length; c++) {
    for (const actorId of collaborations[c].actors) members[fill++] = index.get(actorId)!;
    collaborationStarts[c + 1] = fill;
    if (due(collaborations[c].actors.size + 1)) await breathe();
  }

  // Topics: the projection's, and any an actor or collaboration still names.
  const topicSet = new Set(projection.topics);
  let actorTopicTotal = 0;
  let collaborationTopicTotal = 0;
  for (const a of actors) {
    for (const t of a.topics) topicSet.add(t);
    actorTopicTotal += a.topics.size;
    if (due(a.topics.size + 1)) await breathe();
  }
  for (const c of collaborations) {
    for (const t of c.topics) topicSet.add(t);
    collaborationTopicTotal += c.topics.size;
    if (due(c.topics.size + 1)) await breathe();
  }
  const topicIds = [...topicSet].sort(byId);
  const topicIndex = new Map(topicIds.map((t, i) => [t, i]));
  const actorTopicStarts = sharedInt32(actors.length + 1);
  const actorTopics = sharedInt32(actorTopicTotal);
  fill = 0;
  for (let i = 0; i < actors.length; i++) {
    for (const t of actors[i].topics) actorTopics[fill++] = topicIndex.get(t)!;
    actorTopicStarts[i + 1] = fill;
    if (due(actors[i].topics.size + 1)) await breathe();
  }
  const collaborationTopicStarts = sharedInt32(collaborations.length + 1);
  const collaborationTopics = sharedInt32(collaborationTopicTotal);
  fill = 0;
  for (let c = 0; c < collaborations.length; c++) {
    for (const t of collaborations[c].topics) collaborationTopics[fill++] = topicIndex.get(t)!;
    collaborationTopicStarts[c + 1] = fill;
    if (due(collaborations[c].topics.size + 1)) await breathe();
  }

  return {
    version,
    ids,
    index,
    kinds,
    collaborations: facts,
    collaborationIds,
    topicIds,
    shared: {
      actorCount: ids.length,
      collaborationStarts,
      members,
      topicCount: topicIds.length,
      actorTopicStarts,
      actorTopics,
      collaborationTopicStarts,
      collaborationTopics,
    },
  };
}

/** Attempts in slices before one in one go. */
const SLICED_ATTEMPTS = 3;

/**
 * In slices that yield to the event loop; again from the start when the projection changes
 * meanwhile — and after a few such restarts in one go, so a steady stream of writes cannot keep it
 * from ever finishing (at 100k actors that holds the event loop ~0.1–0.3 s once).
 */
export async function encodeProjection(projection: NetworkProjection): Promise<ProjectionArrays> {
  for (let attempt = 1; attempt < SLICED_ATTEMPTS; attempt++) {
    try {
      return await encode(projection, yieldToEventLoop);
    } catch (error) {
      if (!(error instanceof Changed)) throw error;
    }
  }
  return encode(projection, null);
}

/**
 * As `encodeProjection`, with a journal of the writes since the version encoded (opened when the
 * attempt that succeeded started: an attempt only succeeds when no write changed the projection
 * meanwhile), for patching the arrays after a change (`arrays-patch.ts`). The caller closes it.
 */
export async function encodeProjectionJournaled(
  projection: NetworkProjection,
): Promise<{ arrays: ProjectionArrays; journal: ProjectionJournal }> {
  for (let attempt = 1; ; attempt++) {
    const journal = projection.openJournal();
    try {
      return { arrays: await encode(projection, attempt < SLICED_ATTEMPTS ? yieldToEventLoop : null), journal };
    } catch (error) {
      journal.close();
      if (!(error instanceof Changed)) throw error;
    }
  }
}

/** In one go (tests and scripts). */
export function encodeProjectionNow(projection: NetworkProjection): Promise<ProjectionArrays> {
  return encode(projection, null);
}
