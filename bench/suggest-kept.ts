/**
 * `npx tsx bench/suggest-kept.ts [--size=100000] [--rounds=3]`: what keeping the walks of expensive
 * query actors (server/src/features/suggestions/kept-walks.ts) does to the scoring of one list, no
 * store and no GraphQL, on the latency bench's network (network-data.ts: 5 hubs, seed 42) and its
 * busy and random actors. Per round, on a fresh copy of the index (no walk kept, as after a write):
 * - `cold`: the first list of each actor (as before kept walks: a hub's is ranked by bounds) —
 *   what the first request per hub after a write pays;
 * - `keep`: the background work after it (walk-keeper.ts), for the actors whose walk is kept;
 * - `warm`: three more lists of each actor on that index (a hub ranks from its kept walk).
 * Wall time of suggestContacts + explain per actor (the process is alone in its loop, so wall ≈
 * CPU but for other processes' load); per class p50 / p95 and the busiest actor; the three-step
 * entries per actor of the network each busy actor's walk reads (the criterion of keeping). Also
 * checks that the three give the same lists, scores bit for bit, for several filters. `--steps`:
 * the walker's slices and the collections in them instead (stepsOfKeeping).
 */
import { NetworkProjection } from '../server/src/graph/projection';
import { explainPair } from '../server/src/features/suggestions/explain';
import { suggestContacts, type SuggestOptions } from '../server/src/features/suggestions/suggest';
import { twoStepEntries } from '../server/src/features/suggestions/bounded-rank';
import {
  KEEP_ABOVE_ENTRIES,
  KEPT_BYTES_PER_ACTOR,
  keepWalkSteps,
  keptWalksOf,
} from '../server/src/features/suggestions/kept-walks';
import os from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { runNow, runSteps, slicePause, SLICE_MS } from '../server/src/platform/util/run-in-slices';
import { buildSuggestionIndex, type SuggestionIndex } from '../server/src/features/suggestions/suggestion-index';
import { COLD_START_MODEL, DEFAULT_MODEL } from '../server/src/features/suggestions/weights';
import { snapshotOf } from '../seed/snapshot';
import { benchNetwork } from './network-data';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const hex = (x: number) => Buffer.from(new Float64Array([x]).buffer).toString('hex');
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

function request(index: SuggestionIndex, id: string, extra: Partial<SuggestOptions> = {}): string {
  const options = { first: 10, model: DEFAULT_MODEL, coldStart: COLD_START_MODEL, kept: keptWalksOf(index), ...extra };
  const list = suggestContacts(index, id, options);
  for (const s of list) explainPair(index, id, s.actorId);
  return list.map((s) => `${s.actorId} ${hex(s.score)} ${s.parts.map((p) => hex(p.contribution)).join(',')}`).join(';');
}

/**
 * `--steps`: the walker's work as walk-keeper.ts runs it (runSteps with a pause of one setImmediate
 * every SLICE_MS), for each hub after its cold list, on a fresh copy of the index per round: per walk
 * its wall time, CPU and slices (the time between two turns of the event loop), and the garbage
 * collections that fell into the walks (major = mark-compact of the whole heap), with their length.
 */
