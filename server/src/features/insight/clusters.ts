/**
 * Clusters of actors who work together more among themselves than with the rest: Louvain
 * (graphology-communities-louvain) on the collaborates-with graph, weighted by shared
 * collaborations, with a seeded random source so the same network always gives the same clusters.
 * For each cluster: its dominant topics and the actors who bridge it to other clusters.
 *
 * Runs in the insight worker on typed arrays: up to `exactLimit` actors Louvain gets a graphology
 * graph, above it the read-only view of the typed arrays (`graphology-view.ts`) — same algorithm,
 * same input order, same clusters.
 */
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../../platform/util/seeded-random';
import { EXACT_LIMIT } from './centrality';
import { LouvainGraphView, toGraphology } from './graphology-view';
import { louvainCsr, weightedCsrOf } from './louvain-csr';
import type { Membership, ScopedGraph } from './scoped-graph';

/** Topics of actors (interests) and of collaborations, as topic indexes (`projection-arrays.ts`). */
export interface TopicMembership {
  topicCount: number;
  actorTopicStarts: Int32Array;
  actorTopics: Int32Array;
  collaborationTopicStarts: Int32Array;
  collaborationTopics: Int32Array;
}

export interface ClusteringArrays {
  modularity: number;
  /** Started from an earlier partition (`louvain-csr.ts` warm start), not from scratch. */
  warm: boolean;
  /** Per actor index: its cluster (-1: not in scope or without ties) — the start of a later warm run. */
  clusterOfActor: Int32Array;
  /** Actors without any tie in scope (not in any cluster), ascending. */
  unclustered: Int32Array;
  /** Cluster k ("k + 1", by size) is `members[clusterStarts[k] .. clusterStarts[k + 1])`, ascending. */
  clusterStarts: Int32Array;
  members: Int32Array;
  internalTies: Int32Array;
  externalTies: Int32Array;
  /** Per cluster, its top topics: (topic index, count), most first. */
  topicStarts: Int32Array;
  topics: Int32Array;
  topicCounts: Int32Array;
  /** Per cluster, its top bridging members: (actor, partners in other clusters, other clusters). */
  bridgeStarts: Int32Array;
  bridgeActors: Int32Array;
  bridgeExternalTies: Int32Array;
  bridgeOtherClusters: Int32Array;
}

export const TOP_TOPICS = 5;
export const TOP_BRIDGES = 5;

export interface ClusterOptions {
  resolution?: number;
  seed?: number;
  exactLimit?: number;
}

/** Louvain's community per node, and the partition's modularity. */
export interface Communities {
  communities: Int32Array;
  modularity: number;
}

/**
 * Louvain on the graph, weighted by its ties, seeded: up to the exact limit graphology's
 * (graphology-communities-louvain on a graphology graph), above it the same method on the CSR
 * (`louvain-csr.ts`: ~2× less CPU at 100k actors, the same modularity), which can also start from
 * an earlier partition (`start`, per node).
 */
export function louvainOnGraph(graph: ScopedGraph, options: ClusterOptions = {}, start?: Int32Array): Communities {
  if (graph.n <= (options.exactLimit ?? EXACT_LIMIT) && !start) return louvainWithGraphology(graph, options);
  const found = louvainCsr(weightedCsrOf(graph), {
    resolution: options.resolution ?? 1,
    seed: options.seed ?? 7,
    start,
  });
  return { communities: found.communities, modularity: found.modularity };
}

/**
 * graphology-communities-louvain: on a graphology graph up to the exact limit, above it on the
 * read-only view of the arrays (what served large graphs before `louvain-csr.ts`; the bench and
 * the tests compare the two).
 */
