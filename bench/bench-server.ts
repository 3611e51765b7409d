/**
 * The service served over HTTP for a benchmark, as the production server is built (createApp), on
 * a free loopback port: no rate limit (a bench sends thousands of requests from one address on
 * purpose), no CORS, no introspection, the bench's JWT authentication.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS } from '../server/src/platform/config';
import { createApp } from '../server/src/platform/http/app';
import type { NetworkService } from '../server/src/service/network-service';
import { BENCH_AUTH } from './auth';

const UNLIMITED_RATE = { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, max: 0 } };

/** `readAhead: false` / `compiledQueries: false` only to measure without them (neo4j-read-ahead.ts, compiled-queries.ts). */
export async function listenForBench(
  service: NetworkService,
  options: { readAhead?: boolean; compiledQueries?: boolean } = {},
): Promise<{ url: string; httpServer: Server; close(): Promise<void> }> {
  const { httpServer, apollo } = await createApp(service, {
    corsOrigins: [],
    bodyLimit: '1mb',
    introspection: false,
    production: true,
    auth: BENCH_AUTH,
    limits: UNLIMITED_RATE,
    ...(options.readAhead === undefined ? {} : { readAhead: options.readAhead }),
    ...(options.compiledQueries === undefined ? {} : { compiledQueries: options.compiledQueries }),
  });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, httpServer, close: () => apollo.stop() };
}
