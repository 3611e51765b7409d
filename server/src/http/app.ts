/**
 * The HTTP face of the service: `/graphql` (Apollo Server through Express), `/healthz` (process up),
 * `/readyz` (store reachable), the viewer's static files at `/` (viewer.ts). CORS and the body limit
 * are configured here, not left to defaults.
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
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { createContext, requestUser, USER_HEADER } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { getSchema } from '../graphql/schema';
import type { NetworkService } from '../service/network-service';
import { exportRouter } from './export-routes';
import { viewerRouter } from './viewer';

export type HttpConfig = Pick<Config, 'corsOrigins' | 'bodyLimit' | 'introspection' | 'production'>;

export interface QuartiernetzApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
}

export async function createApolloServer(httpServer: http.Server | null, config: HttpConfig): Promise<ApolloServer<GraphQLContext>> {
  return new ApolloServer<GraphQLContext>({
    schema: await getSchema(),
    introspection: config.introspection,
    formatError: (formatted, error) => formatError(formatted, error),
    // CSRF prevention stays on (the default): browsers may not send simple cross-site requests.
    csrfPrevention: true,
    plugins: [
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // No cache hints are used: skip the per-field cache-control bookkeeping (seen in profiles).
      ApolloServerPluginCacheControlDisabled(),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}

export async function createApp(service: NetworkService, config: HttpConfig): Promise<QuartiernetzApp> {
  const app = express();
  app.disable('x-powered-by');
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
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(service, requestUser(req.headers[USER_HEADER])) }),
  );

  app.use('/export', exportRouter(service));
  app.use(viewerRouter());

  return { app, httpServer, apollo };
}
