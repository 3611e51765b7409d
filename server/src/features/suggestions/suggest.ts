/**
 * "Whom should this actor meet?": the actors it has not collaborated with yet, ranked by a scoring
 * model over the signals (signals.ts, model.ts). The same function serves `suggestContacts` and the
 * evaluation (bench/eval), for the shipped model and for the single-signal baselines alike.
 *
 * Which actors are considered: everyone except the actor itself and its partners, of the requested
 * kinds, having one of the requested topics. Of those, the ones with any evidence are scored — the
 * actors reached by a walk of length 2–3, those sharing a topic — plus the most active ones (so a
 * newcomer without ties still gets suggestions). An actor outside that pool has no signal but its
 * activity, so the best of them by the model's activity terms are the best of them: the list is
 * exact for every model.
 *
 * Order: score descending, ties by actor id. Only scores above 0 (and at least `minScore`) are
 * ranked; when fewer than `first` are, the list is filled up with the most active remaining actors
 * (ties by id) — the protocol the reference figures were measured with, where every list has 10 entries.
 */
import { DomainError, NotFoundError } from '../../domain/errors';
import type { ActorKind } from '../../domain/model';
import { scoreOf, scoreParts, termContribution, type ScorePart, type ScoringModel } from './model';
import { boundable, rankWithBoundsSteps, threeStepEntries, walkNeededFor } from './bounded-rank';
import { runNow } from '../../platform/util/run-in-slices';
import { sortedSteps } from '../../platform/util/sorted-steps';
import { CHUNK_ACTORS as ACTORS_PER_CHUNK, CHUNK_SCORED_ACTORS as SCORED_PER_CHUNK } from './work-chunks';
import {
  WALK3_WEIGHT as WALK3_WEIGHT_EXPORTED,
  type QuerySignals,
  type SignalName,
  type SignalWorkspace,
} from './signals';
import type { SuggestionIndex } from './suggestion-index';
import { hasAnyTopic } from './topic-profile';
import { TopK } from './top-k';
import type { KeptWalks } from './kept-walks';

// Local copies: an imported binding is read through a getter in tsx's CommonJS output, and these
// are read in loops over every actor (the getters cost a tenth of a hub's list).
const WALK3_WEIGHT = WALK3_WEIGHT_EXPORTED;
const CHUNK_ACTORS = ACTORS_PER_CHUNK;
const CHUNK_SCORED = SCORED_PER_CHUNK;

export interface SuggestOptions {
  /** How many, ≥ 1. */
  first: number;
  /** Only actors with any of these topics (among their interests or their collaborations' topics). */
  topicIds?: readonly string[] | null;
  /** Only actors of any of these kinds. */
  kinds?: readonly ActorKind[] | null;
  /** Only suggestions scoring at least this much (the fill-up included). */
  minScore?: number | null;
  /** Actors never to suggest (the pairs the actor's feedback dismissed); unknown ids are ignored. */
  exclude?: ReadonlySet<string> | null;
  model: ScoringModel;
  /**
   * For an actor without partners: rank only actors sharing one of its topics, by this model
   * (weights.ts COLD_START_MODEL). Absent: the model ranks everybody, as for anyone else.
   */
  coldStart?: ScoringModel | null;
  /**
   * Rank by bounds (bounded-rank.ts) when the three-step walk would read more than this many
   * entries of the graph; the answer is the same either way. Default BOUND_ABOVE_ENTRIES × actors;
   * Infinity: never (the full walk).
   */
  boundAbove?: number;
  /**
   * The query actor's signals, computed in full by the caller (`workspace.computeSteps`, with the
   * counts when a model reads them) and not touched since: ranked from them without a walk of its
   * own. The list is the same as with the walk (a ranking by bounds gives the full walk's list). The
   * self-fit ranks several models from one walk this way.
   */
  signals?: QuerySignals;
  /**
   * The full walks kept for this index (kept-walks.ts): when it holds the query actor's, the list is
   * ranked from it without a walk (the same list as with a walk, bit for bit).
   */
  kept?: KeptWalks | null;
}

