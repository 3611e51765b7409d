/**
 * How a model does on held-out actors of a history split (./self-fit.ts): precision@10 against the
 * pairs that formed after the cut-off, and catalogue coverage (distinct actors over all lists).
 */
import type { ScoringModel } from './model';
import { suggestContacts } from './suggest';
import type { SuggestionIndex } from './suggestion-index';

/**
 * Mean precision@10 and catalogue coverage of `model` over `queries`, as a generator that yields
 * after every query actor (thousands of lists at 100k: the fit runs while the service serves).
 */
export function* heldOutListsSteps(
  index: SuggestionIndex,
  queries: readonly string[],
  answers: ReadonlyMap<string, ReadonlySet<string>>,
  model: ScoringModel,
): Generator<void, { precision: number; coverage: number }, void> {
  if (queries.length === 0) return { precision: 0, coverage: 0 };
  let sum = 0;
  const shown = new Set<string>();
  for (const q of queries) {
    const targets = answers.get(q)!;
    const list = suggestContacts(index, q, { first: 10, model });
    for (const s of list) shown.add(s.actorId);
    sum += list.filter((s) => targets.has(s.actorId)).length / 10;
    yield;
  }
  return { precision: sum / queries.length, coverage: shown.size };
}
