/**
 * Recording from the map page in one write (service/recording-service.ts): `recordActor`,
 * `recordCollaboration`, and `matchNames` for a pasted attendance list.
 */
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Actor, Collaboration } from '../../domain/model';
import { NotFoundError } from '../../domain/errors';
import { actorDocument, collaborationDocument, matchNames, type NameMatch } from './recording-service';
import { ActorType } from '../actors/actor.type';
import { checkListSize, LIMITS } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { RecordActorInput, RecordCollaborationInput } from './recording.input';
import { NameMatchType, RecordedCollaborationType } from './recording.type';
import { BadInputError } from '../../domain/errors';

/** Most names one matchNames request takes. */
export const MAX_NAMES = 200;

@Guarded()
@Resolver()
export class RecordingResolver {
  @Authorized('EDITOR')
  @Mutation(() => ActorType, {
    description:
      'Creates an actor with its topics — existing ones and new ones (newTopics) — in one transaction: all of it or nothing.',
  })
  async recordActor(
    @Arg('input', () => RecordActorInput) input: RecordActorInput,
    @Ctx() { service }: GraphQLContext,
  ): Promise<Actor> {
    const { doc, actorId } = await actorDocument(service.reads, input);
    await service.importGraph(doc);
    const [actor] = await service.reads.getActors([actorId]);
    if (!actor) throw new NotFoundError('Actor', actorId);
    return actor;
  }

  @Authorized('EDITOR')
  @Mutation(() => RecordedCollaborationType, {
    description:
      'Creates a collaboration with its participants, the actors among them that are new (newActors, each with its role) and new topics, in one transaction: all of it or nothing. CONFLICT when a new topic exists already.',
  })
  async recordCollaboration(
    @Arg('input', () => RecordCollaborationInput) input: RecordCollaborationInput,
    @Ctx() { service }: GraphQLContext,
  ): Promise<{ collaboration: Collaboration; newActors: Actor[] }> {
    const { doc, collaborationId, newActorIds } = await collaborationDocument(service.reads, input);
    await service.importGraph(doc);
    const [collaboration] = await service.reads.getCollaborations([collaborationId]);
    if (!collaboration) throw new NotFoundError('Collaboration', collaborationId);
    const newActors = (await service.reads.getActors(newActorIds)).filter((a): a is Actor => a !== null);
    return { collaboration, newActors };
  }

  @Authorized('VIEWER')
  @Query(() => [NameMatchType], {
    description: `Per name (e.g. of an attendance list, at most ${MAX_NAMES}): the actors with exactly this name (case and umlauts ignored) and up to three similar ones (legal forms ignored).`,
  })
  matchNames(@Arg('names', () => [String]) names: string[], @Ctx() { service }: GraphQLContext): Promise<NameMatch[]> {
    checkListSize(names, 'names', MAX_NAMES);
    names.forEach((n, i) => {
      if (n.length > LIMITS.name)
        throw new BadInputError(`names[${i}] is longer than ${LIMITS.name} characters`, `names[${i}]`);
    });
    return matchNames(service.reads, service.projection, names);
  }
}

export const recordingResolvers = [RecordingResolver] as const;