/**
 * Below this many entries per actor of the network the full three-step walk is about as cheap as
 * bounding it (bounding reads every actor a few times). Measured at 100k actors (2026-12-07): walks
 * of 4–8 entries per actor ranked by bounds in 4–8 ms, in full 8–12 ms; at 1k and 10k alike.
 */
export const BOUND_ABOVE_ENTRIES = 2;

/** How the last call ranked (for tests): 'bounded' or 'full'. */
export let lastRanking: 'bounded' | 'full' = 'full';

/** Where the last call's walk came from (for tests and benches): its own or a kept one. */
export let lastWalk: 'walked' | 'kept' = 'walked';

export interface Suggestion {
  actorId: string;
  score: number;
  parts: ScorePart[];
}

/** Actor index of an id, or NOT_FOUND. */
export function actorIndexOf(index: SuggestionIndex, actorId: string): number {
  const i = index.graph.index.get(actorId);
  if (i === undefined) throw new NotFoundError('Actor', actorId);
  return i;
}

/** Topic indexes of ids, or NOT_FOUND naming the input field. */
export function topicIndexesOf(index: SuggestionIndex, topicIds: readonly string[], field = 'topicIds'): number[] {
  return topicIds.map((id) => {
    const t = index.profiles.topicIndex.get(id);
    if (t === undefined) throw new DomainError('NOT_FOUND', `Topic "${id}" does not exist`, field);
    return t;
  });
}

export function suggestContacts(index: SuggestionIndex, actorId: string, options: SuggestOptions): Suggestion[] {
  return runNow(suggestContactsSteps(index, actorId, options));
}

/**
 * suggestContacts in steps: it yields between chunks of its work (work-chunks.ts; a hub's walk and
 * ranking read most of the graph), with the same arithmetic in the same order, so the same list.
 * The index's signal workspace is in use until the steps end: no other query on the same index may
 * run in between (contact-suggestions.ts queues them).
 */
export function* suggestContactsSteps(
  index: SuggestionIndex,
  actorId: string,
  options: SuggestOptions,
): Generator<void, Suggestion[], void> {
  return yield* rankWalkSteps(index, yield* walkForListSteps(index, actorId, options), options);
}

/**
 * The walk a list starts from: what no filter, `first`, `minScore` or exclusion changes (they only
 * choose among its scores), so a caller may learn those while it walks. Ranked by rankWalkSteps,
 * with the same model and workspace, before another query uses the workspace.
 */
export interface ListWalk {
  q: number;
  signals: QuerySignals;
  /** The walk stopped after two steps: the list is ranked by bounds. */
  bounded: boolean;
  /** The three-step entries the walk would read (the bounds' budget). */
  entries: number;
}

/** The first part of suggestContactsSteps: the options checked, the query actor walked. */
export function* walkForListSteps(
  index: SuggestionIndex,
  actorId: string,
  options: Omit<SuggestOptions, 'exclude'>,
): Generator<void, ListWalk, void> {
  const { graph } = index;
  const q = actorIndexOf(index, actorId);
  if (!Number.isInteger(options.first) || options.first < 1)
    throw new DomainError('BAD_USER_INPUT', 'first must be at least 1', 'first');
  // Unknown topic ids answer NOT_FOUND before the walk, not after it (rankWalkSteps maps them).
  if (options.topicIds?.length) topicIndexesOf(index, options.topicIds);

  const workspace = index.signals;
  const lean = !usesCounts(options.model) && !usesCounts(options.coldStart);
  let signals: QuerySignals;
  let bounded = false;
  let entries = 0;
  lastRanking = 'full';
  lastWalk = 'walked';
  const keptWalk = lean && !options.signals ? (options.kept?.get(q) ?? null) : null;
  if (options.signals) {
    if (options.signals.query !== q) throw new Error('suggestContacts: signals of another actor');
    signals = options.signals;
  } else if (keptWalk) {
    // Walked in full by an earlier list on this index (an expensive walk): ranked from its copy.
    signals = keptWalk;
    lastWalk = 'kept';
  } else if (lean && boundable(options.model) && (options.boundAbove ?? BOUND_ABOVE_ENTRIES) < Infinity) {
    signals = yield* workspace.computeTwoStepsSteps(q);
    entries = threeStepEntries(graph, signals.reached);
    bounded = entries > (options.boundAbove ?? BOUND_ABOVE_ENTRIES * graph.ids.length);
    if (!bounded) signals = yield* workspace.completeThreeStepsSteps();
  } else {
    signals = yield* workspace.computeSteps(q, !lean);
  }
  return { q, signals, bounded, entries };
}

