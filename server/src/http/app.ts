/**
 * The HTTP face of the service: `/graphql` (Apollo Server through Express), `/healthz` (process up),
 * `/readyz` (store reachable), the viewer's static files at `/` (viewer.ts). CORS and the body limit
 * are configured here, not left to defaults. Every GraphQL request is authenticated first
 * (server/src/auth): a refused credential answers 401 before the operation runs.
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
import { Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { getSchema } from '../graphql/schema';
import type { NetworkService } from '../service/network-service';
import { exportRouter } from './export-routes';
import { authenticateRequests, principalOf, requireRole } from './authentication';
import { viewerRouter } from './viewer';
import { roleAtLeast } from '../auth/roles';

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export type HttpConfig = Pick<Config, 'corsOrigins' | 'bodyLimit' | 'introspection' | 'production' | 'auth'>;

export interface QuartiernetzApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
}

export async function createApolloServer(httpServer: http.Server | null, config: Omit<HttpConfig, 'auth'>): Promise<ApolloServer<GraphQLContext>> {
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
  // Idle keep-alive connections stay open longer than clients and proxies keep theirs (60 s is the
  // common proxy default): with Node's 5 s a client reusing a socket the server is just closing
  // gets ECONNRESET — seen as errors under load in the benchmark.
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  const apollo = await createApolloServer(httpServer, config);
  await apollo.start();
  const authenticator = new Authenticator(service.store, config.auth);

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
    authenticateRequests(authenticator),
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, { context: async ({ res }) => createContext(service, principalOf(res)) }),
  );

  // Downloads of the network: a viewer's; contact data only for editors (as Actor.contact).
  app.use(
    '/export',
    authenticateRequests(authenticator),
    requireRole('VIEWER'),
    exportRouter(service, { contactAllowed: (_req, res) => roleAtLeast(principalOf(res)!.role, 'EDITOR') }),
  );
  app.use(viewerRouter());

  return { app, httpServer, apollo };
}
