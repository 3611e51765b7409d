/**
 * An actor's collaborators from the projection: who took part in the same collaborations, most
 * shared collaborations first (ties by partner id), each with the shared collaborations newest
 * first — the order of the store's `collaboratorsOfActors`, without reading every participation
 * of a hub from the store (the busiest actor at 100k has ~33,000 partners over ~48,000 rows).
 *
 * Fan-out queries ask for the same hubs' partners again and again (collaborators of collaborators:
 * every partner of a hub lists the hub, and the hub's partners, anew); computing a hub's list is
 * tens of milliseconds of uninterrupted work and garbage each time. So the ranked lists are kept
 * per projection `version` (every change of members bumps it), bounded by PARTNER_CACHE_ITEMS.
 */
import type { Collaborator } from '../domain/model';
import { collaborationSortKey, compareNewestFirst } from '../domain/ordering';
import type { SortKey } from '../domain/paging';
import { runNow, runSteps } from '../platform/util/run-in-slices';
import type { NetworkProjection } from './projection';
import { VersionCache } from './version-cache';
import { sortedItemsSteps } from '../platform/util/sorted-steps';

/** Partners kept over all cached lists (~200 bytes each with their built entries: at most ~20 MB). */
export const PARTNER_CACHE_ITEMS = 100_000;

/** A collaborator with the number of shared collaborations (what the API answers). */
export interface RankedCollaborator extends Collaborator {
  sharedCount: number;
}

/** An actor's partners ranked; the Collaborator of each is built when first asked for. */
interface RankedPartners {
  partners: Array<[partnerId: string, collaborationIds: string[]]>;
  built: RankedCollaborator[];
  /** Every partner built: `built` is the whole answer and is handed out as it is (nobody changes it). */
  complete: boolean;
}

const cache = new VersionCache<RankedPartners>(PARTNER_CACHE_ITEMS, (ranked) => ranked.partners.length + 1);

/** The first `first` collaborators of `actorId` (all when `first` is absent); [] for an unknown actor. */
export function collaboratorsOf(
  projection: NetworkProjection,
  actorId: string,
  first?: number | null,
): readonly RankedCollaborator[] {
  const ranked = rankedPartners(projection, actorId);
  return ranked ? firstOf(ranked, actorId, first) : [];
}

/** The first `first` of a ranking (all when `first` is absent), built as they are first asked for. */
function firstOf(ranked: RankedPartners, actorId: string, first?: number | null): readonly RankedCollaborator[] {
  const count = first != null ? Math.min(first, ranked.partners.length) : ranked.partners.length;
  for (let i = ranked.built.length; i < count; i++) ranked.built.push(build(actorId, ranked.partners[i]!));
  if (count === ranked.partners.length) ranked.complete = true;
  return ranked.complete && count === ranked.built.length ? ranked.built : ranked.built.slice(0, count);
}

/**
 * Collaborations walked per step of a ranking in steps; an actor with fewer is ranked at once. The
 * busiest actor at 100k (~4,800 collaborations, ~33,000 partners) took ~160 ms in one go.
 */
export const RANKING_STEP = 500;

/**
 * `collaboratorsOf` for a request: a busy actor's ranking, when not kept yet, is computed in steps
 * with `pause` between them (the request's turns), so collaborators of collaborators of hubs do not
 * hold the event loop. When a write changes the projection meanwhile, the ranking is computed again
 * at once on the new state (a write between two turns is rare; the answer must be of one state).
 */
export function collaboratorsInSteps(
  projection: NetworkProjection,
  actorId: string,
  first: number | null | undefined,
  pause: () => Promise<void> | void,
): readonly RankedCollaborator[] | Promise<readonly RankedCollaborator[]> {
  const cheap = collaboratorsIfCheap(projection, actorId, first);
  if (cheap) return cheap;
  const version = projection.version;
  return runSteps(rankingSteps(projection, actorId), pause, () => projection.version !== version).then((ranked) => {
    // Stale (a write came in between): ranked again at once on the new state.
    if (!ranked) return collaboratorsOf(projection, actorId, first);
    cache.set(projection, actorId, ranked, version);
    return firstOf(ranked, actorId, first);
  });
}

/** `collaboratorsOf` when it costs little: the ranking is kept, or the actor is not busy; else null. */
export function collaboratorsIfCheap(
  projection: NetworkProjection,
  actorId: string,
  first?: number | null,
): readonly RankedCollaborator[] | null {
  const actor = projection.actors.get(actorId);
  if (!actor || actor.collaborations.size < RANKING_STEP || cache.peek(projection, actorId))
    return collaboratorsOf(projection, actorId, first);
  return null;
}

/** How many collaborators `actorId` has (from the cached ranking). */
export function collaboratorCount(projection: NetworkProjection, actorId: string): number {
  return rankedPartners(projection, actorId)?.partners.length ?? 0;
}

function rankedPartners(projection: NetworkProjection, actorId: string): RankedPartners | null {
  const actor = projection.actors.get(actorId);
  if (!actor) return null;
  return cache.get(projection, actorId, () => runNow(rankingSteps(projection, actorId)));
}

/** Ranks an actor's partners, yielding every RANKING_STEP collaborations (the projection must not change meanwhile). */
function* rankingSteps(projection: NetworkProjection, actorId: string): Generator<void, RankedPartners, void> {
  const actor = projection.actors.get(actorId)!;
  const collaborations = newestFirst(projection, actor.collaborations);
  yield;
  // Walked newest first, so every partner's shared collaborations come out in the answer's order.
  const shared = new Map<string, string[]>();
  for (let i = 0; i < collaborations.length; i++) {
    if (i > 0 && i % RANKING_STEP === 0) yield;
    const collaborationId = collaborations[i]!;
    for (const partnerId of projection.collaborations.get(collaborationId)!.actors) {
      if (partnerId === actorId) continue;
      const list = shared.get(partnerId);
      if (list) list.push(collaborationId);
      else shared.set(partnerId, [collaborationId]);
    }
  }
  const entries = [...shared];
  yield;
  // Sorted in steps too: the hub of a 100k network has ~40k partners (one sort held the loop ~35 ms).
  const partners = yield* sortedItemsSteps(
    entries,
    ([a, sharedA], [b, sharedB]) => sharedB.length - sharedA.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { partners, built: [], complete: false };
}

function build(actorId: string, [partnerId, collaborationIds]: [string, string[]]): RankedCollaborator {
  return { actorId, partnerId, collaborationIds, sharedCount: collaborationIds.length };
}

/** The actor's collaborations known to the projection, newest first (the store's order: start date, then id). */
function newestFirst(projection: NetworkProjection, ids: Iterable<string>): string[] {
  const keyed: Array<{ id: string; key: SortKey }> = [];
  for (const id of ids) {
    const collaboration = projection.collaborations.get(id);
    if (collaboration) keyed.push({ id, key: collaborationSortKey({ id, startDate: collaboration.startDate }) });
  }
  return keyed.sort((a, b) => compareNewestFirst(a.key, b.key)).map((entry) => entry.id);
}
