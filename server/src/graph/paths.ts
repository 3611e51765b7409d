/**
 * "How are A and B connected?": the shortest chain actor → collaboration → actor → … on the
 * projection, by breadth-first search over shared collaborations. Among chains of equal length the
 * one found first in id order wins, so the answer is the same on every store.
 */
import type { NetworkProjection } from './projection';
import { actorKindInScope, scopedNeighbours, type ScopeFilter } from './scope';

export interface ActorChain {
  /** From the first actor to the last. */
  actorIds: string[];
  /** collaborationIds[i] connects actorIds[i] and actorIds[i + 1]. */
  collaborationIds: string[];
}

export function shortestChain(
  projection: NetworkProjection,
  fromId: string,
  toId: string,
  filter: ScopeFilter = {},
  maxLength = Infinity,
): ActorChain | null {
  if (!projection.actors.has(fromId) || !projection.actors.has(toId)) return null;
  if (fromId === toId) return { actorIds: [fromId], collaborationIds: [] };
  if (!actorKindInScope(projection, fromId, filter) || !actorKindInScope(projection, toId, filter)) return null;

  // previous[actor] = [the actor it was reached from, the collaboration that connects them]
  const previous = new Map<string, [string, string]>();
  let frontier = [fromId];
  const seen = new Set([fromId]);
  for (let depth = 1; frontier.length > 0 && depth <= maxLength; depth++) {
    const next: string[] = [];
    for (const actorId of frontier) {
      for (const [partnerId, shared] of scopedNeighbours(projection, actorId, filter)) {
        if (seen.has(partnerId)) continue;
        seen.add(partnerId);
        previous.set(partnerId, [actorId, shared[0]]);
        if (partnerId === toId) return unwind(previous, fromId, toId);
        next.push(partnerId);
      }
    }
    frontier = next;
  }
  return null;
}

function unwind(previous: Map<string, [string, string]>, fromId: string, toId: string): ActorChain {
  const actorIds = [toId];
  const collaborationIds: string[] = [];
  let current = toId;
  while (current !== fromId) {
    const [before, via] = previous.get(current)!;
    actorIds.push(before);
    collaborationIds.push(via);
    current = before;
  }
  return { actorIds: actorIds.reverse(), collaborationIds: collaborationIds.reverse() };
}
