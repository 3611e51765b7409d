/**
 * The network's clusters as a map of their own — what the page draws instead of a hairball when a
 * view has more actors than a person can read: one node per cluster (labelled by its dominant
 * topics, sized by its actors) and one edge per pair of clusters with ties between them, weighted
 * by how many. The API names each cluster's members but not the ties between clusters, so these
 * are counted here from the members and the network's edges (when the page could fetch them).
 */
import type { ElementDefinition } from 'cytoscape';
import type { ClusterInfo, Clustering, Network } from './api';

export const CLUSTER_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export const clusterNodeId = (clusterId: string) => `cluster:${clusterId}`;

/** Node diameter from the number of members: the area grows with the actors. */
export const clusterDiameter = (size: number) => Math.round(34 + 9 * Math.sqrt(size));

/** Edge width from the ties between two clusters, relative to the most (absolute counts grow with the network). */
export const clusterEdgeWidth = (ties: number, most: number) =>
  Math.round((1 + 13 * Math.sqrt(ties / Math.max(most, 1))) * 10) / 10;

/**
 * The topics that name a cluster: its dominant topics, but a topic every cluster shares (a
 * district-wide "Vernetzung", or the one big topic of a generated network) names none of them, so
 * each topic's count is weighted by how few clusters have it among their dominant ones (tf–idf).
 */
export function clusterTopics(cluster: ClusterInfo, all: ClusterInfo[], n = 2): string[] {
  const df = new Map<string, number>();
  for (const c of all) for (const d of c.dominantTopics) df.set(d.topic.id, (df.get(d.topic.id) ?? 0) + 1);
  return cluster.dominantTopics
    .map((d, i) => ({ name: d.topic.name, score: d.count * Math.log((all.length + 1) / (df.get(d.topic.id) ?? 1)), i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.name);
}

/** What a cluster is called on the map and in lists: its naming topics, or its number. */
export function clusterName(cluster: ClusterInfo, all: ClusterInfo[]): string {
  return clusterTopics(cluster, all).join(' · ') || `#${cluster.id}`;
}

export interface ClusterTie {
  a: string;
  b: string;
  /** Pairs of actors, one in each cluster, who share a collaboration. */
  ties: number;
  /** Their shared collaborations, summed. */
  weight: number;
}

/** Ties between clusters, from the collaborates-with edges of the same scope. */
export function clusterTies(clusters: ClusterInfo[], network: Network): ClusterTie[] {
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const a of c.actors) clusterOf.set(`actor:${a.id}`, c.id);
  const ties = new Map<string, ClusterTie>();
  for (const e of network.edges) {
    if (e.type !== 'COLLABORATES_WITH') continue;
    const ca = clusterOf.get(e.source);
    const cb = clusterOf.get(e.target);
    if (!ca || !cb || ca === cb) continue;
    const [a, b] = Number(ca) < Number(cb) ? [ca, cb] : [cb, ca];
    const key = `${a}|${b}`;
    const tie = ties.get(key) ?? { a, b, ties: 0, weight: 0 };
    tie.ties++;
    tie.weight += e.weight;
    ties.set(key, tie);
  }
  return [...ties.values()];
}

/** Cytoscape elements of the cluster map; `ties` null when the ties between clusters are unknown. */
export function clusterElements(
  clustering: Clustering,
  ties: ClusterTie[] | null,
  members: (n: number) => string,
): ElementDefinition[] {
  const nodes: ElementDefinition[] = clustering.clusters.map((c, i) => {
    const name = clusterName(c, clustering.clusters);
    const lines = clusterTopics(c, clustering.clusters);
    return {
      group: 'nodes',
      data: {
        id: clusterNodeId(c.id),
        entityId: c.id,
        type: 'CLUSTER',
        kind: 'CLUSTER',
        name,
        // One topic a line: wrapping "A · B" at the node's width would cut topic names in two.
        label: [...(lines.length ? lines : [name]), members(c.size)].join('\n'),
        lines: lines.join('\n'),
        size: c.size,
        d: clusterDiameter(c.size),
        // The label grows with the node: a big cluster's name stays readable when the map is fitted.
        fs: Math.round(Math.min(32, Math.max(10, clusterDiameter(c.size) / 8))),
        shape: 'ellipse',
        colour: CLUSTER_PALETTE[i % CLUSTER_PALETTE.length],
      },
    };
  });
  const most = Math.max(0, ...(ties ?? []).map((t) => t.ties));
  const edges: ElementDefinition[] = (ties ?? []).map((t) => ({
    group: 'edges',
    data: {
      id: `ties:${t.a}|${t.b}`,
      source: clusterNodeId(t.a),
      target: clusterNodeId(t.b),
      type: 'CLUSTER_TIES',
      weight: t.ties,
      collaborations: t.weight,
      w: clusterEdgeWidth(t.ties, most),
    },
  }));
  return [...nodes, ...edges];
}

/**
 * The part of `network` a cluster's members make up: the members, the edges among them and (in the
 * topic view) the topics they are interested in.
 */
export function membersOnly(network: Network, memberIds: string[]): Network {
  const keep = new Set(memberIds.map((id) => `actor:${id}`));
  const edges = network.edges.filter((e) => keep.has(e.source) && (keep.has(e.target) || e.type === 'INTERESTED_IN'));
  const topics = new Set(edges.filter((e) => e.type === 'INTERESTED_IN').map((e) => e.target));
  return {
    truncated: false,
    nodes: network.nodes.filter((n) => keep.has(n.id) || topics.has(n.id)),
    edges,
    // The scope's network holds every tie (fetched without a budget): the members' are all here.
    tieCount: edges.reduce((n, e) => n + (e.type === 'COLLABORATES_WITH' ? 1 : 0), 0),
  };
}
