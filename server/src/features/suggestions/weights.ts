/**
 * The default scoring model of contact suggestions — walks first — and the rules that keep activity a
 * small term. A network with enough history gets its own weights (self-fit.ts); this model serves
 * until then, and wherever the fitted one does not beat it on a held-out part of that history.
 *
 * Why this shape (measured on a real network of research projects and on planted networks, see
 * docs/suggestions.md): the personal signals decide — a short random walk from the actor along its
 * ties, each tie weighted by how small the collaborations behind it are (signals.ts `randomWalk`),
 * and shared rare topics. The walk term is ln(1 + p / 10⁻⁴), so in effect the log of the walk's
 * probability; the candidate's number of partners enters as a log too, with a weight of at most
 * MAX_ACTIVITY_SHARE of the walk's — probability × partners^a: on networks where the active keep
 * gaining partners (research consortia) a little of it helps, on others the fit sets it to 0. It
 * can never rank an actor the walk does not reach above one it reaches well, and a list of the
 * biggest hubs for everybody is exactly what suggestions must not be: a fitted model serves only
 * where its lists are at least as diverse as Katz's.
 */
import { checkModel, type ModelTerm, type ScoringModel } from './model';

/** The transformed activity, log1p(partners), stops counting here (≈ 1,000 partners). */
export const ACTIVITY_CAP = Math.round(Math.log1p(1000) * 100) / 100;

/** The largest activity weight, as a share of the walk's: ten times the partners ≈ at most 2.4 × the walk. */
export const MAX_ACTIVITY_SHARE = 0.375;

/** The walk term every model of the walk family has. */
export const WALK_TERM: ModelTerm = { signal: 'randomWalk', weight: 1, transform: 'log1p', scale: 1e-4 };

/** Activity as the walk family uses it (the weight is the family's parameter). */
export const ACTIVITY_TERM: ModelTerm = {
  signal: 'activity',
  weight: 0.125,
  transform: 'log1p',
  scale: 1,
  cap: ACTIVITY_CAP,
};

export const TOPICS_TERM: ModelTerm = { signal: 'topics', weight: 0.1, transform: 'log1p', scale: 0.1 };

export const DEFAULT_TERMS: readonly ModelTerm[] = [WALK_TERM, TOPICS_TERM, ACTIVITY_TERM];

export const DEFAULT_MODEL: ScoringModel = checkModel({ name: 'default', terms: DEFAULT_TERMS });

/** The self-fit's grid (self-fit.ts): activity weights (× the walk's) and topic weights tried. */
export const FIT_GRID = {
  activity: [0, 0.125, 0.25, MAX_ACTIVITY_SHARE],
  topics: [0, 0.1, 0.3, 1],
} as const;

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

/** The largest activity weight a model with this walk weight may have (see MAX_ACTIVITY_SHARE). */
export function maxActivityWeight(walkWeight: number): number {
  return MAX_ACTIVITY_SHARE * walkWeight;
}
