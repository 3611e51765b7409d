/** The map's network as the API sends it (compactNetwork: parallel lists) and as the page draws it. */
import type { ActorKind, Network, NetworkEdge, NetworkNode } from './api';

/** The API's compact answer (queries.ts NETWORK): parallel lists, ties and interests as indexes. */
export interface CompactNetwork {
  truncated: boolean;
  tieCount: number;
  actorIds: string[];
  actorNames: string[];
  actorKinds: ActorKind[];
  actorSizes: number[];
  tieSources: number[];
  tieTargets: number[];
  tieWeights: number[];
  topicIds: string[];
  topicNames: string[];
  topicSizes: number[];
  interestActors: number[];
  interestTopics: number[];
}

/** The compact answer as nodes and edges (node ids as the API's `network` makes them). */
export function unpackNetwork(c: CompactNetwork): Network {
  const actorNode = c.actorIds.map((id) => `actor:${id}`);
  const topicNode = c.topicIds.map((id) => `topic:${id}`);
  const nodes: NetworkNode[] = c.actorIds.map((id, i) => ({
    id: actorNode[i],
    type: 'ACTOR',
    entityId: id,
    label: c.actorNames[i],
    actorKind: c.actorKinds[i],
    size: c.actorSizes[i],
  }));
  c.topicIds.forEach((id, i) =>
    nodes.push({
      id: topicNode[i],
      type: 'TOPIC',
      entityId: id,
      label: c.topicNames[i],
      actorKind: null,
      size: c.topicSizes[i],
    }),
  );
  const edges: NetworkEdge[] = c.tieSources.map((s, i) => ({
    type: 'COLLABORATES_WITH',
    source: actorNode[s],
    target: actorNode[c.tieTargets[i]],
    weight: c.tieWeights[i],
  }));
  c.interestActors.forEach((a, i) =>
    edges.push({ type: 'INTERESTED_IN', source: actorNode[a], target: topicNode[c.interestTopics[i]], weight: 1 }),
  );
  return { truncated: c.truncated, nodes, edges, tieCount: c.tieCount };
}
