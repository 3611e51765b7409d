/**
 * The partners of busy actors in id order, kept per projection `version`. An ego network walks
 * breadth-first and takes each actor's partners in id order until the view is full; for a hub
 * (thousands of collaborations, tens of thousands of partners) collecting and ordering them anew was
 * most of an ego network's time — and a hub is within two steps of almost everyone.
 */
import type { NetworkProjection } from './projection';
import { runNow } from '../platform/util/run-in-slices';
import { sortedItemsSteps } from '../platform/util/sorted-steps';
import { VersionCache } from './version-cache';

/** Actors with at least this many collaborations have their ordered partners kept. */
export const BUSY_COLLABORATIONS = 32;
/** Partner ids kept over all lists (8 bytes a reference: at most a few MB). */
export const PARTNER_IDS_CACHE_ITEMS = 400_000;

const cache = new VersionCache<string[]>(PARTNER_IDS_CACHE_ITEMS, (ids) => ids.length);

/** Partner entries read between two yields while a busy actor's list is collected. */
const COLLECT_STEP = 1 << 14;

/**
 * Every partner of `actorId` in id order, for a busy actor (kept until the projection changes);
 * null for other actors (walking their few collaborations is cheap) and unknown ones. In steps:
 * the hub of a 100k network has ~40k partners, and collecting and sorting them in one go held the
 * event loop ~55 ms. The caller must not resume the steps after the projection changed
 * (run-in-slices.ts `runSteps` with `stale`).
 */
export function* orderedPartnersOfBusySteps(
  projection: NetworkProjection,
  actorId: string,
): Generator<void, readonly string[] | null, void> {
  const actor = projection.actors.get(actorId);
  if (!actor || actor.collaborations.size < BUSY_COLLABORATIONS) return null;
  const kept = cache.peek(projection, actorId);
  if (kept) return kept;
  const version = projection.version;
  const partners = new Set<string>();
  let read = 0;
  for (const collaborationId of actor.collaborations) {
    const members = projection.collaborations.get(collaborationId)!.actors;
    for (const partnerId of members) if (partnerId !== actorId) partners.add(partnerId);
    if ((read += members.size) >= COLLECT_STEP) {
      read = 0;
      yield;
    }
  }
  const ids = [...partners];
  yield;
  const ordered = yield* sortedItemsSteps(ids, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  cache.set(projection, actorId, ordered, version);
  return ordered;
}

/** orderedPartnersOfBusySteps at once. */
export function orderedPartnersOfBusy(projection: NetworkProjection, actorId: string): readonly string[] | null {
  return runNow(orderedPartnersOfBusySteps(projection, actorId));
}
