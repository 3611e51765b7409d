/**
 * The suggestion model fits itself to the network it serves, from the network's own history:
 *
 * 1. History split: the dated collaborations in start-date order; the latest ANSWER_SHARE of them
 *    are "the future". The past is everything that started before the cut-off (undated ones too),
 *    with the actors that took part in it; the answers are the pairs of those actors that first
 *    work together in a collaboration starting on or after the cut-off.
 * 2. Query actors: actors with partners in the past and a new partner after the cut-off (at most
 *    FIT_RULES.maxQueries), split by a hash of their id into three parts.
 * 3. Fit: a grid over the two weights of the walk family (weights.ts FIT_GRID: the candidate's
 *    partners as a share of the walk's weight, and shared topics), each scored by precision@10
 *    itself over each query actor's likeliest candidates (the best 50 by each term — what any point
 *    could put in its top ten, so its top ten there is the service's list; the real new partners
 *    are not added: added, they favoured any term that singles them out, e.g. topics 1 on a
 *    research network whose held-back future was two months of calls). Only points whose lists
 *    hold FIT_RULES.diversityMargin × Katz's distinct actors count; the best replaces the default's
 *    point only when it finds MARGIN more hits per list. Activity stays a capped term whose weight is
 *    at most MAX_ACTIVITY_SHARE of the walk's (weights.ts).
 *    (Tried before: a conditional logit over the same candidates — it maximises the likelihood of
 *    every new partner, also the far-away ones, and was worse at the top of the list; a coordinate
 *    search over Katz, resource allocation, topics and a small activity term — on a real network of
 *    research projects it stayed level with Katz, see docs/suggestions.md.)
 * 4. Check, by cross-fitting: each part is held out in turn, its actors ranked (by `suggestContacts`
 *    on the past) with the point chosen on the other two parts, so every query actor is held out
 *    once — three times the actors of one held-out part, and the choice of the point is part of
 *    what is checked. The point chosen on all parts serves only if the held-out lists beat the
 *    default's by more than noise (FIT_RULES.gainStandardErrors) and hold at least
 *    FIT_RULES.diversityMargin × Katz's distinct actors (catalogue coverage); otherwise the default
 *    serves, and so it does when the history is too short.
 *
 * Everything is a function of the projection's content (ids sorted, hashes instead of random
 * draws), so one store state always gives the same model. The work is a generator that yields
 * between query actors and grid points, so a caller can run it in small slices.
 */
import type { NetworkProjection } from '../../graph/projection';
import { edgeIndex } from './csr';
import { checkModel, singleSignalModel, termContribution, type ModelTerm, type ScoringModel } from './model';
import { clearGain, coverage, heldOutListsSteps, heldOutOf } from './held-out';
import { suggestContactsSteps, usesCounts } from './suggest';
import type { QuerySignals } from './signals';
import { buildIndexArrays, type BuiltArrays } from './index-build';
import { historySplitSteps, type HistorySplit } from './history-split';
import { runNow } from '../../platform/util/run-in-slices';
import { copySteps, encodeSteps, type IndexInput, type ProjectionCopy } from './index-input';
import { assembleSteps, type SuggestionIndex } from './suggestion-index';
import { TopK } from './top-k';
import { CHUNK_SCORED_ACTORS as SCORED_PER_CHUNK } from './work-chunks';
import { DEFAULT_MODEL, DEFAULT_TERMS, FIT_GRID, maxActivityWeight } from './weights';

// A local copy: an imported binding is read through a getter in tsx's CommonJS output.
const CHUNK_SCORED = SCORED_PER_CHUNK;

