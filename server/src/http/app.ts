/**
 * The HTTP face of the service: `/graphql` (Apollo Server through Express), `/healthz` (process up),
 * `/readyz` (store reachable), the viewer's static files at `/` (viewer.ts). CORS and the limits
 * (./limits: rate, body, batches, query shape) are configured here, not left to defaults.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { DEFAULT_LIMITS, type Config, type LimitsConfig } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { createContext, requestUser, USER_HEADER } from '../graphql/context';
import { formatError, withoutSuggestions } from '../graphql/errors';
import { KnownOperationTypesRule } from '../graphql/known-operation-types';
import { literalFieldNames } from '../graphql/literal-fields';
import { getSchema } from '../graphql/schema';
import type { NetworkService } from '../service/network-service';
import { queryLimitRules, requestLimits } from './limits';
import { viewerRouter } from './viewer';

export type HttpConfig = Pick<Config, 'corsOrigins' | 'bodyLimit' | 'introspection' | 'production'> & {
  /** Limits against abusive requests; DEFAULT_LIMITS when absent. */
  limits?: LimitsConfig;
};

export interface QuartiernetzApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
}

export async function createApolloServer(httpServer: http.Server | null, config: HttpConfig): Promise<ApolloServer<GraphQLContext>> {
  return new ApolloServer<GraphQLContext>({
    schema: await getSchema(),
    introspection: config.introspection,
    validationRules: [KnownOperationTypesRule, ...queryLimitRules((config.limits ?? DEFAULT_LIMITS).query)],
    // One operation per request: batches are refused in front of Apollo (./limits).
    allowBatchedHttpRequests: false,
    // Without introspection, "Did you mean …?" in error messages would give the schema away.
    formatError: (formatted, error) => (config.introspection ? formatError(formatted, error) : withoutSuggestions(formatError(formatted, error))),
    // CSRF prevention stays on (the default): browsers may not send simple cross-site requests.
    csrfPrevention: true,
    plugins: [
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // No cache hints are used: skip the per-field cache-control bookkeeping (seen in profiles).
      ApolloServerPluginCacheControlDisabled(),
      literalFieldNames(),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}

export async function createApp(service: NetworkService, config: HttpConfig): Promise<QuartiernetzApp> {
  const limits = config.limits ?? DEFAULT_LIMITS;
  const app = express();
  app.disable('x-powered-by');
  if (limits.trustProxy !== false) app.set('trust proxy', limits.trustProxy);
  const httpServer = http.createServer(app);
  const apollo = await createApolloServer(httpServer, config);
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await service.store.ping();
      res.json({ status: 'ready', store: service.store.name, projectionBuiltAt: service.projection.builtAt.toISOString() });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', store: service.store.name, error: (error as Error).message });
    }
  });

  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false }),
    ...requestLimits(limits, config.bodyLimit),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(service, requestUser(req.headers[USER_HEADER])) }),
  );

  app.use(viewerRouter());

  return { app, httpServer, apollo };
}
