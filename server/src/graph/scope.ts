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
export function overlapsRange(
  c: Pick<ProjectedCollaboration, 'startDate' | 'endDate'>,
  from?: IsoDate | null,
  to?: IsoDate | null,
): boolean {
  if (!from && !to) return true;
  if (!c.startDate) return false;
  if (to && c.startDate > to) return false;
  if (from && (c.endDate ?? c.startDate) < from) return false;
  return true;
}

function anyOf<T>(wanted: readonly T[] | null | undefined, has: (value: T) => boolean): boolean {
  return !wanted || wanted.length === 0 || wanted.some(has);
}

export function collaborationInScope(
  c: Pick<ProjectedCollaboration, 'kind' | 'startDate' | 'endDate' | 'topics'>,
  filter: ScopeFilter,
): boolean {
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

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when the filter restricts collaborations (kinds, topics or dates). */
export function filtersCollaborations(filter: ScopeFilter): boolean {
  return hasDateRange(filter) || Boolean(filter.topicIds?.length) || Boolean(filter.collaborationKinds?.length);
}

/** True when the filter restricts actors by kind. */
export function filtersActorKinds(filter: ScopeFilter): boolean {
  return Boolean(filter.actorKinds?.length);
}

/**
 * The weighted collaborates-with neighbours of an actor within the scope, in partner-id order:
 * partner -> the in-scope collaborations they share (in id order).
 *
 * Hot path of ego networks and paths (a hub takes part in thousands of collaborations): one pass
 * over the actor's collaborations, the scope checked only when the filter has something to check,
 * then only the partner ids and each (short) shared list are sorted.
 */
export function scopedNeighbours(
  projection: NetworkProjection,
  actorId: string,
  filter: ScopeFilter,
): Map<string, string[]> {
  const actor = projection.actors.get(actorId);
  if (!actor) return new Map();
  const checkCollaborations = filtersCollaborations(filter);
  const checkKinds = filtersActorKinds(filter);
  const found = new Map<string, string[]>();
  for (const collaborationId of actor.collaborations) {
    const collaboration = projection.collaborations.get(collaborationId)!;
    if (checkCollaborations && !collaborationInScope(collaboration, filter)) continue;
    for (const partnerId of collaboration.actors) {
      if (partnerId === actorId || (checkKinds && !actorKindInScope(projection, partnerId, filter))) continue;
      const shared = found.get(partnerId);
      if (shared) shared.push(collaborationId);
      else found.set(partnerId, [collaborationId]);
    }
  }
  const neighbours = new Map<string, string[]>();
  for (const partnerId of [...found.keys()].sort(byId)) {
    const shared = found.get(partnerId)!;
    if (shared.length > 1) shared.sort(byId);
    neighbours.set(partnerId, shared);
  }
  return neighbours;
}

/**
 * The partner ids of scopedNeighbours (same order), without building the shared lists; with
 * `exclude`, only partners not in it; with `limit`, only the first `limit` of them (selected, not
 * sorted whole: a hub has tens of thousands of partners and an ego network wants a few hundred).
 */
export function scopedNeighbourIds(
  projection: NetworkProjection,
  actorId: string,
  filter: ScopeFilter,
  exclude?: ReadonlySet<string>,
  limit = Infinity,
): string[] {
  const actor = projection.actors.get(actorId);
  if (!actor || limit <= 0) return [];
  const checkCollaborations = filtersCollaborations(filter);
  const checkKinds = filtersActorKinds(filter);
  const found = new Set<string>();
  for (const collaborationId of actor.collaborations) {
    const collaboration = projection.collaborations.get(collaborationId)!;
    if (checkCollaborations && !collaborationInScope(collaboration, filter)) continue;
    for (const partnerId of collaboration.actors) {
      if (partnerId === actorId || found.has(partnerId) || exclude?.has(partnerId)) continue;
      if (checkKinds && !actorKindInScope(projection, partnerId, filter)) continue;
      found.add(partnerId);
    }
  }
  return smallest([...found], limit);
}

/** The `k` smallest ids in ascending order (quickselect first when k is much smaller than n). */
export function smallest(ids: string[], k: number): string[] {
  if (k >= ids.length || ids.length <= 4 * k) return ids.sort(byId).slice(0, k);
  let lo = 0;
  let hi = ids.length - 1;
  while (lo < hi) {
    // Hoare partition around the middle element; afterwards ids[0..k) holds the k smallest.
    const pivot = ids[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ids[i] < pivot) i++;
      while (ids[j] > pivot) j--;
      if (i <= j) {
        const t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  return ids.slice(0, k).sort(byId);
}
