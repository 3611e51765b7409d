/**
 * What the shipped model is fitted on: rolling windows that all end before the evaluation's
 * cut-off, so nothing after it is ever seen. For H2020 (cut-off 2016-01-01) that is features before
 * 2015-04-01 / 2015-07-01 / 2015-10-01 and labels = the new pairs of the following months up to
 * 2015-12-31. Several windows instead of one: a single half-year of new projects is a small, noisy
 * sample (the windows' P@10 differ by a third), and the weights should not chase one of them.
 */
import { SIGNAL_NAMES } from '../../server/src/suggest/signals';
import { KATZ_BETA } from '../../server/src/suggest/signals';
import type { ModelTerm, ScoringModel } from '../../server/src/suggest/model';
import { choiceSets, fitWeights, fittedModel, type ChoiceSet } from './fit';
import type { EvalNetwork } from './network';
import { actorsWithTies, temporalSplit, type SplitOptions } from './split';

export const H2020_TRAINING_WINDOWS: ReadonlyArray<Omit<SplitOptions, 'actors'>> = [
  { cutoff: '2015-04-01', end: '2015-10-01' },
  { cutoff: '2015-07-01', end: '2016-01-01' },
  { cutoff: '2015-10-01', end: '2016-01-01' },
];

/**
 * The candidate terms, before fitting: each signal log-transformed, scaled so that its typical
 * non-zero value is near 1 (Katz by β², so its argument is "paths of length 2 plus β × walks of
 * length 3"; the topic cosine by 0.1).
 */
export const CANDIDATE_TERMS: readonly ModelTerm[] = [
  { signal: 'topics', weight: 0, transform: 'log1p', scale: 0.1 },
  { signal: 'adamicAdar', weight: 0, transform: 'log1p', scale: 1 },
  { signal: 'commonNeighbours', weight: 0, transform: 'log1p', scale: 1 },
  { signal: 'katz', weight: 0, transform: 'log1p', scale: KATZ_BETA * KATZ_BETA },
  { signal: 'activity', weight: 0, transform: 'log1p', scale: 1 },
  { signal: 'collaborations', weight: 0, transform: 'log1p', scale: 1 },
];
if (CANDIDATE_TERMS.length !== SIGNAL_NAMES.length) throw new Error('every signal needs a candidate term');

export interface FitReport {
  model: ScoringModel;
  weights: Record<string, number>;
  loss: number;
  windows: Array<{ cutoff: string; end?: string; queries: number; labels: number }>;
}

/** Windows for the planted networks (cut-off 2023-01-01): the same pattern, in years. */
export const PLANTED_TRAINING_WINDOWS: ReadonlyArray<Omit<SplitOptions, 'actors'>> = [
  { cutoff: '2021-07-01', end: '2022-07-01' },
  { cutoff: '2022-01-01', end: '2023-01-01' },
  { cutoff: '2022-07-01', end: '2023-01-01' },
];

export interface FitWindowOptions {
  /** Sample of non-target candidates per query (large networks); all when absent. */
  maxNegatives?: number;
  /** At most this many query actors per window (every k-th in id order); all when absent. */
  maxQueries?: number;
}

export function fitOnWindows(
  network: EvalNetwork,
  windows: ReadonlyArray<Omit<SplitOptions, 'actors'>>,
  actors: SplitOptions['actors'],
  options: FitWindowOptions = {},
): FitReport {
  const sets: ChoiceSet[] = [];
  const info: FitReport['windows'] = [];
  for (const window of windows) {
    const split = temporalSplit(network, { ...window, actors });
    const all = actorsWithTies(split);
    const step = options.maxQueries ? Math.max(1, Math.ceil(all.length / options.maxQueries)) : 1;
    const queries = all.filter((_, i) => i % step === 0);
    const windowSets = choiceSets(split, queries, CANDIDATE_TERMS, options.maxNegatives);
    sets.push(...windowSets);
    info.push({ cutoff: window.cutoff, end: window.end, queries: queries.length, labels: windowSets.reduce((s, c) => s + c.positives.length, 0) });
  }
  const { weights, loss } = fitWeights(sets, CANDIDATE_TERMS.length, { iterations: 400 });
  return {
    model: fittedModel('combined', CANDIDATE_TERMS, weights),
    weights: Object.fromEntries(CANDIDATE_TERMS.map((t, j) => [t.signal, Number(weights[j].toFixed(3))])),
    loss,
    windows: info,
  };
}
