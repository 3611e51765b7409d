/**
 * The bench's "ego network, depth 2, <= 300 actors" request alone, on the embedded store of a
 * preloaded 100k network (DATA_DIR: a copy of the generated measurement data set; copied again here,
 * the service may write to its store): the service and server as `npm run bench` starts them, the
 * request through GraphQL and HTTP (once the service is ready: its first suggestion fit done) and its floor (the same projection call and the store's names,
 * bench/requests.ts embeddedFloor), over the bench's random and busy actors.
 *
 *   DATA_DIR=/tmp/d100k npx tsx bench/ego-request.ts [--samples=60]
 */
import 'reflect-metadata';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { graphqlClient } from './http-client';
import { benchNetwork, inputFor } from './network-data';
import { REQUESTS } from './requests';
import { serial } from './stats';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR: a preloaded embedded store of the bench network (100k)');
const samples = Number(/--samples=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 60);

async function main(): Promise<void> {
  const config = loadBenchConfig([]);
  const net = benchNetwork(100_000, config.hubs, config.seed);
  const spec = REQUESTS.find((r) => r.kind === 'egoNetwork')!;
  const dir = mkdtempSync(join(os.tmpdir(), 'quartiernetz-ego-'));
  cpSync(dataDir!, dir, { recursive: true });
  const store = createEmbeddedStore({ filename: join(dir, 'quartiernetz.sqlite') });
  await store.init();
  const service = await NetworkService.start(store);
  // Started without firstFitWaitMs, NetworkService.start returns once the suggestion model is
  // fitted (as in npm run bench): no fit runs beside the requests measured.
  const server = await listenForBench(service);
  const client = graphqlClient(server.url, 64, benchHeaders());
  try {
    for (const [name, pool] of [
      ['random', net.randomActors],
      ['busy', net.busyActors],
    ] as const) {
      const input = (i: number) => inputFor(pool, net.allIds, i);
      const graphql = await serial(async (i) => client.request(spec.query, spec.variables(input(i))), samples);
      const floor = await serial((i) => spec.embeddedFloor!(store, service, input(i)), samples);
      const ms = (p: { p50: number; p95: number }) => `p50 ${p.p50.toFixed(1)} p95 ${p.p95.toFixed(1)} ms`;
      console.log(`${name}: graphql ${ms(graphql)}; floor ${ms(floor)}; load ${os.loadavg()[0].toFixed(2)}`);
    }
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
