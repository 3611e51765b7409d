/**
 * Which part of the network a question looks at: collaborations by kind, topic and date range,
 * actors by kind. Shared by paths and the network view so that "filtered" means the same everywhere.
 */
import type { ActorKind, CollaborationKind, IsoDate } from '../domain/model';
import type { NetworkProjection, ProjectedCollaboration } from './projection';

export interface ScopeFilter {
  /** Collaborations about any of these topics; actors interested in any of them. */
  topicIds?: readonly string[] | null;
  /** Actors of any of these kinds. */
  actorKinds?: readonly ActorKind[] | null;
  /** Collaborations of any of these kinds. */
  collaborationKinds?: readonly CollaborationKind[] | null;
  /** Collaborations overlapping [from, to] (same rule as the stores' collaboration filter). */
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export function hasDateRange(filter: ScopeFilter): boolean {
  return Boolean(filter.from || filter.to);
}

/** The date-overlap rule of the port's CollaborationFilter, on the projection. */
export function overlapsRange(c: Pick<ProjectedCollaboration, 'startDate' | 'endDate'>, from?: IsoDate | null, to?: IsoDate | null): boolean {
  if (!from && !to) return true;
  if (!c.startDate) return false;
  if (to && c.startDate > to) return false;
  if (from && (c.endDate ?? c.startDate) < from) return false;
  return true;
}

function anyOf<T>(wanted: readonly T[] | null | undefined, has: (value: T) => boolean): boolean {
  return !wanted || wanted.length === 0 || wanted.some(has);
}

export function collaborationInScope(c: ProjectedCollaboration, filter: ScopeFilter): boolean {
  return (
    overlapsRange(c, filter.from, filter.to) &&
    anyOf(filter.topicIds, (t) => c.topics.has(t)) &&
    anyOf(filter.collaborationKinds, (k) => c.kind === k)
  );
}

export function actorKindInScope(projection: NetworkProjection, actorId: string, filter: ScopeFilter): boolean {
  const actor = projection.actors.get(actorId);
  return Boolean(actor) && anyOf(filter.actorKinds, (k) => actor!.kind === k);
}

/**
 * The weighted collaborates-with neighbours of an actor within the scope, in partner-id order:
 * partner -> the in-scope collaborations they share (in id order).
 */
export function scopedNeighbours(
  projection: NetworkProjection,
  actorId: string,
  filter: ScopeFilter,
): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const actor = projection.actors.get(actorId);
  if (!actor) return neighbours;
  for (const collaborationId of [...actor.collaborations].sort()) {
    const collaboration = projection.collaborations.get(collaborationId)!;
    if (!collaborationInScope(collaboration, filter)) continue;
    for (const partnerId of collaboration.actors) {
      if (partnerId === actorId || !actorKindInScope(projection, partnerId, filter)) continue;
      const shared = neighbours.get(partnerId);
      if (shared) shared.push(collaborationId);
      else neighbours.set(partnerId, [collaborationId]);
    }
  }
  return new Map([...neighbours.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
