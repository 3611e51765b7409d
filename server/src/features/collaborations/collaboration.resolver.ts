import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Collaboration, ParticipationRole, Topic } from '../../domain/model';
import { collaborationSortKey } from '../../domain/ordering';
import { checkFilterRange } from '../../domain/validation';
import { ParticipationRoleEnum } from '../../platform/graphql/common/enums';
import { PageArgs, toConnection } from '../../platform/graphql/common/connection';
import { definedOnly } from '../../platform/graphql/common/patch';
import { checkIdArg } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { ParticipationConnection, ParticipationType } from '../links/participation.type';
import { required } from '../links/required';
import { loadExisting, primeActors, primeCollaborations, type Loaders } from '../../platform/graphql/loaders';
import { TopicType } from '../topics/topic.type';
import {
  CollaborationFilterInput,
  CreateCollaborationInput,
  EditCollaborationInput,
  UpdateCollaborationInput,
} from './collaboration.input';
import { CollaborationConnection, CollaborationType } from './collaboration.type';

@Guarded()
@Resolver(() => CollaborationType)
export class CollaborationResolver {
  @Authorized('VIEWER')
  @Query(() => CollaborationType, { nullable: true, description: 'One collaboration, or null when the id is unknown.' })
  collaboration(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext): Promise<Collaboration | null> {
    return loaders.collaboration.load(id);
  }

  @Authorized('VIEWER')
  @Query(() => CollaborationConnection, {
    description: 'Collaborations, newest first, filtered by kind, topic and date range.',
  })
  async collaborations(
    @Arg('filter', () => CollaborationFilterInput, { nullable: true }) filter: CollaborationFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { service, loaders }: GraphQLContext,
  ) {
    checkFilterRange(filter);
    const result = await service.reads.listCollaborations(filter ?? {}, page);
    primeCollaborations(loaders, result.items);
    return toConnection(result, collaborationSortKey);
  }

  @FieldResolver(() => [ParticipationType], { description: 'Who took part, with their roles, by name.' })
  participants(@Root() collaboration: CollaborationType, @Ctx() { loaders }: GraphQLContext) {
    return loaders.participationsOfCollaboration.value(collaboration.id);
  }

  @FieldResolver(() => Int, { description: 'How many actors took part in it.' })
  async participantCount(
    @Root() collaboration: CollaborationType,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<number> {
    // Structure, so the projection answers: no participant list loaded just to count it.
    const projected = service.projection.collaborations.get(collaboration.id);
    return projected
      ? projected.actors.size
      : (await loaders.participationsOfCollaboration.load(collaboration.id)).length;
  }

  @FieldResolver(() => ParticipationConnection, {
    description:
      'Who took part, by name, one page at a time, with totalCount. One store call per collaboration: for a collaboration at a time (a list of collaborations asks `participantCount`).',
  })
  async participantPage(
    @Root() collaboration: CollaborationType,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { service }: GraphQLContext,
  ) {
    const result = await service.reads.listParticipants(collaboration.id, page);
    return toConnection(result, (p) => [p.actorNameKey, p.actorId]);
  }

  @FieldResolver(() => [TopicType], { description: 'What it was about.' })
  async topics(@Root() collaboration: CollaborationType, @Ctx() { loaders }: GraphQLContext): Promise<Topic[]> {
    return loadExisting(loaders.topic, await loaders.topicsOfCollaboration.load(collaboration.id));
  }

  @Authorized('EDITOR')
  @Mutation(() => CollaborationType, {
    description: 'Creates a collaboration with its topics and participants in one step.',
  })
  async createCollaboration(
    @Arg('input', () => CreateCollaborationInput) input: CreateCollaborationInput,
    @Ctx() { service, loaders }: GraphQLContext,
  ) {
    // The answer's participants as the write stored them: no read after it.
    const created = await service.createCollaborationWithParticipants(input);
    primeActors(loaders, created.actors);
    loaders.participationsOfCollaboration.prime(created.collaboration.id, created.participations);
    return created.collaboration;
  }

  @Authorized('EDITOR')
  @Mutation(() => CollaborationType)
  updateCollaboration(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCollaborationInput) input: UpdateCollaborationInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the change is based on; a concurrent change answers CONFLICT.',
    })
    expectedVersion: number | null,
    @Ctx() { service }: GraphQLContext,
  ) {
    checkIdArg(id, 'id');
    return service.updateCollaboration(id, definedOnly(input), expectedVersion);
  }

  @Authorized('EDITOR')
  @Mutation(() => CollaborationType, {
    description:
      "Replaces a collaboration's fields, topics and complete participant list in one write. With expectedVersion, a concurrent change answers CONFLICT.",
  })
  async editCollaboration(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EditCollaborationInput) input: EditCollaborationInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<Collaboration> {
    checkIdArg(id, 'id');
    await service.editCollaboration(id, input, expectedVersion);
    loaders.topicsOfCollaboration.clear(id);
    return reloaded(loaders, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'Deletes the collaboration with its participations; answers its id.' })
  async deleteCollaboration(@Arg('id', () => ID) id: string, @Ctx() { service }: GraphQLContext): Promise<string> {
    checkIdArg(id, 'id');
    await service.deleteCollaboration(id);
    return id;
  }

  @Authorized('EDITOR')
  @Mutation(() => CollaborationType, { description: 'Adds an actor to a collaboration, or changes its role.' })
  async addParticipant(
    @Arg('collaborationId', () => ID) collaborationId: string,
    @Arg('actorId', () => ID) actorId: string,
    @Arg('role', () => ParticipationRoleEnum, { defaultValue: 'PARTICIPANT' }) role: ParticipationRole,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<Collaboration> {
    checkIdArg(collaborationId, 'collaborationId');
    checkIdArg(actorId, 'actorId');
    await service.addParticipant(collaborationId, actorId, role);
    return reloaded(loaders, collaborationId);
  }

  @Authorized('EDITOR')
  @Mutation(() => CollaborationType, {
    description: 'Removes an actor from a collaboration (nothing happens if it was not in it).',
  })
  async removeParticipant(
    @Arg('collaborationId', () => ID) collaborationId: string,
    @Arg('actorId', () => ID) actorId: string,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<Collaboration> {
    checkIdArg(collaborationId, 'collaborationId');
    checkIdArg(actorId, 'actorId');
    await service.removeParticipant(collaborationId, actorId);
    return reloaded(loaders, collaborationId);
  }
}

/** After a change of participants, nested fields must not answer from this request's cache. */
async function reloaded(loaders: Loaders, collaborationId: string): Promise<Collaboration> {
  loaders.participationsOfCollaboration.clear(collaborationId);
  loaders.collaboration.clear(collaborationId);
  return required(await loaders.collaboration.load(collaborationId), 'Collaboration', collaborationId);
}

export const collaborationResolvers = [CollaborationResolver] as const;
