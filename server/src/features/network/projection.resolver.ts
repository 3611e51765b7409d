import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import type { NetworkService } from '../../service/network-service';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ProjectionStatusType } from './projection.type';

function status(service: NetworkService): ProjectionStatusType {
  const { projection } = service;
  const feed = service.feed.snapshot();
  return {
    feedSeq: feed.seq,
    feedRebuilds: feed.feedRebuilds,
    verifications: feed.verifications,
    differencesFound: feed.differencesFound,
    builtAt: projection.builtAt.toISOString(),
    version: projection.version,
    actorCount: projection.actors.size,
    collaborationCount: projection.collaborations.size,
  };
}

@Guarded()
@Resolver()
export class ProjectionResolver {
  @Authorized('VIEWER')
  @Query(() => ProjectionStatusType, { description: 'How fresh the in-memory projection is.' })
  projectionStatus(@Ctx() { service }: GraphQLContext): ProjectionStatusType {
    return status(service);
  }

  @Authorized('ADMIN')
  @Mutation(() => ProjectionStatusType, {
    description:
      'Compares the projection with the store now and rebuilds it when they differ (the change feed keeps it current otherwise).',
  })
  async rebuildProjection(@Ctx() { service }: GraphQLContext): Promise<ProjectionStatusType> {
    await service.rebuildProjection();
    return status(service);
  }
}

export const projectionResolvers = [ProjectionResolver] as const;
