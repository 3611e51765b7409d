import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Actor, Interest, Topic } from '../../domain/model';
import { actorSortKey } from '../../domain/ordering';
import { checkPageSize } from '../../domain/paging';
import { collaboratorsInSteps } from '../../graph/collaborators';
import { PageArgs, toConnection } from '../../platform/graphql/common/connection';
import { definedOnly } from '../../platform/graphql/common/patch';
import { checkIdArg, checkListSize } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { InterestType } from '../links/interest.type';
import { ParticipationType } from '../links/participation.type';
import { collaborationPageKey } from '../../platform/graphql/collaboration-pages';
import { loadExisting, whenLoaded } from '../../platform/graphql/loaders';
import { TopicType } from '../topics/topic.type';
import { listActorsReadingAhead } from './actor-list-read-ahead';
import { loadActorReadingAhead } from './actor-read-ahead';
import { ActorFilterInput, CreateActorInput, InterestInput, UpdateActorInput } from './actor.input';
import { ActorConnection, ActorType } from './actor.type';
import { CollaboratorType } from './collaborator.type';
import { collaborationPageOf, staleAfterError } from './collaboration-page-rules';

@Guarded()
@Resolver(() => ActorType)
export class ActorResolver {
  @Authorized('VIEWER')
  @Query(() => ActorType, { nullable: true, description: 'One actor, or null when the id is unknown.' })
  actor(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return loadActorReadingAhead(id, info, context);
  }

  @Authorized('VIEWER')
  @Query(() => ActorConnection, { description: 'Actors by name (umlauts and case folded), filtered, paged.' })
  async actors(
    @Arg('filter', () => ActorFilterInput, { nullable: true }) filter: ActorFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const result = await listActorsReadingAhead(filter ?? {}, page, info, context);
    return toConnection(result, actorSortKey);
  }

  // --- fields ---

  @FieldResolver(() => [InterestType], { description: "The actor's topics with their weights." })
  interests(@Root() actor: ActorType, @Ctx() { loaders }: GraphQLContext) {
    return loaders.interestsOfActor.value(actor.id);
  }

  @FieldResolver(() => [TopicType], { description: "The actor's topics." })
  topics(@Root() actor: ActorType, @Ctx() { loaders }: GraphQLContext): Topic[] | Promise<Topic[]> {
    // The topics themselves, not a promise, when the interests and topics are loaded (the actor
    // list reads them with the page): graphql-js then completes the actor without a promise.
    const topicsOf = (interests: readonly Interest[]) =>
      loadExisting(
        loaders.topic,
        interests.map((i) => i.topicId),
      );
    const interests = loaders.interestsOfActor.value(actor.id);
    return interests instanceof Promise ? interests.then(topicsOf) : topicsOf(interests);
  }

  @FieldResolver(() => [ParticipationType], {
    description:
      'The collaborations it took part in, with its role; newest first (no date last, then by id). All of them without `first`; a page with it (`collaborationCount` counts all).',
  })
  collaborations(
    @Root() actor: ActorType,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (1–500); all when absent.' })
    first: number | null,
    @Arg('after', () => ID, {
      nullable: true,
      description:
        "The id of the last collaboration of the previous page: the page continues after it (needs `first`). BAD_USER_INPUT (field `after`) when it is not one of this actor's collaborations (any more): ask from the first page again.",
    })
    after: string | null,
    @Ctx() { loaders }: GraphQLContext,
  ) {
    const page = collaborationPageOf(first, after);
    if (!page) return loaders.participationsOfActor.value(actor.id);
    return whenLoaded(loaders.participationPageOfActor.value(collaborationPageKey(actor.id, page)), (rows) => {
      if (!rows) throw staleAfterError(actor.id, page.after!);
      return rows;
    });
  }

  @FieldResolver(() => Int, { description: 'How many collaborations it took part in.' })
  collaborationCount(@Root() actor: ActorType, @Ctx() { service, loaders }: GraphQLContext): number | Promise<number> {
    // A count is a question about structure: the projection answers it without loading every
    // participation of a hub (thousands) just to count them — at once, without a promise.
    const projected = service.projection.actors.get(actor.id);
    if (projected) return projected.collaborations.size;
    return whenLoaded(loaders.participationsOfActor.value(actor.id), (participations) => participations.length);
  }

  @FieldResolver(() => [CollaboratorType], {
    description: 'The actors it took part with, most shared collaborations first.',
  })
  collaborators(
    @Root() actor: ActorType,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (1–500); all when absent.' })
    first: number | null,
    @Ctx() { service, guard }: GraphQLContext,
  ): readonly CollaboratorType[] | Promise<readonly CollaboratorType[]> {
    if (first !== null && first !== undefined) checkPageSize(first);
    // Structure, so the projection answers: a hub's top ten without loading its ~33k partners.
    // The projection's cached ranking, shared by every request of its version (not copied); a
    // hub's ranking is computed in steps between the request's turns.
    return collaboratorsInSteps(service.projection, actor.id, first, () => guard.betweenSteps());
  }

  // --- writes ---

  @Authorized('EDITOR')
  @Mutation(() => ActorType)
  createActor(@Arg('input', () => CreateActorInput) input: CreateActorInput, @Ctx() { service }: GraphQLContext) {
    return service.createActor(input);
  }

  @Authorized('EDITOR')
  @Mutation(() => ActorType, {
    description: 'Changes the given fields. With expectedVersion, a concurrent change answers CONFLICT.',
  })
  async updateActor(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateActorInput) input: UpdateActorInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<Actor> {
    checkIdArg(id, 'id');
    const { interests, newTopics, ...patch } = definedOnly(input);
    const actor = await service.updateActor(id, patch, expectedVersion, interests, newTopics);
    if (interests || newTopics?.length) loaders.interestsOfActor.clear(id);
    return actor;
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'Deletes the actor with its interests and participations; answers its id.' })
  async deleteActor(@Arg('id', () => ID) id: string, @Ctx() { service }: GraphQLContext): Promise<string> {
    checkIdArg(id, 'id');
    await service.deleteActor(id);
    return id;
  }

  @Authorized('EDITOR')
  @Mutation(() => ActorType, { description: "Replaces the actor's interests." })
  async setActorInterests(
    @Arg('actorId', () => ID) actorId: string,
    @Arg('interests', () => [InterestInput]) interests: InterestInput[],
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<Actor | null> {
    checkIdArg(actorId, 'actorId');
    checkListSize(interests, 'interests');
    await service.setActorInterests(actorId, interests);
    loaders.interestsOfActor.clear(actorId);
    return loaders.actor.load(actorId);
  }
}

export const actorResolvers = [ActorResolver] as const;
