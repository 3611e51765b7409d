/**
 * The fixed cost of a request over HTTP: `query FixedCost { __typename }` against the bench's
 * server (createApp, bench-server.ts) and against a plain Apollo + Express server on the same schema
 * (what bench/peer.ts serves per request), on a small embedded network, concurrency 1, client in this
 * process, the two interleaved round by round. Prints per server the median over rounds of p50 and
 * of the CPU per request (this process: server and client). Run with `--cpu-prof` to see where a
 * request's time goes. FIXED_ROUNDS (default 10) × FIXED_REQUESTS (default 500), after 1,000 each to warm up;
 * FIXED_UNCOMPILED=1 adds createApp with graphql-js instead of compiled queries, FIXED_PLAIN=0 leaves the
 * plain server out.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { getSchema } from '../server/src/platform/graphql/schema';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { benchNetwork } from './network-data';
import { loadBenchConfig } from './config';
import { serveBenchStore } from './open-bench-store';
import { graphqlClient, type GraphQLClient } from './http-client';
import { middleValue } from './stats';

async function plainServer(): Promise<{ client: GraphQLClient; close(): Promise<void> }> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema: await getSchema(), introspection: false, csrfPrevention: true });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const { port } = httpServer.address() as AddressInfo;
  const client = graphqlClient(`http://127.0.0.1:${port}/graphql`, 8);
  return {
    client,
    async close() {
      client.close();
      await apollo.stop();
      httpServer.close();
    },
  };
}

const median = middleValue;

async function main(): Promise<void> {
  const config = loadBenchConfig([]);
  const store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  await store.mergeGraph(benchNetwork(200, config.hubs, config.seed).data);
  const served = await serveBenchStore(store, () => store.close());
  const plain = process.env.FIXED_PLAIN === '0' ? null : await plainServer();
  const query = 'query FixedCost { __typename }';
  const extra: Array<{ name: string; client: GraphQLClient }> = [];
  if (process.env.FIXED_UNCOMPILED === '1') {
    const { listenForBench } = await import('./bench-server.js');
    const { benchHeaders } = await import('./auth.js');
    const server = await listenForBench(served.service, { compiledQueries: false });
    extra.push({ name: 'createApp, graphql-js', client: graphqlClient(server.url, 8, benchHeaders()) });
  }
  const servers = [
    { name: 'createApp', client: served.client },
    ...extra,
    ...(plain ? [{ name: 'plain', client: plain.client }] : []),
  ];
  for (const s of servers) for (let i = 0; i < 1000; i++) await s.client.request(query);
  const rounds = Number(process.env.FIXED_ROUNDS ?? 10);
  const n = Number(process.env.FIXED_REQUESTS ?? 500);
  const results = servers.map(() => ({ p50: [] as number[], cpu: [] as number[] }));
  for (let r = 0; r < rounds; r++) {
    for (const [k, s] of servers.entries()) {
      const times: number[] = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const t = process.hrtime.bigint();
        await s.client.request(query);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const used = process.cpuUsage(cpu);
      results[k]!.p50.push(median(times));
      results[k]!.cpu.push((used.user + used.system) / n);
    }
  }
  for (const [k, s] of servers.entries())
    console.log(
      `${s.name.padEnd(30)} p50 ${median(results[k]!.p50).toFixed(4)} ms, CPU ${median(results[k]!.cpu).toFixed(1)} µs per request (medians of ${rounds} rounds)`,
    );
  await plain?.close();
  await served.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
