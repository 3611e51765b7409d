/**
 * Runs methods over query groups of a split and averages the metrics. The index is the same
 * structure the service builds (suggestionIndex over a NetworkProjection).
 */
import type { ScoringModel } from '../../server/src/features/suggestions/model';
import { suggestContacts } from '../../server/src/features/suggestions/suggest';
import { suggestionIndex, type SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { random } from '../../seed/generate';
import { average, listMetrics, type Metrics } from './metrics';
import type { Method } from './methods';
import type { LateNewcomer, TemporalSplit } from './split';

export const K = 10;

/** Averages, and each query's precision@10 (averaged over repetitions) for paired comparisons. */
export interface GroupMetrics extends Metrics {
  perQueryPrecisionAt10: number[];
}

export function evaluateGroup(
  split: TemporalSplit,
  queries: readonly string[],
  method: Method,
  repetitions = 1,
): GroupMetrics {
  const index = suggestionIndex(split.projection);
  const rows: Array<ReturnType<typeof listMetrics>> = [];
  const perQuery = new Array<number>(queries.length).fill(0);
  for (let r = 0; r < repetitions; r++) {
    queries.forEach((q, i) => {
      const row = listMetrics(method.rank(index, q, K), split.targets.get(q)!);
      rows.push(row);
      perQuery[i] += row.precisionAt10 / repetitions;
    });
  }
  return { ...average(rows), queries: queries.length, perQueryPrecisionAt10: perQuery };
}

/**
 * Each query actor's precision@10 of `model`'s list through `suggestContacts` with the full walk (no
 * ranking by bounds), and the distinct actors over all the lists (catalogue coverage): what the
 * exploration scripts compare a variant of the index by.
 */
export function fullWalkLists(
  index: SuggestionIndex,
  split: TemporalSplit,
  queries: readonly string[],
  model: ScoringModel,
): { scores: number[]; coverage: number } {
  const shown = new Set<string>();
  const scores = queries.map((q) => {
    const list = suggestContacts(index, q, { first: K, model, boundAbove: Infinity }).map((s) => s.actorId);
    list.forEach((b) => shown.add(b));
    return list.filter((b) => split.targets.get(q)!.has(b)).length / K;
  });
  return { scores, coverage: shown.size };
}

/**
 * Paired bootstrap of the difference in mean precision@10 between two methods over the same query
 * actors (resampling actors, seeded): the 2.5 % and 97.5 % quantiles.
 */
export function bootstrapDifference(
  a: readonly number[],
  b: readonly number[],
  samples = 2000,
  seed = 7,
): [number, number] {
  const rand = random(seed);
  const n = a.length;
  const diffs: number[] = [];
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      sum += a[j] - b[j];
    }
    diffs.push(sum / n);
  }
  diffs.sort((x, y) => x - y);
  return [diffs[Math.floor(samples * 0.025)], diffs[Math.floor(samples * 0.975)]];
}

/** Ratio of mean P@10 to the reference's, bootstrap over query actors (paired, seeded). */
export function bootstrapRatio(
  a: readonly number[],
  b: readonly number[],
  samples = 2000,
  seed = 11,
): [number, number] {
  const rand = random(seed);
  const n = a.length;
  const ratios: number[] = [];
  for (let s = 0; s < samples; s++) {
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      x += a[j];
      y += b[j];
    }
    ratios.push(y > 0 ? x / y : Infinity);
  }
  ratios.sort((p, q) => p - q);
  return [ratios[Math.floor(samples * 0.025)], ratios[Math.floor(samples * 0.975)]];
}

/**
 * Late newcomers one at a time: the actor is added to the projection with its declared interests
 * (as the service would on `createActor` + `setActorInterests`), suggested for, and removed again.
 */
export function evaluateLateNewcomers(
  split: TemporalSplit,
  newcomers: readonly LateNewcomer[],
  methods: readonly Method[],
  repetitions: Record<string, number> = {},
): Record<string, GroupMetrics> {
  const rows: Record<string, Array<ReturnType<typeof listMetrics>>> = Object.fromEntries(
    methods.map((m) => [m.name, []]),
  );
  const perQuery: Record<string, number[]> = Object.fromEntries(methods.map((m) => [m.name, []]));
  const projection = split.projection;
  for (const newcomer of newcomers) {
    projection.upsertActor(newcomer.id, newcomer.kind);
    projection.setInterests(newcomer.id, newcomer.interests);
    try {
      const index: SuggestionIndex = suggestionIndex(projection);
      for (const method of methods) {
        const times = repetitions[method.name] ?? 1;
        let precision = 0;
        for (let r = 0; r < times; r++) {
          const row = listMetrics(method.rank(index, newcomer.id, K), newcomer.targets);
          rows[method.name].push(row);
          precision += row.precisionAt10 / times;
        }
        perQuery[method.name].push(precision);
      }
    } finally {
      projection.removeActor(newcomer.id);
    }
  }
  return Object.fromEntries(
    methods.map((m) => [
      m.name,
      { ...average(rows[m.name]), queries: newcomers.length, perQueryPrecisionAt10: perQuery[m.name] },
    ]),
  );
}
