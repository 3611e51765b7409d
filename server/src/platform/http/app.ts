/**
 * The HTTP face of the service: `/graphql` (Apollo Server through Express), `/healthz` (process up),
 * `/readyz` (store reachable), the viewer's static files at `/` (viewer.ts). CORS and the limits
 * (./limits: rate, body, batches, query shape) are configured here, not left to defaults. Every
 * request to /graphql and /export is authenticated first (./authentication.ts): a refused
 * credential answers 401 before anything runs (and counts against its address's budget of refused
 * credentials, checked before the credential is).
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { Authenticator } from '../../features/access/authenticate';
import { roleAtLeast } from '../../domain/roles';
import { DEFAULT_LIMITS, type Config, type LimitsConfig } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/context';
import { formatError, withoutSuggestions } from '../graphql/errors';
import { KnownOperationTypesRule, subscriptionsOverWebSocketOnly } from '../graphql/known-operation-types';
import { literalFieldNames } from '../graphql/literal-fields';
import { watchHeap } from '../graphql/heap-watch';
import { refuseStoppedAnswers } from '../graphql/request-guard';
import { getSchema } from '../graphql/schema';
import { compiledExecutionGateway } from '../graphql/compiled-execution';
import type { NetworkService } from '../../service/network-service';
import { ExportRunner, type ExportStoreLocation } from '../../features/transfer/export-runner';
import { admitInTurns, answerHealth, HEALTH_PATH } from './admission';
import { authenticateRequests, principalOf, requireRole } from './authentication';
import { exportRouter } from '../../features/transfer/export-routes';
import { queryLimitRules, rateLimiter, refusedCredentialLimiter, requestLimits } from './limits';
import { viewerRouter } from './viewer';
import { queryIde, queryIdeFiles } from './query-ide';
import { DEFAULT_PER_TOKEN, updateApiRouter, updateLinksFor } from '../../features/update-links';
import { attachSubscriptions, type LiveLimits } from './websocket';
import { stringifyInSlices } from './json-in-slices';

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export type HttpConfig = Pick<Config, 'corsOrigins' | 'bodyLimit' | 'introspection' | 'production' | 'auth'> & {
  /** Limits against abusive requests; DEFAULT_LIMITS when absent. */
  limits?: LimitsConfig;
  /** Where export workers open the store; absent (an in-memory store): exports run in this thread. */
  storeLocation?: ExportStoreLocation;
  /** Watch this process's heap and refuse the largest request when it runs short (the server process only). */
  watchHeap?: boolean;
  /** Limits of subscriptions over WebSocket (./websocket.ts); its defaults when absent. */
  live?: LiveLimits;
  /** Resolvers read ahead (../graphql/read-ahead.ts); default on, off only to measure the level-by-level path. */
  readAhead?: boolean;
  /**
   * Queries run compiled (../graphql/compiled-execution.ts) from their second time (default, `true`),
   * from their first (`'first-sight'`: tests, so every query of a suite takes that path), or never
   * (`false`: only to measure graphql-js).
   */
  compiledQueries?: boolean | 'first-sight';
};

export interface QuartiernetzApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** GraphQL subscriptions over WebSocket on the same port and path (./websocket.ts). */
  subscriptions: { close(): Promise<void> };
}

