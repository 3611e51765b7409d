/**
 * What the suggestion index is built from, as flat arrays: the projection's actors and
 * collaborations (in no particular order: the build sorts by id), each collaboration's known
 * members and every actor's and collaboration's known topics as indexes.
 *
 * Made in two stages that can each run in slices between other work on the event loop:
 * - `copySteps` copies the projection's actors and collaborations (ids and the members of their
 *   sets) while a journal (graph/projection.ts) records what writes touch meanwhile; at the end it
 *   copies the touched ones again and the topic list, in one go — so the copy is exactly the
 *   projection's state at one version however many writes came in between, and it never starts
 *   over for an ordinary write (only when the whole projection was reloaded).
 * - `encodeSteps` turns the copy's strings into indexes and typed arrays (it reads only the copy).
 * In one go at 100k actors the two take ~0.24 s of CPU (measured, docs/suggestions.md): too long
 * to hold the event loop, so the service runs them in slices (`index-builder.ts`).
 */
import type { ActorKind, CollaborationKind, IsoDate } from '../../domain/model';
import { runNow } from '../../platform/util/run-in-slices';
import type {
  NetworkProjection,
  ProjectedActor,
  ProjectedCollaboration,
  ProjectionJournal,
} from '../../graph/projection';

/** The projection's state at one version, in plain arrays. */
export interface ProjectionCopy {
  version: number;
  /** Actor id → its kind and interests. */
  actors: Map<string, CopiedActor>;
  /** Collaboration id → its fields, members and topics. */
  collaborations: Map<string, CopiedCollaboration>;
  /** The projection's topics, ascending. */
  topics: string[];
}

export interface CopiedActor {
  kind: ActorKind;
  topics: string[];
}

export interface CopiedCollaboration {
  kind: CollaborationKind;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  actors: string[];
  topics: string[];
}

const copyActor = (a: ProjectedActor): CopiedActor => ({ kind: a.kind, topics: [...a.topics] });
const copyCollaboration = (c: ProjectedCollaboration): CopiedCollaboration => ({
  kind: c.kind,
  startDate: c.startDate,
  endDate: c.endDate,
  actors: [...c.actors],
  topics: [...c.topics],
});

/** Entities copied or encoded between two yields (a yield costs little: the driver checks the clock). */
const STEP = 512;

/**
 * The copy as a generator that yields every STEP entities. With a journal (opened before the first
 * step), writes may come between the yields; without one, the caller must not write meanwhile.
 */
export function* copySteps(
  projection: NetworkProjection,
  journal: ProjectionJournal | null,
): Generator<void, ProjectionCopy, void> {
  for (;;) {
    if (journal) journal.reloaded = false;
    const actors = new Map<string, CopiedActor>();
    const collaborations = new Map<string, CopiedCollaboration>();
    let k = 0;
    let reloaded = false;
    for (const [id, actor] of projection.actors) {
      actors.set(id, copyActor(actor));
      if (++k % STEP === 0) {
        yield;
        if ((reloaded = journal?.reloaded === true)) break;
      }
    }
    if (reloaded) continue;
    for (const [id, c] of projection.collaborations) {
      collaborations.set(id, copyCollaboration(c));
      if (++k % STEP === 0) {
        yield;
        if ((reloaded = journal?.reloaded === true)) break;
      }
    }
    if (reloaded) continue;
    // The writes since the first step, in one go (a few entities per write).
    if (journal) {
      for (const id of journal.actors) {
        const actor = projection.actors.get(id);
        if (actor) actors.set(id, copyActor(actor));
        else actors.delete(id);
      }
      for (const id of journal.collaborations) {
        const c = projection.collaborations.get(id);
        if (c) collaborations.set(id, copyCollaboration(c));
        else collaborations.delete(id);
      }
      journal.actors.clear();
      journal.collaborations.clear();
    }
    return { version: projection.version, actors, collaborations, topics: [...projection.topics].sort(byId) };
  }
}

