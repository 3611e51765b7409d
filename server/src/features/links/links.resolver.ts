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
import { loadExisting, whenLoaded } from '../../platform/graphql/loaders';
import { TopicType } from '../topics/topic.type';
import { InterestType } from './interest.type';
import { ParticipationType } from './participation.type';
import { required } from './required';

@Guarded()
@Resolver(() => InterestType)
export class InterestResolver {
  @FieldResolver(() => TopicType)
  topic(@Root() interest: InterestType, @Ctx() { loaders }: GraphQLContext): Topic | Promise<Topic> {
    return whenLoaded(loaders.topic.value(interest.topicId), (found) => required(found, 'Topic', interest.topicId));
  }

  @FieldResolver(() => ActorType)
  actor(@Root() interest: InterestType, @Ctx() { loaders }: GraphQLContext): Actor | Promise<Actor> {
    return whenLoaded(loaders.actor.value(interest.actorId), (found) => required(found, 'Actor', interest.actorId));
  }
}

@Guarded()
@Resolver(() => ParticipationType)
export class ParticipationResolver {
  @FieldResolver(() => ActorType)
  actor(@Root() participation: ParticipationType, @Ctx() { loaders }: GraphQLContext): Actor | Promise<Actor> {
    return whenLoaded(loaders.actor.value(participation.actorId), (found) =>
      required(found, 'Actor', participation.actorId),
    );
  }

  @FieldResolver(() => CollaborationType)
  collaboration(
    @Root() participation: ParticipationType,
    @Ctx() { loaders }: GraphQLContext,
  ): Collaboration | Promise<Collaboration> {
    const id = participation.collaborationId;
    return whenLoaded(loaders.collaboration.value(id), (found) => required(found, 'Collaboration', id));
  }
}

@Guarded()
@Resolver(() => CollaboratorType)
export class CollaboratorResolver {
  @FieldResolver(() => ActorType, { description: 'The partner.' })
  actor(@Root() collaborator: CollaboratorType, @Ctx() { loaders }: GraphQLContext): Actor | Promise<Actor> {
    return whenLoaded(loaders.actor.value(collaborator.partnerId), (found) =>
      required(found, 'Actor', collaborator.partnerId),
    );
  }

  @FieldResolver(() => [CollaborationType], { description: 'The shared collaborations, newest first.' })
  collaborations(
    @Root() collaborator: CollaboratorType,
    @Ctx() { loaders }: GraphQLContext,
  ): Collaboration[] | Promise<Collaboration[]> {
    return loadExisting(loaders.collaboration, collaborator.collaborationIds);
  }
}

export const linkResolvers = [InterestResolver, ParticipationResolver, CollaboratorResolver] as const;
