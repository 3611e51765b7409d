/**
 * Graph data (the seed, a generated network) as the snapshot a projection is built from — for
 * tests and benchmarks that work on a projection without a store.
 */
import type { GraphData, GraphSnapshot } from '../server/src/store/network-store';

export function snapshotOf(data: GraphData): GraphSnapshot {
  return {
    topics: data.topics.map((t) => ({ id: t.id! })),
    actors: data.actors.map((a) => ({ id: a.id, kind: a.kind })),
    collaborations: data.collaborations.map((c) => ({
      id: c.id,
      kind: c.kind,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
    })),
    participations: data.collaborations.flatMap((c) =>
      (c.participants ?? []).map((p) => ({ actorId: p.actorId, collaborationId: c.id })),
    ),
    interests: data.actors.flatMap((a) => (a.interests ?? []).map((i) => ({ actorId: a.id, topicId: i.topicId }))),
    about: data.collaborations.flatMap((c) =>
      (c.topicIds ?? []).map((topicId) => ({ collaborationId: c.id, topicId })),
    ),
  };
}