export const FIT_RULES = {
  /** The latest share of dated collaborations that are the answers. */
  answerShare: 0.2,
  /** Fewer dated collaborations than this: history too short. */
  minDatedCollaborations: 40,
  /** Fewer query actors (with ties before and a new partner after the cut-off): too short. */
  minQueries: 30,
  /** Of them, at most this many (every k-th by hash order), in this many parts held out in turn. */
  maxQueries: 500,
  folds: 3,
  /** Candidates per query actor and signal in the fit (what any grid point could rank in its top ten). */
  candidatesPerSignal: 50,
  /** A step must add this much precision@10 (relative) on the fitting actors. */
  margin: 0.02,
  /**
   * The fitted lists must hold this many times Katz's distinct actors on the held-out actors: measured
   * there, diversity mostly overstates what the lists hold later on the network's own future queries
   * (docs/suggestions.md, Cross-fitting: by up to 0.09 of Katz's for the points with more activity).
   */
  diversityMargin: 1.1,
  /** The held-out gain over the default must exceed this many standard errors (held-out.ts clearGain). */
  gainStandardErrors: 1.645,
  /** Refit when actors or collaborations changed by this share since the last fit (or this many). */
  refitShare: 0.1,
  refitMinimum: 20,
} as const;

export type FitSource = 'FITTED' | 'DEFAULT';

export interface HeldOutPrecision {
  queries: number;
  fitted: number;
  default: number;
  katz: number;
  /** Distinct actors over the held-out actors' top-10 lists: the fitted model's and Katz's. */
  fittedCoverage: number;
  katzCoverage: number;
}

export interface FitResult {
  /** The model that serves. */
  model: ScoringModel;
  source: FitSource;
  /** Why this model serves, in a sentence. */
  reason: string;
  /** The fitted candidate (also when it did not win), or null when there was no fit. */
  fitted: ScoringModel | null;
  cutoff: string | null;
  fitQueries: number;
  heldOut: HeldOutPrecision | null;
  /** The size of the network fitted on, to decide when it changed enough for a refit. */
  actorCount: number;
  collaborationCount: number;
}

/** The terms fitted: the default's (walk, topics, activity), so the prior is the default itself. */
export const FIT_TERMS: readonly ModelTerm[] = DEFAULT_TERMS;
const TOPICS_COLUMN = FIT_TERMS.findIndex((t) => t.signal === 'topics');
const ACTIVITY_COLUMN = FIT_TERMS.findIndex((t) => t.signal === 'activity');
const WALK_COLUMN = FIT_TERMS.findIndex((t) => t.signal === 'randomWalk');

const KATZ = singleSignalModel('katz');

export type { HistorySplit } from './history-split';

/** Step 1 (history-split.ts); null when there is too little dated history to split. */
export function historySplit(
  projection: NetworkProjection,
  answerShare: number = FIT_RULES.answerShare,
): HistorySplit | null {
  return runNow(historySplitSteps(runNow(copySteps(projection, null)), answerShare, FIT_RULES.minDatedCollaborations));
}

/**
 * A build of an index's arrays the fit asks its driver for (yielded by `selfFitSteps`): the driver
 * builds `input` — in the worker thread (contact-suggestions.ts) or inline (`selfFit`) — and puts
 * the result in `built` before it resumes the steps.
 */
export interface IndexBuildJob {
  input: IndexInput;
  built: BuiltArrays | null;
}

/** FNV-1a of an id: the deterministic coin that puts a query actor in the fitting or held-out part. */
export function idHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Step 2: the query actors of a split (partners in the past, a new one after the cut-off), at most
 * FIT_RULES.maxQueries of them (every k-th by hash order), each in one of FIT_RULES.folds parts by a
 * hash of its id; each part sorted.
 */
export function queryFolds(split: HistorySplit, index: SuggestionIndex): string[][] {
  const { graph } = index;
  const all = [...split.answers.keys()].filter((a) => {
    const i = graph.index.get(a)!;
    return graph.offsets[i + 1] > graph.offsets[i];
  });
  // The first maxQueries by (hash, id) without sorting them all (at 100k actors, ~40k of them, the
  // sort with hashes in the comparison held the event loop ~100–200 ms): only those with a hash up
  // to the maxQueries-th smallest are sorted — the same first ones.
  const hashes = Uint32Array.from(all, idHash);
  const cut = Uint32Array.from(hashes).sort()[Math.min(FIT_RULES.maxQueries, hashes.length) - 1];
  const first = all
    .map((a, k) => ({ a, hash: hashes[k] }))
    .filter((x) => x.hash <= cut)
    .sort((x, y) => x.hash - y.hash || (x.a < y.a ? -1 : 1))
    .slice(0, FIT_RULES.maxQueries);
  const folds: string[][] = Array.from({ length: FIT_RULES.folds }, () => []);
  for (const { a } of first) folds[idHash(`held-out:${a}`) % FIT_RULES.folds].push(a);
  return folds.map((f) => f.sort());
}

