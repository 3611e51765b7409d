/**
 * `npm run eval:suggestions -- [--data=DIR]`: how well contact suggestions predict the partnerships
 * that really formed later, and how personal the lists are. For each split: hide the collaborations
 * starting on/after a cut-off, build the projection from the earlier ones, suggest 10 actors per
 * query actor through `suggestContacts` (the code that serves the API) and compare with the new
 * partners after the cut-off.
 *
 * Splits:
 * (a) the network in DIR (CORDIS-style CSV extracts: actors.csv, collaborations.csv,
 *     participations.csv; e.g. H2020 "Industrial Leadership", Source: CORDIS, © European Union),
 *     cut-off 2016-01-01, actors present before it;
 * (b) the same network, cut-offs 2015-10-01 and 2015-07-01 (--dates=… to choose others);
 * (c) planted networks (seed/planted.ts) with seeds the defaults were never looked at on
 *     (--planted-seeds=2,3), cut-off 2023-01-01, every actor registered with its topics.
 *
 * Models: the old default (activity-heavy, kept here for comparison only), the walk-first
 * default (also with the walk's steps as before csr.ts STEP_EXPONENT, 1 / strength, side by side),
 * the self-fitted model (server/src/features/suggestions/self-fit.ts run on the split's projection —
 * the past only — exactly as the service runs it on its store), and the baselines Katz and
 * popularity. Metrics: P@10, R@10, MRR, catalogue coverage (distinct actors over all top-10 lists),
 * mean pairwise overlap of the lists (shared entries / 10, over all pairs of query actors), and the
 * ratio of P@10 to Katz's with a paired bootstrap 95 % interval over the query actors.
 * Cold start: actors without ties before the cut-off (topics only), the service's cold-start path
 * against popularity.
 *
 * Options: --data=DIR, --dates=2016-01-01,2015-10-01,2015-07-01, --planted-actors=5000, --planted-seeds=2,3,
 * --novelty (also a novelty re-rank).
 * Writes bench/results/eval-suggestions.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plantedNetwork } from '../seed/planted';
import { checkModel, singleSignalModel, type ScoringModel } from '../server/src/features/suggestions/model';
import { selfFit, type FitResult } from '../server/src/features/suggestions/self-fit';
import { suggestContacts } from '../server/src/features/suggestions/suggest';
import { suggestionIndex } from '../server/src/features/suggestions/suggestion-index';
import { COLD_START_MODEL, DEFAULT_MODEL } from '../server/src/features/suggestions/weights';
import { KATZ_BETA, SignalWorkspace } from '../server/src/features/suggestions/signals';
import type { SuggestionIndex } from '../server/src/features/suggestions/suggestion-index';
import { bootstrapRatio } from './eval/evaluate';
import { h2020Available, loadH2020 } from './eval/h2020';
import { fromGraphData, type EvalNetwork } from './eval/network';
import { actorsWithoutTies, actorsWithTies, temporalSplit, type TemporalSplit } from './eval/split';

/** The default before the self-fit (activity in partners and collaborations ≈ 89 % of the score). */
const OLD_DEFAULT_MODEL: ScoringModel = checkModel({
  name: 'old default',
  terms: [
    { signal: 'topics', weight: 0.737, transform: 'log1p', scale: 0.1 },
    { signal: 'katz', weight: 0.228, transform: 'log1p', scale: KATZ_BETA * KATZ_BETA },
    { signal: 'activity', weight: 0.237, transform: 'log1p', scale: 1 },
    { signal: 'collaborations', weight: 1.14, transform: 'log1p', scale: 1 },
  ],
});

const K = 10;

/**
 * The split dates of the network in DIR. H2020's projects start 2014-07 … 2016-06: 2016-01-01 is the
 * reference protocol's, 2015-10-01 and 2015-07-01 are further dates (the last added after the
 * defaults were chosen, so none of them was tuned on it).
 */
const DATA_CUTOFFS = ['2016-01-01', '2015-10-01', '2015-07-01'];

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

interface Row {
  method: string;
  queries: number;
  precisionAt10: number;
  recallAt10: number;
  mrr: number;
  coverage: number;
  meanOverlap: number;
  /** P@10 / Katz's P@10 and its 95 % interval (paired bootstrap over query actors). */
  ratioToKatz: number | null;
  ratioInterval95: [number, number] | null;
  perQuery: number[];
}

type Ranker = (actorId: string) => string[];

