/**
 * Questions about the shape of the network, answered from the projection; names and details of
 * what they return come through the request's loaders.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { checkFilterRange } from '../../domain/validation';
import type { Actor, Collaboration, Topic } from '../../domain/model';
import { ActorType } from '../actors/actor.type';
import { CollaborationType } from '../collaborations/collaboration.type';
import { NodeType } from '../../platform/graphql/common/enums';
import { withoutNulls } from '../../platform/graphql/common/patch';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { required } from '../links/required';
import { loadExisting } from '../../platform/graphql/loaders';
import { TopicType } from '../topics/topic.type';
import { NetworkFilterInput, ScopeFilterInput } from './network.input';
import { toNetwork } from './network.mapping';
import { ActorChainType, NetworkEdge, NetworkNode, NetworkType, PathStepType } from './network.type';

@Guarded()
@Resolver()
export class NetworkResolver {
  @Authorized('VIEWER')
  @Query(() => NetworkType, {
    description: 'The network for the viewer: nodes and edges within a scope, optionally around one actor.',
  })
  network(
    @Arg('filter', () => NetworkFilterInput, { nullable: true }) filter: NetworkFilterInput | null,
    @Ctx() { service }: GraphQLContext,
  ): NetworkType {
    checkFilterRange(filter);
    const view = service.network({ maxActors: 1000, depth: 1, ...withoutNulls(filter) });
    return toNetwork(view, service.projection);
  }

  @Authorized('VIEWER')
  @Query(() => ActorChainType, {
    nullable: true,
    description:
      'How two actors are connected: the shortest chain actor → collaboration → actor → …; null when they are not.',
  })
  shortestPath(
    @Arg('fromActorId', () => ID) fromActorId: string,
    @Arg('toActorId', () => ID) toActorId: string,
    @Arg('filter', () => ScopeFilterInput, { nullable: true }) filter: ScopeFilterInput | null,
    @Ctx() { service }: GraphQLContext,
  ): ActorChainType | null {
    checkFilterRange(filter);
    const chain = service.shortestChain(fromActorId, toActorId, withoutNulls(filter));
    if (!chain) return null;
    return {
      ...chain,
      length: chain.collaborationIds.length,
      steps: chain.collaborationIds.map((collaborationId, i) => ({
        fromId: chain.actorIds[i],
        collaborationId,
        toId: chain.actorIds[i + 1],
      })),
    };
  }
}

@Guarded()
@Resolver(() => ActorChainType)
export class ActorChainResolver {
  @FieldResolver(() => [ActorType], { description: 'The actors of the chain, from the first to the last.' })
  actors(@Root() chain: ActorChainType, @Ctx() { loaders }: GraphQLContext): Promise<Actor[]> {
    return loadExisting(loaders.actor, chain.actorIds);
  }
}

@Guarded()
@Resolver(() => PathStepType)
export class PathStepResolver {
  @FieldResolver(() => ActorType)
  async from(@Root() step: PathStepType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(step.fromId), 'Actor', step.fromId);
  }

  @FieldResolver(() => CollaborationType)
  async collaboration(@Root() step: PathStepType, @Ctx() { loaders }: GraphQLContext): Promise<Collaboration> {
    return required(await loaders.collaboration.load(step.collaborationId), 'Collaboration', step.collaborationId);
  }

  @FieldResolver(() => ActorType)
  async to(@Root() step: PathStepType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(step.toId), 'Actor', step.toId);
  }
}

@Guarded()
@Resolver(() => NetworkNode)
export class NetworkNodeResolver {
  @FieldResolver(() => String, { description: 'Name of the actor or topic, title of the collaboration.' })
  async label(@Root() node: NetworkNode, @Ctx() ctx: GraphQLContext): Promise<string> {
    const entity = await this.entity(node, ctx);
    return entity ? ('name' in entity ? entity.name : entity.title) : node.entityId;
  }

  @FieldResolver(() => ActorType, { nullable: true })
  async actor(@Root() node: NetworkNode, @Ctx() { loaders }: GraphQLContext): Promise<Actor | null> {
    return node.type === NodeType.ACTOR ? loaders.actor.load(node.entityId) : null;
  }

  @FieldResolver(() => TopicType, { nullable: true })
  async topic(@Root() node: NetworkNode, @Ctx() { loaders }: GraphQLContext): Promise<Topic | null> {
    return node.type === NodeType.TOPIC ? loaders.topic.load(node.entityId) : null;
  }

  @FieldResolver(() => CollaborationType, { nullable: true })
  async collaboration(@Root() node: NetworkNode, @Ctx() { loaders }: GraphQLContext): Promise<Collaboration | null> {
    return node.type === NodeType.COLLABORATION ? loaders.collaboration.load(node.entityId) : null;
  }

  private entity(node: NetworkNode, { loaders }: GraphQLContext): Promise<Actor | Topic | Collaboration | null> {
    switch (node.type) {
      case NodeType.ACTOR:
        return loaders.actor.load(node.entityId);
      case NodeType.TOPIC:
        return loaders.topic.load(node.entityId);
      case NodeType.COLLABORATION:
        return loaders.collaboration.load(node.entityId);
    }
  }
}

@Guarded()
@Resolver(() => NetworkEdge)
export class NetworkEdgeResolver {
  @FieldResolver(() => [CollaborationType], { description: 'COLLABORATES_WITH: the shared collaborations in scope.' })
  collaborations(@Root() edge: NetworkEdge, @Ctx() { loaders }: GraphQLContext): Promise<Collaboration[]> {
    return loadExisting(loaders.collaboration, edge.collaborationIds);
  }
}

export const networkResolvers = [
  NetworkResolver,
  ActorChainResolver,
  PathStepResolver,
  NetworkNodeResolver,
  NetworkEdgeResolver,
] as const;