export function louvainWithGraphology(graph: ScopedGraph, options: ClusterOptions = {}): Communities {
  const input = graph.n <= (options.exactLimit ?? EXACT_LIMIT) ? toGraphology(graph) : new LouvainGraphView(graph);
  const detailed = louvain.detailed(input as Parameters<typeof louvain.detailed>[0], {
    getEdgeWeight: 'weight',
    resolution: options.resolution ?? 1,
    rng: seededRandom(options.seed ?? 7),
  });
  const communities = new Int32Array(graph.n);
  // Keyed by node number (the view's keys; a graphology graph's "0" … "n-1" are the same keys).
  const found = detailed.communities as unknown as ArrayLike<number>;
  for (let i = 0; i < graph.n; i++) communities[i] = found[i];
  return { communities, modularity: detailed.modularity };
}

export function clusterOnArrays(
  graph: ScopedGraph,
  membership: Membership,
  topics: TopicMembership,
  /** Per collaboration: in scope (its topics count for a cluster when two members are in it). */
  collaborationMask: Uint8Array,
  options: ClusterOptions = {},
  /** Louvain's outcome on `graph`, when already there (else computed here). */
  communities?: Communities,
  warm = false,
): ClusteringArrays {
  const { n, starts, neighbours, nodeOf } = graph;
  const degreeOf = (i: number) => starts[i + 1] - starts[i];
  const unclustered: number[] = [];
  for (let i = 0; i < n; i++) if (degreeOf(i) === 0) unclustered.push(nodeOf[i]);
  const empty = (modularity: number): ClusteringArrays => ({
    modularity,
    warm,
    clusterOfActor: new Int32Array(membership.actorCount).fill(-1),
    unclustered: Int32Array.from(unclustered),
    clusterStarts: new Int32Array(1),
    members: new Int32Array(0),
    internalTies: new Int32Array(0),
    externalTies: new Int32Array(0),
    topicStarts: new Int32Array(1),
    topics: new Int32Array(0),
    topicCounts: new Int32Array(0),
    bridgeStarts: new Int32Array(1),
    bridgeActors: new Int32Array(0),
    bridgeExternalTies: new Int32Array(0),
    bridgeOtherClusters: new Int32Array(0),
  });
  if (graph.pairs === 0) return empty(0);
  const detailed = communities ?? louvainOnGraph(graph, options);

  // Members per community (nodes ascending), then clusters by size, ties by their first member.
  const byCommunity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (degreeOf(i) === 0) continue;
    const c = detailed.communities[i];
    let list = byCommunity.get(c);
    if (!list) byCommunity.set(c, (list = []));
    list.push(i);
  }
  const groups = [...byCommunity.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  const clusterOfNode = new Int32Array(n).fill(-1);
  groups.forEach((g, k) => g.forEach((i) => (clusterOfNode[i] = k)));
  const clusterOfActor = new Int32Array(membership.actorCount).fill(-1);
  for (let i = 0; i < n; i++) clusterOfActor[nodeOf[i]] = clusterOfNode[i];

  // Collaborations per actor (every one it is in), from the membership.
  const { collaborationStarts, members } = membership;
  const collaborations = collaborationStarts.length - 1;
  const inStarts = new Int32Array(membership.actorCount + 1);
  for (let x = 0; x < members.length; x++) inStarts[members[x] + 1]++;
  for (let a = 0; a < membership.actorCount; a++) inStarts[a + 1] += inStarts[a];
  const inCollaborations = new Int32Array(members.length);
  const next = inStarts.slice(0, membership.actorCount);
  for (let c = 0; c < collaborations; c++) {
    for (let x = collaborationStarts[c]; x < collaborationStarts[c + 1]; x++) inCollaborations[next[members[x]]++] = c;
  }

  const k = groups.length;
  const out = {
    clusterStarts: new Int32Array(k + 1),
    members: new Int32Array(groups.reduce((sum, g) => sum + g.length, 0)),
    internalTies: new Int32Array(k),
    externalTies: new Int32Array(k),
    topicStarts: new Int32Array(k + 1),
    topics: [] as number[],
    topicCounts: [] as number[],
    bridgeStarts: new Int32Array(k + 1),
    bridgeActors: [] as number[],
    bridgeExternalTies: [] as number[],
    bridgeOtherClusters: [] as number[],
  };
  const topicCount = new Int32Array(topics.topicCount);
  const seenCollaboration = new Int32Array(collaborations).fill(-1);
  const seenCluster = new Int32Array(k).fill(-1);
  groups.forEach((group, cluster) => {
    out.members.set(
      group.map((i) => nodeOf[i]),
      out.clusterStarts[cluster],
    );
    out.clusterStarts[cluster + 1] = out.clusterStarts[cluster] + group.length;

    const touched: number[] = [];
    const add = (t: number) => {
      if (topicCount[t]++ === 0) touched.push(t);
    };
    const clusterCollaborations: number[] = [];
    let internal = 0;
    let external = 0;
    const bridges: Array<{ actor: number; external: number; others: number }> = [];
    for (const i of group) {
      const a = nodeOf[i];
      for (let x = topics.actorTopicStarts[a]; x < topics.actorTopicStarts[a + 1]; x++) add(topics.actorTopics[x]);
      for (let y = inStarts[a]; y < inStarts[a + 1]; y++) {
        const c = inCollaborations[y];
        if (seenCollaboration[c] !== cluster) {
          seenCollaboration[c] = cluster;
          clusterCollaborations.push(c);
        }
      }
      let ownExternal = 0;
      let others = 0;
      for (let x = starts[i]; x < starts[i + 1]; x++) {
        const other = clusterOfNode[neighbours[x]];
        if (other === cluster) internal++;
        else {
          ownExternal++;
          // Each other cluster counted once per member (a stamp per member).
          if (seenCluster[other] !== i) {
            seenCluster[other] = i;
            others++;
          }
        }
      }
      external += ownExternal;
      if (ownExternal > 0) bridges.push({ actor: a, external: ownExternal, others });
    }
    for (const c of clusterCollaborations) {
      if (!collaborationMask[c]) continue;
      let inside = 0;
      for (let x = collaborationStarts[c]; x < collaborationStarts[c + 1] && inside < 2; x++)
        if (clusterOfActor[members[x]] === cluster) inside++;
      if (inside < 2) continue;
      for (let x = topics.collaborationTopicStarts[c]; x < topics.collaborationTopicStarts[c + 1]; x++)
        add(topics.collaborationTopics[x]);
    }
    out.internalTies[cluster] = internal / 2;
    out.externalTies[cluster] = external;

    touched.sort((a, b) => topicCount[b] - topicCount[a] || a - b);
    for (const t of touched.slice(0, TOP_TOPICS)) {
      out.topics.push(t);
      out.topicCounts.push(topicCount[t]);
    }
    out.topicStarts[cluster + 1] = out.topics.length;
    for (const t of touched) topicCount[t] = 0;

    bridges.sort((a, b) => b.others - a.others || b.external - a.external || a.actor - b.actor);
    for (const b of bridges.slice(0, TOP_BRIDGES)) {
      out.bridgeActors.push(b.actor);
      out.bridgeExternalTies.push(b.external);
      out.bridgeOtherClusters.push(b.others);
    }
    out.bridgeStarts[cluster + 1] = out.bridgeActors.length;
  });

  return {
    modularity: detailed.modularity,
    warm,
    clusterOfActor,
    unclustered: Int32Array.from(unclustered),
    clusterStarts: out.clusterStarts,
    members: out.members,
    internalTies: out.internalTies,
    externalTies: out.externalTies,
    topicStarts: out.topicStarts,
    topics: Int32Array.from(out.topics),
    topicCounts: Int32Array.from(out.topicCounts),
    bridgeStarts: out.bridgeStarts,
    bridgeActors: Int32Array.from(out.bridgeActors),
    bridgeExternalTies: Int32Array.from(out.bridgeExternalTies),
    bridgeOtherClusters: Int32Array.from(out.bridgeOtherClusters),
  };
}
