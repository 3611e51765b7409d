/**
 * `npx tsx bench/compiled-queries.ts`: the service's requests interpreted by graphql-js against the
 * same requests as compiled queries (server/src/platform/graphql/compiled-execution.ts), on the
 * embedded store, two servers on one service in one process: per round, each request kind and
 * actor class is timed on both one after the other (the order turned every round). The table shows
 * the median over the rounds of each series' p50 and p95 and of its CPU per request (this process:
 * the server and the client), and checks that both answer the same text.
 *
 *   BENCH_SIZES (first only, default 100000), BENCH_SAMPLES (60), BENCH_ROUNDS (3),
 *   BENCH_KINDS (every kind but write), BENCH_STORE_FILE (an SQLite file to keep the loaded network
 *   in and reuse: loading 100k actors takes about a minute).
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { DEFAULT_MODEL } from '../server/src/features/suggestions/weights';
import { benchHeaders } from './auth';
import { listenForBench } from './bench-server';
import { loadBenchConfig } from './config';
import { benchNetwork, inputFor } from './network-data';
import { REQUESTS } from './requests';
import { middleValue, nowMs, percentiles } from './stats';

const log = (...args: unknown[]) => console.error(`[compiled ${new Date().toISOString().slice(11, 19)}]`, ...args);
const median = middleValue;

interface Series {
  p50: number[];
  p95: number[];
  cpu: number[];
}

async function main(): Promise<void> {
  const config = loadBenchConfig([]);
  const size = config.sizes[0] ?? 100_000;
  const samples = Number(process.env.BENCH_SAMPLES ?? 60);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const kinds = process.env.BENCH_KINDS?.split(',') ?? REQUESTS.map((r) => r.kind).filter((k) => k !== 'write');
  const net = benchNetwork(size, config.hubs, config.seed);
  const file =
    process.env.BENCH_STORE_FILE ?? join(mkdtempSync(join(os.tmpdir(), 'quartiernetz-compiled-')), 'q.sqlite');
  const reuse = existsSync(file);
  const store = createEmbeddedStore({ filename: file });
  await store.init();
  if (!reuse) {
    log(`loading ${size} actors into ${file}`);
    await store.mergeGraph(net.data);
  }
  const service = await NetworkService.start(store, { suggestionModel: DEFAULT_MODEL });
  const servers = {
    interpreted: await listenForBench(service, { compiledQueries: false }),
    compiled: await listenForBench(service, { compiledQueries: true }),
  };
  const headers = { 'content-type': 'application/json', ...(await benchHeaders()) };
  const ask = async (url: string, body: string) => {
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors"')) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    return text;
  };
  const results = new Map<string, Record<keyof typeof servers, Series>>();
  let differing = 0;
  for (let round = 0; round < rounds; round++) {
    log(`round ${round + 1} of ${rounds}, load ${os.loadavg()[0].toFixed(1)}`);
    for (const kind of kinds) {
      const spec = REQUESTS.find((r) => r.kind === kind)!;
      for (const cls of spec.perActor ? ['random', 'busy'] : ['all']) {
        const pool = cls === 'busy' ? net.busyActors : net.randomActors;
        const bodies = Array.from({ length: samples }, (_, i) =>
          JSON.stringify({ query: spec.query, variables: spec.variables(inputFor(pool, net.allIds, i)) }),
        );
        const order = (round % 2 === 0 ? ['interpreted', 'compiled'] : ['compiled', 'interpreted']) as Array<
          keyof typeof servers
        >;
        const answers: Record<string, string[]> = {};
        for (const name of order) {
          const url = servers[name].url;
          // Twice unmeasured: a document is compiled when it comes the second time.
          for (let i = 0; i < 3; i++) await ask(url, bodies[i]);
          const times: number[] = [];
          const texts: string[] = [];
          const cpu0 = process.cpuUsage();
          for (const body of bodies) {
            const t = nowMs();
            texts.push(await ask(url, body));
            times.push(nowMs() - t);
          }
          const cpu = process.cpuUsage(cpu0);
          const p = percentiles(times);
          const key = `${kind} ${cls}`;
          const entry = results.get(key) ?? {
            interpreted: { p50: [], p95: [], cpu: [] },
            compiled: { p50: [], p95: [], cpu: [] },
          };
          entry[name].p50.push(p.p50);
          entry[name].p95.push(p.p95);
          entry[name].cpu.push((cpu.user + cpu.system) / 1000 / samples);
          results.set(key, entry);
          answers[name] = texts;
        }
        differing += answers.interpreted.filter((text, i) => text !== answers.compiled[i]).length;
      }
    }
  }
  const f = (x: number) => x.toFixed(2);
  console.log(
    `\n${size} actors, embedded store, ${rounds} rounds × ${samples} requests, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('| request | interpreted p50 / p95 / CPU ms | compiled p50 / p95 / CPU ms | CPU × |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [key, s] of results) {
    const [a, b] = [s.interpreted, s.compiled];
    console.log(
      `| ${key} | ${f(median(a.p50))} / ${f(median(a.p95))} / ${f(median(a.cpu))} | ${f(median(b.p50))} / ${f(median(b.p95))} / ${f(median(b.cpu))} | ${(median(b.cpu) / median(a.cpu)).toFixed(2)} |`,
    );
  }
  console.log(`answers that differ: ${differing}`);
  await servers.interpreted.close();
  await servers.compiled.close();
  await service.close();
  await store.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
