/**
 * Clusters of actors who work together more among themselves than with the rest: Louvain
 * (graphology-communities-louvain) on the collaborates-with graph, weighted by shared
 * collaborations, with a seeded random source so the same network always gives the same clusters.
 * For each cluster: its dominant topics and the actors who bridge it to other clusters.
 */
import louvain from 'graphology-communities-louvain';
import type { NetworkProjection } from '../graph/projection';
import { collaborationInScope, type ScopeFilter } from '../graph/scope';
import type { ActorGraph } from './actor-graph';
import { seededRandom } from '../util/seeded-random';

export interface TopicCount {
  topicId: string;
  /** Members interested in the topic plus the cluster's collaborations about it. */
  count: number;
}

export interface ClusterBridge {
  actorId: string;
  /** Partners in other clusters. */
  externalTies: number;
  /** How many other clusters those partners are in. */
  otherClusters: number;
}

export interface Cluster {
  /** "1", "2", … by size, largest first. */
  id: string;
  actorIds: string[];
  dominantTopics: TopicCount[];
  bridgingActors: ClusterBridge[];
  /** Ties inside the cluster and to other clusters. */
  internalTies: number;
  externalTies: number;
}

export interface Clustering {
  clusters: Cluster[];
  modularity: number;
  /** Actors without any tie in scope (not in any cluster). */
  unclusteredActorIds: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const TOP_TOPICS = 5;
const TOP_BRIDGES = 5;

export function clusterNetwork(
  projection: NetworkProjection,
  graph: ActorGraph,
  filter: ScopeFilter,
  options: { resolution?: number; seed?: number } = {},
): Clustering {
  const unclusteredActorIds = graph.filterNodes((a) => graph.degree(a) === 0).sort(byId);
  if (graph.size === 0) return { clusters: [], modularity: 0, unclusteredActorIds };

  const detailed = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    resolution: options.resolution ?? 1,
    rng: seededRandom(options.seed ?? 7),
  });

  const members = new Map<number, string[]>();
  graph.forEachNode((a) => {
    if (graph.degree(a) === 0) return;
    const c = detailed.communities[a];
    members.set(c, [...(members.get(c) ?? []), a]);
  });
  const groups = [...members.values()].map((m) => m.sort(byId)).sort((a, b) => b.length - a.length || byId(a[0], b[0]));
  const clusterOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((a) => clusterOf.set(a, i)));

  const clusters = groups.map((actorIds, i): Cluster => {
    const inCluster = new Set(actorIds);
    const topics = new Map<string, number>();
    const add = (t: string) => topics.set(t, (topics.get(t) ?? 0) + 1);
    const collaborations = new Set<string>();
    let internalTies = 0;
    let externalTies = 0;
    const bridges: ClusterBridge[] = [];
    for (const a of actorIds) {
      const actor = projection.actors.get(a)!;
      actor.topics.forEach(add);
      actor.collaborations.forEach((c) => collaborations.add(c));
      let external = 0;
      const others = new Set<number>();
      graph.forEachNeighbor(a, (b) => {
        const other = clusterOf.get(b)!;
        if (other === i) internalTies++;
        else {
          external++;
          others.add(other);
        }
      });
      externalTies += external;
      if (external > 0) bridges.push({ actorId: a, externalTies: external, otherClusters: others.size });
    }
    for (const c of collaborations) {
      const collaboration = projection.collaborations.get(c)!;
      if (!collaborationInScope(collaboration, filter)) continue;
      let inside = 0;
      for (const a of collaboration.actors) if (inCluster.has(a)) inside++;
      if (inside >= 2) collaboration.topics.forEach(add);
    }
    return {
      id: String(i + 1),
      actorIds,
      dominantTopics: [...topics.entries()]
        .map(([topicId, count]) => ({ topicId, count }))
        .sort((a, b) => b.count - a.count || byId(a.topicId, b.topicId))
        .slice(0, TOP_TOPICS),
      bridgingActors: bridges
        .sort((a, b) => b.otherClusters - a.otherClusters || b.externalTies - a.externalTies || byId(a.actorId, b.actorId))
        .slice(0, TOP_BRIDGES),
      internalTies: internalTies / 2,
      externalTies,
    };
  });
  return { clusters, modularity: detailed.modularity, unclusteredActorIds };
}
