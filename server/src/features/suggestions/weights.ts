/**
 * The default scoring model of contact suggestions — Katz first — and the rules that keep activity a
 * small term. A network with enough history gets its own weights (self-fit.ts); this model serves
 * until then, and wherever the fitted one does not beat it on a held-out part of that history.
 *
 * Why this shape (measured on a real network of research projects and on planted networks, see
 * README "Contact suggestions"): the personal signals — walks of length 2–3 (Katz), mutual partners
 * counted by how few partners they have (resource allocation), shared rare topics — decide; the
 * candidate's number of partners only breaks ties and ranks for those the actor has no other
 * evidence about. It is capped so that it can never outweigh one mutual partner: a list of the
 * biggest hubs for everybody is exactly what suggestions must not be.
 */
import { checkModel, type ModelTerm, type ScoringModel } from './model';
import { KATZ_BETA } from './signals';

/** The transformed activity, log1p(partners), stops counting here (≈ 6 partners). */
export const ACTIVITY_CAP = 2;

/**
 * The most the activity term may add, as a share of what one mutual partner adds through the Katz
 * term (weight · ln 2): below 1, so no hub outranks a candidate with a mutual partner on size alone.
 */
export const ACTIVITY_SHARE_OF_ONE_MUTUAL = 0.9;

export const DEFAULT_TERMS: readonly ModelTerm[] = [
  { signal: 'katz', weight: 1, transform: 'log1p', scale: KATZ_BETA * KATZ_BETA },
  { signal: 'resourceAllocation', weight: 1, transform: 'log1p', scale: 1 },
  { signal: 'topics', weight: 0.1, transform: 'log1p', scale: 0.1 },
  { signal: 'activity', weight: 0.3, transform: 'log1p', scale: 1, cap: ACTIVITY_CAP },
];

export const DEFAULT_MODEL: ScoringModel = checkModel({ name: 'default', terms: DEFAULT_TERMS });

/**
 * For an actor without any partner yet (it registered with its topics): the actors of those topics,
 * the better connected first — the topic cosine decides who is considered and weighs most, the
 * number of partners (not capped here: a newcomer needs someone who can introduce it around) ranks
 * within. Only actors sharing a topic are ranked; the rest of the list is filled up as always.
 */
export const COLD_START_MODEL: ScoringModel = checkModel({
  name: 'cold-start',
  terms: [
    { signal: 'topics', weight: 1, transform: 'log1p', scale: 0.1 },
    { signal: 'activity', weight: 0.5, transform: 'log1p', scale: 1 },
  ],
});

/** The largest activity weight a model with this Katz weight may have (see ACTIVITY_SHARE_OF_ONE_MUTUAL). */
export function maxActivityWeight(katzWeight: number): number {
  return (ACTIVITY_SHARE_OF_ONE_MUTUAL * katzWeight * Math.LN2) / ACTIVITY_CAP;
}
