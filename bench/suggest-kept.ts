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
 * checks that the three give the same lists, scores bit for bit, for several filters.
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
import { runNow } from '../server/src/platform/util/run-in-slices';
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

function main(): void {
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

if (require.main === module) main();
