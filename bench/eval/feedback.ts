/**
 * Feedback in the evaluation, on a simulated feedback log: neither evaluation network comes with
 * real verdicts of quarter managers, so the log is made from the data itself — with nothing but
 * what was known before the evaluation's cut-off.
 *
 * At an earlier date T0 (a year before the cut-off T1) the shipped model's top-10 list is shown for
 * each query actor; a suggested actor the query actor did not start working with between T0 and
 * T1 is marked NOT_USEFUL, one it did is INTRODUCED (every list reviewed: the most feedback the
 * service could get). At T1 the dismissed pairs are excluded as the service excludes them, and
 * P@10 on the partners formed after T1 is compared with and without the exclusion, over the same
 * query actors (paired bootstrap). The cost shows too: dismissed pairs that did form after T1.
 */
import { suggestContacts } from '../../server/src/features/suggestions/suggest';
import { suggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import type { ScoringModel } from '../../server/src/features/suggestions/model';
import { bootstrapDifference, K } from './evaluate';
import { average, listMetrics, type Metrics } from './metrics';
import type { EvalNetwork } from './network';
import { actorsWithTies, temporalSplit, type SplitOptions } from './split';

export interface FeedbackEffect {
  /** When the simulated lists were reviewed (T0) and the evaluation's cut-off (T1). */
  reviewedAt: string;
  cutoff: string;
  queries: number;
  /** Suggestions shown at T0 and the verdicts they got. */
  reviewed: number;
  introduced: number;
  dismissed: number;
  /** Dismissed pairs that did start working together after T1 (hits the exclusion gives away). */
  dismissedThatFormedLater: number;
  without: Metrics;
  with: Metrics;
  /** with − without in P@10, and its 95 % interval (paired bootstrap over the query actors). */
  difference: number;
  interval95: [number, number];
}

export function feedbackEffect(
  network: EvalNetwork,
  split: SplitOptions,
  reviewedAt: string,
  model: ScoringModel,
): FeedbackEffect {
  const earlier = temporalSplit(network, { ...split, cutoff: reviewedAt, end: split.cutoff });
  const later = temporalSplit(network, split);
  const before = suggestionIndex(earlier.projection);
  const after = suggestionIndex(later.projection);

  // The query actors of the evaluation's "with ties" group that were there to be reviewed at T0.
  const queries = actorsWithTies(later).filter((q) => earlier.projection.actors.has(q));
  const dismissedFor = new Map<string, Set<string>>();
  let reviewed = 0;
  let introduced = 0;
  for (const q of queries) {
    const shown = suggestContacts(before, q, { first: K, model }).map((s) => s.actorId);
    const formed = earlier.targets.get(q) ?? new Set<string>();
    reviewed += shown.length;
    introduced += shown.filter((b) => formed.has(b)).length;
    dismissedFor.set(q, new Set(shown.filter((b) => !formed.has(b))));
  }

  const rowsWithout: Array<ReturnType<typeof listMetrics>> = [];
  const rowsWith: Array<ReturnType<typeof listMetrics>> = [];
  let dismissed = 0;
  let dismissedThatFormedLater = 0;
  for (const q of queries) {
    const targets = later.targets.get(q)!;
    const exclude = dismissedFor.get(q)!;
    dismissed += exclude.size;
    for (const b of exclude) if (targets.has(b)) dismissedThatFormedLater++;
    rowsWithout.push(
      listMetrics(
        suggestContacts(after, q, { first: K, model }).map((s) => s.actorId),
        targets,
      ),
    );
    rowsWith.push(
      listMetrics(
        suggestContacts(after, q, { first: K, model, exclude }).map((s) => s.actorId),
        targets,
      ),
    );
  }
  const without = average(rowsWithout);
  const withFeedback = average(rowsWith);
  return {
    reviewedAt,
    cutoff: split.cutoff,
    queries: queries.length,
    reviewed,
    introduced,
    dismissed,
    dismissedThatFormedLater,
    without,
    with: withFeedback,
    difference: withFeedback.precisionAt10 - without.precisionAt10,
    interval95: bootstrapDifference(
      rowsWith.map((r) => r.precisionAt10),
      rowsWithout.map((r) => r.precisionAt10),
    ),
  };
}

const f = (x: number) => x.toFixed(4);

export function feedbackTable(e: FeedbackEffect): string {
  return [
    `Lists of the ${e.queries} query actors reviewed on ${e.reviewedAt}: ${e.reviewed} suggestions, ${e.introduced} INTRODUCED ` +
      `(share ${f(e.reviewed ? e.introduced / e.reviewed : 0)}), ${e.dismissed} NOT_USEFUL; ${e.dismissedThatFormedLater} of the dismissed pairs did form after ${e.cutoff}.`,
    '',
    '| shipped model at the cut-off | P@5 | P@10 | R@10 | MRR |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| without feedback | ${f(e.without.precisionAt5)} | ${f(e.without.precisionAt10)} | ${f(e.without.recallAt10)} | ${f(e.without.mrr)} |`,
    `| dismissed pairs excluded | ${f(e.with.precisionAt5)} | ${f(e.with.precisionAt10)} | ${f(e.with.recallAt10)} | ${f(e.with.mrr)} |`,
    '',
    `with − without in P@10: ${e.difference >= 0 ? '+' : ''}${f(e.difference)}, 95 % interval (paired bootstrap over the query actors) ${f(e.interval95[0])} … ${f(e.interval95[1])}`,
  ].join('\n');
}
