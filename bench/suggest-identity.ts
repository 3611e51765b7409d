/**
 * `suggestContacts` answers through the real server, to compare two versions of the code byte for
 * byte, and their cost per request as the bench asks them:
 *
 *   npx tsx bench/suggest-identity.ts [--size=100000] [--db=FILE] [--out=FILE] [--rounds=0]
 *
 * The bench network of that size (bench/network-data.ts, the bench config's hubs and seed) on the
 * embedded store, served over HTTP as `npm run bench` serves it (bench-server.ts), the model fitted
 * at start (NetworkService.start waits for it). `--db`: a SQLite file kept between runs — loaded
 * when it does not exist yet, reused as it is otherwise (loading 100k actors takes minutes).
 * Actors: the 5 busiest, then the bench's random and busy actors in turn, 30 in all. `--out` writes
 * one line per actor: its id and the whole answer of `suggestContacts(first: 10)` with every field
 * (the first list of each actor on the index: cold); `--warm-out` the same requests asked again
 * once the hubs' walks are kept (warm), to compare with the cold ones.
 * `--rounds=N` then times N rounds of the bench's request (requests.ts kind 'suggestions') over the
 * bench's 20 random and 20 busy actors: wall p50/p95 per class and process CPU per request;
 * `--profile=FILE` writes a V8 CPU profile of those rounds alone (open it in Chrome's DevTools).
 */
import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { graphqlClient } from './http-client';
import { benchNetwork } from './network-data';
import { REQUESTS } from './requests';
import { startCpuProfile } from './process-probes';
import { nowMs, percentiles } from './stats';

/** Every field of a suggestion (the viewer's selection plus what it leaves out). */
const FULL_QUERY = `query($id: ID!) { suggestContacts(actorId: $id, first: 10) {
  score explanation onlyBySize actor { id name kind }
  parts { name label value contribution }
  sharedTopics { weight topic { id name } }
  mutualCollaborators { actor { id name kind } withActor { id title startDate } withSuggested { id title startDate } } } }`;

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function main(): Promise<void> {
  const size = Number(arg('size') ?? 100_000);
  const rounds = Number(arg('rounds') ?? 0);
  const out = arg('out');
  const config = loadBenchConfig([]);
  const net = benchNetwork(size, config.hubs, config.seed);
  const file = arg('db') ?? `${os.tmpdir()}/quartiernetz-suggest-identity-${size}-${process.pid}.sqlite`;
  const fresh = !existsSync(file);
  const store = createEmbeddedStore({ filename: file });
  await store.init();
  if (fresh) {
    const t = nowMs();
    await store.mergeGraph(net.data);
    console.error(`loaded ${size} actors into ${file} in ${((nowMs() - t) / 1000).toFixed(0)} s`);
  }
  const t = nowMs();
  const service = await NetworkService.start(store);
  console.error(
    `service ready in ${((nowMs() - t) / 1000).toFixed(1)} s, model ${service.suggestions.status().source} ${JSON.stringify(service.suggestions.model.terms)}`,
  );
  const server = await listenForBench(service);
  const client = graphqlClient(server.url, 8, benchHeaders());
  try {
    const busiest = busiestActors(net, 5);
    const actors = [...busiest];
    for (let i = 0; actors.length < 30; i++) {
      for (const id of [net.randomActors[i], net.busyActors[i]])
        if (id && !actors.includes(id) && actors.length < 30) actors.push(id);
    }
    const lines: string[] = [];
    for (const id of actors) lines.push(`${id} ${JSON.stringify(await client.request(FULL_QUERY, { id }))}`);
    if (out) {
      writeFileSync(out, `${lines.join('\n')}\n`);
      console.error(`wrote ${lines.length} answers to ${out}`);
    }
    const warmOut = arg('warm-out');
    if (warmOut) {
      // The same requests again once the hubs' walks are kept (kept-walks.ts): the warm answers.
      await service.suggestions.keeper.idle();
      const warm: string[] = [];
      for (const id of actors) warm.push(`${id} ${JSON.stringify(await client.request(FULL_QUERY, { id }))}`);
      writeFileSync(warmOut, `${warm.join('\n')}\n`);
      console.error(`wrote ${warm.length} warm answers to ${warmOut}`);
    }

    if (rounds > 0) {
      const spec = REQUESTS.find((s) => s.kind === 'suggestions')!;
      const ask = (id: string) =>
        client.request(spec.query, spec.variables({ actorId: id, others: [], search: '', seq: 0 }));
      for (const id of [...net.randomActors, ...net.busyActors]) await ask(id); // warm-up
      const classes = { random: net.randomActors, busy: net.busyActors };
      const stopProfile = await startCpuProfile(arg('profile'));
      for (const [name, pool] of Object.entries(classes)) {
        const wall: number[] = [];
        const cpu = process.cpuUsage();
        for (let r = 0; r < rounds; r++)
          for (const id of pool) {
            const started = nowMs();
            await ask(id);
            wall.push(nowMs() - started);
          }
        const used = process.cpuUsage(cpu);
        const p = percentiles(wall);
        console.log(
          `${size} ${name}: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, max ${p.max.toFixed(1)} ms; CPU ${((used.user + used.system) / 1000 / wall.length).toFixed(2)} ms per request (${wall.length} requests); load ${os.loadavg()[0].toFixed(2)}`,
        );
      }
      await stopProfile();
    }
  } finally {
    client.close();
    await server.close();
    await service.drain();
    await store.close();
  }
}

/** The n actors with the most participations (benchNetwork's order: degree, then id). */
function busiestActors(net: ReturnType<typeof benchNetwork>, n: number): string[] {
  const degree = new Map<string, number>();
  for (const c of net.data.collaborations)
    for (const p of c.participants ?? []) degree.set(p.actorId, (degree.get(p.actorId) ?? 0) + 1);
  return [...net.allIds].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, n);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
