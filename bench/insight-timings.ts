/**
 * `npm run bench:insight`: network insight on generated networks (seed/generate.ts, 5 hubs, seed 42
 * — the networks of `npm run bench`) in the embedded store, through the service as a request
 * reaches it. Per metric (brokers, the hand-over without the top broker, clusters, change
 * 2019→2023, duplicate candidates): the time until the result is there, the longest event-loop delay meanwhile
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution), the latency of `actors(first: 1)` asked
 * every 50 ms meanwhile (in-process GraphQL), and the process's peak RSS (sampled every 20 ms; the
 * worker thread is part of the process). Each size runs in a child process of its own.
 *
 *   npm run bench:insight [-- --sizes=1000,10000,100000] [--metrics=brokers,clusters]
 *   npm run bench:insight -- --data=/tmp/copy/quartiernetz.sqlite [--metrics=…]
 *
 * `--data`: a preloaded embedded store instead of a generated network (e.g. a copy of the
 * measurement data sets — the service writes to it), one run on it; the writes take their
 * collaborations and actors from the projection.
 *
 * After brokers, the hand-over and clusters, one actor joins a collaboration and brokers are asked
 * ("after a change": the time from the write until the answer on the new version), then again for
 * clusters. Each row says where the time went (the engine's `timings`: waiting for the projection's
 * arrays, the masks, to the worker, building the graph — `built 0` when the worker kept it —, the
 * algorithm, back, the result) and the load average when it ended.
 *
 * Prints a Markdown table and writes bench/results/insight.json.
 */
import { BENCH_PRINCIPAL } from './auth';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateNetwork } from '../seed/generate';
import { createContext } from '../server/src/platform/graphql/context';
import { createApolloServer } from '../server/src/platform/http/app';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
import type { GraphData, NetworkStore } from '../server/src/store/network-store';

interface MetricRun {
  metric: string;
  /** From the request until the result was there (waiting for the worker included). */
  ms: number;
  /** The engine's own figure: preparing the arrays, the worker, the conversion. */
  computeMs: number;
  /** The same request again (cached). */
  cachedMs: number;
  maxEventLoopDelayMs: number;
  probes: number;
  probeMaxMs: number;
  probeMedianMs: number;
  peakRssMb: number;
  detail: string;
  /** Where the time went (engine's `timings`: main thread, transit, worker), ms. */
  parts: Record<string, number> | null;
  /** Load average (1 min) when the measurement ended. */
  load: number;
}

interface SizeRun {
  actors: number;
  collaborations: number;
  pairs: number;
  loadSeconds: number;
  rssBeforeMb: number;
  metrics: MetricRun[];
}

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);
const round = (v: number) => Math.round(v * 10) / 10;
const median = (values: number[]) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : 0;

async function load(store: NetworkStore, data: GraphData): Promise<number> {
  const started = performance.now();
  await store.mergeGraph({ topics: data.topics, actors: [], collaborations: [] });
  for (let i = 0; i < data.actors.length; i += 10_000)
    await store.mergeGraph({ topics: [], actors: data.actors.slice(i, i + 10_000), collaborations: [] });
  for (let i = 0; i < data.collaborations.length; i += 2_000) {
    await store.mergeGraph({ topics: [], actors: [], collaborations: data.collaborations.slice(i, i + 2_000) });
  }
  return (performance.now() - started) / 1000;
}

