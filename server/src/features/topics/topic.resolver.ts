import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Actor, Collaboration, Topic } from '../../domain/model';
import { topicSortKey } from '../../domain/ordering';
import { ActorType } from '../actors/actor.type';
import { CollaborationType } from '../collaborations/collaboration.type';
import { PageArgs, toConnection } from '../../platform/graphql/common/connection';
import { definedOnly } from '../../platform/graphql/common/patch';
import { checkIdArg } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { InterestType } from '../links/interest.type';
import { loadExisting, primeTopics } from '../../platform/graphql/loaders';
import { CreateTopicInput, TopicFilterInput, UpdateTopicInput } from './topic.input';
import { TopicConnection, TopicType } from './topic.type';

@Guarded()
@Resolver(() => TopicType)
export class TopicResolver {
  @Authorized('VIEWER')
  @Query(() => TopicType, { nullable: true, description: 'One topic, or null when the id is unknown.' })
  topic(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext): Promise<Topic | null> {
    return loaders.topic.load(id);
  }

  @Authorized('VIEWER')
  @Query(() => TopicConnection, { description: 'Topics by name, paged.' })
  async topics(
    @Arg('filter', () => TopicFilterInput, { nullable: true }) filter: TopicFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { service, loaders }: GraphQLContext,
  ) {
    const result = await service.reads.listTopics(filter ?? {}, page);
    primeTopics(loaders, result.items);
    return toConnection(result, topicSortKey);
  }

  @FieldResolver(() => Int, { description: 'How many actors are interested in it.' })
  async actorCount(@Root() topic: TopicType, @Ctx() { loaders }: GraphQLContext): Promise<number> {
    return (await loaders.topicStats.load(topic.id)).actorCount;
  }

  @FieldResolver(() => Int, { description: 'How many collaborations are about it.' })
  async collaborationCount(@Root() topic: TopicType, @Ctx() { loaders }: GraphQLContext): Promise<number> {
    return (await loaders.topicStats.load(topic.id)).collaborationCount;
  }

  @FieldResolver(() => [ActorType], { description: 'The actors interested in it, by name.' })
  async actors(@Root() topic: TopicType, @Ctx() { loaders }: GraphQLContext): Promise<Actor[]> {
    const interests = await loaders.interestsInTopic.load(topic.id);
    return loadExisting(
      loaders.actor,
      interests.map((i) => i.actorId),
    );
  }

  @FieldResolver(() => [InterestType], { description: 'The interests in it, with their weights.' })
  interests(@Root() topic: TopicType, @Ctx() { loaders }: GraphQLContext) {
    return loaders.interestsInTopic.value(topic.id);
  }

  @FieldResolver(() => [CollaborationType], { description: 'The collaborations about it, newest first.' })
  async collaborations(@Root() topic: TopicType, @Ctx() { loaders }: GraphQLContext): Promise<Collaboration[]> {
    return loadExisting(loaders.collaboration, await loaders.collaborationsOfTopic.load(topic.id));
  }

  @Authorized('EDITOR')
  @Mutation(() => TopicType)
  createTopic(@Arg('input', () => CreateTopicInput) input: CreateTopicInput, @Ctx() { service }: GraphQLContext) {
    return service.createTopic(input);
  }

  @Authorized('EDITOR')
  @Mutation(() => TopicType)
  updateTopic(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTopicInput) input: UpdateTopicInput,
    @Ctx() { service }: GraphQLContext,
  ) {
    checkIdArg(id, 'id');
    return service.updateTopic(id, definedOnly(input));
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'Deletes the topic and every interest in it; answers its id.' })
  async deleteTopic(@Arg('id', () => ID) id: string, @Ctx() { service }: GraphQLContext): Promise<string> {
    checkIdArg(id, 'id');
    await service.deleteTopic(id);
    return id;
  }
}

export const topicResolvers = [TopicResolver] as const;
