/**
 * The partners of busy actors in id order, kept per projection `version`. An ego network walks
 * breadth-first and takes each actor's partners in id order until the view is full; for a hub
 * (thousands of collaborations, tens of thousands of partners) collecting and ordering them anew was
 * most of an ego network's time — and a hub is within two steps of almost everyone.
 */
import type { NetworkProjection } from './projection';

/** Actors with at least this many collaborations have their ordered partners kept. */
export const BUSY_COLLABORATIONS = 32;
/** Partner ids kept over all lists (8 bytes a reference: at most a few MB). */
export const PARTNER_IDS_CACHE_ITEMS = 400_000;

interface Cache {
  version: number;
  items: number;
  lists: Map<string, string[]>;
}

const caches = new WeakMap<NetworkProjection, Cache>();

/**
 * Every partner of `actorId` in id order, for a busy actor (kept until the projection changes);
 * null for other actors (walking their few collaborations is cheap) and unknown ones.
 */
export function orderedPartnersOfBusy(projection: NetworkProjection, actorId: string): readonly string[] | null {
  const actor = projection.actors.get(actorId);
  if (!actor || actor.collaborations.size < BUSY_COLLABORATIONS) return null;
  let cache = caches.get(projection);
  if (!cache || cache.version !== projection.version) {
    cache = { version: projection.version, items: 0, lists: new Map() };
    caches.set(projection, cache);
  }
  const cached = cache.lists.get(actorId);
  if (cached) return cached;
  const partners = new Set<string>();
  for (const collaborationId of actor.collaborations)
    for (const partnerId of projection.collaborations.get(collaborationId)!.actors)
      if (partnerId !== actorId) partners.add(partnerId);
  const ordered = [...partners].sort();
  // Full: the oldest lists go first (Map keeps insertion order).
  for (const [id, list] of cache.lists) {
    if (cache.items + ordered.length <= PARTNER_IDS_CACHE_ITEMS) break;
    cache.lists.delete(id);
    cache.items -= list.length;
  }
  if (ordered.length <= PARTNER_IDS_CACHE_ITEMS) {
    cache.lists.set(actorId, ordered);
    cache.items += ordered.length;
  }
  return ordered;
}
