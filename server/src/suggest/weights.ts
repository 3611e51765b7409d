/**
 * The shipped scoring model of contact suggestions: weights fitted, not chosen.
 *
 * Fitted by `npm run fit:suggestions` (bench/fit-suggestion-weights.ts) on the real H2020 network
 * (../shared/data/h2020-industrial; Source: CORDIS, © European Union) — a conditional logit over
 * each actor's candidates with weights ≥ 0, on three windows that all end before the evaluation's
 * cut-off 2016-01-01 (features before 2015-04-01 / 2015-07-01 / 2015-10-01, labels = the new
 * partnerships of the following months up to 2015-12-31; bench/eval/training.ts).
 *
 * Fitted weights: topics 0.737, katz 0.228, activity 0.237, collaborations 1.140; Adamic–Adar and
 * common neighbours 0 (Katz carries the same information: with β = 0.005 it is the number of
 * mutual partners plus a little of the longer walks), so they are not terms of the model. Mutual
 * collaborators still appear in every explanation.
 *
 * What the weights say: who has been active in many collaborations is the best single predictor of
 * new partnerships, shared rare topics the second, being close in the network the third — together
 * they beat each of them alone (README, "Contact suggestions").
 *
 * Another network can be given other weights: `NetworkService.start(store, { suggestionModel })`.
 */
import { checkModel, type ScoringModel } from './model';
import { KATZ_BETA } from './signals';

export const DEFAULT_MODEL: ScoringModel = checkModel({
  name: 'combined',
  terms: [
    { signal: 'topics', weight: 0.737, transform: 'log1p', scale: 0.1 },
    { signal: 'katz', weight: 0.228, transform: 'log1p', scale: KATZ_BETA * KATZ_BETA },
    { signal: 'activity', weight: 0.237, transform: 'log1p', scale: 1 },
    { signal: 'collaborations', weight: 1.14, transform: 'log1p', scale: 1 },
  ],
});