async function stepsOfKeeping(ids: string[], rounds: number, fresh: () => SuggestionIndex): Promise<void> {
  const gcs: Array<{ major: boolean; ms: number }> = [];
  let walking = false;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (walking) gcs.push({ major: kind === constants.NODE_PERFORMANCE_GC_MAJOR, ms: e.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const walls: number[] = [];
  const cpus: number[] = [];
  const slices: number[] = [];
  const longest: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const copy = fresh();
    for (const id of ids) {
      request(copy, id); // the cold list that asks for the walk
      await new Promise((resolve) => setImmediate(resolve));
      const q = copy.graph.index.get(id)!;
      const own: number[] = [];
      let sliceStart = performance.now();
      const pause = slicePause(SLICE_MS);
      const timedPause = () => {
        const waiting = pause();
        if (!waiting) return;
        own.push(performance.now() - sliceStart);
        return waiting.then(() => {
          sliceStart = performance.now();
        });
      };
      walking = true;
      const cpu = process.cpuUsage();
      const t = performance.now();
      await runSteps(keepWalkSteps(copy, q), timedPause);
      own.push(performance.now() - sliceStart);
      walls.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      walking = false;
      slices.push(...own);
      longest.push(Math.max(...own));
      await new Promise((resolve) => setTimeout(resolve, 20)); // the observer's entries arrive
    }
  }
  observer.disconnect();
  const major = gcs.filter((g) => g.major);
  console.log(
    `walks kept in steps (${walls.length}: ${ids.length} hubs × ${rounds} rounds): wall p50 ${quantile(walls, 0.5).toFixed(0)} max ${Math.max(...walls).toFixed(0)} ms; ` +
      `CPU p50 ${quantile(cpus, 0.5).toFixed(0)} ms; slices ${slices.length} (p50 ${quantile(slices, 0.5).toFixed(1)}, p95 ${quantile(slices, 0.95).toFixed(1)}, longest per walk ${longest
        .map((x) => x.toFixed(0))
        .join(' ')} ms); GC during the walks: ${gcs.length} (${gcs.reduce((a, g) => a + g.ms, 0).toFixed(0)} ms), ` +
      `major ${major.length} (${major.map((g) => g.ms.toFixed(0)).join(' ') || '-'} ms); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB; load ${os.loadavg()[0].toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const size = Number(arg('size', '100000'));
  const rounds = Number(arg('rounds', '3'));
  const net = benchNetwork(size, 5, 42);
  const index = buildSuggestionIndex(NetworkProjection.fromSnapshot(snapshotOf(net.data)));
  const n = index.graph.ids.length;
  const classes = { busy: net.busyActors, random: net.randomActors };

  const perActor = net.busyActors.map((id) => ({
    id,
    entries: twoStepEntries(index.graph, index.graph.index.get(id)!) / n,
  }));
  const keptIds = perActor.filter((a) => a.entries > KEEP_ABOVE_ENTRIES).map((a) => a.id);
  console.log(
    `${size} actors; busy actors' two-step entries per actor: ${perActor
      .map((a) => a.entries)
      .sort((a, b) => b - a)
      .map((x) => x.toFixed(1))
      .join(' ')}; kept above ${KEEP_ABOVE_ENTRIES}: ${keptIds.join(', ')}, ` +
      `${((KEPT_BYTES_PER_ACTOR * n) / 1e6).toFixed(1)} MB each`,
  );
  // A copy of the index: its own kept walks (and static scores, made before timing).
  const fresh = (): SuggestionIndex => {
    const copy = { ...index };
    request(copy, net.randomActors[0]);
    return copy;
  };
  const keepAll = (copy: SuggestionIndex, ids: string[]) => {
    for (const id of ids) runNow(keepWalkSteps(copy, copy.graph.index.get(id)!));
  };
  if (process.argv.includes('--steps')) {
    // Every actor of the network whose walk is kept (the hubs), not only the busy sample's.
    const hubs = [...index.graph.ids.keys()]
      .filter((q) => twoStepEntries(index.graph, q) > KEEP_ABOVE_ENTRIES * n)
      .map((q) => index.graph.ids[q]);
    return stepsOfKeeping(hubs, rounds, fresh);
  }

  // The same answers cold and warm, over a few request shapes (and the dismissed pairs).
  const shapes: Array<Partial<SuggestOptions>> = [
    {},
    { first: 100 },
    { first: 1 },
    { kinds: ['INITIATIVE'] },
    { minScore: 3 },
    { topicIds: index.profiles.topicIds.slice(0, 2) },
  ];
  const cold = fresh();
  const warmIndex = fresh();
  const checked = [...keptIds, ...net.busyActors.slice(0, 3), ...net.randomActors.slice(0, 3)];
  keepAll(warmIndex, checked);
  let compared = 0;
  for (const id of checked)
    for (const shape of shapes) {
      const before = request(cold, id, shape);
      const exclude = new Set(
        before
          .split(';')
          .slice(0, 2)
          .map((e) => e.split(' ')[0]),
      );
      if (
        before !== request(warmIndex, id, shape) ||
        request(cold, id, { ...shape, exclude }) !== request(warmIndex, id, { ...shape, exclude })
      )
        throw new Error(`different lists for ${id} ${JSON.stringify(shape)}`);
      compared += 2;
    }
  console.log(`same lists cold / warm (kept walks: ${keptWalksOf(warmIndex).kept}): ${compared} requests`);

  const times: Record<string, number[]> = {};
  const busiest: Record<string, number[]> = {};
  const time = (label: string, id: string, run: () => void) => {
    const t = performance.now();
    run();
    const ms = performance.now() - t;
    (times[label] ??= []).push(ms);
    if (id === net.busiest.id) (busiest[label.split(' ')[0]] ??= []).push(ms);
  };
  for (let r = 0; r < rounds; r++)
    for (const [name, actors] of Object.entries(classes)) {
      const copy = fresh();
      for (const id of actors) time(`cold ${name}`, id, () => request(copy, id));
      for (const id of actors.filter((a) => keptIds.includes(a))) time(`keep ${name}`, id, () => keepAll(copy, [id]));
      for (let k = 0; k < 3; k++) for (const id of actors) time(`warm ${name}`, id, () => request(copy, id));
    }
  for (const [label, ms] of Object.entries(times))
    console.log(
      `${label}: p50 ${quantile(ms, 0.5).toFixed(2)} p95 ${quantile(ms, 0.95).toFixed(2)} ms (${ms.length} lists)`,
    );
  for (const [label, ms] of Object.entries(busiest))
    console.log(`busiest (${net.busiest.id}) ${label}: ${ms.map((x) => x.toFixed(1)).join(' / ')} ms`);
}

if (require.main === module) void main();