function evaluate(method: string, split: TemporalSplit, queries: readonly string[], rank: Ranker): Row {
  const lists = queries.map((q) => rank(q));
  const perQuery = lists.map((l, i) => l.slice(0, K).filter((b) => split.targets.get(queries[i])!.has(b)).length / K);
  const recall = lists.map(
    (l, i) =>
      l.slice(0, K).filter((b) => split.targets.get(queries[i])!.has(b)).length / split.targets.get(queries[i])!.size,
  );
  const mrr = lists.map((l, i) => {
    const at = l.slice(0, K).findIndex((b) => split.targets.get(queries[i])!.has(b));
    return at < 0 ? 0 : 1 / (at + 1);
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  return {
    method,
    queries: queries.length,
    precisionAt10: mean(perQuery),
    recallAt10: mean(recall),
    mrr: mean(mrr),
    coverage: new Set(lists.flat()).size,
    meanOverlap: meanPairwiseOverlap(lists),
    ratioToKatz: null,
    ratioInterval95: null,
    perQuery,
  };
}

/** Mean over all pairs of lists of |A ∩ B| / K, from how many lists hold each actor. */
function meanPairwiseOverlap(lists: string[][]): number {
  const n = lists.length;
  if (n < 2) return 0;
  const counts = new Map<string, number>();
  for (const l of lists) for (const b of new Set(l)) counts.set(b, (counts.get(b) ?? 0) + 1);
  let shared = 0;
  for (const c of counts.values()) shared += (c * (c - 1)) / 2;
  return shared / ((n * (n - 1)) / 2) / K;
}

/** Novelty re-rank: of the top 30, a candidate already on many earlier lists is pushed down. */
function noveltyRanker(split: TemporalSplit, model: ScoringModel): Ranker {
  const index = suggestionIndex(split.projection);
  const shown = new Map<string, number>();
  return (q) => {
    const pool = suggestContacts(index, q, { first: 30, model });
    const top = pool[0]?.score ?? 0;
    const list = pool
      .map((s, i) => ({ id: s.actorId, key: s.score - 0.1 * Math.abs(top) * Math.log1p(shown.get(s.actorId) ?? 0), i }))
      .sort((x, y) => y.key - x.key || x.i - y.i)
      .slice(0, K)
      .map((x) => x.id);
    for (const id of list) shown.set(id, (shown.get(id) ?? 0) + 1);
    return list;
  };
}

interface SplitResult {
  name: string;
  description: string;
  fit: Omit<FitResult, 'model'> & { serving: string };
  withTies: Row[];
  coldStart: Row[];
}

function runSplit(
  name: string,
  description: string,
  network: EvalNetwork,
  cutoff: string,
  actors: 'present' | 'all',
): SplitResult {
  const split = temporalSplit(network, { cutoff, actors });
  const fit = selfFit(split.projection);
  const index = suggestionIndex(split.projection);
  const ranker =
    (model: ScoringModel, coldStart: ScoringModel | null = null, on: SuggestionIndex = index): Ranker =>
    (q) =>
      suggestContacts(on, q, { first: K, model, coldStart }).map((s) => s.actorId);
  // The walk as it was before csr.ts STEP_EXPONENT: a step through x weighted 1 / strength(x).
  const randomWalkGraph = { ...index.graph, stepWeights: index.graph.inverseStrengths };
  const randomWalkSteps: SuggestionIndex = {
    ...index,
    graph: randomWalkGraph,
    signals: new SignalWorkspace(randomWalkGraph, index.profiles, undefined, index.signals.kindMixing),
  };
  const katz = singleSignalModel('katz');
  const methods: Array<[string, Ranker]> = [
    ['Katz (β = 0.005)', ranker(katz)],
    ['popularity', ranker(singleSignalModel('activity'))],
    [
      'walk, size-weighted ties, steps 1 / strength (before)',
      ranker(singleSignalModel('randomWalk'), null, randomWalkSteps),
    ],
    ['walk, size-weighted ties, steps strength^−0.75', ranker(singleSignalModel('randomWalk'))],
    ['old default', ranker(OLD_DEFAULT_MODEL)],
    ['default, steps 1 / strength (before)', ranker(DEFAULT_MODEL, null, randomWalkSteps)],
    ['default', ranker(DEFAULT_MODEL)],
    [`self-fitted (serves: ${fit.source})`, ranker(fit.model)],
  ];
  if (process.argv.includes('--novelty'))
    methods.push(['new default + novelty re-rank', noveltyRanker(split, DEFAULT_MODEL)]);
  const queries = actorsWithTies(split);
  const withTies = methods.map(([m, r]) => evaluate(m, split, queries, r));
  const reference = withTies[0];
  for (const row of withTies) {
    row.ratioToKatz = reference.precisionAt10 > 0 ? row.precisionAt10 / reference.precisionAt10 : null;
    row.ratioInterval95 = bootstrapRatio(row.perQuery, reference.perQuery);
  }
  const newcomers = actorsWithoutTies(split);
  const coldStart = [
    evaluate('popularity', split, newcomers, ranker(singleSignalModel('activity'))),
    evaluate('old default', split, newcomers, ranker(OLD_DEFAULT_MODEL)),
    evaluate('service (cold start)', split, newcomers, ranker(fit.model, COLD_START_MODEL)),
  ];
  for (const row of coldStart) {
    row.ratioToKatz = null;
    row.ratioInterval95 = coldStart[0].precisionAt10 > 0 ? bootstrapRatio(row.perQuery, coldStart[0].perQuery) : null;
  }
  const { model, ...rest } = fit;
  return { name, description, fit: { ...rest, serving: model.name }, withTies, coldStart };
}

const f = (x: number) => x.toFixed(4);

function table(rows: Row[], ratioLabel: string): string {
  const lines = [
    `| method | P@10 | R@10 | MRR | coverage | mean overlap | ${ratioLabel} (95 % interval) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const ratio =
      r.ratioToKatz !== null
        ? r.ratioToKatz.toFixed(3)
        : rows[0].precisionAt10 > 0
          ? (r.precisionAt10 / rows[0].precisionAt10).toFixed(3)
          : '–';
    const interval = r.ratioInterval95
      ? ` (${r.ratioInterval95[0].toFixed(3)} … ${r.ratioInterval95[1].toFixed(3)})`
      : '';
    lines.push(
      `| ${r.method} | ${f(r.precisionAt10)} | ${f(r.recallAt10)} | ${f(r.mrr)} | ${r.coverage} | ${f(r.meanOverlap)} | ${ratio}${interval} |`,
    );
  }
  return lines.join('\n');
}

/** The aim: the serving model's P@10 at least this times Katz's, with at least Katz's coverage. */
const AIM = 1.1;

function summaryTable(results: readonly SplitResult[]): string {
  const lines = [
    '| split | serves | P@10 / Katz (95 % interval) | R@10 | MRR | coverage (Katz) | overlap (Katz) | aim met |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    const katz = r.withTies[0];
    const serving = r.withTies.find((x) => x.method.startsWith('self-fitted'))!;
    const [lo, hi] = serving.ratioInterval95 ?? [NaN, NaN];
    const ratio = serving.ratioToKatz ?? NaN;
    const met = ratio >= AIM && serving.coverage >= katz.coverage;
    lines.push(
      `| ${r.name} | ${r.fit.serving} | ${ratio.toFixed(3)} (${lo.toFixed(3)} … ${hi.toFixed(3)}) | ${f(serving.recallAt10)} | ${f(serving.mrr)} | ${serving.coverage} (${katz.coverage}) | ${f(serving.meanOverlap)} (${f(katz.meanOverlap)}) | ${met ? 'yes' : ratio >= AIM ? 'no: coverage' : 'no: precision'} |`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  const started = Date.now();
  const results: SplitResult[] = [];
  const dir = arg('data');
  if (dir) {
    if (!h2020Available(dir)) throw new Error(`no actors.csv/collaborations.csv/participations.csv in ${dir}`);
    const network = loadH2020(dir);
    for (const cutoff of (arg('dates') ?? DATA_CUTOFFS.join(',')).split(','))
      results.push(
        runSplit(
          `data, cut-off ${cutoff}`,
          `${network.name}: actors present before the cut-off`,
          network,
          cutoff,
          'present',
        ),
      );
  } else console.log('(no --data=DIR given: planted networks only)');
  const actors = Number(arg('planted-actors') ?? 5000);
  for (const seed of (arg('planted-seeds') ?? '2,3').split(',').map(Number)) {
    const { data } = plantedNetwork({ actors, seed });
    results.push(
      runSplit(
        `planted ${actors}, seed ${seed}`,
        `seed/planted.ts, ${data.collaborations.length} collaborations 2015–2024`,
        fromGraphData(`planted-${seed}`, data),
        '2023-01-01',
        'all',
      ),
    );
  }

  for (const r of results) {
    console.log(`\n## ${r.name} — ${r.description}`);
    console.log(
      `self-fit: serves ${r.fit.serving} (${r.fit.source}); ${r.fit.reason}; held-out ${JSON.stringify(r.fit.heldOut)}`,
    );
    console.log(`\n### actors with ties (${r.withTies[0].queries})\n\n${table(r.withTies, 'P@10 / Katz')}`);
    console.log(
      `\n### cold start: actors without ties, topics only (${r.coldStart[0].queries})\n\n${table(r.coldStart, 'P@10 / popularity')}`,
    );
  }
  console.log(`\n## summary: the serving model against the aims (P@10 ≥ ${AIM} × Katz, coverage ≥ Katz's)\n`);
  console.log(summaryTable(results));
  const out = resolve(__dirname, 'results', 'eval-suggestions.json');
  mkdirSync(join(out, '..'), { recursive: true });
  const strip = (rows: Row[]) => rows.map(({ perQuery: _, ...row }) => row);
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), k: K, results: results.map((r) => ({ ...r, withTies: strip(r.withTies), coldStart: strip(r.coldStart) })) }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
