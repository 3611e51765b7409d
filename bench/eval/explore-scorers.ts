/**
 * `npx tsx bench/eval/explore-scorers.ts --data=DIR [--dates=…] [--planted-seeds=…]`: scorers the
 * self-fit could choose among — the walk-first default, Katz, resource allocation, Adamic–Adar and
 * mixes of the walk with them — each ranked by `suggestContacts` on every split; P@10 / Katz with
 * the paired bootstrap 95 % interval, coverage; and per split the self-fit's choice (selfFit on the
 * split's past, as the service runs it). Also: rank fusion of the default's and Katz's top 50
 * (reciprocal rank fusion, interleaving), the walk family at heavier activity weights (`AS=`, `TS=`
 * comma lists in the environment), and with `--classes` the walk's mixing table over classes of
 * kind × partner-count band instead of kinds. With `--per-actor`: the default's and Katz's hits by
 * the query's partners and number of new partners, the hits only one of the two lists has, and the
 * partners of a hit.
 */
import { checkModel, singleSignalModel, type ScoringModel } from '../../server/src/features/suggestions/model';
import { selfFit } from '../../server/src/features/suggestions/self-fit';
import { KATZ_BETA } from '../../server/src/features/suggestions/signals';
import { suggestContacts } from '../../server/src/features/suggestions/suggest';
import { suggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { DEFAULT_MODEL, DEFAULT_TERMS } from '../../server/src/features/suggestions/weights';
import { buildKindMixing } from '../../server/src/features/suggestions/kind-mixing';
import { SignalWorkspace } from '../../server/src/features/suggestions/signals';
import type { SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { bootstrapRatio } from './evaluate';
import { explorationSplits } from './exploration-splits';
import { actorsWithTies } from './split';

const K = 10;
const mix = (name: string, extra: ScoringModel['terms']): ScoringModel =>
  checkModel({ name, terms: [...DEFAULT_TERMS, ...extra] });
const katzTerm = (w: number) => ({
  signal: 'katz' as const,
  weight: w,
  transform: 'log1p' as const,
  scale: KATZ_BETA ** 2,
});
const raTerm = (w: number) => ({
  signal: 'resourceAllocation' as const,
  weight: w,
  transform: 'log1p' as const,
  scale: 0.01,
});
const aaTerm = (w: number) => ({ signal: 'adamicAdar' as const, weight: w, transform: 'log1p' as const, scale: 0.1 });

const MODELS: ScoringModel[] = [
  singleSignalModel('katz'),
  DEFAULT_MODEL,
  singleSignalModel('resourceAllocation'),
  singleSignalModel('adamicAdar'),
  mix('default + 0.25 katz', [katzTerm(0.25)]),
  mix('default + 0.5 katz', [katzTerm(0.5)]),
  mix('default + 1 katz', [katzTerm(1)]),
  mix('default + 0.25 RA', [raTerm(0.25)]),
  mix('default + 0.5 AA', [aaTerm(0.5)]),
  ...(process.env.AS ?? '0.25,0.375')
    .split(',')
    .map(Number)
    .flatMap((a) =>
      (process.env.TS ?? '0.1,0.3,0.6,1')
        .split(',')
        .map(Number)
        .map((t) => walkFamily(a, t)),
    ),
];
function walkFamily(a: number, t: number): ScoringModel {
  return checkModel({
    name: `walk a ${a} t ${t}`,
    terms: DEFAULT_TERMS.map((x) => ({
      ...x,
      weight: x.signal === 'activity' ? a : x.signal === 'topics' ? t : x.weight,
    })),
  });
}
/** Fusions of two ranked lists (each the top 50 of its model). */
const FUSIONS: Array<[string, (a: string[], b: string[]) => string[]]> = [
  ['RRF k=60 (default, katz)', (a, b) => rrf([a, b], 60)],
  ['RRF k=10 (default, katz)', (a, b) => rrf([a, b], 10)],
  ['RRF k=3 (default, katz)', (a, b) => rrf([a, b], 3)],
  ['interleave (default first)', (a, b) => interleave(a, b)],
];
function rrf(lists: string[][], k: number): string[] {
  const s = new Map<string, number>();
  const first = new Map<string, number>();
  lists.forEach((l, j) =>
    l.forEach((x, r) => {
      s.set(x, (s.get(x) ?? 0) + 1 / (k + r + 1));
      if (!first.has(x)) first.set(x, j * 1000 + r);
    }),
  );
  return [...s.keys()].sort((x, y) => s.get(y)! - s.get(x)! || first.get(x)! - first.get(y)!).slice(0, K);
}
function interleave(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let r = 0; out.length < K && r < Math.max(a.length, b.length); r++)
    for (const x of [a[r], b[r]]) if (x !== undefined && !out.includes(x) && out.length < K) out.push(x);
  return out;
}

for (const { split, label } of explorationSplits()) {
  const index = suggestionIndex(split.projection);
  const queries = actorsWithTies(split);
  const fit = selfFit(split.projection);
  console.log(
    `\n## ${label}: ${queries.length} query actors; self-fit serves ${fit.source} (${fit.fitted ? JSON.stringify(fit.fitted.terms.map((t) => [t.signal, t.weight])) : '-'}) cutoff ${fit.cutoff} heldOut ${JSON.stringify(fit.heldOut)}`,
  );
  const per = new Map<string, number[]>();
  const lists = new Map<string, string[][]>();
  for (const m of MODELS) {
    const ls = queries.map((q) => suggestContacts(index, q, { first: K, model: m }).map((s) => s.actorId));
    lists.set(m.name, ls);
    per.set(
      m.name,
      ls.map((l, i) => l.filter((b) => split.targets.get(queries[i])!.has(b)).length / K),
    );
  }
  const long = (m: ScoringModel) =>
    queries.map((q) => suggestContacts(index, q, { first: 50, model: m }).map((s) => s.actorId));
  const dl = long(DEFAULT_MODEL);
  const kl = long(singleSignalModel('katz'));
  for (const [name, fuse] of FUSIONS) {
    const ls = queries.map((_, i) => fuse(dl[i], kl[i]));
    lists.set(name, ls);
    per.set(
      name,
      ls.map((l, i) => l.filter((b) => split.targets.get(queries[i])!.has(b)).length / K),
    );
  }
  for (const [name, classes] of process.argv.includes('--classes') ? classings(index) : []) {
    const { kinds, kindCount } = classes;
    const variant: SuggestionIndex = {
      ...index,
      signals: new SignalWorkspace(
        index.graph,
        index.profiles,
        undefined,
        buildKindMixing(kinds, kindCount, index.graph),
      ),
    };
    const ls = queries.map((q) =>
      suggestContacts(variant, q, { first: K, model: DEFAULT_MODEL }).map((s) => s.actorId),
    );
    lists.set(name, ls);
    per.set(
      name,
      ls.map((l, i) => l.filter((b) => split.targets.get(queries[i])!.has(b)).length / K),
    );
  }
  const katz = per.get('katz')!;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  for (const name of per.keys()) {
    const p = per.get(name)!;
    const [lo, hi] = bootstrapRatio(p, katz);
    const cov = new Set(lists.get(name)!.flat()).size;
    console.log(
      `| ${name} | ${mean(p).toFixed(4)} | ${(mean(p) / mean(katz)).toFixed(3)} (${lo.toFixed(3)} … ${hi.toFixed(3)}) | c${cov} |`,
    );
  }
  if (!process.argv.includes('--per-actor')) continue;
  const def = per.get('default')!;
  const g = index.graph;
  const groups = new Map<string, { n: number; d: number; k: number }>();
  const add = (key: string, i: number) => {
    const x = groups.get(key) ?? { n: 0, d: 0, k: 0 };
    x.n++;
    x.d += def[i] * K;
    x.k += katz[i] * K;
    groups.set(key, x);
  };
  queries.forEach((q, i) => {
    const qi = g.index.get(q)!;
    const deg = g.offsets[qi + 1] - g.offsets[qi];
    const t = split.targets.get(q)!.size;
    add(`partners ${deg < 5 ? '<5' : deg < 15 ? '5–14' : deg < 40 ? '15–39' : '≥40'}`, i);
    add(`new partners ${t < 5 ? '<5' : t < 15 ? '5–14' : t < 40 ? '15–39' : '≥40'}`, i);
  });
  for (const [key, x] of [...groups].sort()) console.log(`  ${key}: ${x.n} actors, hits default ${x.d} katz ${x.k}`);
  let katzOnly = 0;
  let defaultOnly = 0;
  lists.get('katz')!.forEach((kl, i) => {
    const dl = lists.get('default')!.at(i)!;
    const t = split.targets.get(queries[i])!;
    katzOnly += kl.filter((b) => t.has(b) && !dl.includes(b)).length;
    defaultOnly += dl.filter((b) => t.has(b) && !kl.includes(b)).length;
  });
  console.log(`  hits only Katz's list has: ${katzOnly}; only the default's: ${defaultOnly}`);
  // Who the hits are: partners of the hit actors by method.
  for (const name of ['katz', 'default']) {
    const ls = lists.get(name)!;
    const degs: number[] = [];
    ls.forEach((l, i) =>
      l.forEach(
        (b) =>
          split.targets.get(queries[i])!.has(b) &&
          degs.push(g.offsets[g.index.get(b)! + 1] - g.offsets[g.index.get(b)!]),
      ),
    );
    degs.sort((a, b) => a - b);
    console.log(
      `  ${name}: hits ${degs.length}, partners of a hit median ${degs[degs.length >> 1]}, p25 ${degs[degs.length >> 2]}`,
    );
  }
}

/** Classes of actors for the mixing table: kind (as shipped), degree bands, kind × degree band. */
function classings(index: SuggestionIndex): Array<[string, { kinds: Uint8Array; kindCount: number }]> {
  const g = index.graph;
  const n = g.ids.length;
  const kinds = index.signals.kindMixing.kinds;
  const K0 = index.signals.kindMixing.kindCount;
  const deg = (i: number) => g.offsets[i + 1] - g.offsets[i];
  const log2 = Uint8Array.from({ length: n }, (_, i) => Math.min(7, Math.floor(Math.log2(deg(i) + 1))));
  const sorted = Array.from({ length: n }, (_, i) => deg(i))
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.floor(f * (sorted.length - 1))];
  const cuts = [q(0.25), q(0.5), q(0.75)];
  const quart = Uint8Array.from({ length: n }, (_, i) =>
    deg(i) === 0 ? 0 : 1 + cuts.filter((c) => deg(i) > c).length,
  );
  const cuts3 = [q(1 / 3), q(2 / 3)];
  const terc = Uint8Array.from({ length: n }, (_, i) => cuts3.filter((c) => deg(i) > c).length);
  const combine = (band: Uint8Array, B: number) => ({
    kinds: Uint8Array.from({ length: n }, (_, i) => kinds[i] * B + band[i]),
    kindCount: K0 * B,
  });
  return [
    ['mix: log2 band', { kinds: log2, kindCount: 8 }],
    ['mix: kind × log2 band', combine(log2, 8)],
    ['mix: kind × quartile', combine(quart, 5)],
    ['mix: kind × tercile', combine(terc, 3)],
  ];
}
