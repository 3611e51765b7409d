/**
 * `npm run eval:suggestions`: how well contact suggestions predict the partnerships that really
 * formed later. For each data set: hide the collaborations starting on/after a cut-off, build the
 * projection from the earlier ones, suggest 10 actors per query actor through `suggestContacts` (the
 * code that serves the API) and count how many of the hidden new partners the lists find.
 *
 * (a) a generated network with planted topic communities (seed/planted.ts), cut-off 2023-01-01;
 * (b) the real H2020 network (../shared/data/h2020-industrial; Source: CORDIS, © European Union),
 *     with DESIGN.md's protocol: cut-off 2016-01-01; test = new pairs after it between actors both
 *     present before it; top 10 among all actors not yet collaborated with; lists filled up to 10 by
 *     popularity. The baselines must reproduce DESIGN.md's reference figures before anything counts.
 *
 * For both, feedback is counted too (bench/eval/feedback.ts): on a simulated feedback log — the
 * lists of a year before the cut-off reviewed, the suggestions that did not lead to a partnership
 * within that year dismissed — P@10 at the cut-off with the dismissed pairs excluded (as the service
 * excludes them) against without. No real feedback exists for these networks; a running service's
 * own feedback is counted by the query `suggestionFeedbackSummary`.
 *
 * Prints the tables and writes bench/results/eval-suggestions.json. Options:
 *   --planted-actors=10000   size of the generated network (100 … 100,000)
 *   --skip-h2020             only the generated network
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plantedNetwork } from '../seed/planted';
import { DEFAULT_MODEL } from '../server/src/suggest/weights';
import { bootstrapDifference, evaluateGroup, evaluateLateNewcomers, type GroupMetrics } from './eval/evaluate';
import { h2020Available, H2020_DIR, loadH2020 } from './eval/h2020';
import { baselineMethods, modelMethod, randomMethod, type Method } from './eval/methods';
import { feedbackEffect, feedbackTable } from './eval/feedback';
import { fromGraphData } from './eval/network';
import { H2020_REFERENCE_P10, markdownTable, reproduces, type DatasetResult, type GroupResult } from './eval/report';
import { actorsWithoutTies, actorsWithTies, lateNewcomers, temporalSplit, type TemporalSplit } from './eval/split';
import { fitOnWindows, PLANTED_TRAINING_WINDOWS, type FitReport } from './eval/training';

const RANDOM_REPETITIONS = 20;

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

function methods(extra: Method[] = []): Method[] {
  return [modelMethod('combined', 'combined (shipped model)', DEFAULT_MODEL), ...extra, ...baselineMethods(), randomMethod(1)];
}

function group(split: TemporalSplit, name: string, description: string, queries: string[], extra: Method[] = []): GroupResult {
  const results = Object.fromEntries(
    methods(extra).map((m) => [m.name, evaluateGroup(split, queries, m, m.name === 'random' ? RANDOM_REPETITIONS : 1)]),
  );
  return groupResult(name, description, queries.length, methods(extra), results);
}

/** The table rows, and the combined model against the best baseline (paired bootstrap). */
function groupResult(name: string, description: string, queries: number, list: Method[], results: Record<string, GroupMetrics>): GroupResult {
  const combined = results.combined;
  // The best baseline; on a tie popularity (what the others fall back to when they know nothing).
  const best = list
    .filter((m) => !m.name.startsWith('combined'))
    .sort((a, b) => results[b.name].precisionAt10 - results[a.name].precisionAt10 || Number(b.name === 'popularity') - Number(a.name === 'popularity'))[0];
  return {
    group: name,
    description,
    queries,
    methods: list.map((m) => {
      const { perQueryPrecisionAt10: _, ...metrics } = results[m.name];
      return { name: m.name, label: m.label, metrics };
    }),
    combinedVsBest: {
      baseline: best.name,
      difference: combined.precisionAt10 - results[best.name].precisionAt10,
      interval95: bootstrapDifference(combined.perQueryPrecisionAt10, results[best.name].perQueryPrecisionAt10),
    },
  };
}

/** The shipped weights come from H2020; what the same model fitted on this network's own past gives. */
let plantedRefit: FitReport | null = null;

