/**
 * The ends of the relationship types (Interest, Participation, Collaborator), resolved through the
 * request's loaders so that lists of them cost one store call per level.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Actor, Collaboration, Topic } from '../../domain/model';
import { ActorType } from '../actors/actor.type';
import { CollaboratorType } from '../actors/collaborator.type';
import { CollaborationType } from '../collaborations/collaboration.type';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { loadExisting } from '../../platform/graphql/loaders';
import { TopicType } from '../topics/topic.type';
import { InterestType } from './interest.type';
import { ParticipationType } from './participation.type';
import { required } from './required';

@Guarded()
@Resolver(() => InterestType)
export class InterestResolver {
  @FieldResolver(() => TopicType)
  async topic(@Root() interest: InterestType, @Ctx() { loaders }: GraphQLContext): Promise<Topic> {
    return required(await loaders.topic.load(interest.topicId), 'Topic', interest.topicId);
  }

  @FieldResolver(() => ActorType)
  async actor(@Root() interest: InterestType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(interest.actorId), 'Actor', interest.actorId);
  }
}

@Guarded()
@Resolver(() => ParticipationType)
export class ParticipationResolver {
  @FieldResolver(() => ActorType)
  async actor(@Root() participation: ParticipationType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(participation.actorId), 'Actor', participation.actorId);
  }

  @FieldResolver(() => CollaborationType)
  async collaboration(
    @Root() participation: ParticipationType,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<Collaboration> {
    return required(
      await loaders.collaboration.load(participation.collaborationId),
      'Collaboration',
      participation.collaborationId,
    );
  }
}

@Guarded()
@Resolver(() => CollaboratorType)
export class CollaboratorResolver {
  @FieldResolver(() => ActorType, { description: 'The partner.' })
  async actor(@Root() collaborator: CollaboratorType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(collaborator.partnerId), 'Actor', collaborator.partnerId);
  }

  @FieldResolver(() => [CollaborationType], { description: 'The shared collaborations, newest first.' })
  collaborations(@Root() collaborator: CollaboratorType, @Ctx() { loaders }: GraphQLContext): Promise<Collaboration[]> {
    return loadExisting(loaders.collaboration, collaborator.collaborationIds);
  }
}

export const linkResolvers = [InterestResolver, ParticipationResolver, CollaboratorResolver] as const;
