/**
 * Network insight on the service's projection — brokers, the hand-over analysis, clusters, change
 * over time — the same code for every store. Heavy results are cached per projection version
 * (cache.ts) and carry when they were computed.
 */
import { BadInputError, DomainError, NotFoundError } from '../domain/errors';
import type { NetworkProjection } from '../graph/projection';
import type { ScopeFilter } from '../graph/scope';
import { buildActorGraph, type ActorGraph, type Recency } from './actor-graph';
import { cached, keyOf, type Computed } from './cache';
import { computeCentrality, type Centrality } from './centrality';
import { networkChange, recentTies, type NetworkChange, type RecentTie } from './change';
import { clusterNetwork, type Clustering } from './clusters';
import { resilience, type Resilience } from './resilience';

export const MAX_REMOVED_ACTORS = 500;

export interface CentralityOnGraph {
  graph: ActorGraph;
  centrality: Centrality;
}

function checkRecency(recency: Recency | null | undefined): void {
  if (recency && !(recency.halfLifeDays > 0)) throw new BadInputError('halfLifeDays must be positive', 'recency.halfLifeDays');
}

export function centralityOf(projection: NetworkProjection, filter: ScopeFilter = {}, recency?: Recency | null): Computed<CentralityOnGraph> {
  checkRecency(recency);
  return cached(projection, `centrality:${keyOf({ filter, recency })}`, () => {
    const graph = buildActorGraph(projection, { filter, recency });
    return { graph, centrality: computeCentrality(graph) };
  });
}

export function resilienceOf(projection: NetworkProjection, removeActorIds: readonly string[], filter: ScopeFilter = {}): Computed<Resilience> {
  if (removeActorIds.length > MAX_REMOVED_ACTORS) {
    throw new BadInputError(`at most ${MAX_REMOVED_ACTORS} actors can be removed at once`, 'removeActorIds');
  }
  for (const id of removeActorIds) {
    if (!projection.actors.has(id)) throw new DomainError('NOT_FOUND', new NotFoundError('Actor', id).message, 'removeActorIds');
  }
  const removed = [...new Set(removeActorIds)].sort();
  return cached(projection, `resilience:${keyOf({ removed, filter })}`, () =>
    resilience(projection, removed, filter, centralityOf(projection, filter).value),
  );
}

export function clustersOf(
  projection: NetworkProjection,
  filter: ScopeFilter = {},
  options: { resolution?: number; recency?: Recency | null } = {},
): Computed<Clustering> {
  checkRecency(options.recency);
  if (options.resolution !== undefined && !(options.resolution > 0)) throw new BadInputError('resolution must be positive', 'resolution');
  return cached(projection, `clusters:${keyOf({ filter, ...options })}`, () => {
    const graph = options.recency
      ? buildActorGraph(projection, { filter, recency: options.recency })
      : centralityOf(projection, filter).value.graph;
    return clusterNetwork(projection, graph, filter, { resolution: options.resolution });
  });
}

export function changeOf(projection: NetworkProjection, from: string, to: string, windowDays: number): Computed<NetworkChange> {
  if (!(windowDays >= 1)) throw new BadInputError('windowDays must be at least 1', 'windowDays');
  return cached(projection, `change:${keyOf({ from, to, windowDays })}`, () => networkChange(projection, from, to, windowDays));
}

export function recentTiesOf(projection: NetworkProjection, actorId: string, recency: Recency): RecentTie[] {
  checkRecency(recency);
  if (!projection.actors.has(actorId)) throw new NotFoundError('Actor', actorId);
  return recentTies(projection, actorId, recency);
}