function planted(actors: number): DatasetResult {
  const { data } = plantedNetwork({ actors, seed: 1 });
  const network = fromGraphData(`planted-${actors}`, data);
  const split = temporalSplit(network, { cutoff: '2023-01-01', actors: 'all' });
  plantedRefit = fitOnWindows(network, PLANTED_TRAINING_WINDOWS, 'all', { maxNegatives: 300, maxQueries: 400 });
  const refitted = [modelMethod('combined-refitted', "combined, refitted on this network's windows before the cut-off", plantedRefit.model)];
  return {
    dataset: `planted-${actors}`,
    description:
      `generated network with planted topic communities (seed/planted.ts: ${actors} actors, ${data.collaborations.length} collaborations 2015–2024, seed 1); ` +
      'cut-off 2023-01-01; every actor registered with its declared topics from the start',
    groups: [
      group(split, 'with ties', 'actors with partners before the cut-off and a new partner after it', actorsWithTies(split), refitted),
      group(split, 'newcomers', 'actors without any collaboration before the cut-off (declared topics only) that find partners after it', actorsWithoutTies(split), refitted),
    ],
    feedback: feedbackEffect(network, { cutoff: '2023-01-01', actors: 'all' }, '2022-01-01', DEFAULT_MODEL),
  };
}

function h2020(): DatasetResult {
  const network = loadH2020();
  const split = temporalSplit(network, { cutoff: '2016-01-01', actors: 'present' });
  const late = lateNewcomers(split);
  const lateMetrics = evaluateLateNewcomers(split, late, methods(), { random: RANDOM_REPETITIONS });
  return {
    dataset: 'h2020-industrial',
    description:
      'real H2020 "Industrial Leadership" network (Source: CORDIS, © European Union): cut-off 2016-01-01, projection = actors present before it',
    groups: [
      group(split, 'with ties', "DESIGN.md's protocol: actors with partners before 2016 and a new partner after it, both present before", actorsWithTies(split)),
      group(split, 'without ties', 'actors present before 2016 only through single-partner projects (topics, no ties) that gain a partner after it', actorsWithoutTies(split)),
      groupResult(
        'newcomers',
        'organisations whose first project starts in 2016, registered with the topics of that project (as a newcomer would declare them) ' +
          'and asked for partners among the actors present before; added to the projection one at a time',
        late.length,
        methods(),
        lateMetrics,
      ),
    ],
    feedback: feedbackEffect(network, { cutoff: '2016-01-01', actors: 'present' }, '2015-01-01', DEFAULT_MODEL),
  };
}

function main(): void {
  const started = Date.now();
  const results: DatasetResult[] = [];
  const timings: Record<string, number> = {};

  const plantedActors = Number(arg('planted-actors') ?? 10_000);
  let t = Date.now();
  results.push(planted(plantedActors));
  timings[`planted-${plantedActors}`] = Date.now() - t;

  let reproduced: Record<string, { value: number; reference: string; reproduced: boolean }> | null = null;
  if (!process.argv.includes('--skip-h2020')) {
    if (!h2020Available()) throw new Error(`the H2020 data is not at ${H2020_DIR} (or pass --skip-h2020)`);
    t = Date.now();
    const result = h2020();
    timings['h2020-industrial'] = Date.now() - t;
    results.push(result);
    const withTies = result.groups[0];
    reproduced = Object.fromEntries(
      Object.entries(H2020_REFERENCE_P10).map(([name, reference]) => {
        const value = withTies.methods.find((m) => m.name === name)!.metrics.precisionAt10;
        return [name, { value, reference, reproduced: reproduces(value, reference) }];
      }),
    );
  }

  for (const dataset of results) {
    console.log(`\n## ${dataset.dataset}: ${dataset.description}`);
    for (const g of dataset.groups) {
      console.log(`\n### ${g.group} (${g.queries} query actors): ${g.description}\n`);
      console.log(markdownTable(g, dataset.dataset === 'h2020-industrial' && g.group === 'with ties' ? H2020_REFERENCE_P10 : undefined));
    }
    if (dataset.feedback) {
      console.log(`\n### feedback counted: the pairs a simulated feedback log dismissed, excluded (actors with ties)\n`);
      console.log(feedbackTable(dataset.feedback));
    }
  }
  if (plantedRefit) console.log(`\nRefitted on the planted network's earlier windows: ${JSON.stringify(plantedRefit.weights)}`);
  if (reproduced) {
    const ok = Object.values(reproduced).every((r) => r.reproduced);
    console.log(`\nBaselines reproduce DESIGN.md's reference figures: ${ok ? 'yes' : 'NO — the evaluation has a bug'}`);
  }

  const out = resolve(__dirname, 'results', 'eval-suggestions.json');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), model: DEFAULT_MODEL, plantedRefit, k: 10, randomRepetitions: RANDOM_REPETITIONS, reproduced, results, timingsMs: timings }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
