/**
 * How a model does on held-out actors of a history split (./self-fit.ts): precision@10 against the
 * pairs that formed after the cut-off, and catalogue coverage (distinct actors over all lists).
 */
import type { ScoringModel } from './model';
import { suggestContactsSteps } from './suggest';
import type { SuggestionIndex } from './suggestion-index';

/** What `heldOutListsSteps` measured: per query actor its precision@10 and its list (in `queries` order). */
export interface HeldOutLists {
  precision: number;
  coverage: number;
  perQuery: Float64Array;
  lists: string[][];
}

/**
 * Mean precision@10 (and each query's) and catalogue coverage of `model` over `queries`, as a generator that yields
 * after every query actor and within a busy one's list (thousands of lists at 100k: the fit runs while the
 * service serves).
 */
export function* heldOutListsSteps(
  index: SuggestionIndex,
  queries: readonly string[],
  answers: ReadonlyMap<string, ReadonlySet<string>>,
  model: ScoringModel,
): Generator<void, HeldOutLists, void> {
  const lists: string[][] = [];
  for (const q of queries) {
    lists.push((yield* suggestContactsSteps(index, q, { first: 10, model })).map((s) => s.actorId));
    yield;
  }
  return heldOutOf(queries, answers, lists);
}

/** Precision@10 per query actor, its mean and catalogue coverage, of lists given in `queries` order. */
export function heldOutOf(
  queries: readonly string[],
  answers: ReadonlyMap<string, ReadonlySet<string>>,
  lists: string[][],
): HeldOutLists {
  const perQuery = new Float64Array(queries.length);
  if (queries.length === 0) return { precision: 0, coverage: 0, perQuery, lists };
  let sum = 0;
  for (const [i, q] of queries.entries()) {
    const targets = answers.get(q)!;
    perQuery[i] = lists[i].filter((b) => targets.has(b)).length / 10;
    sum += perQuery[i];
  }
  return { precision: sum / queries.length, coverage: coverage(lists), perQuery, lists };
}

/** Catalogue coverage: distinct actors over all lists. */
export function coverage(lists: readonly (readonly string[])[]): number {
  const shown = new Set<string>();
  for (const list of lists) for (const b of list) shown.add(b);
  return shown.size;
}

/**
 * Is the mean of the paired per-actor differences a − b above `standardErrors` of its standard
 * errors? With 1.645 a one-sided 95 % test: with 60–110 held-out actors a gain of a few hits is
 * noise, and a fitted model chosen on such a gain served worse than the default (docs/suggestions.md).
 */
export function clearGain(a: Float64Array, b: Float64Array, standardErrors: number): boolean {
  const n = a.length;
  if (n < 2) return false;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (a[i] - b[i]) / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (a[i] - b[i] - mean) ** 2;
  return mean > 0 && mean > standardErrors * Math.sqrt(squares / (n - 1) / n);
}
