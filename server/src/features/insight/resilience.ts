/**
 * "What if these actors leave?" — the collaborates-with graph with the given actors taken out,
 * compared with the whole: who drops out of the main body of the network (and who is left with no
 * partner at all), which pieces break off, and who now carries the most bridging (betweenness) —
 * the actors a working group taking over should include. Runs in the insight worker, on typed
 * arrays; actors are named by their actor index (`projection-arrays.ts`), lists are in id order.
 */
import { computeCentrality, rankNodes, type CentralityOptions, type CentralityValues } from './centrality';
import { componentCount, componentSize, sortedComponents } from './sampled-paths';
import { inducedSubgraph, type ScopedGraph } from './scoped-graph';

/** The before side: the scope's graph and its measures (the cached brokers of the scope). */
export interface Before {
  graph: ScopedGraph;
  centrality: Pick<CentralityValues, 'degree' | 'weightedDegree' | 'betweenness' | 'closeness'>;
}

/** Actor indexes and numbers, in typed arrays (they cross from the worker by transfer). */
export interface ResilienceArrays {
  /** Actors in scope, without the removed ones. */
  actorCount: number;
  componentsBefore: number;
  componentsAfter: number;
  largestComponentBefore: number;
  largestComponentAfter: number;
  /** Were in the main (largest) component with the removed actors, are not in its largest remaining piece. */
  disconnected: Int32Array;
  /** Had partners before, have none after. */
  isolated: Int32Array;
  /** The pieces that broke off the components the removed actors were in, largest first (singletons included). */
  newComponentStarts: Int32Array;
  newComponentMembers: Int32Array;
  /** Remaining actors by betweenness after the removal, highest first, with their before values. */
  brokers: {
    actor: Int32Array;
    betweenness: Float64Array;
    betweennessBefore: Float64Array;
    rankBefore: Int32Array;
    degree: Int32Array;
    degreeBefore: Int32Array;
  };
  /** Remaining actors that lost partners, the most dependent on the removed actors first. */
  dependents: {
    actor: Int32Array;
    partnersBefore: Int32Array;
    partnersLost: Int32Array;
    dependence: Float64Array;
    closenessBefore: Float64Array;
    closeness: Float64Array;
  };
  approximate: boolean;
}

/**
 * `removed`: actor indexes to take out (those not in the scope's graph change nothing but are
 * listed as removed by the caller).
 */
