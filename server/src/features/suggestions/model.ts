/**
 * How the signals combine into one score: a linear model over transformed signals,
 *
 *   score = Σ weight · f(value / scale),   f = log1p (or identity),
 *
 * which is the log-odds of a logistic model without its constant (the constant does not change a
 * ranking, and leaving it out keeps every part of the score readable on its own). Each term's
 * `weight · f(value / scale)` is that part's contribution, shown with every suggestion.
 *
 * Why log1p of a scaled value: the signals are counts with long tails (a hub has thousands of
 * partners); the logarithm makes "twice as many" count the same wherever it happens, and the scale
 * puts each signal's typical value near 1 so the weights are comparable.
 *
 * A single-signal model (weight 1, identity) ranks exactly like that signal: the baselines of the
 * evaluation are such models, run through the same ranking code as the default.
 */
import { SIGNAL_NAMES, type SignalName } from './signals';

export interface ModelTerm {
  signal: SignalName;
  weight: number;
  transform: 'log1p' | 'identity';
  /** The value is divided by this before the transform. */
  scale: number;
  /**
   * The transformed value is cut off here before the weight applies: weight · min(f(value / scale),
   * cap). How activity is kept a small term — past the cap a bigger hub gains nothing more.
   */
  cap?: number;
}

export interface ScoringModel {
  name: string;
  terms: readonly ModelTerm[];
}

export interface ScorePart {
  signal: SignalName;
  /** The signal's raw value (e.g. the number of partners for `activity`). */
  value: number;
  /** Its share of the score: weight · f(value / scale). */
  contribution: number;
}

export function termContribution(term: ModelTerm, value: number): number {
  const x = value / term.scale;
  const f = term.transform === 'log1p' ? Math.log1p(x) : x;
  return term.weight * (term.cap !== undefined && f > term.cap ? term.cap : f);
}

/** The model's score of one candidate, given a way to read its signals. */
export function scoreOf(model: ScoringModel, value: (signal: SignalName) => number): number {
  let score = 0;
  for (const term of model.terms) score += termContribution(term, value(term.signal));
  return score;
}

/** Every term's value and contribution, in the model's order. */
export function scoreParts(model: ScoringModel, value: (signal: SignalName) => number): ScorePart[] {
  return model.terms.map((term) => {
    const v = value(term.signal);
    return { signal: term.signal, value: v, contribution: termContribution(term, v) };
  });
}

/** A model that ranks by one signal alone (the evaluation's baselines). */
export function singleSignalModel(signal: SignalName): ScoringModel {
  return { name: signal, terms: [{ signal, weight: 1, transform: 'identity', scale: 1 }] };
}

/** Rejects models that would silently misbehave (unknown signal, non-finite or zero scale). */
export function checkModel(model: ScoringModel): ScoringModel {
  if (model.terms.length === 0) throw new Error(`scoring model "${model.name}" has no terms`);
  for (const term of model.terms) {
    if (!SIGNAL_NAMES.includes(term.signal))
      throw new Error(`scoring model "${model.name}": unknown signal "${term.signal}"`);
    if (!Number.isFinite(term.weight))
      throw new Error(`scoring model "${model.name}": weight of ${term.signal} is not a number`);
    if (!(term.scale > 0) || !Number.isFinite(term.scale))
      throw new Error(`scoring model "${model.name}": scale of ${term.signal} must be > 0`);
    if (term.cap !== undefined && !(term.cap > 0))
      throw new Error(`scoring model "${model.name}": cap of ${term.signal} must be > 0`);
  }
  return model;
}

/** German labels of the signals, for the parts of a suggestion's score. */
export const SIGNAL_LABELS: Record<SignalName, string> = {
  topics: 'Gemeinsame Themen',
  adamicAdar: 'Gemeinsame Partner (gewichtet nach Seltenheit)',
  resourceAllocation: 'Gemeinsame Partner (gewichtet nach deren Partnerzahl)',
  commonNeighbours: 'Gemeinsame Partner (Anzahl)',
  katz: 'Indirekte Verbindungen über zwei und drei Schritte',
  activity: 'Aktivität (Zahl der Partner)',
  collaborations: 'Aktivität (Zahl der Zusammenarbeiten)',
  randomWalk: 'Kurze Wege über gemeinsame Partner (kleine Zusammenarbeiten zählen mehr)',
};
