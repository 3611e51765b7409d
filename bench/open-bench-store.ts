/**
 * The bench network on one store for scripts that serve it (suggest-store-time.ts, ego-identity.ts):
 * embedded — a SQLite file (`dbFile`, loaded when new, kept between runs); neo4j — the Neo4j of
 * `npm run bench`'s settings, emptied and loaded unless BENCH_REUSE=1 finds it holding `size` actors.
 * `serveBenchStore` puts a service on it behind the bench's HTTP server.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { NetworkService } from '../server/src/service/network-service';
import { createNeo4jStore } from '../server/src/store/neo4j';
import type { NetworkStore } from '../server/src/store/network-store';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { graphqlClient } from './http-client';
import { driverFor, ensureNeo4jRunning, rawUnwindImport, wipe } from './neo4j-admin';
import { benchNetwork } from './network-data';

export async function openBenchStore(
  kind: string,
  size: number,
  dbFile: string | undefined,
): Promise<{ store: NetworkStore; close(): Promise<void> }> {
  const config = loadBenchConfig([]);
  const net = benchNetwork(size, config.hubs, config.seed);
  if (kind === 'embedded') {
    const file = dbFile ?? `${os.tmpdir()}/quartiernetz-suggest-store-time-${size}.sqlite`;
    const fresh = !existsSync(file);
    const store = createEmbeddedStore({ filename: file });
    await store.init();
    if (fresh) await store.mergeGraph(net.data);
    return { store, close: () => store.close() };
  }
  if (config.startNeo4j) ensureNeo4jRunning();
  const driver = driverFor(config.neo4jUri);
  const store = createNeo4jStore({ uri: config.neo4jUri, user: 'neo4j', password: 'neo4j' });
  const loaded = await driver.executeQuery('MATCH (a:Actor) RETURN count(a) AS n');
  if (process.env.BENCH_REUSE !== '1' || loaded.records[0].get('n').toNumber() !== size) {
    await wipe(driver, config.forceWipe);
    await store.init();
    await store.mergeGraph(net.data).catch(async () => {
      await wipe(driver, true);
      await rawUnwindImport(driver, net.data);
    });
  }
  await driver.close();
  return { store, close: () => store.close() };
}

/**
 * A service on `store` behind the bench's HTTP server (admin JWT, as `npm run bench`) and a client of
 * 8 connections to it; `close` ends the client, the server and the service, then `closeStore`.
 */
export async function serveBenchStore(store: NetworkStore, closeStore: () => Promise<void>) {
  const service = await NetworkService.start(store);
  const server = await listenForBench(service);
  const client = graphqlClient(server.url, 8, benchHeaders());
  return {
    service,
    client,
    async close(): Promise<void> {
      client.close();
      await server.close();
      await service.drain();
      await closeStore();
    },
  };
}
