/**
 * Fits the weights of a scoring model on an earlier period: a conditional logit (a logistic model
 * of "which candidate becomes a partner", normalised per query actor — McFadden's choice model):
 *
 *   P(b | q) = exp(s(q, b)) / Σ_c exp(s(q, c)),   s = Σ_j w_j · f_j(signal_j / scale_j),
 *
 * over all of q's candidates (actors not yet collaborated with), maximising the log-likelihood of
 * the partners q really gained in the label window, with a small L2 penalty. Only relative scores
 * within a query matter for a ranking, which is exactly what this objective measures; a constant
 * would cancel, so the model has none.
 *
 * Weights are kept ≥ 0 (projected gradient): every part of a suggestion's score then reads as "this
 * made it more likely", never as a penalty a quarter manager would have to puzzle over. Signals that
 * add nothing beyond the others end at 0 and are dropped from the shipped model.
 *
 * Features are computed by the service's own SignalWorkspace on the split's projection.
 */
import { edgeIndex } from '../../server/src/suggest/csr';
import { termContribution, type ModelTerm, type ScoringModel } from '../../server/src/suggest/model';
import { suggestionIndex } from '../../server/src/suggest/suggestion-index';
import { random } from '../../seed/generate';
import type { TemporalSplit } from './split';

function sample<T>(items: readonly T[], k: number, rand: () => number): T[] {
  const copy = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Per query: the transformed feature rows of its candidates and which of them are targets. */
export interface ChoiceSet {
  query: string;
  /** rows × terms, row-major. */
  features: Float64Array;
  rows: number;
  positives: Int32Array;
  /** How many candidates each row stands for: 1, or more for sampled non-targets. */
  rowWeights: Float64Array;
}

/**
 * `maxNegatives`: keep all targets but only this many of the other candidates (a seeded sample),
 * each standing for (all others / sample size) in the softmax — what makes fitting on 10k+ actors
 * fit in memory. Unset: every candidate, exactly.
 */
export function choiceSets(split: TemporalSplit, queries: readonly string[], terms: readonly ModelTerm[], maxNegatives?: number): ChoiceSet[] {
  const index = suggestionIndex(split.projection);
  const { graph } = index;
  const n = graph.ids.length;
  const unit = terms.map((t) => ({ ...t, weight: 1 }));
  const sets: ChoiceSet[] = [];
  for (const query of queries) {
    const q = graph.index.get(query)!;
    const signals = index.signals.compute(q);
    const targets = split.targets.get(query)!;
    const all: number[] = [];
    for (let b = 0; b < n; b++) if (b !== q && edgeIndex(graph, q, b) < 0) all.push(b);
    const isTarget = (b: number) => targets.has(graph.ids[b]);
    const others = all.filter((b) => !isTarget(b));
    const sampled = maxNegatives !== undefined && others.length > maxNegatives ? sample(others, maxNegatives, random(hash(query))) : others;
    const negativeWeight = others.length / Math.max(1, sampled.length);
    const candidates = [...all.filter(isTarget), ...sampled];
    const features = new Float64Array(candidates.length * terms.length);
    const rowWeights = new Float64Array(candidates.length);
    const positives: number[] = [];
    candidates.forEach((b, r) => {
      unit.forEach((term, j) => (features[r * terms.length + j] = termContribution(term, signals.value(term.signal, b))));
      if (isTarget(b)) positives.push(r);
      rowWeights[r] = isTarget(b) ? 1 : negativeWeight;
    });
    sets.push({ query, features, rows: candidates.length, positives: Int32Array.from(positives), rowWeights });
  }
  return sets;
}

export interface FitOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Keep every weight ≥ 0 (default true). */
  nonNegative?: boolean;
}

/** Negative mean log-likelihood per positive and its gradient. */
function lossAndGradient(sets: readonly ChoiceSet[], w: Float64Array, l2: number): { loss: number; grad: Float64Array } {
  const d = w.length;
  const grad = new Float64Array(d);
  let loss = 0;
  let count = 0;
  const expected = new Float64Array(d);
  for (const set of sets) {
    if (set.positives.length === 0) continue;
    // log Σ exp(s) with the max subtracted for stability; expected features under the softmax.
    let max = -Infinity;
    const s = new Float64Array(set.rows);
    for (let r = 0; r < set.rows; r++) {
      let v = 0;
      for (let j = 0; j < d; j++) v += w[j] * set.features[r * d + j];
      s[r] = v;
      if (v > max) max = v;
    }
    let z = 0;
    expected.fill(0);
    for (let r = 0; r < set.rows; r++) {
      const e = set.rowWeights[r] * Math.exp(s[r] - max);
      z += e;
      for (let j = 0; j < d; j++) expected[j] += e * set.features[r * d + j];
    }
    const logZ = max + Math.log(z);
    for (const r of set.positives) {
      loss += logZ - s[r];
      count++;
      for (let j = 0; j < d; j++) grad[j] += expected[j] / z - set.features[r * d + j];
    }
  }
  for (let j = 0; j < d; j++) {
    grad[j] = grad[j] / count + l2 * w[j];
  }
  let penalty = 0;
  for (let j = 0; j < d; j++) penalty += 0.5 * l2 * w[j] * w[j];
  return { loss: loss / count + penalty, grad };
}

/** Gradient descent with Adam steps; deterministic. */
export function fitWeights(sets: readonly ChoiceSet[], dimensions: number, options: FitOptions = {}): { weights: number[]; loss: number } {
  const l2 = options.l2 ?? 1e-3;
  const iterations = options.iterations ?? 400;
  const rate = options.learningRate ?? 0.05;
  const nonNegative = options.nonNegative ?? true;
  const w = new Float64Array(dimensions);
  const m = new Float64Array(dimensions);
  const v = new Float64Array(dimensions);
  let loss = Infinity;
  for (let it = 1; it <= iterations; it++) {
    const result = lossAndGradient(sets, w, l2);
    loss = result.loss;
    for (let j = 0; j < dimensions; j++) {
      const g = result.grad[j];
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      const mh = m[j] / (1 - 0.9 ** it);
      const vh = v[j] / (1 - 0.999 ** it);
      w[j] -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
      if (nonNegative && w[j] < 0) w[j] = 0;
    }
  }
  return { weights: [...w], loss };
}

/** The fitted model, weights rounded to 3 decimals, terms that ended at 0 left out. */
export function fittedModel(name: string, terms: readonly ModelTerm[], weights: readonly number[]): ScoringModel {
  return {
    name,
    terms: terms.map((t, j) => ({ ...t, weight: Number(weights[j].toFixed(3)) })).filter((t) => t.weight !== 0),
  };
}
