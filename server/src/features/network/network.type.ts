import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ActorKind, CollaborationKind } from '../../domain/model';
import { ActorKindEnum, CollaborationKindEnum, EdgeType, NodeType } from '../../platform/graphql/common/enums';

@ObjectType('NetworkNode', {
  description: 'A node of the viewer network: an actor, a topic or a collaboration.',
  simpleResolvers: true,
})
export class NetworkNode {
  @Field(() => ID, { description: 'Unique across node types: "actor:<id>", "topic:<id>" or "collaboration:<id>".' })
  id!: string;

  @Field(() => NodeType)
  type!: NodeType;

  @Field(() => ID, { description: 'The id of the actor, topic or collaboration.' })
  entityId!: string;

  @Field(() => ActorKindEnum, { nullable: true })
  actorKind!: ActorKind | null;

  @Field(() => CollaborationKindEnum, { nullable: true })
  collaborationKind!: CollaborationKind | null;

  @Field(() => Int, {
    description:
      'Actors: collaborations in scope; topics: visible interested actors; collaborations: visible participants.',
  })
  size!: number;
}

@ObjectType('NetworkEdge', { simpleResolvers: true })
export class NetworkEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => EdgeType)
  type!: EdgeType;

  @Field(() => ID, { description: 'Node id of one end.' })
  source!: string;

  @Field(() => ID, { description: 'Node id of the other end.' })
  target!: string;

  @Field(() => Float, { description: 'COLLABORATES_WITH: shared collaborations in scope; others: 1.' })
  weight!: number;

  /** The shared collaborations of a COLLABORATES_WITH edge. */
  collaborationIds!: string[];
}

@ObjectType('Network', { simpleResolvers: true })
export class NetworkType {
  @Field(() => [NetworkNode])
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];

  @Field(() => Boolean, { description: 'True when more actors matched than maxActors.' })
  truncated!: boolean;
}

@ObjectType('PathStep', { description: 'One link of a chain: two actors and a collaboration they both took part in.' })
export class PathStepType {
  fromId!: string;
  collaborationId!: string;
  toId!: string;
}

@ObjectType('ActorChain', { description: 'How two actors are connected: actor → collaboration → actor → …' })
export class ActorChainType {
  actorIds!: string[];
  collaborationIds!: string[];

  @Field(() => Int, { description: 'Number of steps (collaborations) in the chain.' })
  length!: number;

  @Field(() => [PathStepType])
  steps!: PathStepType[];
}
