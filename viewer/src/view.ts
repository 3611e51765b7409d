/**
 * What the map shows for the current filters — the actors one by one, or, when there are more than
 * a person can read, the network's clusters; or the members of one cluster. Fetches what it needs
 * through the API and answers Cytoscape elements; drawing them is main.ts's job.
 */
import type { ElementDefinition } from 'cytoscape';
import {
  fetchClusters,
  fetchNetwork,
  type ClusterInfo,
  type Clustering,
  type Computing,
  type Network,
  type NetworkFilter,
  type ScopeFilter,
} from './api';
import { clusterElements, clusterTies, membersOnly } from './clusters';
import { viewScope } from './positions';
import type { FilterState } from './filters';
import { toElements } from './graph';
import { withinBudget } from './ties';

/** Beyond this many actors the page does not draw them one by one (a hairball nobody can read). */
export const MAX_DRAWN_ACTORS = 400;
/** The most actors `network(filter: { maxActors })` answers. */
export const MAX_API_ACTORS = 5000;
/** The most collaborates-with edges drawn; beyond, each actor's strongest ties (see ties.ts). */
export const MAX_DRAWN_TIES = 6_000;

export interface Ego {
  actorId: string;
  depth: number;
  name: string;
}

export interface OpenCluster {
  id: string;
  label: string;
  size: number;
  memberIds: string[];
  /** Actors in the whole scope: above the API's limit its members' ties cannot be fetched. */
  scopeActors: number;
}

export interface ViewRequest {
  filters: FilterState;
  ego: Ego | null;
  cluster: OpenCluster | null;
  /** Draw every actor whatever their number (`?all=1`, for the benchmark): up to the API's limit. */
  drawAll: boolean;
}

export type View =
  | {
      kind: 'actors';
      elements: ElementDefinition[];
      /** The view's scope for its positions on the server (positions.ts). */
      scope: string;
      actors: number;
      /** Edges drawn, and the collaborates-with ties there are (more when only the strongest are drawn). */
      edges: number;
      ties: number;
      topics: number;
      filter: NetworkFilter;
      fetchMs: number;
    }
  | {
      kind: 'clusters';
      elements: ElementDefinition[];
      scope: string;
      clustering: Clustering;
      actors: number;
      tiesKnown: boolean;
      fetchMs: number;
    }
  | { kind: 'large'; actors: number | null; cluster: OpenCluster | null }
  | { kind: 'empty' };

export function scopeOf(f: FilterState): ScopeFilter {
  const scope: ScopeFilter = {};
  if (f.topicIds.length) scope.topicIds = f.topicIds;
  if (f.actorKinds.length) scope.actorKinds = f.actorKinds;
  if (f.from) scope.from = f.from;
  if (f.to) scope.to = f.to;
  return scope;
}

export function networkFilter(request: ViewRequest, maxActors: number): NetworkFilter {
  const filter: NetworkFilter = { ...scopeOf(request.filters), maxActors, includeTopics: request.filters.topicView };
  if (request.ego) {
    filter.centreActorId = request.ego.actorId;
    filter.depth = request.ego.depth;
  }
  return filter;
}

/**
 * The whole scope's network (≤ MAX_API_ACTORS actors), kept for the last scope: the cluster map
 * counts its ties from it and a cluster's members are cut out of it without asking again.
 */
let scopeCache: { key: string; network: Promise<Network> } | null = null;

function scopeNetwork(request: ViewRequest): Promise<Network> {
  const filter = networkFilter({ ...request, ego: null }, MAX_API_ACTORS);
  const key = JSON.stringify(filter);
  if (scopeCache?.key !== key) {
    // Every tie: the cluster map counts the ties between clusters, and a cluster's members are cut out of it.
    const network = fetchNetwork(filter);
    network.catch(() => (scopeCache = null));
    scopeCache = { key, network };
  }
  return scopeCache.network;
}

/** Forget the fetched scope network (after "re-arrange" or when the data may have changed). */
export function forgetScope(): void {
  scopeCache = null;
}

const actorCount = (network: Network) => network.nodes.reduce((n, node) => n + (node.type === 'ACTOR' ? 1 : 0), 0);

