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
import { runNow } from '../platform/util/run-in-slices';
import { edgesAmong, type CollaboratesWithEdge } from './edges-among';
import { orderedPartnersOfBusySteps } from './partner-ids';
import type { NetworkProjection } from './projection';
import {
  actorKindInScope,
  collaborationInScope,
  filtersActorKinds,
  filtersCollaborations,
  hasDateRange,
  scopedNeighbourIds,
  type ScopeFilter,
} from './scope';

export type { CollaboratesWithEdge } from './edges-among';

export interface NetworkViewOptions extends ScopeFilter {
  centreActorId?: string | null;
  /** Steps from the centre actor (1 = direct collaborators). */
  depth?: number | null;
  includeTopics?: boolean | null;
  includeCollaborations?: boolean | null;
  /** At most this many actors; the view says when it was cut. */
  maxActors: number;
}

export interface NetworkView {
  actorIds: string[];
  topicIds: string[];
  collaborationIds: string[];
  collaboratesWith: CollaboratesWithEdge[];
  /** Per actor of `actorIds`: its collaborations (in scope) with an actor shown — those its edges carry. */
  actorCollaborationCounts: number[];
  interestedIn: Array<{ actorId: string; topicId: string }>;
  participatedIn: Array<{ actorId: string; collaborationId: string }>;
  /** True when more actors matched than maxActors. */
  truncated: boolean;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Units of work (actors, collaborations, memberships) between two yields of the steps. */
const STEP = 1024;

/** Counts work and says when a step is due (every STEP units). */
function stepCounter(): (units: number) => boolean {
  let work = 0;
  return (units) => (work += units) >= STEP && ((work = 0), true);
}

/** The view at once (scripts, tests, small networks). */
export function networkView(projection: NetworkProjection, options: NetworkViewOptions): NetworkView {
  return runNow(networkViewSteps(projection, options));
}

/**
 * The view as steps of bounded work (yielding every STEP units), for a caller that runs them in
 * turns between other work on the event loop (an ego network of 5,000 around a hub at 100k actors
 * was ~300 ms in one go). The steps read the projection: the caller must not resume them after it
 * changed (platform/util/run-in-slices.ts `runSteps` with `stale`).
 */
export function* networkViewSteps(
  projection: NetworkProjection,
  options: NetworkViewOptions,
  /** Told the actors shown as soon as they are chosen (before their edges), then a step follows. */
  chosen?: (actorIds: readonly string[]) => void,
): Generator<void, NetworkView, void> {
  const due = stepCounter();
  // Every in-scope collaboration, in id order: only needed without a centre (which actors are
  // visible) or to list collaborations; an ego network of a large graph skips it.
  let scoped: { ids: string[]; set: Set<string> } | null = null;
  const scopedCollaborations = () => {
    if (!scoped) {
      const ids = [...projection.collaborations.entries()]
        .filter(([, c]) => collaborationInScope(c, options))
        .map(([id]) => id)
        .sort(byId);
      scoped = { ids, set: new Set(ids) };
    }
    return scoped;
  };

  let candidates: string[];
  if (options.centreActorId) {
    candidates = yield* neighbourhood(
      projection,
      options.centreActorId,
      options.depth ?? 1,
      options,
      options.maxActors + 1,
    );
  } else {
    const ids = [...projection.actors.keys()].sort(byId);
    yield;
    const scopedSet = scopedCollaborations().set;
    yield;
    candidates = [];
    for (const id of ids) {
      if (actorVisible(projection, id, options, scopedSet)) candidates.push(id);
      if (due(1)) yield;
    }
  }

  const truncated = candidates.length > options.maxActors;
  const actorIds = candidates.slice(0, options.maxActors);
  const visible = new Set(actorIds);
  if (chosen) {
    chosen(actorIds);
    yield;
  }

  const { edges: collaboratesWith, collaborationCounts } = yield* edgesAmong(projection, actorIds, options, due);

  const topicIds = new Set<string>();
  const interestedIn: NetworkView['interestedIn'] = [];
  if (options.includeTopics) {
    const wanted = options.topicIds?.length ? new Set(options.topicIds) : null;
    for (const actorId of actorIds) {
      const topics = [...projection.actors.get(actorId)!.topics].sort(byId);
      for (const topicId of topics) {
        if (wanted && !wanted.has(topicId)) continue;
        topicIds.add(topicId);
        interestedIn.push({ actorId, topicId });
      }
      if (due(topics.length + 1)) yield;
    }
  }

  const collaborationIds: string[] = [];
  const participatedIn: NetworkView['participatedIn'] = [];
  if (options.includeCollaborations) {
    for (const collaborationId of scopedCollaborations().ids) {
      const members = [...projection.collaborations.get(collaborationId)!.actors]
        .filter((a) => visible.has(a))
        .sort(byId);
      if (due(members.length + 1)) yield;
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
    actorCollaborationCounts: collaborationCounts,
    interestedIn,
    participatedIn,
    truncated,
  };
}

/** Whether an actor is shown in a scope (the rules at the top); `scoped`: the in-scope collaborations. */
export function actorVisible(
  projection: NetworkProjection,
  actorId: string,
  filter: ScopeFilter,
  scoped: Set<string>,
): boolean {
  if (!actorKindInScope(projection, actorId, filter)) return false;
  const actor = projection.actors.get(actorId)!;
  const takesPart = () => [...actor.collaborations].some((c) => scoped.has(c));
  if (hasDateRange(filter)) return takesPart();
  if (filter.topicIds?.length) return filter.topicIds.some((t) => actor.topics.has(t)) || takesPart();
  return true;
}

/**
 * Actors within `depth` steps of the centre, in breadth-first order (ties in id order). Stops as
 * soon as `limit` actors are found: the first `limit` of the whole order are the same either way,
 * and a hub two steps out no longer costs a walk over half the graph.
 */
function* neighbourhood(
  projection: NetworkProjection,
  centreId: string,
  depth: number,
  filter: ScopeFilter,
  limit: number,
): Generator<void, string[], void> {
  const due = stepCounter();
  if (!projection.actors.has(centreId)) return [];
  const order = [centreId];
  const seen = new Set(order);
  let frontier = [centreId];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const actorId of frontier) {
      const partners = yield* nextPartners(projection, actorId, filter, seen, limit - order.length);
      for (const partnerId of partners) {
        seen.add(partnerId);
        next.push(partnerId);
        order.push(partnerId);
        if (order.length >= limit) return order;
      }
      if (due(partners.length + 1)) yield;
    }
    frontier = next;
  }
  return order;
}

/**
 * Up to `limit` partners of `actorId` in scope and not in `exclude`, smallest ids first. A busy
 * actor's partners come from the ordered list kept per version (./partner-ids.ts, collected in
 * steps the first time) when the scope does not restrict collaborations (their partners are then
 * all partners).
 */
function* nextPartners(
  projection: NetworkProjection,
  actorId: string,
  filter: ScopeFilter,
  exclude: ReadonlySet<string>,
  limit: number,
): Generator<void, string[], void> {
  const ordered = filtersCollaborations(filter) ? null : yield* orderedPartnersOfBusySteps(projection, actorId);
  if (!ordered) return scopedNeighbourIds(projection, actorId, filter, exclude, limit);
  const checkKinds = filtersActorKinds(filter);
  const found: string[] = [];
  for (const partnerId of ordered) {
    if (found.length >= limit) break;
    if (exclude.has(partnerId) || (checkKinds && !actorKindInScope(projection, partnerId, filter))) continue;
    found.push(partnerId);
  }
  return found;
}
