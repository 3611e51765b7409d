/**
 * Turns the projection's network view into the viewer's nodes and edges, in steps: an ego network
 * of 5,000 actors around a hub at 100k actors has ~35k ties, and shaping them in one go held the
 * event loop 50–100 ms (CPU profile of the logged blocks). The service runs these steps after the
 * view's own (network-service.ts `networkShapedInSteps`), so they may read the projection.
 */
import type { NetworkView } from '../../graph/network-view';
import type { NetworkProjection } from '../../graph/projection';
import { EdgeType, NodeType } from '../../platform/graphql/common/enums';
import type { NetworkEdge, NetworkNode, NetworkType } from './network.type';

/** Nodes or edges shaped between two pauses (a few milliseconds of work). */
const SHAPE_STEP = 4096;

export const nodeId = (type: NodeType, entityId: string) => `${type.toLowerCase()}:${entityId}`;

/**
 * An edge as the answer holds it. Its id is written only when a client asks for it (the page asks
 * for the ends), and the ends' node ids are shared per node: at ~35k ties that is ~100k strings
 * fewer for the garbage collector, whose pauses were half of the longest blocks.
 */
class ShapedEdge implements NetworkEdge {
  constructor(
    readonly type: EdgeType,
    readonly source: string,
    readonly target: string,
    readonly weight: number,
    readonly collaborationIds: string[],
    private readonly idPrefix: string,
    private readonly sourceId: string,
    private readonly targetId: string,
  ) {}

  get id(): string {
    return `${this.idPrefix}:${this.sourceId}|${this.targetId}`;
  }
}

/** nodeId, written once per node of an answer. */
function nodeIds(): (type: NodeType, entityId: string) => string {
  const written = new Map<NodeType, Map<string, string>>();
  return (type, entityId) => {
    let ofType = written.get(type);
    if (!ofType) written.set(type, (ofType = new Map()));
    let id = ofType.get(entityId);
    if (id === undefined) ofType.set(entityId, (id = nodeId(type, entityId)));
    return id;
  };
}

/** `items` shaped one by one onto the end of `into`, a yield after every SHAPE_STEP of them. */
function* mapInSteps<T, U>(
  items: readonly T[],
  shape: (item: T, index: number) => U,
  into: U[],
): Generator<void, void, void> {
  for (let from = 0; from < items.length; from += SHAPE_STEP) {
    const to = Math.min(items.length, from + SHAPE_STEP);
    for (let i = from; i < to; i++) into.push(shape(items[i], i));
    yield;
  }
}

export function* networkShapeSteps(
  view: NetworkView,
  projection: NetworkProjection,
): Generator<void, NetworkType, void> {
  const idOf = nodeIds();
  const scopedCount = new Map<string, number>();
  const count = (key: string) => scopedCount.set(key, (scopedCount.get(key) ?? 0) + 1);
  for (const e of view.interestedIn) count(idOf(NodeType.TOPIC, e.topicId));
  for (const e of view.participatedIn) count(idOf(NodeType.COLLABORATION, e.collaborationId));
  yield;

  const nodes: NetworkNode[] = [];
  yield* mapInSteps(
    view.actorIds,
    (id, i) => ({
      id: idOf(NodeType.ACTOR, id),
      type: NodeType.ACTOR,
      entityId: id,
      actorKind: projection.actors.get(id)!.kind,
      collaborationKind: null,
      size: view.actorCollaborationCounts[i],
    }),
    nodes,
  );
  yield* mapInSteps(
    view.topicIds,
    (id) => ({
      id: idOf(NodeType.TOPIC, id),
      type: NodeType.TOPIC,
      entityId: id,
      actorKind: null,
      collaborationKind: null,
      size: scopedCount.get(idOf(NodeType.TOPIC, id)) ?? 0,
    }),
    nodes,
  );
  yield* mapInSteps(
    view.collaborationIds,
    (id) => ({
      id: idOf(NodeType.COLLABORATION, id),
      type: NodeType.COLLABORATION,
      entityId: id,
      actorKind: null,
      collaborationKind: projection.collaborations.get(id)!.kind,
      size: scopedCount.get(idOf(NodeType.COLLABORATION, id)) ?? 0,
    }),
    nodes,
  );

  const edges: NetworkEdge[] = [];
  yield* mapInSteps(
    view.collaboratesWith,
    (e) =>
      new ShapedEdge(
        EdgeType.COLLABORATES_WITH,
        idOf(NodeType.ACTOR, e.sourceId),
        idOf(NodeType.ACTOR, e.targetId),
        e.collaborationIds.length,
        e.collaborationIds,
        'collaborates',
        e.sourceId,
        e.targetId,
      ),
    edges,
  );
  yield* mapInSteps(
    view.interestedIn,
    (e) =>
      new ShapedEdge(
        EdgeType.INTERESTED_IN,
        idOf(NodeType.ACTOR, e.actorId),
        idOf(NodeType.TOPIC, e.topicId),
        1,
        [],
        'interested',
        e.actorId,
        e.topicId,
      ),
    edges,
  );
  yield* mapInSteps(
    view.participatedIn,
    (e) =>
      new ShapedEdge(
        EdgeType.PARTICIPATED_IN,
        idOf(NodeType.ACTOR, e.actorId),
        idOf(NodeType.COLLABORATION, e.collaborationId),
        1,
        [e.collaborationId],
        'participated',
        e.actorId,
        e.collaborationId,
      ),
    edges,
  );

  return { nodes, edges, truncated: view.truncated };
}