export interface IndexInput {
  /** The projection's version when this was taken. */
  version: number;
  /** Input actor index → id (the projection's order). */
  actorIds: string[];
  /** Input collaboration index → id (the projection's order). */
  collaborationIds: string[];
  /** Topic index → id, ascending (the projection's topics). */
  topicIds: string[];
  /** Per collaboration: its members that are known actors (input actor indexes, the set's order). */
  memberStarts: Int32Array;
  members: Int32Array;
  /** Per actor: its interests that are known topics (topic indexes). */
  actorTopicStarts: Int32Array;
  actorTopics: Int32Array;
  /** Per collaboration: its known topics (topic indexes). */
  collaborationTopicStarts: Int32Array;
  collaborationTopics: Int32Array;
  /** The actors' kinds, ascending, and per input actor its kind's index in that list. */
  kindNames: string[];
  actorKinds: Uint8Array;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The copy's strings as indexes and typed arrays, yielding every STEP entities. */
export function* encodeSteps(copy: ProjectionCopy): Generator<void, IndexInput, void> {
  const topicIds = copy.topics;
  const topicIndex = new Map<string, number>();
  topicIds.forEach((id, t) => topicIndex.set(id, t));

  const kindNames = [...new Set(Array.from(copy.actors.values(), (a) => a.kind))].sort(byId);
  const kindIndex = new Map(kindNames.map((k, i) => [k, i]));
  const actorKinds = new Uint8Array(copy.actors.size);
  const actorIds = new Array<string>(copy.actors.size);
  const actorIndex = new Map<string, number>();
  const actorTopicStarts = new Int32Array(copy.actors.size + 1);
  const actorTopicList: number[] = [];
  let i = 0;
  for (const [id, { topics, kind }] of copy.actors) {
    actorKinds[i] = kindIndex.get(kind)!;
    actorIds[i] = id;
    actorIndex.set(id, i);
    for (const topicId of topics) {
      const t = topicIndex.get(topicId);
      if (t !== undefined) actorTopicList.push(t);
    }
    actorTopicStarts[++i] = actorTopicList.length;
    if (i % STEP === 0) yield;
  }

  const collaborationIds = new Array<string>(copy.collaborations.size);
  const memberStarts = new Int32Array(copy.collaborations.size + 1);
  const collaborationTopicStarts = new Int32Array(copy.collaborations.size + 1);
  const memberList: number[] = [];
  const collaborationTopicList: number[] = [];
  let c = 0;
  for (const [id, collaboration] of copy.collaborations) {
    collaborationIds[c] = id;
    for (const actorId of collaboration.actors) {
      const a = actorIndex.get(actorId);
      if (a !== undefined) memberList.push(a);
    }
    for (const topicId of collaboration.topics) {
      const t = topicIndex.get(topicId);
      if (t !== undefined) collaborationTopicList.push(t);
    }
    c++;
    memberStarts[c] = memberList.length;
    collaborationTopicStarts[c] = collaborationTopicList.length;
    if (c % STEP === 0) yield;
  }

  return {
    version: copy.version,
    actorIds,
    collaborationIds,
    topicIds,
    memberStarts,
    members: Int32Array.from(memberList),
    actorTopicStarts,
    actorTopics: Int32Array.from(actorTopicList),
    collaborationTopicStarts,
    collaborationTopics: Int32Array.from(collaborationTopicList),
    kindNames,
    actorKinds,
  };
}

/** The input of the projection as it is now, in one go (inline builds, tests). */
export function encodeIndexInput(projection: NetworkProjection): IndexInput {
  return runNow(encodeSteps(runNow(copySteps(projection, null))));
}

/** The buffers of an input's typed arrays (to transfer them to the worker). */
export function inputBuffers(input: IndexInput): ArrayBuffer[] {
  return [
    input.memberStarts,
    input.members,
    input.actorTopicStarts,
    input.actorTopics,
    input.collaborationTopicStarts,
    input.collaborationTopics,
    input.actorKinds,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** Indexes of `ids` in ascending id order (ids are unique, so the order is total). */
export function idOrder(ids: readonly string[]): Int32Array {
  return Int32Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => byId(ids[a], ids[b]));
}

/** The inverse of a permutation: rank[order[p]] = p. */
export function ranksOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) rank[order[p]] = p;
  return rank;
}
