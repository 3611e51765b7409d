/**
 * Insight results name actors and topics by id (they are computed on the projection, in a worker);
 * these field resolvers turn the ids into records through the request's loaders. One factory per
 * kind of field instead of a class per result type: each call makes a resolver class for one field
 * (its method is named after the field: type-graphql tells a type's field resolvers apart by method name).
 */
import type { ClassType } from 'type-graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Actor, Topic } from '../../domain/model';
import type { GraphQLContext } from '../../platform/graphql/context';
import { loadExisting } from '../../platform/graphql/loaders';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { ActorType } from '../actors/actor.type';
import { required } from '../links/required';
import { TopicType } from '../topics/topic.type';

/** `name: Actor!` on `type`, from the id `id(row)` (an unknown id is an error: results skip deleted actors). */
export function actorField<T extends object>(
  type: ClassType<T>,
  name: string,
  id: (row: T) => string,
  description?: string,
): ClassType {
  @Guarded()
  @Resolver(() => type)
  class ActorByIdResolver {
    @FieldResolver(() => ActorType, { description })
    async [name](@Root() row: T, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
      return required(await loaders.actor.load(id(row)), 'Actor', id(row));
    }
  }
  return ActorByIdResolver;
}

/** `name: [Actor!]!` on `type`, from the ids `ids(row)`; actors deleted since the result was computed are left out. */
export function actorListField<T extends object>(
  type: ClassType<T>,
  name: string,
  ids: (row: T) => string[],
  description?: string,
): ClassType {
  @Guarded()
  @Resolver(() => type)
  class ActorsByIdResolver {
    @FieldResolver(() => [ActorType], { description })
    [name](@Root() row: T, @Ctx() { loaders }: GraphQLContext): Actor[] | Promise<Actor[]> {
      return loadExisting(loaders.actor, ids(row));
    }
  }
  return ActorsByIdResolver;
}

/** `name: Topic!` on `type`, from the id `id(row)`. */
export function topicField<T extends object>(type: ClassType<T>, name: string, id: (row: T) => string): ClassType {
  @Guarded()
  @Resolver(() => type)
  class TopicByIdResolver {
    @FieldResolver(() => TopicType, {})
    async [name](@Root() row: T, @Ctx() { loaders }: GraphQLContext): Promise<Topic> {
      return required(await loaders.topic.load(id(row)), 'Topic', id(row));
    }
  }
  return TopicByIdResolver;
}
