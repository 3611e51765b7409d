/**
 * The collaborations two busy actors share, kept per projection `version`. The hubs are in almost
 * every ego network (a hub is within two steps of almost everyone), and what they share among
 * themselves is the same each time: intersecting a hub's thousands of collaborations with another's
 * is work worth doing once per version.
 */
import { BUSY_COLLABORATIONS } from './partner-ids';
import type { NetworkProjection } from './projection';
import { VersionCache } from './version-cache';

/** Collaboration ids kept over all pairs (an empty list counts one). */
export const SHARED_COLLABORATIONS_CACHE_ITEMS = 100_000;

const cache = new VersionCache<string[]>(SHARED_COLLABORATIONS_CACHE_ITEMS, (ids) => ids.length + 1);

/**
 * The collaborations both `a` and `b` took part in (any scope; in no particular order), kept when
 * both are busy (./partner-ids.ts BUSY_COLLABORATIONS). Both must be known actors.
 */
export function sharedCollaborations(projection: NetworkProjection, a: string, b: string): readonly string[] {
  const ofA = projection.actors.get(a)!.collaborations;
  const ofB = projection.actors.get(b)!.collaborations;
  const intersect = () => {
    const [small, large] = ofA.size <= ofB.size ? [ofA, ofB] : [ofB, ofA];
    const shared: string[] = [];
    for (const collaborationId of small) if (large.has(collaborationId)) shared.push(collaborationId);
    return shared;
  };
  if (Math.min(ofA.size, ofB.size) < BUSY_COLLABORATIONS) return intersect();
  return cache.get(projection, a < b ? `${a}|${b}` : `${b}|${a}`, intersect);
}
