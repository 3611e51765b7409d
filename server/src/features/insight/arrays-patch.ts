/**
 * The projection's arrays (`projection-arrays.ts`) of a new version made from those of an earlier
 * one and the journal of the writes since (graph/projection.ts): only the touched actors and
 * collaborations are encoded again, everything else is copied in runs. In one go on the main
 * thread — a few milliseconds at 100k actors after an ordinary write — instead of the full
 * encoding (~0.3 s CPU in slices).
 *
 * The outcome is what `encodeProjection` gives for the projection now, field for field. It answers
 * null (encode anew) when that cannot be had cheaply: the whole projection was reloaded, actors
 * came or went (every actor index after them moves), a collaboration was removed or the
 * collaborations are in another order, the topics differ from the earlier arrays', or the journal
 * holds more than `MAX_TOUCHED` records.
 */
import type { NetworkProjection, ProjectionJournal } from '../../graph/projection';
import type { CollaborationFacts, ProjectionArrays } from './projection-arrays';

/** Above this many touched records the sliced full encoding keeps the event loop freer. */
const MAX_TOUCHED = 2_000;

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * Int32Array.BYTES_PER_ELEMENT), 0, length);
}

/**
 * A CSR (`starts`, `values`) with the rows `changed` (ascending) replaced by `rowOf(row)` and
 * `added` rows appended; the others copied.
 */
function spliceRows(
  starts: Int32Array,
  values: Int32Array,
  changed: readonly number[],
  total: number,
  rowOf: (row: number) => Int32Array,
): { starts: Int32Array; values: Int32Array } {
  const oldRows = starts.length - 1;
  const rows = [...changed];
  for (let row = oldRows; row < total; row++) rows.push(row);
  const own = rows.map(rowOf);
  // Row lengths: the old ones moved by the difference of each replaced row, in one pass of copies.
  const newStarts = sharedInt32(total + 1);
  let shift = 0;
  let at = 0; // rows[at] is the next replaced row
  for (let row = 0; row < total; row++) {
    if (at < rows.length && rows[at] === row) {
      newStarts[row + 1] = newStarts[row] + own[at++].length;
      shift = newStarts[row + 1] - (row < oldRows ? starts[row + 1] : starts[oldRows]);
    } else {
      newStarts[row + 1] = starts[row + 1] + shift;
    }
  }
  const newValues = sharedInt32(newStarts[total]);
  let from = 0; // first row of the current run of copied rows
  const copy = (to: number) => {
    if (to > from) newValues.set(values.subarray(starts[from], starts[to]), newStarts[from]);
  };
  rows.forEach((row, k) => {
    copy(Math.min(row, oldRows));
    newValues.set(own[k], newStarts[row]);
    from = row + 1;
  });
  copy(oldRows);
  return { starts: newStarts, values: newValues };
}

export function patchProjectionArrays(
  before: ProjectionArrays,
  projection: NetworkProjection,
  journal: ProjectionJournal,
): ProjectionArrays | null {
  if (journal.reloaded || journal.actors.size + journal.collaborations.size > MAX_TOUCHED) return null;
  // The same actors: every touched one still there and known before, and as many as before (an
  // actor added or removed is touched).
  if (projection.actors.size !== before.ids.length) return null;
  const touchedActors: number[] = [];
  for (const id of journal.actors) {
    const a = before.index.get(id);
    if (a === undefined || !projection.actors.has(id)) return null;
    touchedActors.push(a);
  }
  touchedActors.sort((x, y) => x - y);

  // The same collaborations in the same order, new ones after them.
  const oldCount = before.collaborationIds.length;
  if (projection.collaborations.size < oldCount) return null;
  const collaborationIds = before.collaborationIds.slice();
  const touchedCollaborations: number[] = [];
  let c = 0;
  for (const id of projection.collaborations.keys()) {
    if (c < oldCount) {
      if (id !== before.collaborationIds[c]) return null;
      if (journal.collaborations.has(id)) touchedCollaborations.push(c);
    } else {
      collaborationIds.push(id);
    }
    c++;
  }
  const total = collaborationIds.length;
  const collaborations = collaborationIds.map((id, x) => (x < oldCount ? null : projection.collaborations.get(id)!));
  const collaborationAt = (x: number) => collaborations[x] ?? projection.collaborations.get(collaborationIds[x])!;

  // The same topics: the earlier arrays' are exactly the projection's, and every touched record
  // names only those (the others' topics are as they were).
  const topicIndex = new Map(before.topicIds.map((t, i) => [t, i]));
  if (projection.topics.size !== before.topicIds.length) return null;
  for (const t of projection.topics) if (!topicIndex.has(t)) return null;
  for (const a of touchedActors)
    for (const t of projection.actors.get(before.ids[a])!.topics) if (!topicIndex.has(t)) return null;
  for (const x of touchedCollaborations) for (const t of collaborationAt(x).topics) if (!topicIndex.has(t)) return null;
  for (let x = oldCount; x < total; x++) for (const t of collaborationAt(x).topics) if (!topicIndex.has(t)) return null;

  const kinds = before.kinds.slice();
  for (const a of touchedActors) kinds[a] = projection.actors.get(before.ids[a])!.kind;
  const facts: CollaborationFacts[] = before.collaborations.slice();
  const factsOf = (x: number): CollaborationFacts => {
    const { kind, startDate, endDate, topics } = collaborationAt(x);
    return { kind, startDate, endDate, topics };
  };
  for (const x of touchedCollaborations) facts[x] = factsOf(x);
  for (let x = oldCount; x < total; x++) facts.push(factsOf(x));

  const shared = before.shared;
  const membersOf = (x: number) => Int32Array.from(collaborationAt(x).actors, (id) => before.index.get(id)!);
  const members = spliceRows(shared.collaborationStarts, shared.members, touchedCollaborations, total, membersOf);
  const topicsOf = (topics: Set<string>) => Int32Array.from(topics, (t) => topicIndex.get(t)!);
  const actorTopics = spliceRows(shared.actorTopicStarts, shared.actorTopics, touchedActors, before.ids.length, (a) =>
    topicsOf(projection.actors.get(before.ids[a])!.topics),
  );
  const collaborationTopics = spliceRows(
    shared.collaborationTopicStarts,
    shared.collaborationTopics,
    touchedCollaborations,
    total,
    (x) => topicsOf(collaborationAt(x).topics),
  );

  return {
    version: projection.version,
    ids: before.ids,
    index: before.index,
    kinds,
    collaborations: facts,
    collaborationIds,
    topicIds: before.topicIds,
    shared: {
      actorCount: before.ids.length,
      collaborationStarts: members.starts,
      members: members.values,
      topicCount: before.topicIds.length,
      actorTopicStarts: actorTopics.starts,
      actorTopics: actorTopics.values,
      collaborationTopicStarts: collaborationTopics.starts,
      collaborationTopics: collaborationTopics.values,
    },
  };
}