/** The second part of suggestContactsSteps: the list ranked from its walk (walkForListSteps, the same options). */
export function* rankWalkSteps(
  index: SuggestionIndex,
  walk: ListWalk,
  options: SuggestOptions,
): Generator<void, Suggestion[], void> {
  const { graph, projection } = index;
  const { q, entries } = walk;
  let { signals, bounded } = walk;
  const wantedTopics = options.topicIds?.length ? new Set(topicIndexesOf(index, options.topicIds)) : null;
  const wantedKinds = options.kinds?.length ? new Set(options.kinds) : null;
  const minScore = options.minScore ?? null;
  const { first } = options;
  const workspace = index.signals;

  const coldStart = options.coldStart && graph.offsets[q + 1] === graph.offsets[q] && signals.topicSharing.length > 0;
  const model = coldStart ? options.coldStart! : options.model;
  // An actor deleted after the index was built (off the event loop) has no kind: not suggested by kind.
  const kindOf = (b: number) => projection.actors.get(graph.ids[b])?.kind;
  const kindOk = (b: number) => !wantedKinds || wantedKinds.has(kindOf(b)!);
  const topicOk = (b: number) => !wantedTopics || hasAnyTopic(index.profiles, b, wantedTopics);
  const excluded = excludedIndexes(index, options.exclude);
  const eligible = (b: number): boolean => !signals.isPartnerOrSelf(b) && !excluded.has(b) && kindOk(b) && topicOk(b);

  // Made (and cached) in steps before scorer reads it.
  const fixed = yield* staticScoresSteps(index, model);
  let score = scorer(model, signals, index);
  let best = new TopK(first);
  const floor = minScore === null ? 0 : minScore;
  if (bounded) {
    // A walk of three steps reads most of the graph: rank by bounds (the same list), or else walk in full.
    bounded = yield* rankWithBoundsSteps(workspace, {
      signals,
      model,
      fixed: fixed.scores,
      fixedMax: fixedMaxOf(fixed),
      score,
      floor,
      isCandidate: (b) => !signals.isPartnerOrSelf(b) && !excluded.has(b),
      passesFilters: (b) => kindOk(b) && topicOk(b),
      best,
      entries,
    });
    if (!bounded) {
      signals = yield* workspace.completeThreeStepsSteps();
      score = scorer(model, signals, index);
      best = new TopK(first);
    }
  }
  if (bounded) lastRanking = 'bounded';
  // A model ranked by bounds, walked in full (a small walk, or the caller's signals): once `first`
  // are kept, an actor whose walk is below what the worst kept score needs (its other terms at
  // their largest) is passed over without its score — at 100k actors the pool holds most of the
  // network, and few of it can rank.
  const walkFloor = !bounded && boundable(model) ? walkNeededFor(model, fixedMaxOf(fixed)) : null;
  const { walkProbability2: p2, walkProbability3: p3, actorKinds, kindFactors } = signals.arrays;
  let walkNeeded = -Infinity;
  const consider = (b: number) => {
    // The walk's value as the scorer reads it (the same expression).
    if (walkNeeded > 0 && (p2[b] + WALK3_WEIGHT * p3[b]) * kindFactors[actorKinds[b]] < walkNeeded) return;
    if (signals.isPartnerOrSelf(b) || excluded.has(b)) return;
    const s = score(b);
    // Filters last: they cost more than the score, and most candidates fail the score anyway.
    if (s > 0 && s >= floor && best.wouldKeep(b, s) && kindOk(b) && topicOk(b)) {
      best.offer(b, s);
      if (walkFloor) walkNeeded = walkFloor(best.worstScore);
    }
  };

  // The pool: reached ∪ topic-sharing (each actor once; the order does not matter, TopK breaks
  // ties by index) …
  const { reached, topicSharing } = signals;
  for (let k = 0; !bounded && k < reached.length; k++) {
    if (k % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
    consider(reached[k]);
  }
  for (let k = 0; !bounded && k < topicSharing.length; k++) {
    if (k % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
    if (!signals.isReached(topicSharing[k])) consider(topicSharing[k]);
  }
  // … plus (unless a cold start ranks only the topic-sharing actors) the best of the rest: outside the pool only the query-independent terms (activity,
  // collaborations) score, so the first `first` eligible actors in their order are all that can rank.
  const { order } = fixed;
  let added = 0;
  for (let k = 0; !coldStart && !bounded && k < order.length && added < first; k++) {
    if (k % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
    const b = order[k];
    if (signals.inPool(b) || !eligible(b)) continue;
    consider(b);
    added++;
  }

  const chosen = best.sorted().map((r) => r.index);
  // Fill-up: the most active remaining actors, whatever their score.
  if (chosen.length < first) {
    const taken = new Set(chosen);
    for (let k = 0; k < graph.byActivity.length && chosen.length < first; k++) {
      if (k % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
      const b = graph.byActivity[k];
      if (taken.has(b) || !eligible(b)) continue;
      if (bounded) settle(workspace, b);
      if (minScore !== null && score(b) < minScore) continue;
      chosen.push(b);
    }
  }
  if (bounded) for (const b of chosen) settle(workspace, b);
  return chosen.map((b) => toSuggestion(index, signals, model, b));
}

/** After computeTwoSteps: b's signals as compute would have them (its three-step walk and its topics). */
function settle(workspace: SignalWorkspace, b: number): void {
  workspace.exactWalk3(b);
  workspace.topicValue(b);
}

const COUNT_SIGNALS: ReadonlySet<SignalName> = new Set([
  'katz',
  'commonNeighbours',
  'adamicAdar',
  'resourceAllocation',
]);

/** Does the model read the walk counts (signals.ts `withCounts`)? */
export function usesCounts(model: ScoringModel | null | undefined): boolean {
  return !!model && model.terms.some((t) => COUNT_SIGNALS.has(t.signal));
}

const NONE: ReadonlySet<number> = new Set();

function excludedIndexes(index: SuggestionIndex, exclude: ReadonlySet<string> | null | undefined): ReadonlySet<number> {
  if (!exclude || exclude.size === 0) return NONE;
  const out = new Set<number>();
  for (const id of exclude) {
    const b = index.graph.index.get(id);
    if (b !== undefined) out.add(b);
  }
  return out;
}

function toSuggestion(index: SuggestionIndex, signals: QuerySignals, model: ScoringModel, b: number): Suggestion {
  const value = (s: SignalName) => signals.value(s, b);
  return { actorId: index.graph.ids[b], score: scoreOf(model, value), parts: scoreParts(model, value) };
}

/**
 * The model as one function of the actor index, reading the dense signal arrays directly: this runs
 * for every actor in reach (most of a 100k network), so no closures or lookups per term. The terms
 * that do not depend on the query (activity, collaborations) are added from a per-model array
 * computed once per index.
 */
export function scorer(model: ScoringModel, signals: QuerySignals, index: SuggestionIndex): (b: number) => number {
  const { walks2, walks3, adamicAdar, resourceAllocation, cosine, walkProbability2, walkProbability3, beta } =
    signals.arrays;
  const { actorKinds, kindFactors } = signals.arrays;
  const b2 = beta * beta;
  const b3 = b2 * beta;
  const perQuery = model.terms.filter((t) => !STATIC_SIGNALS.has(t.signal));
  const fixed = staticScores(index, model).scores;
  const codes = Int32Array.from(perQuery, (t) => SIGNAL_CODES[t.signal]);
  const weights = Float64Array.from(perQuery, (t) => t.weight);
  const inverseScales = Float64Array.from(perQuery, (t) => 1 / t.scale);
  const logs = Uint8Array.from(perQuery, (t) => (t.transform === 'log1p' ? 1 : 0));
  const caps = Float64Array.from(perQuery, (t) => t.cap ?? Infinity);
  const n = codes.length;
  return (b) => {
    let s = fixed[b];
    for (let j = 0; j < n; j++) {
      let v: number;
      switch (codes[j]) {
        case 0:
          v = cosine[b];
          break;
        case 1:
          v = adamicAdar[b];
          break;
        case 2:
          v = walks2[b];
          break;
        case 6:
          v = resourceAllocation[b];
          break;
        case 7:
          v = (walkProbability2[b] + WALK3_WEIGHT * walkProbability3[b]) * kindFactors[actorKinds[b]];
          break;
        default:
          v = b2 * walks2[b] + b3 * walks3[b];
      }
      const x = v * inverseScales[j];
      const f = logs[j] === 1 ? Math.log1p(x) : x;
      s += weights[j] * (f > caps[j] ? caps[j] : f);
    }
    return s;
  };
}

const SIGNAL_CODES: Record<SignalName, number> = {
  topics: 0,
  adamicAdar: 1,
  commonNeighbours: 2,
  katz: 3,
  activity: 4,
  collaborations: 5,
  resourceAllocation: 6,
  randomWalk: 7,
};
const STATIC_SIGNALS: ReadonlySet<SignalName> = new Set(['activity', 'collaborations']);

interface StaticScores {
  /** Per actor: the sum of the model's query-independent terms. */
  scores: Float64Array;
  /** Actor indexes by that sum, highest first, ties by index. */
  order: Int32Array;
}

/** The largest query-independent part of a score. */
function fixedMaxOf(fixed: StaticScores): number {
  return fixed.scores.length > 0 ? fixed.scores[fixed.order[0]] : 0;
}

const staticCache = new WeakMap<SuggestionIndex, Map<ScoringModel, StaticScores>>();

/** The query-independent part of a model's score, cached per index and model. */
function staticScores(index: SuggestionIndex, model: ScoringModel): StaticScores {
  return runNow(staticScoresSteps(index, model));
}

/** staticScores in steps (at 100k actors the sort alone held the event loop ~70 ms in one piece). */
function* staticScoresSteps(index: SuggestionIndex, model: ScoringModel): Generator<void, StaticScores, void> {
  const kept = staticCache.get(index)?.get(model);
  if (kept) return kept;
  const degrees = index.signals.degreesArray();
  const collaborations = index.graph.collaborationCounts;
  const scores = new Float64Array(degrees.length);
  for (const term of model.terms) {
    if (!STATIC_SIGNALS.has(term.signal)) continue;
    const source = term.signal === 'activity' ? degrees : collaborations;
    for (let from = 0; from < scores.length; from += CHUNK_ACTORS) {
      const to = Math.min(scores.length, from + CHUNK_ACTORS);
      for (let b = from; b < to; b++) scores[b] += termContribution(term, source[b]);
      yield;
    }
  }
  const order = yield* sortedSteps(scores.length, (a, b) => scores[b] - scores[a] || a - b);
  // Another computation in steps may have made it meanwhile: the same values, the first one kept.
  let perModel = staticCache.get(index);
  if (!perModel) staticCache.set(index, (perModel = new Map()));
  const computed = perModel.get(model) ?? { scores, order };
  perModel.set(model, computed);
  return computed;
}
