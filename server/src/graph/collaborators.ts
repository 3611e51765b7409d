/**
 * An actor's collaborators from the projection: who took part in the same collaborations, most
 * shared collaborations first (ties by partner id), each with the shared collaborations newest
 * first — the order of the store's `collaboratorsOfActors`, without reading every participation
 * of a hub from the store (the busiest actor at 100k has ~33,000 partners over ~48,000 rows).
 */
import type { Collaborator } from '../domain/model';
import { collaborationSortKey, compareNewestFirst } from '../domain/ordering';
import type { NetworkProjection } from './projection';

/** The first `first` collaborators of `actorId` (all when `first` is absent); [] for an unknown actor. */
export function collaboratorsOf(projection: NetworkProjection, actorId: string, first?: number | null): Collaborator[] {
  const actor = projection.actors.get(actorId);
  if (!actor) return [];
  const shared = new Map<string, string[]>();
  for (const collaborationId of actor.collaborations) {
    const collaboration = projection.collaborations.get(collaborationId);
    if (!collaboration) continue;
    for (const partnerId of collaboration.actors) {
      if (partnerId === actorId) continue;
      const list = shared.get(partnerId);
      if (list) list.push(collaborationId);
      else shared.set(partnerId, [collaborationId]);
    }
  }
  const partners = [...shared].sort(
    ([a, sharedA], [b, sharedB]) => sharedB.length - sharedA.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const chosen = first != null ? partners.slice(0, first) : partners;
  const newestFirst = (a: string, b: string) =>
    compareNewestFirst(collaborationSortKey(keyOf(projection, a)), collaborationSortKey(keyOf(projection, b)));
  return chosen.map(([partnerId, ids]) => ({ actorId, partnerId, collaborationIds: ids.sort(newestFirst) }));
}

function keyOf(projection: NetworkProjection, collaborationId: string): { id: string; startDate: string | null } {
  return { id: collaborationId, startDate: projection.collaborations.get(collaborationId)?.startDate ?? null };
}
