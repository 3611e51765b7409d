/** The executable schema, built from the type-graphql classes. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { accessResolvers } from './access/access.resolver';
import { authChecker } from './access/auth-checker';
import { ActorResolver } from './actor/actor.resolver';
import { CollaborationResolver } from './collaboration/collaboration.resolver';
import { historyResolvers } from './history/history.resolver';
import { insightResolvers } from './insight/insight.resolver';
import { CollaboratorResolver, InterestResolver, ParticipationResolver } from './links/links.resolver';
import {
  ActorChainResolver,
  NetworkEdgeResolver,
  NetworkNodeResolver,
  NetworkResolver,
  PathStepResolver,
} from './network/network.resolver';
import { ProjectionResolver } from './projection/projection.resolver';
import { RecordingResolver } from './recording/recording.resolver';
import { LiveResolver } from './live/live.resolver';
import { suggestResolvers } from './suggest/suggest.resolver';
import { TopicResolver } from './topic/topic.resolver';
import { transferResolvers } from './transfer/transfer.resolver';
import { updateLinkResolvers } from './update-links/update-links.resolver';

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
