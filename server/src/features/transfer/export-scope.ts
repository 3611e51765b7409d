/**
 * The part of the network an export holds: the whole network without a filter; with one, the
 * view the network query shows for the same filter (graph/scope.ts, graph/network-view.ts) —
 * the actors visible in the scope, the in-scope collaborations that have visible participants (or
 * none at all) with only their visible participants, and the topics these refer to (plus the
 * filter's own topics), so that the export imports on its own.
 */
import { actorVisible } from '../../graph/network-view';
import { NetworkProjection } from '../../graph/projection';
import { collaborationInScope, filtersActorKinds, filtersCollaborations, type ScopeFilter } from '../../graph/scope';
import type { GraphData, GraphSnapshot } from '../../store/network-store';

function snapshotOf(graph: GraphData): GraphSnapshot {
  return {
    actors: graph.actors.map((a) => ({ id: a.id, kind: a.kind })),
    topics: graph.topics.map((t) => ({ id: t.id! })),
    collaborations: graph.collaborations.map((c) => ({
      id: c.id,
      kind: c.kind,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
    })),
    participations: graph.collaborations.flatMap((c) =>
      (c.participants ?? []).map((p) => ({ actorId: p.actorId, collaborationId: c.id })),
    ),
    interests: graph.actors.flatMap((a) => (a.interests ?? []).map((i) => ({ actorId: a.id, topicId: i.topicId }))),
    about: graph.collaborations.flatMap((c) =>
      (c.topicIds ?? []).map((topicId) => ({ collaborationId: c.id, topicId })),
    ),
  };
}

export function hasFilter(filter: ScopeFilter): boolean {
  return filtersCollaborations(filter) || filtersActorKinds(filter);
}

export function selectScope(graph: GraphData, filter: ScopeFilter): GraphData {
  if (!hasFilter(filter)) return graph;
  const projection = NetworkProjection.fromSnapshot(snapshotOf(graph));
  const scoped = new Set(
    [...projection.collaborations].filter(([, c]) => collaborationInScope(c, filter)).map(([id]) => id),
  );
  const visible = new Set([...projection.actors.keys()].filter((id) => actorVisible(projection, id, filter, scoped)));

  const actors = graph.actors.filter((a) => visible.has(a.id));
  const collaborations = graph.collaborations
    .filter(
      (c) =>
        scoped.has(c.id) &&
        ((c.participants ?? []).length === 0 || (c.participants ?? []).some((p) => visible.has(p.actorId))),
    )
    .map((c) => ({ ...c, participants: (c.participants ?? []).filter((p) => visible.has(p.actorId)) }));
  const topicIds = new Set([
    ...(filter.topicIds ?? []),
    ...actors.flatMap((a) => (a.interests ?? []).map((i) => i.topicId)),
    ...collaborations.flatMap((c) => c.topicIds ?? []),
  ]);
  return { topics: graph.topics.filter((t) => topicIds.has(t.id!)), actors, collaborations };
}
