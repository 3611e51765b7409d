/**
 * The collaborates-with edges among the actors a network view shows.
 *
 * An edge is a collaboration with two or more shown members, so the edges are found per
 * collaboration: which shown actors took part in each. Walking every member of every collaboration
 * of every shown actor (the earlier way) read ~40k members for an ego network of 300 at 100k actors
 * — collaborations with a hub in them are the large ones — most of them actors not shown; each read
 * a cache miss on a Set of its own (~12 ms CPU a view). Here only the shown actors' own
 * collaboration sets are read: the less active ones list theirs, the busy ones (hubs, with
 * thousands) are looked up in that list, and what only busy ones share comes from intersecting
 * their sets.
 */
import { BUSY_COLLABORATIONS } from './partner-ids';
import type { NetworkProjection, ProjectedActor } from './projection';
import {
  actorKindInScope,
  collaborationInScope,
  filtersActorKinds,
  filtersCollaborations,
  type ScopeFilter,
} from './scope';
import { sharedCollaborations } from './shared-collaborations';

export interface CollaboratesWithEdge {
  sourceId: string;
  targetId: string;
  collaborationIds: string[];
}

/**
 * Listing an actor's own collaboration costs about this many look-ups of a listed one in a busy
 * actor's set (a read of a collaboration id not otherwise touched, and an entry in the list).
 */
const LISTING_COST = 3;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface EdgesAmong {
  edges: CollaboratesWithEdge[];
  /**
   * Per actor of `actorIds`: its collaborations that are on one of its edges (each counted once,
   * however many edges carry it) — the size of an actor node.
   */
  collaborationCounts: number[];
}

/**
 * The edges among `actorIds`, by source (in the order of `actorIds`), then target id; source <
 * target; shared collaborations in scope, in id order; targets of the filter's actor kinds.
 * `due(units)` counts work and says when a step (a yield) is due.
 */
export function* edgesAmong(
  projection: NetworkProjection,
  actorIds: readonly string[],
  filter: ScopeFilter,
  due: (units: number) => boolean,
): Generator<void, EdgesAmong, void> {
  const n = actorIds.length;
  const checkCollaborations = filtersCollaborations(filter);
  const inScope = (collaborationId: string) =>
    !checkCollaborations || collaborationInScope(projection.collaborations.get(collaborationId)!, filter);
  const actors: ProjectedActor[] = actorIds.map((id) => projection.actors.get(id)!);
  // Indexes into actorIds, least active first (one number a key: size, then index).
  const byActivity = Array.from(
    Float64Array.from(actors, (actor, i) => actor.collaborations.size * n + i).sort(),
    (key) => key % n,
  );
  yield;

  // The collaborations (in scope) found with a shown member, and who of the shown took part in each.
  const listed: string[] = [];
  const shownIn: number[][] = [];
  const at = new Map<string, number>();
  const list = (collaborationId: string, shown: number[]) => {
    at.set(collaborationId, listed.length);
    listed.push(collaborationId);
    shownIn.push(shown);
  };
  // The less active list their collaborations. A busy actor (and every more active one after it)
  // looks the listed ones up in its own set instead: cheaper once it has more than a fraction of
  // what is listed.
  let light = 0;
  for (; light < n; light++) {
    const i = byActivity[light];
    const own = actors[i].collaborations;
    if (own.size >= BUSY_COLLABORATIONS && own.size * LISTING_COST > listed.length) break;
    for (const collaborationId of own) {
      const k = at.get(collaborationId);
      if (k !== undefined) shownIn[k].push(i);
      else if (inScope(collaborationId)) list(collaborationId, [i]);
    }
    if (due(own.size)) yield;
  }
  const busy = byActivity.slice(light);
  const fromLight = listed.length;
  for (const i of busy) {
    const own = actors[i].collaborations;
    for (let k = 0; k < fromLight; k++) if (own.has(listed[k])) shownIn[k].push(i);
    if (due(fromLight)) yield;
  }
  // Collaborations only busy ones share (kept per pair: mostly the hubs, in almost every view).
  for (let a = 0; a < busy.length; a++) {
    for (let b = a + 1; b < busy.length; b++) {
      const both = sharedCollaborations(projection, actorIds[busy[a]], actorIds[busy[b]]);
      for (const collaborationId of both) {
        if (at.has(collaborationId) || !inScope(collaborationId)) continue;
        // Any other busy member of it: found from the pair of the two least active, in this loop.
        const shown = [busy[a], busy[b]];
        for (let c = b + 1; c < busy.length; c++)
          if (actors[busy[c]].collaborations.has(collaborationId)) shown.push(busy[c]);
        list(collaborationId, shown);
      }
      if (due(both.length)) yield;
    }
  }

  // Each shown actor's rank in id order: an edge's key (source index, target rank) is one number
  // whose numeric order is the answer's order.
  const rank = new Int32Array(n);
  Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => byId(actorIds[a], actorIds[b]))
    .forEach((i, r) => (rank[i] = r));
  const kindOk = filtersActorKinds(filter)
    ? Uint8Array.from(actorIds, (id) => (actorKindInScope(projection, id, filter) ? 1 : 0))
    : null;
  yield;
  const shared = new Map<number, string[]>();
  // Each actor's collaborations on its edges; `countedIn[i]`: the last one counted (k + 1).
  const counts = new Int32Array(n);
  const countedIn = new Int32Array(n);
  const count = (i: number, k: number) => {
    if (countedIn[i] !== k + 1) {
      countedIn[i] = k + 1;
      counts[i]++;
    }
  };
  for (let k = 0; k < listed.length; k++) {
    const shown = shownIn[k];
    if (shown.length < 2) continue;
    const collaborationId = listed[k];
    for (let x = 0; x < shown.length; x++) {
      for (let y = x + 1; y < shown.length; y++) {
        const swap = rank[shown[x]] > rank[shown[y]];
        const source = swap ? shown[y] : shown[x];
        const target = swap ? shown[x] : shown[y];
        if (kindOk && !kindOk[target]) continue;
        count(source, k);
        count(target, k);
        const key = source * n + rank[target];
        const ids = shared.get(key);
        if (ids) ids.push(collaborationId);
        else shared.set(key, [collaborationId]);
      }
    }
    if (due(shown.length * shown.length)) yield;
  }
  yield;

  const keys = Float64Array.from(shared.keys()).sort();
  const byRank = new Array<string>(n);
  for (let i = 0; i < n; i++) byRank[rank[i]] = actorIds[i];
  const edges: CollaboratesWithEdge[] = new Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e];
    const collaborationIds = shared.get(key)!;
    if (collaborationIds.length > 1) collaborationIds.sort(byId);
    edges[e] = { sourceId: actorIds[Math.floor(key / n)], targetId: byRank[key % n], collaborationIds };
    if (due(1)) yield;
  }
  return { edges, collaborationCounts: Array.from(counts) };
}
