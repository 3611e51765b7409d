/**
 * `npx tsx bench/suggest-cpu.ts [--sizes=10000,100000] [--rounds=3] [--out=FILE]`: the CPU time of
 * `suggestContacts` (+ explain of each suggestion, as a request does) for the bench's 20 query
 * actors (suggest-latency.ts: the 5 with the most partners and 15 drawn with seed 4242) on the
 * generated network (5 hubs, seed 42), no store and no GraphQL: the projection is built from the
 * generated data directly. Per round: process CPU time over all requests / requests, and per-actor
 * wall times (busiest and random apart). `--out` writes the ranked lists (ids and scores as
 * hex bits), so two versions of the code can be compared bit for bit. `--compare-steps` also runs,
 * round by round in turn, the walk as it was before csr.ts STEP_EXPONENT (a step through x weighted
 * 1 / strength(x)), and `--compare-kinds` the walk without kind mixing (kind-mixing.ts), round by round
 * in turn, so the variants are timed side by side under the same load.
 */
import { writeFileSync } from 'node:fs';
import { generateNetwork } from '../seed/generate';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { explainPair } from '../server/src/features/suggestions/explain';
import { suggestContacts } from '../server/src/features/suggestions/suggest';
import { neutralKindMixing } from '../server/src/features/suggestions/kind-mixing';
import { SignalWorkspace } from '../server/src/features/suggestions/signals';
import { buildSuggestionIndex, type SuggestionIndex } from '../server/src/features/suggestions/suggestion-index';
import { COLD_START_MODEL, DEFAULT_MODEL } from '../server/src/features/suggestions/weights';
import { queryActors } from './suggest-actors';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const hex = (x: number) => Buffer.from(new Float64Array([x]).buffer).toString('hex');
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function main(): void {
  const sizes = arg('sizes', '10000,100000').split(',').map(Number);
  const rounds = Number(arg('rounds', '3'));
  const out = arg('out', '');
  const lists: Record<string, string[]> = {};
  for (const size of sizes) {
    const data = generateNetwork({ actors: size, hubs: 5, seed: 42 });
    const built = buildSuggestionIndex(NetworkProjection.fromSnapshot(snapshotOf(data)));
    const actors = queryActors(data);
    const variants: Array<[string, SuggestionIndex]> = [['', built]];
    if (process.argv.includes('--compare-steps')) {
      const graph = { ...built.graph, stepWeights: built.graph.inverseStrengths };
      variants.unshift([
        ' (steps 1 / strength, before)',
        { ...built, graph, signals: new SignalWorkspace(graph, built.profiles, undefined, built.signals.kindMixing) },
      ]);
      variants[1][0] = ' (steps strength^-0.75, now)';
    }
    if (process.argv.includes('--compare-kinds')) {
      const neutral = neutralKindMixing(built.graph.ids.length);
      variants.unshift([
        ' (no kind mixing, before)',
        { ...built, signals: new SignalWorkspace(built.graph, built.profiles, undefined, neutral) },
      ]);
      variants[variants.length - 1][0] = ' (kind mixing, now)';
    }
    const runs = variants.map(([label, index]) => {
      const request = (id: string) => {
        const list = suggestContacts(index, id, { first: 10, model: DEFAULT_MODEL, coldStart: COLD_START_MODEL });
        for (const s of list) explainPair(index, id, s.actorId);
        return list;
      };
      if (label === '' || label.endsWith('now)'))
        for (const id of actors) lists[`${size}:${id}`] = request(id).map((s) => `${s.actorId} ${hex(s.score)}`);
      return { label, request, perRound: [] as number[], busy: [] as number[], typical: [] as number[] };
    });
    // Round by round in turn, so the variants share the machine's load.
    for (let r = 0; r < rounds; r++)
      for (const run of runs) {
        const cpu = process.cpuUsage();
        for (let k = 0; k < 3; k++)
          for (const [j, id] of actors.entries()) {
            const t = performance.now();
            run.request(id);
            (j < 5 ? run.busy : run.typical).push(performance.now() - t);
          }
        const used = process.cpuUsage(cpu);
        run.perRound.push((used.user + used.system) / 1000 / (3 * actors.length));
      }
    for (const { label, perRound, busy, typical } of runs) {
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const fmt = (x: number) => x.toFixed(2);
      console.log(
        `${size} actors${label}: CPU per request ${perRound.map(fmt).join(' / ')} ms (median ${fmt(sorted(perRound)[Math.floor(rounds / 2)])}); ` +
          `busiest 5: median ${fmt(quantile(sorted(busy), 0.5))} p95 ${fmt(quantile(sorted(busy), 0.95))} ms; ` +
          `random 15: median ${fmt(quantile(sorted(typical), 0.5))} p95 ${fmt(quantile(sorted(typical), 0.95))} ms`,
      );
    }
  }
  if (out) writeFileSync(out, `${JSON.stringify(lists, null, 1)}\n`);
}

if (require.main === module) main();
