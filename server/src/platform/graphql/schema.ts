/** The executable schema, built from the type-graphql classes. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { accessResolvers } from '../../features/access/access.resolver';
import { authChecker } from '../../features/access/auth-checker';
import { actorResolvers } from '../../features/actors/actor.resolver';
import { collaborationResolvers } from '../../features/collaborations/collaboration.resolver';
import { historyResolvers } from '../../features/history/history.resolver';
import { insightResolvers } from '../../features/insight/insight.resolver';
import { linkResolvers } from '../../features/links/links.resolver';
import { liveResolvers } from '../../features/live/live.resolver';
import { networkResolvers } from '../../features/network/network.resolver';
import { projectionResolvers } from '../../features/network/projection.resolver';
import { recordingResolvers } from '../../features/recording/recording.resolver';
import { suggestResolvers } from '../../features/suggestions/suggest.resolver';
import { topicResolvers } from '../../features/topics/topic.resolver';
import { transferResolvers } from '../../features/transfer/transfer.resolver';
import { updateLinkResolvers } from '../../features/update-links/update-links.resolver';
import { positionsResolvers } from '../../features/positions/positions.resolver';
import { callFieldResolversDirectly, readPlainFieldsDirectly } from './direct-field-resolvers';
import { guardSchemaResolvers } from './guarded-resolvers';

/** Every feature exports its resolver classes as `<feature>Resolvers`; the order is the schema's. */
export const resolvers = [
  ...actorResolvers,
  ...topicResolvers,
  ...collaborationResolvers,
  ...linkResolvers,
  ...networkResolvers,
  ...positionsResolvers,
  ...projectionResolvers,
  ...insightResolvers,
  ...historyResolvers,
  ...suggestResolvers,
  ...accessResolvers,
  ...transferResolvers,
  ...recordingResolvers,
  ...updateLinkResolvers,
  ...liveResolvers,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** How type-graphql builds the schema (getSchema; exported for tests of what is done to it after). */
export const SCHEMA_OPTIONS: BuildSchemaOptions = {
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
  // No global middlewares and no container: readPlainFieldsDirectly and callFieldResolversDirectly rely on it.
};

/** Built once per process: type-graphql's metadata is global. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema(SCHEMA_OPTIONS).then((schema) => {
    readPlainFieldsDirectly(schema);
    callFieldResolversDirectly(schema);
    guardSchemaResolvers(schema);
    return schema;
  });
  return built;
}
