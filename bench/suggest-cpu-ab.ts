/**
 * `BEFORE=/tmp/before npx tsx bench/suggest-cpu-ab.ts [--size=100000] [--rounds=7] [--every=997]`:
 * the CPU of one contact-suggestion list (`suggestContacts` + the explanation of each suggestion, as
 * a request does; no store, no GraphQL) of an earlier version of the code beside this one, in one
 * process, alternating round by round, so both share the machine's load. BEFORE (comma-separated
 * for several) names copies of an earlier `server/src` — `mkdir -p /tmp/before && git archive
 * <commit> server/src | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/` — each
 * ranking on a signal workspace of its own class over the same built index.
 *
 * The bench network of that size (bench config's 5 hubs, seed 42), the model the service fits on it
 * (written out below), the bench's 20 random and 19 busy actors (the busiest left out: its later
 * lists rank from a kept walk, kept-walks.ts). First the lists of every `--every`-th actor and of the
 * busy ones, with three option sets, compared bit for bit between the versions; then per round and
 * version the process CPU per list (random and busy apart, each actor twice), and per version the
 * mean over actors of each list's least wall time over the rounds (robust to other jobs' load).
 */
import os from 'node:os';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { explainPair } from '../server/src/features/suggestions/explain';
import { checkModel } from '../server/src/features/suggestions/model';
import { SignalWorkspace } from '../server/src/features/suggestions/signals';
import { suggestContacts, type SuggestOptions } from '../server/src/features/suggestions/suggest';
import { buildSuggestionIndex, type SuggestionIndex } from '../server/src/features/suggestions/suggestion-index';
import { COLD_START_MODEL } from '../server/src/features/suggestions/weights';
import { benchNetwork } from './network-data';
import { middleValue } from './stats';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** What NetworkService.start fits on the bench's 100k network (bench/suggest-identity.ts prints it). */
const FITTED = checkModel({
  name: 'fitted',
  terms: [
    { signal: 'randomWalk', weight: 1, transform: 'log1p', scale: 0.0001 },
    { signal: 'topics', weight: 0.1, transform: 'log1p', scale: 0.1 },
    { signal: 'activity', weight: 0.375, transform: 'log1p', scale: 1, cap: 6.91 },
  ],
});

interface Version {
  name: string;
  suggest: typeof suggestContacts;
  explain: typeof explainPair;
  index: SuggestionIndex;
}

/** An earlier copy of server/src: its suggest, explain and a workspace of its class over `index`. */
function versionAt(dir: string, index: SuggestionIndex): Version {
  const from = (file: string) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(`${dir}/server/src/features/suggestions/${file}`);
  const Workspace = from('signals').SignalWorkspace as typeof SignalWorkspace;
  const signals = new Workspace(index.graph, index.profiles, undefined, index.signals.kindMixing);
  return {
    name: dir,
    suggest: from('suggest').suggestContacts,
    explain: from('explain').explainPair,
    index: { ...index, signals },
  };
}

const hex = (x: number) => Buffer.from(new Float64Array([x]).buffer).toString('hex');
const median = middleValue;

function main(): void {
  const size = Number(arg('size', '100000'));
  const rounds = Number(arg('rounds', '7'));
  const every = Number(arg('every', '997'));
  const net = benchNetwork(size, 5, 42);
  const index = buildSuggestionIndex(NetworkProjection.fromSnapshot(snapshotOf(net.data)));
  const versions: Version[] = [
    ...(process.env.BEFORE ?? '')
      .split(',')
      .filter(Boolean)
      .map((dir) => versionAt(dir, index)),
    { name: 'this', suggest: suggestContacts, explain: explainPair, index },
  ];
  const random = net.randomActors;
  const busy = net.busyActors.filter((id) => id !== net.busiest.id);
  const options = { first: 10, model: FITTED, coldStart: COLD_START_MODEL };
  const request = (v: Version, id: string) => {
    const list = v.suggest(v.index, id, options);
    for (const s of list) v.explain(v.index, id, s.actorId);
  };

  const variants: Omit<SuggestOptions, 'model'>[] = [
    { first: 10 },
    { first: 3, kinds: ['ASSOCIATION'] },
    { first: 25, minScore: 3 },
  ];
  const text = (v: Version, id: string, o: Omit<SuggestOptions, 'model'>) =>
    v
      .suggest(v.index, id, { ...o, model: FITTED, coldStart: COLD_START_MODEL })
      .map((s) => `${s.actorId} ${hex(s.score)} ${s.parts.map((p) => hex(p.value)).join(',')}`)
      .join(';');
  const checked = [...net.allIds.filter((_, i) => i % every === 0), ...net.busyActors];
  let different = 0;
  for (const id of checked)
    for (const o of variants) {
      const lists = versions.map((v) => text(v, id, o));
      if (lists.some((l) => l !== lists[0])) different++;
    }
  console.log(`lists compared: ${checked.length} actors × ${variants.length} option sets, ${different} different`);

  const perRound = new Map(versions.map((v) => [v, { random: [] as number[], busy: [] as number[] }]));
  const least = new Map<string, number>();
  const cpuPerList = (v: Version, ids: string[]) => {
    const before = process.cpuUsage();
    for (const id of ids) request(v, id);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / ids.length;
  };
  for (const v of versions) cpuPerList(v, [...random, ...busy]);
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    loads.push(os.loadavg()[0]);
    for (let j = 0; j < versions.length; j++) {
      const v = versions[(j + r) % versions.length];
      perRound.get(v)!.random.push(cpuPerList(v, [...random, ...random]));
      perRound.get(v)!.busy.push(cpuPerList(v, [...busy, ...busy]));
      for (const id of [...random, ...busy]) {
        const t = performance.now();
        request(v, id);
        const ms = performance.now() - t;
        least.set(`${v.name} ${id}`, Math.min(least.get(`${v.name} ${id}`) ?? Infinity, ms));
      }
    }
  }
  const fmt = (xs: number[]) => `${xs.map((x) => x.toFixed(2)).join(' ')} (median ${median(xs).toFixed(2)})`;
  for (const v of versions) {
    const { random: r, busy: b } = perRound.get(v)!;
    const mean = (ids: string[]) => ids.reduce((sum, id) => sum + least.get(`${v.name} ${id}`)!, 0) / ids.length;
    console.log(`${v.name}: CPU ms per list, random ${fmt(r)}; busy ${fmt(b)}`);
    console.log(
      `${v.name}: least wall ms per list, mean: random ${mean(random).toFixed(2)}, busy ${mean(busy).toFixed(2)}`,
    );
  }
  console.log(`load (1 min) per round: ${loads.map((l) => l.toFixed(1)).join(' ')}`);
}

if (require.main === module) main();
