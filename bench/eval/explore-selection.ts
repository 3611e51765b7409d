/**
 * `npx tsx bench/eval/explore-selection.ts --data=DIR [--planted-seeds=2,3,6,7]`: how the self-fit's
 * choice of a grid point would carry to the real future. For every split: the self-fit's own history
 * split of the split's past (self-fit.ts), and for every grid point its precision on the fitting
 * actors' choice sets, its precision and coverage on the held-out actors (and Katz's), and — what the
 * self-fit never sees — P@10 / Katz and coverage on the split's real future. `--gamma=0.5`: the
 * walk's step exponent (csr.ts STEP_EXPONENT) for all of it, as a self-fit choosing it would see it.
 */
import { STEP_EXPONENT } from '../../server/src/features/suggestions/csr';
import { singleSignalModel, type ScoringModel } from '../../server/src/features/suggestions/model';
import {
  choicePrecision,
  choiceSet,
  FIT_RULES,
  FIT_TERMS,
  fitGrid,
  fittedModel,
  historySplit,
  queryFolds,
} from '../../server/src/features/suggestions/self-fit';
import { heldOutListsSteps } from '../../server/src/features/suggestions/held-out';
import { suggestContacts } from '../../server/src/features/suggestions/suggest';
import { buildSuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { arg, explorationSplits } from './exploration-splits';
import { withStepExponent } from './step-variant';
import { actorsWithTies, type TemporalSplit } from './split';

const run = <T>(g: Generator<void, T, void>): T => {
  for (;;) {
    const n = g.next();
    if (n.done) return n.value;
  }
};

function measure(split: TemporalSplit, name: string): void {
  const gamma = Number(arg('gamma') ?? STEP_EXPONENT);
  const outerIndex = withStepExponent(buildSuggestionIndex(split.projection), gamma);
  const queries = actorsWithTies(split);
  const outer = (model: ScoringModel) => {
    const lists = queries.map((q) => suggestContacts(outerIndex, q, { first: 10, model }).map((s) => s.actorId));
    const p = lists.reduce((s, l, i) => s + l.filter((b) => split.targets.get(queries[i])!.has(b)).length / 10, 0);
    return { p: p / queries.length, c: new Set(lists.flat()).size };
  };
  const katzOuter = outer(singleSignalModel('katz'));
  const inner = historySplit(split.projection)!;
  const index = withStepExponent(buildSuggestionIndex(inner.past), gamma);
  // One part held out, the others fitted on (the self-fit holds out each part in turn).
  const [heldOut, ...rest] = queryFolds(inner, index);
  const fit = rest.flat();
  const sets = fit.map((q) => choiceSet(index, q, inner.answers.get(q)!, FIT_TERMS, FIT_RULES.candidatesPerSignal));
  const katzHeld = run(heldOutListsSteps(index, heldOut, inner.answers, singleSignalModel('katz')));
  console.log(
    `\n## ${name}, steps strength^−${gamma}: inner cut-off ${inner.cutoff}, ${fit.length} fit / ${heldOut.length} held-out; held-out Katz ${katzHeld.precision.toFixed(4)} c${katzHeld.coverage}; outer Katz ${katzOuter.p.toFixed(4)} c${katzOuter.c}`,
  );
  console.log('point (walk, topics, activity) | fit P@10 | held-out P@10 | held-out cov | outer ×Katz | outer cov');
  for (const w of fitGrid()) {
    const model = fittedModel(FIT_TERMS, w);
    const fp = choicePrecision(sets, w);
    const h = run(heldOutListsSteps(index, heldOut, inner.answers, model));
    const o = outer(model);
    console.log(
      `${w.map((x) => x.toFixed(3)).join(', ')} | ${fp.toFixed(4)} | ${h.precision.toFixed(4)} | ${h.coverage}${h.coverage >= katzHeld.coverage ? '' : '✗'} | ${(o.p / katzOuter.p).toFixed(3)} | ${o.c}${o.c >= katzOuter.c ? '' : '✗'}`,
    );
  }
}

for (const { split, label } of explorationSplits()) measure(split, label);
