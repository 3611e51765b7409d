/**
 * Starts Quartiernetz: store (embedded by default, Neo4j when NEO4J_URI is set), the initial data
 * when the store is empty (the entry point, server/main.ts, passes the Batenbrock seed), the
 * projection, and the HTTP server. SIGINT/SIGTERM shut down gracefully: stop accepting requests,
 * finish the running ones and queued writes, close the store.
 */
import 'reflect-metadata';
import { describeBootstrap, ensureAdminKey } from '../features/access/bootstrap';
import { loadConfig } from './config';
import { watchEventLoop } from './event-loop-watch';
import { createApp } from './http/app';
import { NetworkService } from '../service/network-service';
import { createStore, describeStore } from '../store/create-store';
import type { GraphData } from '../store/network-store';

export interface StartOptions {
  /** Loaded into an empty store (unless SEED=none), e.g. the Batenbrock seed. */
  initialData?: { name: string; data: GraphData };
}

/**
 * Until how long after the process's start the start waits for the first fit of the suggestion
 * model before it listens: a small network is fitted within it (every replica then serves the same
 * model from its first request); at 100k actors the fit takes ~30 s (quiet machine), and a
 * restarted service must answer before that.
 */
export const FIRST_FIT_WAIT_MS = 5000;

/** Pending connections the kernel keeps for the server (capped by net.core.somaxconn). */
export const LISTEN_BACKLOG = 4096;

export async function startService(options: StartOptions = {}): Promise<void> {
  // A promise of one request left without a handler must not stop the process for everyone
  // (Node's default): it is a defect to fix, so it is logged; the request itself was answered.
  process.on('unhandledRejection', (error) => console.error('Unhandled rejection (the service goes on):', error));
  const config = loadConfig();
  const store = createStore(config);
  await store.init();

  if (options.initialData && config.seedWhenEmpty && (await store.counts()).actors === 0) {
    const report = await store.mergeGraph(options.initialData.data);
    console.log(
      `Loaded ${options.initialData.name}: ${report.actorsCreated} actors, ${report.collaborationsCreated} collaborations.`,
    );
  }

  // Before the server listens: no request can come in between the check and the creation.
  const bootstrap = await ensureAdminKey(store, config.adminApiKey);

  const started = Date.now();
  const leftOf = (ms: number) => Math.max(0, ms - process.uptime() * 1000);
  const service = await NetworkService.start(store, {
    insight: { waitMs: config.insightWaitSeconds * 1000 },
    // Both waits count from the process's start — read when the fit starts, after the projection's
    // load: a (re)started service answers within FIRST_FIT_WAIT_MS and takes traffic within
    // FIT_READY_WAIT_SECONDS, whatever part of them its load took (Neo4j's at 100k: seconds).
    get firstFitWaitMs() {
      return leftOf(FIRST_FIT_WAIT_MS);
    },
    get fitReadyWaitMs() {
      return leftOf(config.fitReadyWaitSeconds * 1000);
    },
  });
  console.log(
    `Projection built in ${Date.now() - started} ms: ${service.projection.actors.size} actors, ${service.projection.collaborations.size} collaborations.`,
  );
  if (!service.firstFitDone) {
    console.log(
      config.fitReadyWaitSeconds > 0
        ? `The suggestion model is still fitting: the default model serves until then; /readyz answers 503 until ${config.fitReadyWaitSeconds} s after the start.`
        : 'The suggestion model is still fitting: the default model serves until then.',
    );
    service.suggestions.fit().then(
      () => console.log(`Suggestion model fitted after ${Date.now() - started} ms.`),
      () => undefined, // logged by NetworkService.start
    );
  }

  // Writes of other processes (replicas, `npm run import`, the keys CLI) arrive through the feed.
  service.startFollowing(config.feed);
  const refresh =
    config.projectionRefreshSeconds > 0
      ? setInterval(() => {
          service.rebuildProjection().catch((error) => console.error('Refreshing the projection failed:', error));
        }, config.projectionRefreshSeconds * 1000).unref()
      : null;

  const { httpServer, apollo, subscriptions } = await createApp(service, {
    ...config,
    storeLocation: config,
    watchHeap: true,
  });
  // A burst of connections (a flood of refused credentials: 1,400 at once in the abuse suite) must
  // not fill the accept queue: Node's default of 511 made the kernel drop further connection
  // attempts — a load balancer's health check among them — and the client retried only after 1–3 s.
  // A port in use ends the start with an error (exit 1), not with a process that quietly runs dry.
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`Quartiernetz on ${describeStore(config)} — map at ${base}/, GraphQL at ${base}/graphql`);
  for (const line of describeBootstrap(bootstrap, base)) console.log(line);
  // Under the supervisor (./supervisor.ts): from now on a failure is a crash worth a restart.
  process.send?.('ready');
  // Every piece of work that holds the event loop EVENT_LOOP_REPORT_MS (100) of CPU or more is logged.
  const loopWatch = watchEventLoop({ thresholdMs: config.eventLoopReportMs });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down…`);
    if (refresh) clearInterval(refresh);
    loopWatch.stop();
    try {
      await subscriptions.close(); // WebSocket clients reconnect elsewhere and resume with their cursor
      await apollo.stop(); // drains the HTTP server too
      await service.close();
    } finally {
      await store.close();
      console.log('Stopped.');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** An error's message with the messages of its causes (a store's client-facing error keeps the details there). */
export const reason = (error: unknown): string =>
  error instanceof Error ? [error.message, ...(error.cause ? [reason(error.cause)] : [])].join(' — ') : String(error);