async function measureSize(size: number): Promise<SizeRun> {
  const preloaded = arg('data', '');
  let actors = size;
  const data = preloaded ? null : generateNetwork({ actors, hubs: 5, seed: 42 });
  const dir = mkdtempSync(join(os.tmpdir(), 'quartiernetz-insight-'));
  const store = createEmbeddedStore({ filename: preloaded || join(dir, 'bench.sqlite') });
  try {
    await store.init();
    const loadSeconds = data ? await load(store, data) : 0;
    const service = await NetworkService.start(store, { insight: { waitMs: 3_600_000, staleWaitMs: 3_600_000 } });
    if (!data) actors = service.projection.actors.size;
    const apollo = await createApolloServer(null, {
      corsOrigins: [],
      bodyLimit: '1mb',
      introspection: false,
      production: true,
    });
    await apollo.start();
    const probe = async () => {
      const started = performance.now();
      const response = await apollo.executeOperation(
        { query: '{ actors(first: 1) { totalCount nodes { id } } }' },
        { contextValue: createContext(service, BENCH_PRINCIPAL) },
      );
      if (response.body.kind !== 'single' || response.body.singleResult.errors)
        throw new Error(JSON.stringify(response.body));
      return performance.now() - started;
    };
    await probe();
    global.gc?.();
    const rssBeforeMb = mb(process.memoryUsage.rss());

    const metrics: MetricRun[] = [];
    let pairs = 0;
    const only = arg('metrics', '')
      .split(',')
      .filter((m) => m);
    const wanted = (metric: string) => !only.length || only.some((m) => metric.startsWith(m));
    const measure = async <T>(
      metric: string,
      ask: () => Promise<{ durationMs: number; value: T }>,
      describe: (value: T) => string,
      timingKind: string | null = null,
      before: () => Promise<unknown> = async () => undefined,
    ) => {
      if (!wanted(metric)) return null;
      global.gc?.();
      const delay = monitorEventLoopDelay({ resolution: 10 });
      let peakRss = process.memoryUsage.rss();
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
      const latencies: number[] = [];
      let done = false;
      const probing = (async () => {
        while (!done) {
          latencies.push(await probe());
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      delay.enable();
      // A turn of the event loop first, so the histogram runs when the work starts.
      await new Promise((r) => setTimeout(r, 30));
      const started = performance.now();
      await before();
      const computed = await ask();
      const ms = performance.now() - started;
      delay.disable();
      done = true;
      await probing;
      clearInterval(sampler);
      const again = performance.now();
      await ask();
      const cachedMs = performance.now() - again;
      const run: MetricRun = {
        metric,
        ms: round(ms),
        computeMs: round(computed.durationMs),
        cachedMs: round(cachedMs),
        maxEventLoopDelayMs: round(delay.max / 1e6),
        probes: latencies.length,
        probeMaxMs: round(Math.max(0, ...latencies)),
        probeMedianMs: round(median(latencies)),
        peakRssMb: mb(peakRss),
        detail: describe(computed.value),
        parts: timingKind ? partsOf(service, timingKind) : null,
        load: Math.round(os.loadavg()[0] * 10) / 10,
      };
      metrics.push(run);
      console.error(`  ${actors}: ${JSON.stringify(run)}`);
      return computed.value;
    };

    const brokers = await measure(
      'brokers',
      () => service.insight.brokers(),
      (b) => `${b.approximate ? `sampled, ${b.samples} sources` : 'exact'}`,
      'brokers',
    );
    pairs = brokers?.tieCount ?? 0;
    const top = brokers?.ranked('betweenness', 1)[0].actorId;
    if (top) {
      await measure(
        'resilience (top broker removed)',
        () => service.insight.resilience([top]),
        (r) => `without ${top}: ${r.componentsAfter} components, ${r.disconnectedActorIds.length} disconnected`,
        'resilience',
      );
    }
    await measure(
      'clusters (Louvain)',
      () => service.insight.clusters(),
      (c) => `${c.clusters.length} clusters, modularity ${c.modularity.toFixed(3)}`,
      'clusters',
    );
    // After a change: one actor joins a collaboration (the projection's version moves), then the
    // question — the time from the write until the answer on the new version (encoding the
    // projection, the masks, building the graph, the algorithm, the result).
    let joined = 0;
    const collaborationIds = data
      ? data.collaborations.map((c) => c.id)
      : [...service.projection.collaborations.keys()].sort();
    const actorIds = data ? data.actors.map((a) => a.id) : [...service.projection.actors.keys()].sort();
    const membersOf = (id: string) =>
      data
        ? new Set((data.collaborations.find((c) => c.id === id)!.participants ?? []).map((p) => p.actorId))
        : service.projection.collaborations.get(id)!.actors;
    const change = async () => {
      const collaboration = collaborationIds[joined];
      const members = membersOf(collaboration);
      const actor = actorIds.find((a, i) => i >= joined * 7 && !members.has(a))!;
      joined++;
      await service.addParticipant(collaboration, actor, 'PARTICIPANT');
    };
    await measure(
      'brokers after a change',
      async () => {
        const answer = await service.insight.brokers();
        return { durationMs: answer.durationMs, value: answer };
      },
      (a) => `version ${a.version}, current: ${a.current}`,
      'brokers',
      change,
    );
    await measure(
      'clusters after a change',
      async () => {
        const answer = await service.insight.clusters();
        return { durationMs: answer.durationMs, value: answer };
      },
      (a) => `version ${a.version}, current: ${a.current}`,
      'clusters',
      change,
    );
    await measure(
      'change 2019→2023',
      () => service.insight.networkChange('2019-12-31', '2023-12-31', 365),
      (c) => `${c.count('appeared')} ties appeared, ${c.count('vanished')} vanished`,
    );
    await measure(
      'duplicates (names, websites)',
      async () => {
        const started = performance.now();
        const value = await service.duplicateCandidates();
        return { value, durationMs: performance.now() - started };
      },
      (d) => `${d.pairs.length} pairs (store read page by page included)`,
    );
    await apollo.stop();
    await service.close();
    return {
      actors,
      collaborations: collaborationIds.length,
      pairs,
      loadSeconds: round(loadSeconds),
      rssBeforeMb,
      metrics,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The engine's record of where the last computation of a kind spent its time (ms, rounded). */
function partsOf(service: NetworkService, kind: string): Record<string, number> | null {
  const timings = (service.insight as unknown as { timings?: Map<string, Record<string, number | boolean>> }).timings;
  const last = timings?.get(kind);
  if (!last) return null;
  return Object.fromEntries(
    Object.entries(last).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v ? 1 : 0]),
  );
}

function table(runs: SizeRun[]): string {
  const lines = [
    '| actors (ties) | metric | time to result | cached | max event-loop delay | `actors(first:1)` meanwhile: n, median / max | peak RSS (before) | load | |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of runs) {
    for (const m of r.metrics) {
      lines.push(
        `| ${r.actors.toLocaleString('en')} (${r.pairs.toLocaleString('en')}) | ${m.metric} | ${(m.ms / 1000).toFixed(2)} s | ${m.cachedMs} ms | ${m.maxEventLoopDelayMs} ms | ${m.probes}, ${m.probeMedianMs} / ${m.probeMaxMs} ms | ${m.peakRssMb} MB (${r.rssBeforeMb}) | ${m.load} | ${m.detail}${
          m.parts
            ? ` — ${Object.entries(m.parts)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`
            : ''
        } |`,
      );
    }
  }
  return lines.join('\n');
}

async function child(actors: number): Promise<void> {
  const run = await measureSize(actors);
  process.send!(run);
}

function runChild(actors: number): Promise<SizeRun> {
  return new Promise((resolvePromise, reject) => {
    const passed = process.argv.filter((a) => a.startsWith('--metrics=') || a.startsWith('--data='));
    const worker = fork(__filename, [`--child=${actors}`, ...passed], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: SizeRun | null = null;
    worker.on('message', (message) => (result = message as SizeRun));
    worker.on('exit', (code) =>
      result ? resolvePromise(result) : reject(new Error(`${actors} actors: the child exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const childSize = arg('child', '');
  if (childSize) return child(Number(childSize));
  const sizes = arg('data', '') ? [0] : arg('sizes', '1000,10000,100000').split(',').map(Number);
  const started = Date.now();
  const runs: SizeRun[] = [];
  for (const size of sizes) {
    console.error(`${size} actors …`);
    runs.push(await runChild(size));
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGb: Math.round(os.totalmem() / 1e9),
    node: process.version,
  };
  console.log(
    `\nMachine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; ${((Date.now() - started) / 1000).toFixed(0)} s.\n`,
  );
  console.log(table(runs));
  const out = resolve(__dirname, 'results', 'insight.json');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, runs }, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
