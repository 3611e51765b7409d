/** Turns the projection's network view into the viewer's nodes and edges. */
import type { NetworkView } from '../../graph/network-view';
import type { NetworkProjection } from '../../graph/projection';
import { EdgeType, NodeType } from '../../platform/graphql/common/enums';
import type { NetworkEdge, NetworkNode, NetworkType } from './network.type';

export const nodeId = (type: NodeType, entityId: string) => `${type.toLowerCase()}:${entityId}`;

export function toNetwork(view: NetworkView, projection: NetworkProjection): NetworkType {
  const scopedCount = new Map<string, number>();
  const count = (key: string) => scopedCount.set(key, (scopedCount.get(key) ?? 0) + 1);
  for (const e of view.interestedIn) count(nodeId(NodeType.TOPIC, e.topicId));
  for (const e of view.participatedIn) count(nodeId(NodeType.COLLABORATION, e.collaborationId));
  const actorCollaborations = new Map<string, Set<string>>();
  for (const e of view.collaboratesWith) {
    for (const id of [e.sourceId, e.targetId]) {
      const set = actorCollaborations.get(id) ?? new Set<string>();
      e.collaborationIds.forEach((c) => set.add(c));
      actorCollaborations.set(id, set);
    }
  }

  const nodes: NetworkNode[] = [
    ...view.actorIds.map((id) => ({
      id: nodeId(NodeType.ACTOR, id),
      type: NodeType.ACTOR,
      entityId: id,
      actorKind: projection.actors.get(id)!.kind,
      collaborationKind: null,
      size: actorCollaborations.get(id)?.size ?? 0,
    })),
    ...view.topicIds.map((id) => ({
      id: nodeId(NodeType.TOPIC, id),
      type: NodeType.TOPIC,
      entityId: id,
      actorKind: null,
      collaborationKind: null,
      size: scopedCount.get(nodeId(NodeType.TOPIC, id)) ?? 0,
    })),
    ...view.collaborationIds.map((id) => ({
      id: nodeId(NodeType.COLLABORATION, id),
      type: NodeType.COLLABORATION,
      entityId: id,
      actorKind: null,
      collaborationKind: projection.collaborations.get(id)!.kind,
      size: scopedCount.get(nodeId(NodeType.COLLABORATION, id)) ?? 0,
    })),
  ];

  const edges: NetworkEdge[] = [
    ...view.collaboratesWith.map((e) => ({
      id: `collaborates:${e.sourceId}|${e.targetId}`,
      type: EdgeType.COLLABORATES_WITH,
      source: nodeId(NodeType.ACTOR, e.sourceId),
      target: nodeId(NodeType.ACTOR, e.targetId),
      weight: e.collaborationIds.length,
      collaborationIds: e.collaborationIds,
    })),
    ...view.interestedIn.map((e) => ({
      id: `interested:${e.actorId}|${e.topicId}`,
      type: EdgeType.INTERESTED_IN,
      source: nodeId(NodeType.ACTOR, e.actorId),
      target: nodeId(NodeType.TOPIC, e.topicId),
      weight: 1,
      collaborationIds: [],
    })),
    ...view.participatedIn.map((e) => ({
      id: `participated:${e.actorId}|${e.collaborationId}`,
      type: EdgeType.PARTICIPATED_IN,
      source: nodeId(NodeType.ACTOR, e.actorId),
      target: nodeId(NodeType.COLLABORATION, e.collaborationId),
      weight: 1,
      collaborationIds: [e.collaborationId],
    })),
  ];

  return { nodes, edges, truncated: view.truncated };
}
