/**
 * Questions about the shape of the network, answered from the projection; names and details of
 * what they return come through the request's loaders.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
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
import { selectedBelow } from '../../platform/graphql/read-ahead';
import { TopicType } from '../topics/topic.type';
import { BadInputError } from '../../domain/errors';
import { CompactNetworkType } from './compact-network.type';
import { keptPerRevision } from './compact-network.cache';
import { toCompactNetwork } from './compact-network.mapping';
import { NetworkFilterInput, ScopeFilterInput } from './network.input';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { networkShapeSteps } from './network.mapping';
import { ActorChainType, NetworkEdge, NetworkNode, NetworkType, PathStepType } from './network.type';

/** Nodes and edges from which `network` completes its answer in a turn of its own. */
const LARGE_ANSWER_ITEMS = 4096;

@Guarded()
@Resolver()
export class NetworkResolver {
  @Authorized('VIEWER')
  @Query(() => NetworkType, {
    description: 'The network for the viewer: nodes and edges within a scope, optionally around one actor.',
  })
  async network(
    @Arg('filter', () => NetworkFilterInput, { nullable: true }) filter: NetworkFilterInput | null,
    @Ctx() { service, guard, loaders }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NetworkType> {
    checkFilterRange(filter);
    // The actors' names for the labels asked: read while the edges are found and the answer shaped
    // (on Neo4j a round trip of several ms that came after them).
    const readNames =
      loaders.readAhead && selectedBelow(info, ['nodes', 'label']).length > 0
        ? (actorIds: readonly string[]) => void loaders.actorName.loadManyNow(actorIds)
        : undefined;
    const network = await service.networkShapedInSteps(
      { maxActors: 1000, depth: 1, ...withoutNulls(filter) },
      () => guard.betweenSteps(),
      networkShapeSteps,
      readNames,
    );
    // graphql-js completes the nodes and edges in one go (~35 ms for the ~40k of a hub's ego
    // network at depth 2 at 100k actors): a large answer gets a turn of its own for that.
    if (network.nodes.length + network.edges.length > LARGE_ANSWER_ITEMS) await nextTurn();
    return network;
  }

  @Authorized('VIEWER')
  @Query(() => CompactNetworkType, {
    description:
      "The network as a map draws it: `network`'s actors (and topics) in parallel lists, the ties as actor indexes — " +
      "with `maxTies`, only each actor's strongest (at most about that many, every actor keeping its strongest), " +
      'and `tieCount` says how many there are. No collaborations as nodes (`filter.includeCollaborations` is refused).',
  })
  async compactNetwork(
    @Arg('filter', () => NetworkFilterInput, { nullable: true }) filter: NetworkFilterInput | null,
    @Arg('maxTies', () => Int, {
      nullable: true,
      description: "About this many ties at most, each actor's strongest (at least 1); null: all.",
    })
    maxTies: number | null,
    @Ctx() { service, loaders, guard }: GraphQLContext,
  ): Promise<CompactNetworkType> {
    checkFilterRange(filter);
    if (filter?.includeCollaborations)
      throw new BadInputError(
        'compactNetwork has no collaboration nodes: ask `network` for them',
        'filter.includeCollaborations',
      );
    if (maxTies !== null && maxTies !== undefined && maxTies < 1)
      throw new BadInputError(`maxTies must be at least 1, got ${maxTies}`, 'maxTies');
    const options = { maxActors: 1000, depth: 1, ...withoutNulls(filter) };
    // As `network`'s labels: a store failure fails the answer, an entity gone meanwhile is named by its id.
    const nameOf = (entity: { name: string } | Error | null, id: string) => {
      if (entity instanceof Error) throw entity;
      return entity ? entity.name : id;
    };
    // The same view again (another browser, a reload) is answered from what was kept for this revision.
    const compact = await keptPerRevision(service.projection, JSON.stringify([options, maxTies ?? null]), async () => {
      const view = await service.networkInSteps(options, () => guard.betweenSteps());
      const shape = toCompactNetwork(view, service.projection, maxTies ?? null);
      const actors = await loaders.actor.loadMany(view.actorIds);
      return { ...shape, actorNames: actors.map((a, i) => nameOf(a, view.actorIds[i])) };
    });
    const topics = await loaders.topic.loadMany(compact.topicIds);
    return { ...compact, topicNames: topics.map((t, i) => nameOf(t, compact.topicIds[i])) };
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
  actors(@Root() chain: ActorChainType, @Ctx() { loaders }: GraphQLContext): Actor[] | Promise<Actor[]> {
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
    // An actor's name alone: the labels of a network of 300 actors read 300 whole records before.
    if (node.type === NodeType.ACTOR) return (await ctx.loaders.actorName.load(node.entityId)) ?? node.entityId;
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
  collaborations(
    @Root() edge: NetworkEdge,
    @Ctx() { loaders }: GraphQLContext,
  ): Collaboration[] | Promise<Collaboration[]> {
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
