/** The executable schema, built from the type-graphql classes. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { accessResolvers } from '../../features/access/access.resolver';
import { authChecker } from '../../features/access/auth-checker';
import { ActorResolver } from '../../features/actors/actor.resolver';
import { CollaborationResolver } from '../../features/collaborations/collaboration.resolver';
import { historyResolvers } from '../../features/history/history.resolver';
import { insightResolvers } from '../../features/insight/insight.resolver';
import { CollaboratorResolver, InterestResolver, ParticipationResolver } from '../../features/links/links.resolver';
import {
  ActorChainResolver,
  NetworkEdgeResolver,
  NetworkNodeResolver,
  NetworkResolver,
  PathStepResolver,
} from '../../features/network/network.resolver';
import { ProjectionResolver } from '../../features/network/projection.resolver';
import { RecordingResolver } from '../../features/recording/recording.resolver';
import { LiveResolver } from '../../features/live/live.resolver';
import { suggestResolvers } from '../../features/suggestions/suggest.resolver';
import { TopicResolver } from '../../features/topics/topic.resolver';
import { transferResolvers } from '../../features/transfer/transfer.resolver';
import { updateLinkResolvers } from '../../features/update-links/update-links.resolver';

export const resolvers = [
  ActorResolver,
  TopicResolver,
  CollaborationResolver,
  InterestResolver,
  ParticipationResolver,
  CollaboratorResolver,
  NetworkResolver,
  ActorChainResolver,
  PathStepResolver,
  NetworkNodeResolver,
  NetworkEdgeResolver,
  ProjectionResolver,
  ...insightResolvers,
  ...historyResolvers,
  ...suggestResolvers,
  ...accessResolvers,
  ...transferResolvers,
  RecordingResolver,
  ...updateLinkResolvers,
  LiveResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    // @Authorized(role) on every query and mutation and on personal fields (graphql/access).
    authChecker,
    authMode: 'error',
    // Input fields that are absent stay absent (undefined), so patch semantics work.
    emitSchemaFile: false,
    // type-graphql demands a PubSub once a subscription exists; networkChanged brings its own
    // `subscribe` (graphql/live), so this one is never asked for anything.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('no topics: subscriptions bring their own subscribe');
      },
    },
  });
  return built;
}