export function resilienceOnArrays(
  before: Before,
  removed: ArrayLike<number>,
  options: CentralityOptions = {},
): ResilienceArrays {
  const { graph } = before;
  const n = graph.n;
  const removedActors = new Set(Array.from(removed));
  const keep = new Uint8Array(n);
  const removedNodes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (removedActors.has(graph.nodeOf[i])) removedNodes.push(i);
    else keep[i] = 1;
  }
  const after = inducedSubgraph(graph, keep);
  const afterCentrality = computeCentrality(after, options);
  // Node of the whole graph for each node of the rest, and back.
  const wholeNode = new Int32Array(after.n);
  const restNode = new Int32Array(n).fill(-1);
  for (let i = 0, r = 0; i < n; i++) {
    if (!keep[i]) continue;
    wholeNode[r] = i;
    restNode[i] = r++;
  }

  const componentsBefore = sortedComponents(graph);
  const componentsAfter = sortedComponents(after);
  const originOf = (piece: number) =>
    componentsBefore.componentOf[wholeNode[componentsAfter.members[componentsAfter.starts[piece]]]];

  // Before-components that lost an actor, and the pieces each fell into (in the pieces' order).
  const hit = new Set<number>();
  for (const i of removedNodes) hit.add(componentsBefore.componentOf[i]);
  const pieces = new Map<number, number[]>();
  for (let piece = 0; piece < componentCount(componentsAfter); piece++) {
    const origin = originOf(piece);
    if (!hit.has(origin)) continue;
    let list = pieces.get(origin);
    if (!list) pieces.set(origin, (list = []));
    list.push(piece);
  }
  const broken: number[] = [];
  for (const list of pieces.values()) broken.push(...list.slice(1)); // the largest piece stays the component
  const firstOf = (piece: number) => componentsAfter.members[componentsAfter.starts[piece]];
  broken.sort(
    (a, b) => componentSize(componentsAfter, b) - componentSize(componentsAfter, a) || firstOf(a) - firstOf(b),
  );
  const newComponentStarts = new Int32Array(broken.length + 1);
  const newComponentMembers = new Int32Array(
    broken.reduce((sum, piece) => sum + componentSize(componentsAfter, piece), 0),
  );
  broken.forEach((piece, x) => {
    let fill = newComponentStarts[x];
    for (let k = componentsAfter.starts[piece]; k < componentsAfter.starts[piece + 1]; k++) {
      newComponentMembers[fill++] = after.nodeOf[componentsAfter.members[k]];
    }
    newComponentStarts[x + 1] = fill;
  });

  // The main body: the largest before-component; if it was hit, its largest remaining piece.
  const disconnected: number[] = [];
  if (componentCount(componentsBefore) > 0 && hit.has(0)) {
    const mainPiece = pieces.get(0)?.[0];
    for (let k = componentsBefore.starts[0]; k < componentsBefore.starts[1]; k++) {
      const i = componentsBefore.members[k];
      if (!keep[i]) continue;
      if (mainPiece === undefined || componentsAfter.componentOf[restNode[i]] !== mainPiece)
        disconnected.push(graph.nodeOf[i]);
    }
  }

  const isolated: number[] = [];
  for (let r = 0; r < after.n; r++) {
    if (after.starts[r + 1] === after.starts[r] && before.centrality.degree[wholeNode[r]] > 0)
      isolated.push(after.nodeOf[r]);
  }

  const rankBefore = new Int32Array(n);
  rankNodes(before.centrality.betweenness).forEach((i, position) => {
    rankBefore[i] = position + 1;
  });
  const order = rankNodes(afterCentrality.betweenness);
  const brokers = {
    actor: new Int32Array(after.n),
    betweenness: new Float64Array(after.n),
    betweennessBefore: new Float64Array(after.n),
    rankBefore: new Int32Array(after.n),
    degree: new Int32Array(after.n),
    degreeBefore: new Int32Array(after.n),
  };
  order.forEach((r, position) => {
    const i = wholeNode[r];
    brokers.actor[position] = after.nodeOf[r];
    brokers.betweenness[position] = afterCentrality.betweenness[r];
    brokers.betweennessBefore[position] = before.centrality.betweenness[i];
    brokers.rankBefore[position] = rankBefore[i];
    brokers.degree[position] = afterCentrality.degree[r];
    brokers.degreeBefore[position] = before.centrality.degree[i];
  });

  const lost: Array<{ r: number; dependence: number }> = [];
  for (let r = 0; r < after.n; r++) {
    const i = wholeNode[r];
    if (before.centrality.degree[i] === afterCentrality.degree[r]) continue;
    const was = before.centrality.weightedDegree[i];
    lost.push({ r, dependence: was === 0 ? 0 : (was - afterCentrality.weightedDegree[r]) / was });
  }
  lost.sort((a, b) => b.dependence - a.dependence || a.r - b.r);
  const dependents = {
    actor: new Int32Array(lost.length),
    partnersBefore: new Int32Array(lost.length),
    partnersLost: new Int32Array(lost.length),
    dependence: new Float64Array(lost.length),
    closenessBefore: new Float64Array(lost.length),
    closeness: new Float64Array(lost.length),
  };
  lost.forEach(({ r, dependence }, x) => {
    const i = wholeNode[r];
    dependents.actor[x] = after.nodeOf[r];
    dependents.partnersBefore[x] = before.centrality.degree[i];
    dependents.partnersLost[x] = before.centrality.degree[i] - afterCentrality.degree[r];
    dependents.dependence[x] = dependence;
    dependents.closenessBefore[x] = before.centrality.closeness[i];
    dependents.closeness[x] = afterCentrality.closeness[r];
  });

  return {
    actorCount: after.n,
    componentsBefore: componentCount(componentsBefore),
    componentsAfter: componentCount(componentsAfter),
    largestComponentBefore: componentCount(componentsBefore) ? componentSize(componentsBefore, 0) : 0,
    largestComponentAfter: componentCount(componentsAfter) ? componentSize(componentsAfter, 0) : 0,
    disconnected: Int32Array.from(disconnected),
    isolated: Int32Array.from(isolated),
    newComponentStarts,
    newComponentMembers,
    brokers,
    dependents,
    approximate: afterCentrality.approximate,
  };
}