export async function createApolloServer(
  httpServer: http.Server | null,
  config: Omit<HttpConfig, 'auth'>,
): Promise<ApolloServer<GraphQLContext>> {
  const schema = await getSchema();
  return new ApolloServer<GraphQLContext>({
    // Queries compiled once per document (../graphql/compiled-execution.ts); off only to measure.
    ...(config.compiledQueries === false
      ? { schema }
      : { gateway: compiledExecutionGateway(schema, config.compiledQueries === 'first-sight') }),
    introspection: config.introspection,
    validationRules: [KnownOperationTypesRule, ...queryLimitRules((config.limits ?? DEFAULT_LIMITS).query)],
    // One operation per request: batches are refused in front of Apollo (./limits).
    allowBatchedHttpRequests: false,
    // Without introspection, "Did you mean …?" in error messages would give the schema away.
    formatError: (formatted, error) =>
      config.introspection ? formatError(formatted, error) : withoutSuggestions(formatError(formatted, error)),
    // A large answer's JSON is written in slices of the event loop, not in one JSON.stringify call.
    stringifyResult: async (result) => `${await stringifyInSlices(result)}\n`,
    // Stack traces stay in the server's log, also in development: they show the code's layout.
    includeStacktraceInErrorResponses: false,
    // CSRF prevention stays on (the default): browsers may not send simple cross-site requests.
    csrfPrevention: true,
    // The service stops itself on SIGINT/SIGTERM (../start-service.ts: requests, writes, then the
    // store). Apollo's own handlers would stop it first and then send the signal again; the service's
    // shutdown then waited on a stop that never ended, and the process left without closing its store.
    stopOnTerminationSignals: false,
    plugins: [
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // No cache hints are used: skip the per-field cache-control bookkeeping (seen in profiles).
      ApolloServerPluginCacheControlDisabled(),
      literalFieldNames(),
      refuseStoppedAnswers(),
      subscriptionsOverWebSocketOnly(),
      // Apollo's pages load its Sandbox from the internet: the bundled GraphiQL (./query-ide.ts) instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

const optional = <T>(handler: T | null): T[] => (handler ? [handler] : []);

export async function createApp(service: NetworkService, config: HttpConfig): Promise<QuartiernetzApp> {
  const limits = config.limits ?? DEFAULT_LIMITS;
  const app = express();
  app.disable('x-powered-by');
  // No ETags on answers: Express hashes every res.send body (SHA-1 of a copy of it) — 1.6 ms for an
  // ego network's 250 kB, 11 ms for a hub's page of 4 MB, on the event loop — for a header no client
  // of a POST uses. The page's static files keep theirs (serve-static makes its own).
  app.set('etag', false);
  if (limits.trustProxy !== false) app.set('trust proxy', limits.trustProxy);
  const httpServer = http.createServer(admitInTurns(app));
  // Idle keep-alive connections stay open longer than clients and proxies keep theirs (60 s is the
  // common proxy default): with Node's 5 s a client reusing a socket the server is just closing
  // gets ECONNRESET — seen as errors under load in the benchmark.
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  const apollo = await createApolloServer(httpServer, config);
  await apollo.start();
  const authenticator = new Authenticator(service.store, config.auth);
  const exportRunner = new ExportRunner(service.store, config.storeLocation ?? null);
  if (config.watchHeap) {
    const heapWatch = watchHeap();
    httpServer.on('close', () => heapWatch.stop());
  }
  // One budget of refused credentials per address for both routes, checked before any key lookup.
  const refusedCredentials = optional(
    refusedCredentialLimiter(limits.rateLimit, (authorization) => authenticator.recentlyAccepted(authorization)),
  );

  // Answered by admitInTurns before the queue; this route serves callers of `app` itself.
  app.get(HEALTH_PATH, (_req, res) => answerHealth(res));

  app.get('/readyz', async (_req, res) => {
    try {
      await service.store.ping();
      // While the first fit runs, at most FIT_READY_WAIT_SECONDS (service.fitHoldsReadiness).
      if (service.fitHoldsReadiness) {
        res.status(503).json({ status: 'starting', store: service.store.name, reason: 'suggestion model fitting' });
        return;
      }
      res.json({
        status: 'ready',
        store: service.store.name,
        projectionBuiltAt: service.projection.builtAt.toISOString(),
        suggestionModel: service.firstFitDone ? 'fitted' : 'fitting',
      });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', store: service.store.name, error: (error as Error).message });
    }
  });

  app.use(
    '/graphql',
    queryIde(config.introspection),
    // Without allowed origins cors() adds nothing to any answer (it only copies its options and
    // goes on), so it is not on the route at all then.
    ...(config.corsOrigins.length > 0 ? [cors<cors.CorsRequest>({ origin: config.corsOrigins })] : []),
    ...refusedCredentials,
    authenticateRequests(authenticator),
    ...requestLimits(limits, config.bodyLimit),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const context = createContext(service, principalOf(res), limits.query, exportRunner, config.readAhead);
        // A client that goes away stops its request's resolvers (nobody would read the answer).
        res.on('close', () => {
          if (!res.writableFinished) context.guard.abort();
        });
        return context;
      },
    }),
  );

  // Downloads of the network: a viewer's; contact data only for editors (as Actor.contact).
  app.use(
    '/export',
    ...refusedCredentials,
    authenticateRequests(authenticator),
    ...optional(rateLimiter(limits.rateLimit)),
    requireRole('VIEWER'),
    exportRouter(exportRunner, { contactAllowed: (_req, res) => roleAtLeast(principalOf(res)!.role, 'EDITOR') }),
  );
  // The update page's endpoints: a personal link's token opens its actor's entry there, and nothing else.
  app.use(
    '/update-api',
    updateApiRouter(updateLinksFor(service), {
      bodyLimit: config.bodyLimit,
      perAddress: limits.rateLimit,
      perToken: DEFAULT_PER_TOKEN,
    }),
  );
  app.use(queryIdeFiles(config.introspection), viewerRouter());

  const subscriptions = attachSubscriptions(httpServer, await getSchema(), service, authenticator, limits, config.live);
  return { app, httpServer, apollo, subscriptions };
}
