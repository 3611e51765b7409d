/**
 * The partners of busy actors in id order, kept per projection `version`. An ego network walks
 * breadth-first and takes each actor's partners in id order until the view is full; for a hub
 * (thousands of collaborations, tens of thousands of partners) collecting and ordering them anew was
 * most of an ego network's time — and a hub is within two steps of almost everyone.
 */
import type { NetworkProjection } from './projection';
import { VersionCache } from './version-cache';

/** Actors with at least this many collaborations have their ordered partners kept. */
export const BUSY_COLLABORATIONS = 32;
/** Partner ids kept over all lists (8 bytes a reference: at most a few MB). */
export const PARTNER_IDS_CACHE_ITEMS = 400_000;

const cache = new VersionCache<string[]>(PARTNER_IDS_CACHE_ITEMS, (ids) => ids.length);

/**
 * Every partner of `actorId` in id order, for a busy actor (kept until the projection changes);
 * null for other actors (walking their few collaborations is cheap) and unknown ones.
 */
export function orderedPartnersOfBusy(projection: NetworkProjection, actorId: string): readonly string[] | null {
  const actor = projection.actors.get(actorId);
  if (!actor || actor.collaborations.size < BUSY_COLLABORATIONS) return null;
  return cache.get(projection, actorId, () => {
    const partners = new Set<string>();
    for (const collaborationId of actor.collaborations)
      for (const partnerId of projection.collaborations.get(collaborationId)!.actors)
        if (partnerId !== actorId) partners.add(partnerId);
    return [...partners].sort();
  });
}
