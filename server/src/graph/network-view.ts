/**
 * The network the viewer draws: actors (optionally topics and collaborations) with
 * collaborates-with edges weighted by the number of shared collaborations, interested-in and
 * participated-in edges; filtered by scope and optionally limited to the neighbourhood of one actor.
 *
 * Which actors are shown:
 * - of the filter's kinds;
 * - with a date range: those who took part in an in-scope collaboration;
 * - with topics (and no date range): those interested in one of the topics or taking part in an
 *   in-scope collaboration;
 * - otherwise all.
 * With a centre actor, only actors within `depth` collaborates-with steps of it (in scope).
 */
import type { NetworkProjection } from './projection';
import { actorKindInScope, collaborationInScope, hasDateRange, scopedNeighbours, type ScopeFilter } from './scope';

export interface NetworkViewOptions extends ScopeFilter {
  centreActorId?: string | null;
  /** Steps from the centre actor (1 = direct collaborators). */
  depth?: number | null;
  includeTopics?: boolean | null;
  includeCollaborations?: boolean | null;
  /** At most this many actors; the view says when it was cut. */
  maxActors: number;
}

export interface CollaboratesWithEdge {
  sourceId: string;
  targetId: string;
  collaborationIds: string[];
}

export interface NetworkView {
  actorIds: string[];
  topicIds: string[];
  collaborationIds: string[];
  collaboratesWith: CollaboratesWithEdge[];
  interestedIn: Array<{ actorId: string; topicId: string }>;
  participatedIn: Array<{ actorId: string; collaborationId: string }>;
  /** True when more actors matched than maxActors. */
  truncated: boolean;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function networkView(projection: NetworkProjection, options: NetworkViewOptions): NetworkView {
  const scopedCollaborations = [...projection.collaborations.entries()]
    .filter(([, c]) => collaborationInScope(c, options))
    .map(([id]) => id)
    .sort(byId);
  const scopedCollaborationSet = new Set(scopedCollaborations);

  const candidates = options.centreActorId
    ? neighbourhood(projection, options.centreActorId, options.depth ?? 1, options)
    : [...projection.actors.keys()].sort(byId).filter((id) => actorVisible(projection, id, options, scopedCollaborationSet));

  const truncated = candidates.length > options.maxActors;
  const actorIds = candidates.slice(0, options.maxActors);
  const visible = new Set(actorIds);

  const collaboratesWith: CollaboratesWithEdge[] = [];
  for (const sourceId of actorIds) {
    for (const [targetId, collaborationIds] of scopedNeighbours(projection, sourceId, options)) {
      if (sourceId < targetId && visible.has(targetId)) collaboratesWith.push({ sourceId, targetId, collaborationIds });
    }
  }

  const topicIds = new Set<string>();
  const interestedIn: NetworkView['interestedIn'] = [];
  if (options.includeTopics) {
    const wanted = options.topicIds?.length ? new Set(options.topicIds) : null;
    for (const actorId of actorIds) {
      for (const topicId of [...projection.actors.get(actorId)!.topics].sort(byId)) {
        if (wanted && !wanted.has(topicId)) continue;
        topicIds.add(topicId);
        interestedIn.push({ actorId, topicId });
      }
    }
  }

  const collaborationIds: string[] = [];
  const participatedIn: NetworkView['participatedIn'] = [];
  if (options.includeCollaborations) {
    for (const collaborationId of scopedCollaborations) {
      const members = [...projection.collaborations.get(collaborationId)!.actors].filter((a) => visible.has(a)).sort(byId);
      if (members.length === 0) continue;
      collaborationIds.push(collaborationId);
      for (const actorId of members) participatedIn.push({ actorId, collaborationId });
    }
  }

  return {
    actorIds,
    topicIds: [...topicIds].sort(byId),
    collaborationIds,
    collaboratesWith,
    interestedIn,
    participatedIn,
    truncated,
  };
}

function actorVisible(projection: NetworkProjection, actorId: string, filter: ScopeFilter, scoped: Set<string>): boolean {
  if (!actorKindInScope(projection, actorId, filter)) return false;
  const actor = projection.actors.get(actorId)!;
  const takesPart = () => [...actor.collaborations].some((c) => scoped.has(c));
  if (hasDateRange(filter)) return takesPart();
  if (filter.topicIds?.length) return filter.topicIds.some((t) => actor.topics.has(t)) || takesPart();
  return true;
}

/** Actors within `depth` steps of the centre, in breadth-first order (ties in id order). */
function neighbourhood(projection: NetworkProjection, centreId: string, depth: number, filter: ScopeFilter): string[] {
  if (!projection.actors.has(centreId)) return [];
  const order = [centreId];
  const seen = new Set(order);
  let frontier = [centreId];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const actorId of frontier) {
      for (const partnerId of scopedNeighbours(projection, actorId, filter).keys()) {
        if (seen.has(partnerId)) continue;
        seen.add(partnerId);
        next.push(partnerId);
      }
    }
    order.push(...next);
    frontier = next;
  }
  return order;
}
