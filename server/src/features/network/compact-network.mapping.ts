/**
 * The projection's network view as the compact answer a map draws: parallel lists, ties as actor
 * indexes, each actor's strongest ties when a budget asks for fewer (./strongest-ties-rules.ts).
 * Names come from the caller (the store, through the request's loaders).
 */
import type { ActorKind } from '../../domain/model';
import type { NetworkView } from '../../graph/network-view';
import type { NetworkProjection } from '../../graph/projection';
import type { CompactNetworkType } from './compact-network.type';
import { tiesToDraw } from './strongest-ties-rules';

/** Everything but the names. */
export type CompactNetworkShape = Omit<CompactNetworkType, 'actorNames' | 'topicNames'>;

export function toCompactNetwork(
  view: NetworkView,
  projection: NetworkProjection,
  maxTies: number | null,
): CompactNetworkShape {
  const actorIds = view.actorIds;
  const index = new Map<string, number>();
  actorIds.forEach((id, i) => index.set(id, i));
  const count = view.collaboratesWith.length;
  const sources = new Int32Array(count);
  const targets = new Int32Array(count);
  const weights = new Int32Array(count);
  view.collaboratesWith.forEach((e, i) => {
    sources[i] = index.get(e.sourceId)!;
    targets[i] = index.get(e.targetId)!;
    weights[i] = e.collaborationIds.length;
  });

  let kept: ArrayLike<number> | null = null;
  if (maxTies !== null && count > maxTies) {
    // Equal weights: the ends with the smaller ids first.
    const rank = new Int32Array(actorIds.length);
    actorIds
      .map((id, i) => [id, i] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .forEach(([, i], r) => (rank[i] = r));
    kept = tiesToDraw({ sources, targets, weights }, actorIds.length, maxTies, rank);
  }
  const pick = (values: Int32Array) => (kept ? Array.from(kept, (i) => values[i]) : Array.from(values));

  const topicIndex = new Map<string, number>();
  view.topicIds.forEach((id, i) => topicIndex.set(id, i));
  const topicSizes = view.topicIds.map(() => 0);
  const interestActors: number[] = [];
  const interestTopics: number[] = [];
  for (const e of view.interestedIn) {
    const t = topicIndex.get(e.topicId)!;
    interestActors.push(index.get(e.actorId)!);
    interestTopics.push(t);
    topicSizes[t]++;
  }

  return {
    actorIds,
    actorKinds: actorIds.map((id) => projection.actors.get(id)!.kind as ActorKind),
    // An actor's collaborations in scope shared with actors shown (as `network` counts it).
    actorSizes: view.actorCollaborationCounts,
    tieSources: pick(sources),
    tieTargets: pick(targets),
    tieWeights: pick(weights),
    tieCount: count,
    topicIds: view.topicIds,
    topicSizes,
    interestActors,
    interestTopics,
    truncated: view.truncated,
  };
}
