/**
 * `npx tsx bench/panel-parts.ts`: where the time of the busiest actor's panel goes, on the embedded
 * store (BENCH_SIZES, first only, default 100000): the map page's panel (viewer/src/queries.ts
 * actorQuery, with its first page of collaborations) against the same panel without its collaborations
 * list, the whole list alone (what the panel asked before it was paged), the store reads of that list
 * and of the first page alone, and the panel's next page; for the busiest actor and a random one, through
 * the real server over HTTP, p50 / p95 of BENCH_SAMPLES (30) each, with the answer's size.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { actorQuery, MORE_COLLABORATIONS, PANEL_COLLABORATIONS_PAGE } from '../viewer/src/queries';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { graphqlClient } from './http-client';
import { benchNetwork } from './network-data';
import { serial } from './stats';

const PANEL = actorQuery(false);
const WITHOUT_LIST = PANEL.replace(/collaborations(\(first: \d+\))? \{ role collaboration \{[^}]*\} \}/, '');
const LIST_ONLY = `query($id: ID!) { actor(id: $id) { collaborations { role collaboration { id title kind startDate endDate } } } }`;
/** The panel's "more": the page after the first one (the map page asks it after the last row shown). */
const PAGE = { first: PANEL_COLLABORATIONS_PAGE, after: null };

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const size = process.env.BENCH_SIZES ? config.sizes[0] : 100_000;
  const samples = Number(process.env.BENCH_SAMPLES ?? 30);
  if (WITHOUT_LIST === PANEL)
    throw new Error('panel-parts: the panel query no longer has the collaborations list it cuts');
  const net = benchNetwork(size, config.hubs, config.seed);
  const dir = mkdtempSync(join(os.tmpdir(), 'quartiernetz-panel-'));
  const store = createEmbeddedStore({ filename: join(dir, 'q.sqlite') });
  try {
    await store.init();
    await store.mergeGraph(net.data);
    const service = await NetworkService.start(store);
    const server = await listenForBench(service);
    const client = graphqlClient(server.url, 4, benchHeaders());
    console.log(
      `${size} actors; load ${os.loadavg()[0].toFixed(2)}; busiest ${net.busiest.id} (${net.busiest.degree} collaborations)`,
    );
    console.log('| actor | request | p50 ms | p95 ms | answer bytes |\n| --- | --- | ---: | ---: | ---: |');
    for (const [who, id] of [
      ['busiest', net.busiest.id],
      ['random', net.randomActors[0]],
    ] as const) {
      const ways: Array<[string, () => Promise<unknown>]> = [
        ['panel', () => client.request(PANEL, { id })],
        ['panel without collaborations list', () => client.request(WITHOUT_LIST, { id })],
        ['collaborations list alone', () => client.request(LIST_ONLY, { id })],
        ['store: participations + collaborations', () => store.participationsAndCollaborationsOfActors([id])],
        ['store: the first page of them', () => store.participationPagesOfActors([id], PAGE)],
      ];
      const [firstPage] = (await store.participationPagesOfActors([id], PAGE)).participations;
      const last = firstPage?.at(-1)?.collaborationId;
      if (firstPage?.length === PANEL_COLLABORATIONS_PAGE && last)
        ways.push(['next page (MORE_COLLABORATIONS)', () => client.request(MORE_COLLABORATIONS, { id, after: last })]);
      for (const [name, call] of ways) {
        const bytes = JSON.stringify(await call()).length;
        const r = await serial(() => call(), samples);
        console.log(`| ${who} | ${name} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${bytes} |`);
      }
    }
    console.log(`load after: ${os.loadavg()[0].toFixed(2)}`);
    client.close();
    await server.close();
    await service.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