/**
 * Per query: the term values of its candidates (rows × terms, weight 1) and which became partners.
 * The candidates are what any point of the grid could put in the top ten — the best by each term —
 * and not the real new partners beyond them (added, they favoured any term that singles them out),
 * so a point's top ten over its rows is the list the service would show.
 */
export interface ChoiceSet {
  features: Float64Array;
  rows: number;
  /** Per row: the candidate's actor index (rows in index order, as the service breaks ties). */
  actors: Int32Array;
  positives: Int32Array;
  /** How many new partners it has in all (also those outside the rows). */
  targets: number;
}

/** One query actor's choice set: its likeliest candidates by every term, marked where they became partners. */
export function choiceSet(
  index: SuggestionIndex,
  query: string,
  targets: ReadonlySet<string>,
  terms: readonly ModelTerm[],
  perSignal: number,
): ChoiceSet {
  return runNow(choiceSetSteps(index, query, targets, terms, perSignal));
}

/** choiceSet in steps: a busy actor's walk yields between chunks (signals.ts computeSteps). */
export function* choiceSetSteps(
  index: SuggestionIndex,
  query: string,
  targets: ReadonlySet<string>,
  terms: readonly ModelTerm[],
  perSignal: number,
): Generator<void, ChoiceSet, void> {
  const q = index.graph.index.get(query)!;
  const signals = yield* index.signals.computeSteps(q, usesCounts({ name: 'fit', terms }));
  return yield* choiceSetOfSteps(index, signals, targets, terms, perSignal);
}

/**
 * The choice set from a query actor's signals computed in full (with or without the counts: the
 * terms fitted read neither), so the same walk can also give the actor's lists (selfFitSteps).
 */