function actorView(network: Network, request: ViewRequest, filter: NetworkFilter, fetchMs: number): View {
  const actors = actorCount(network);
  if (actors === 0) return { kind: 'empty' };
  const all = toElements(network);
  const nodes = all.filter((e) => e.group === 'nodes');
  // Topic view: actors and topics only (bipartite), so shared topics stand out.
  const interests = all.filter((e) => e.data.type === 'INTERESTED_IN');
  const ties = request.filters.topicView ? [] : all.filter((e) => e.data.type === 'COLLABORATES_WITH');
  const drawn = withinBudget(
    ties.map((e) => ({
      source: e.data.source as string,
      target: e.data.target as string,
      weight: e.data.weight as number,
      e,
    })),
    actors,
    MAX_DRAWN_TIES,
  );
  const elements = [...nodes, ...drawn.map((t) => t.e), ...(request.filters.topicView ? interests : [])];
  return {
    kind: 'actors',
    elements,
    scope: actorScope(request),
    actors,
    edges: elements.length - nodes.length,
    ties: request.filters.topicView ? 0 : network.tieCount,
    topics: elements.filter((e) => e.data.type === 'TOPIC').length,
    filter,
    fetchMs,
  };
}

/**
 * Positions are kept per view: a cluster's members and the ?all=1 map lay themselves out and
 * never reuse (or leave behind) the positions of another view; filters and the ego network of
 * the whole map share its positions, so a filter only removes nodes.
 */
function actorScope(request: ViewRequest): string {
  return viewScope(
    { topicView: request.filters.topicView, clusterId: request.cluster?.id ?? null, drawAll: request.drawAll },
    request.filters,
  );
}

/**
 * The positions scope the view will most likely have, known before its network is fetched (so its
 * positions can be asked for at the same time): the cluster map's when the last view was one and
 * nothing asks for actors, else the actors'.
 */
export function likelyScope(request: ViewRequest, last: View['kind'] | null): string {
  if (last === 'clusters' && !request.ego && !request.cluster && !request.drawAll)
    return viewScope({ topicView: false, clusterMap: true }, request.filters);
  return actorScope(request);
}

export async function loadClusterMap(
  request: ViewRequest,
  members: (n: number) => string,
  computing?: Computing,
): Promise<View> {
  const started = performance.now();
  const clustering = await fetchClusters(scopeOf(request.filters), computing);
  if (clustering.clusters.length === 0) return { kind: 'empty' };
  const actors = clustering.clusters.reduce((n, c) => n + c.size, 0) + clustering.unclusteredCount;
  // The ties between clusters come from the scope's edges, which the API hands out up to its limit.
  const network = actors <= MAX_API_ACTORS ? await scopeNetwork(request) : null;
  const ties = network && !network.truncated ? clusterTies(clustering.clusters, network) : null;
  return {
    kind: 'clusters',
    elements: clusterElements(clustering, ties, members),
    scope: viewScope({ topicView: false, clusterMap: true }, request.filters),
    clustering,
    actors,
    tiesKnown: ties !== null,
    fetchMs: performance.now() - started,
  };
}

async function loadClusterMembers(request: ViewRequest, cluster: OpenCluster): Promise<View> {
  if (cluster.size > MAX_DRAWN_ACTORS) return { kind: 'large', actors: cluster.size, cluster };
  if (cluster.scopeActors > MAX_API_ACTORS) return { kind: 'large', actors: null, cluster };
  const started = performance.now();
  const network = await scopeNetwork(request);
  if (network.truncated) return { kind: 'large', actors: null, cluster };
  return actorView(
    membersOnly(network, cluster.memberIds),
    request,
    networkFilter(request, MAX_API_ACTORS),
    performance.now() - started,
  );
}

/** Decides and fetches what to draw. */
/** `computing`: told while the clusters of a large network are computed in the background. */
export async function loadView(
  request: ViewRequest,
  members: (n: number) => string,
  computing?: Computing,
): Promise<View> {
  if (request.cluster && !request.ego) return loadClusterMembers(request, request.cluster);
  // One more than drawn tells "too many" apart from "just enough"; `drawAll` asks for the API's most.
  const filter = networkFilter(request, request.drawAll ? MAX_API_ACTORS : MAX_DRAWN_ACTORS + 1);
  const started = performance.now();
  // Only the ties the map draws: each actor's strongest, chosen by the server (it counts them all).
  const network = await fetchNetwork(filter, MAX_DRAWN_TIES);
  const fetchMs = performance.now() - started;
  const actors = actorCount(network);
  if (network.truncated || (!request.drawAll && actors > MAX_DRAWN_ACTORS)) {
    // An ego network too big to draw: its clusters would be the whole scope's, so say so instead.
    if (request.ego || request.drawAll)
      return { kind: 'large', actors: network.truncated ? null : actors, cluster: null };
    return loadClusterMap(request, members, computing);
  }
  return actorView(network, request, filter, fetchMs);
}

export function openCluster(c: ClusterInfo, label: string, scopeActors: number): OpenCluster {
  return { id: c.id, label, size: c.size, memberIds: c.actors.map((a) => a.id), scopeActors };
}
