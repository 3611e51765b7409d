/**
 * "What if these actors leave?" — the collaborates-with graph with the given actors taken out,
 * compared with the whole: who drops out of the main body of the network (and who is left with no
 * partner at all), which pieces break off, and who now carries the most bridging (betweenness) —
 * the actors a working group taking over should include.
 */
import { connectedComponents } from 'graphology-components';
import type { NetworkProjection } from '../graph/projection';
import type { ScopeFilter } from '../graph/scope';
import { buildActorGraph, type ActorGraph } from './actor-graph';
import { computeCentrality, EXACT_LIMIT, type ActorMetrics, type Centrality, type CentralityOptions } from './centrality';
import { adjacencyOf, componentsOnAdjacency } from './sampled-paths';

export interface ResilienceBroker {
  actorId: string;
  betweenness: number;
  betweennessBefore: number;
  /** 1-based rank by betweenness, after and before the removal. */
  rank: number;
  rankBefore: number;
  degree: number;
  degreeBefore: number;
}

/** A remaining actor that had ties to the removed ones: how much of its network went with them. */
export interface ResilienceDependent {
  actorId: string;
  partnersBefore: number;
  partnersLost: number;
  /** Share of its weighted ties (shared collaborations) that ran to the removed actors, 0–1. */
  dependence: number;
  closenessBefore: number;
  closeness: number;
}

export interface Resilience {
  removedActorIds: string[];
  /** Actors in scope, without the removed ones. */
  actorCount: number;
  componentsBefore: number;
  componentsAfter: number;
  largestComponentBefore: number;
  largestComponentAfter: number;
  /** Were in the main (largest) component with the removed actors, are not in its largest remaining piece. */
  disconnectedActorIds: string[];
  /** Had partners before, have none after. */
  isolatedActorIds: string[];
  /** The pieces that broke off the components the removed actors were in, largest first (singletons included). */
  newComponents: string[][];
  /** Remaining actors by betweenness after the removal, highest first. */
  brokers: ResilienceBroker[];
  /** Remaining actors that lost partners, the most dependent on the removed actors first. */
  dependents: ResilienceDependent[];
  approximate: boolean;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Components with their members in id order, largest first, then by their first member. Above
 * `exactLimit` actors found by BFS on a typed-array adjacency (the same components, sorted alike).
 */
export function sortedComponents(graph: ActorGraph, exactLimit = EXACT_LIMIT): string[][] {
  let components: string[][];
  if (graph.order > exactLimit) {
    const { adjacency, nodes } = adjacencyOf(graph);
    components = componentsOnAdjacency(adjacency).map((c) => Array.from(c, (i) => nodes[i]));
  } else {
    components = connectedComponents(graph);
  }
  return components
    .map((c) => [...c].sort(byId))
    .sort((a, b) => b.length - a.length || byId(a[0], b[0]));
}

export function rankBy(metrics: Iterable<ActorMetrics>, value: (m: ActorMetrics) => number): ActorMetrics[] {
  return [...metrics].sort((a, b) => value(b) - value(a) || byId(a.actorId, b.actorId));
}

export function resilience(
  projection: NetworkProjection,
  removeActorIds: readonly string[],
  filter: ScopeFilter,
  before: { graph: ActorGraph; centrality: Centrality },
  options: CentralityOptions = {},
): Resilience {
  const removed = new Set(removeActorIds);
  const after = buildActorGraph(projection, { filter, without: removed });
  const afterCentrality = computeCentrality(after, options);

  const componentsBefore = sortedComponents(before.graph, options.exactLimit);
  const componentsAfter = sortedComponents(after, options.exactLimit);
  const componentOf = new Map<string, number>();
  componentsBefore.forEach((c, i) => c.forEach((a) => componentOf.set(a, i)));

  // Before-components that lost an actor, and the pieces each of them fell into.
  const hit = new Set<number>();
  for (const id of removed) if (componentOf.has(id)) hit.add(componentOf.get(id)!);
  const pieces = new Map<number, string[][]>();
  for (const piece of componentsAfter) {
    const origin = componentOf.get(piece[0])!;
    if (!hit.has(origin)) continue;
    pieces.set(origin, [...(pieces.get(origin) ?? []), piece]);
  }
  const newComponents: string[][] = [];
  for (const list of pieces.values()) newComponents.push(...list.slice(1)); // the largest piece stays the component
  newComponents.sort((a, b) => b.length - a.length || byId(a[0], b[0]));

  const mainPiece = new Set(hit.has(0) ? (pieces.get(0)?.[0] ?? []) : (componentsBefore[0] ?? []));
  const disconnectedActorIds = (componentsBefore[0] ?? []).filter((a) => !removed.has(a) && hit.has(0) && !mainPiece.has(a));
  const isolatedActorIds = after
    .nodes()
    .filter((a) => after.degree(a) === 0 && before.graph.degree(a) > 0)
    .sort(byId);

  const rankBefore = new Map(rankBy(before.centrality.metrics.values(), (m) => m.betweenness).map((m, i) => [m.actorId, i + 1]));
  const brokers = rankBy(afterCentrality.metrics.values(), (m) => m.betweenness).map((m, i) => {
    const was = before.centrality.metrics.get(m.actorId)!;
    return {
      actorId: m.actorId,
      betweenness: m.betweenness,
      betweennessBefore: was.betweenness,
      rank: i + 1,
      rankBefore: rankBefore.get(m.actorId)!,
      degree: m.degree,
      degreeBefore: was.degree,
    };
  });

  const dependents: ResilienceDependent[] = [];
  for (const m of afterCentrality.metrics.values()) {
    const was = before.centrality.metrics.get(m.actorId)!;
    if (was.degree === m.degree) continue;
    dependents.push({
      actorId: m.actorId,
      partnersBefore: was.degree,
      partnersLost: was.degree - m.degree,
      dependence: was.weightedDegree === 0 ? 0 : (was.weightedDegree - m.weightedDegree) / was.weightedDegree,
      closenessBefore: was.closeness,
      closeness: m.closeness,
    });
  }
  dependents.sort((a, b) => b.dependence - a.dependence || byId(a.actorId, b.actorId));

  return {
    removedActorIds: [...removed].sort(byId),
    actorCount: after.order,
    componentsBefore: componentsBefore.length,
    componentsAfter: componentsAfter.length,
    largestComponentBefore: componentsBefore[0]?.length ?? 0,
    largestComponentAfter: componentsAfter[0]?.length ?? 0,
    disconnectedActorIds: disconnectedActorIds.sort(byId),
    isolatedActorIds,
    newComponents,
    brokers,
    dependents,
    approximate: afterCentrality.approximate,
  };
}