export function* choiceSetOfSteps(
  index: SuggestionIndex,
  signals: QuerySignals,
  targets: ReadonlySet<string>,
  terms: readonly ModelTerm[],
  perSignal: number,
): Generator<void, ChoiceSet, void> {
  const { graph } = index;
  const q = signals.query;
  const candidates = new Set<number>();
  for (const term of terms) {
    const read = signals.reader(term.signal);
    const best = new TopK(perSignal);
    const offer = (b: number) => {
      if (!signals.isPartnerOrSelf(b)) best.offer(b, read(b));
    };
    if (term.signal === 'activity' || term.signal === 'collaborations') {
      let taken = 0;
      for (let k = 0; k < graph.byActivity.length && taken < perSignal; k++) {
        const b = graph.byActivity[k];
        if (!signals.isPartnerOrSelf(b)) {
          candidates.add(b);
          taken++;
        }
      }
      continue;
    }
    for (const list of [signals.reached, signals.topicSharing])
      for (let k = 0; k < list.length; k++) {
        if (k % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
        offer(list[k]);
      }
    for (const r of best.sorted()) if (r.score > 0) candidates.add(r.index);
  }
  const rows = [...candidates].filter((b) => b !== q && edgeIndex(graph, q, b) < 0).sort((a, b) => a - b);
  const d = terms.length;
  const features = new Float64Array(rows.length * d);
  const positives: number[] = [];
  rows.forEach((b, r) => {
    terms.forEach(
      (term, j) => (features[r * d + j] = termContribution({ ...term, weight: 1 }, signals.value(term.signal, b))),
    );
    if (targets.has(graph.ids[b])) positives.push(r);
  });
  return {
    features,
    rows: rows.length,
    actors: Int32Array.from(rows),
    positives: Int32Array.from(positives),
    targets: targets.size,
  };
}

/** The rows of a choice set's top ten under `weights` (ties by row = actor index, as the service). */
export function choiceTop(set: ChoiceSet, weights: readonly number[]): number[] {
  const d = weights.length;
  const best = new TopK(10);
  for (let r = 0; r < set.rows; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += weights[j] * set.features[r * d + j];
    best.offer(r, s);
  }
  return best.sorted().map((x) => x.index);
}

/** Mean precision@10 of weights over choice sets. */
export function choicePrecision(sets: readonly ChoiceSet[], weights: readonly number[]): number {
  return choiceScore(sets, weights).precision;
}

/** Mean precision@10 of weights over choice sets and the distinct actors over their top tens. */
export function choiceScore(
  sets: readonly ChoiceSet[],
  weights: readonly number[],
): { precision: number; coverage: number } {
  if (sets.length === 0) return { precision: 0, coverage: 0 };
  let sum = 0;
  const shown = new Set<number>();
  for (const set of sets) {
    const positive = new Set(set.positives);
    for (const r of choiceTop(set, weights)) {
      shown.add(set.actors[r]);
      if (positive.has(r)) sum += 0.1;
    }
  }
  return { precision: sum / sets.length, coverage: shown.size };
}

/** The grid of step 3 as weight vectors over FIT_TERMS, the default's own point first. */
export function fitGrid(): number[][] {
  const points: number[][] = [FIT_TERMS.map((t) => t.weight)];
  for (const a of FIT_GRID.activity)
    for (const t of FIT_GRID.topics) {
      const w = FIT_TERMS.map((term) => term.weight);
      w[ACTIVITY_COLUMN] = a * w[WALK_COLUMN];
      w[TOPICS_COLUMN] = t;
      if (!points.some((p) => p.every((x, k) => x === w[k]))) points.push(w);
    }
  return points;
}

/**
 * Step 3 on some query actors' choice sets, one grid point per step (for slices): the point with the
 * best precision@10 among those whose lists hold at least `minCoverage` distinct actors (Katz's over
 * the same actors), if it beats the default's own point by FIT_RULES.margin; else the default's
 * point (`at` 0: its place in the grid). Ties: the earlier point.
 */
export function* selectPoint(
  sets: readonly ChoiceSet[],
  minCoverage: number,
): Generator<void, { weights: number[]; at: number; precision: number; base: number }, void> {
  const points = fitGrid();
  const base = choiceScore(sets, points[0]).precision;
  let chosen = { weights: points[0], at: 0, precision: base };
  for (let k = 1; k < points.length; k++) {
    yield;
    const { precision, coverage } = choiceScore(sets, points[k]);
    if (coverage >= minCoverage && precision > base * (1 + FIT_RULES.margin) && precision > chosen.precision)
      chosen = { weights: points[k], at: k, precision };
  }
  return { ...chosen, base };
}

/** The fitted weights as a model: rounded, activity clamped, zero terms left out. */
export function fittedModel(terms: readonly ModelTerm[], weights: readonly number[]): ScoringModel {
  const rounded = terms.map((t, j) => ({ ...t, weight: Number(weights[j].toFixed(3)) }));
  const walk = rounded.find((t) => t.signal === 'randomWalk')?.weight ?? 0;
  for (const t of rounded)
    if (t.signal === 'activity' && t.weight > maxActivityWeight(walk))
      t.weight = Number(maxActivityWeight(walk).toFixed(3));
  const kept = rounded.filter((t) => t.weight > 0);
  return checkModel({ name: 'fitted', terms: kept.length > 0 ? kept : [{ ...terms[0], weight: 1 }] });
}

function fallback(projection: NetworkProjection, reason: string, extra: Partial<FitResult> = {}): FitResult {
  return {
    model: DEFAULT_MODEL,
    source: 'DEFAULT',
    reason,
    fitted: null,
    cutoff: null,
    fitQueries: 0,
    heldOut: null,
    actorCount: projection.actors.size,
    collaborationCount: projection.collaborations.size,
    ...extra,
  };
}

/**
 * The copy of the projection and its split. A generator of its own, so the copy is garbage once the
 * split is made, not held by the fit's frame for the whole fit.
 */
function* splitHistorySteps(projection: NetworkProjection) {
  const journal = projection.openJournal();
  let copy: ProjectionCopy;
  try {
    copy = yield* copySteps(projection, journal);
  } finally {
    journal.close();
  }
  const sizes = { actorCount: copy.actors.size, collaborationCount: copy.collaborations.size };
  const split = yield* historySplitSteps(copy, FIT_RULES.answerShare, FIT_RULES.minDatedCollaborations);
  return { split, sizes };
}

/**
 * The index of the past: copied and encoded in steps, its arrays built by the driver (off the event
 * loop in the service), assembled in steps — the same bits as buildSuggestionIndex(past). A
 * generator of its own, so the copy and the flat input are garbage once the index is assembled.
 */
function* pastIndexSteps(past: NetworkProjection): Generator<void | IndexBuildJob, SuggestionIndex, void> {
  const input = yield* encodeSteps(yield* copySteps(past, null));
  const job: IndexBuildJob = { input, built: null };
  yield job;
  return yield* assembleSteps(past, input, job.built!, () => 0);
}

/**
 * Steps 1–4 as a generator: yields between units of work (one query actor, one trial of the search,
 * a slice of the split), and once an IndexBuildJob for the index of the past; returns the result.
 * Reads the projection through a copy taken in slices with a journal (index-input.ts `copySteps`):
 * the fit is a function of the projection's state at the copy's end, whatever is written later.
 */
export function* selfFitSteps(projection: NetworkProjection): Generator<void | IndexBuildJob, FitResult, void> {
  const { split, sizes } = yield* splitHistorySteps(projection);
  if (!split)
    return fallback(projection, 'history too short: too few dated collaborations to hold some back as answers', sizes);
  yield;
  const index = yield* pastIndexSteps(split.past);
  const folds = queryFolds(split, index);
  const queries = folds.flat();
  if (queries.length < FIT_RULES.minQueries || folds.some((f) => f.length === 0)) {
    return fallback(
      projection,
      `history too short: ${queries.length} actors gained a partner after ${split.cutoff} (need ${FIT_RULES.minQueries})`,
      { ...sizes, cutoff: split.cutoff },
    );
  }
  // Cross-fitting: each part is held out in turn — its actors ranked by the point chosen on the
  // other parts — so every query actor is held out once (three times the actors one held-out part
  // had) and the check measures the whole procedure, choice of the point included.
  //
  // Per query actor one walk, with the counts Katz reads, gives its choice set and the default's and
  // Katz's lists (real lists, as the service ranks them: suggestContacts from the same signals; a
  // ranking by bounds gives the full walk's list). Before, each walked again, and the three-step
  // walk was most of the fit's CPU. The largest part walks last: the other parts' choice sets are
  // there by then, so its point is chosen first and its held-out lists come from the same walk.
  // The other parts' points are known only after every walk: their lists (unless the default's
  // point, whose lists are there) take one more walk each.
  const starts = folds.map((_, k) => folds.slice(0, k).reduce((sum, f) => sum + f.length, 0));
  const sets: ChoiceSet[] = new Array<ChoiceSet>(queries.length);
  const defaultLists: string[][] = new Array<string[]>(queries.length);
  const katzLists: string[][] = new Array<string[]>(queries.length);
  const listOf = function* (q: string, signals: QuerySignals, model: ScoringModel) {
    return (yield* suggestContactsSteps(index, q, { first: 10, model, signals })).map((s) => s.actorId);
  };
  /** Walks part k's actors; `held`: also its lists by this model. */
  const walkPart = function* (k: number, held: ScoringModel | null) {
    const lists: string[][] = [];
    for (let i = starts[k]; i < starts[k] + folds[k].length; i++) {
      const q = queries[i];
      const signals = yield* index.signals.computeSteps(index.graph.index.get(q)!, true);
      sets[i] = yield* choiceSetOfSteps(
        index,
        signals,
        split.answers.get(q)!,
        FIT_TERMS,
        FIT_RULES.candidatesPerSignal,
      );
      defaultLists[i] = yield* listOf(q, signals, DEFAULT_MODEL);
      katzLists[i] = yield* listOf(q, signals, KATZ);
      if (held) lists.push(yield* listOf(q, signals, held));
      yield;
    }
    return lists;
  };
  /** The point chosen on the parts other than k (their choice sets and Katz's lists in query order). */
  const choiceWithout = function* (k: number) {
    const outside = (i: number) => i < starts[k] || i >= starts[k] + folds[k].length;
    const katzCoverage = coverage(katzLists.filter((_, i) => outside(i)));
    return yield* selectPoint(
      sets.filter((_, i) => outside(i)),
      FIT_RULES.diversityMargin * katzCoverage,
    );
  };
  const last = folds.reduce((best, f, k) => (f.length > folds[best].length ? k : best), 0);
  for (let k = 0; k < folds.length; k++) if (k !== last) yield* walkPart(k, null);
  const lastChoice = yield* choiceWithout(last);
  const lastModel = lastChoice.at === 0 ? null : fittedModel(FIT_TERMS, lastChoice.weights);
  const lastLists = yield* walkPart(last, lastModel);
  const defaultScore = heldOutOf(queries, split.answers, defaultLists);
  const katzScore = heldOutOf(queries, split.answers, katzLists);
  const outOfFold = new Float64Array(queries.length);
  const outOfFoldLists: string[][] = [];
  for (let k = 0; k < folds.length; k++) {
    const start = starts[k];
    const end = start + folds[k].length;
    const choice = k === last ? lastChoice : yield* choiceWithout(k);
    // The default's own point ranks as the default: its lists are there already.
    const held =
      choice.at === 0
        ? { perQuery: defaultScore.perQuery.subarray(start, end), lists: defaultScore.lists.slice(start, end) }
        : k === last
          ? heldOutOf(folds[k], split.answers, lastLists)
          : yield* heldOutListsSteps(index, folds[k], split.answers, fittedModel(FIT_TERMS, choice.weights));
    outOfFold.set(held.perQuery, start);
    outOfFoldLists.push(...held.lists);
  }
  // The point that serves: chosen the same way on all query actors.
  const chosen = yield* selectPoint(sets, FIT_RULES.diversityMargin * katzScore.coverage);
  const fitted = fittedModel(FIT_TERMS, chosen.weights);
  const p: HeldOutPrecision = {
    queries: queries.length,
    fitted: outOfFold.reduce((sum, x) => sum + x, 0) / queries.length,
    default: defaultScore.precision,
    katz: katzScore.precision,
    fittedCoverage: coverage(outOfFoldLists),
    katzCoverage: katzScore.coverage,
  };
  // Serves only when clearly more precise than the default and at least as diverse as Katz.
  const precise = clearGain(outOfFold, defaultScore.perQuery, FIT_RULES.gainStandardErrors);
  const diverse = p.fittedCoverage >= FIT_RULES.diversityMargin * p.katzCoverage;
  const wins = precise && diverse;
  return {
    model: wins ? fitted : DEFAULT_MODEL,
    source: wins ? 'FITTED' : 'DEFAULT',
    reason: wins
      ? `fitted on the history before ${split.cutoff}; beats the default on the held-out actors (each part held out in turn)`
      : !precise
        ? `the fit on the history before ${split.cutoff} did not clearly beat the default on the held-out actors (each part held out in turn)`
        : `the fit on the history before ${split.cutoff} beat the default but its lists were less diverse than Katz's on the held-out actors (each part held out in turn)`,
    fitted,
    cutoff: split.cutoff,
    fitQueries: queries.length,
    heldOut: p,
    ...sizes,
  };
}

/** The whole fit at once (evaluation, tests): index builds inline. */
export function selfFit(projection: NetworkProjection): FitResult {
  const steps = selfFitSteps(projection);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (next.value) next.value.built = buildIndexArrays(next.value.input);
  }
}

/** Did the network change enough since a fit to fit again? */
export function changedEnough(
  fit: Pick<FitResult, 'actorCount' | 'collaborationCount'>,
  projection: NetworkProjection,
): boolean {
  const moved = (before: number, now: number) =>
    Math.abs(now - before) >= Math.max(FIT_RULES.refitMinimum, FIT_RULES.refitShare * before);
  return moved(fit.actorCount, projection.actors.size) || moved(fit.collaborationCount, projection.collaborations.size);
}
