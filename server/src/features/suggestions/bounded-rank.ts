/**
 * The top k of a walk-first model without the full three-step walk — the same list, bit for bit.
 *
 * The three-step loop (signals.ts) pushes from every actor x two steps away its share
 * p'(x) = p2(x) / strength(x) along each of x's ties: at 100k actors that reads most of the graph's
 * 7M entries for every query, and almost all of it only fixes the order of actors far below the top
 * ten. Here the walk ends x are split by p'(x): from the strong ones (p'(x) ≥ τ) the walk is pushed
 * as before, into a scratch array, which gives every actor b a lower bound of its three-step
 * probability; each weak end adds at most τ · strength(x, b), so the rest is at most τ · strength(b)
 * (b's total tie strength) — an upper bound. With those:
 *
 * 1. θ = the k-th best lower bound of a score among the eligible actors: at least k actors score θ
 *    or more, so no actor below θ can be in the top k;
 * 2. every actor whose upper bound reaches θ is scored exactly: its three-step probability pulled
 *    over its own row, its terms added in the order the full loop adds them (exactWalk3), so its
 *    score has the full computation's bits;
 * 3. the top k of those is the top k of all (ties by index, as always).
 *
 * τ is lowered in bands (a deterministic sample of the ends decides where) until the actors left to
 * score exactly cost less than pushing the next band. The bounds are taken with a relative margin of
 * 10⁻⁹ (far above the rounding of sums of this size; the pushed part, summed in single precision,
 * with a margin of its own), which only ever lets more actors through to the exact scoring. The
 * hubs (HUB_SHARE), whose bound τ · strength lets them through nearly always, are summed exactly in
 * one pass over the walk's ends once one of them can reach θ, instead of over their long rows.
 * Models this cannot bound (count signals, negative weights, no walk term), small walks and any case
 * where fewer than k actors have a positive lower bound take the full loop.
 */
import type { CollaborationGraph } from './csr';
import type { ModelTerm, ScoringModel } from './model';
import { WALK3_WEIGHT as WALK3_WEIGHT_EXPORTED, type QuerySignals, type SignalWorkspace } from './signals';
import type { TopK } from './top-k';
import { runNow } from '../../platform/util/run-in-slices';
import {
  actorChunkEnd,
  CHUNK_SCORED_ACTORS as SCORED_PER_CHUNK,
  CHUNK_ENTRIES as ENTRIES_PER_CHUNK,
  rowChunkEnd,
} from './work-chunks';

// Local copies: an imported binding is read through a getter in tsx's CommonJS output, and these
// are read in loops over every actor (the getters cost a tenth of a hub's list).
const WALK3_WEIGHT = WALK3_WEIGHT_EXPORTED;
const CHUNK_SCORED = SCORED_PER_CHUNK;
const CHUNK_ENTRIES = ENTRIES_PER_CHUNK;

/** Relative and absolute margins of the bounds (each only widens what is scored exactly). */
const REL = 1e-9;
const ABS = 1e-9;
/** Cumulative shares of the three-step entries pushed after each band (the last: everything). */
const BANDS = [1 / 32, 1 / 8, 1 / 2, 1];
/**
 * A band pushes at least this many entries per actor of the network: each band also reads every
 * actor (the upper bounds), so a band that pushes less does not pay for itself (measured at 100k
 * actors: a first band of 1/32 of a walk of 1–1.5M entries cost 2–3 bands, 8–11 ms, for ~5 ms).
 */
const MIN_BAND_ENTRIES_PER_ACTOR = 1;
/** An actor scored exactly costs about this many pushed entries per entry of its row. */
const PULL_COST = 2;
/**
 * Hubs: the actors with at least this share of the network as partners (at most MAX_HUBS, the
 * busiest) are summed exactly once one of them can reach θ, all in one pass over the walk's ends
 * (signals.ts exactWalk3ManySteps). Their upper bound τ · strength is so large that they reached θ
 * in almost every list, and each was then read twice over its row (33k entries for the busiest at
 * 100k); their ties as dense columns take 4 bytes per actor and hub (2 MB for the 5 at 100k).
 */
const HUB_SHARE = 1 / 16;
const MAX_HUBS = 8;

/** Did the last ranking by bounds sum the hubs in one pass (for tests)? */
export let lastHubsExact = false;

export interface BoundedRanking {
  signals: QuerySignals;
  model: ScoringModel;
  /** The model's query-independent part per actor, and its maximum. */
  fixed: Float64Array;
  fixedMax: number;
  /** The exact score (reads the three-step probability exactWalk3 stored). */
  score: (b: number) => number;
  floor: number;
  /** Not the query, a partner or excluded. */
  isCandidate: (b: number) => boolean;
  /** The request's kind and topic filters. */
  passesFilters: (b: number) => boolean;
  best: TopK;
  /** Entries the full three-step loop would read (threeStepEntries). */
  entries: number;
}

/** Can rankWithBounds rank by this model? One random-walk term with a positive weight; beside it only topics and static terms, none negative. */
export function boundable(model: ScoringModel): boolean {
  let walks = 0;
  for (const t of model.terms) {
    if (t.weight < 0) return false;
    if (t.signal === 'randomWalk') walks += t.weight > 0 ? 1 : 2;
    else if (t.signal !== 'topics' && t.signal !== 'activity' && t.signal !== 'collaborations') return false;
  }
  return walks === 1;
}

/** The entries of the graph q's walk of two steps reads: its partners' rows. */
export function twoStepEntries(graph: CollaborationGraph, q: number): number {
  let entries = 0;
  for (let e = graph.offsets[q]; e < graph.offsets[q + 1]; e++)
    entries += graph.offsets[graph.neighbours[e] + 1] - graph.offsets[graph.neighbours[e]];
  return entries;
}

/** Entries of the graph the full three-step loop reads from these walk ends. */
export function threeStepEntries(graph: CollaborationGraph, ends: Int32Array): number {
  let entries = 0;
  for (let e = 0; e < ends.length; e++) entries += graph.offsets[ends[e] + 1] - graph.offsets[ends[e]];
  return entries;
}

interface Scratch {
  /** Per actor: Σ of its tie strengths (the bound of a walk through weak ends). */
  strengths: Float64Array;
  /** The hubs (HUB_SHARE) and their ties as columns: `columns[x * hubs.length + j]`, x's tie with hubs[j]. */
  hubs: Int32Array;
  /** Per actor: 1 for a hub. */
  isHub: Uint8Array;
  columns: Float32Array;
  /**
   * The pushed part of each actor's walk, in single precision (half the memory the push scatters
   * into): each of an actor's at most `degree` additions rounds by 2⁻²⁴ of the sum at most, so the
   * sum is within (degree + 1) · 2⁻²⁴ of the exact one — `boundRel` (with the largest degree, twice
   * that) widens every use of it.
   */
  bound: Float32Array;
  boundRel: number;
  /** Per walk end (by its position in the ends): p'(x) = p2(x) · stepWeight(x), what it passes on. */
  endWeights: Float64Array;
  approximate: Float64Array;
  survivors: Int32Array;
  lows: Float64Array;
}
const scratches = new WeakMap<SignalWorkspace, Scratch>();

function maxDegree(offsets: Int32Array): number {
  let most = 0;
  for (let i = 0; i + 1 < offsets.length; i++) most = Math.max(most, offsets[i + 1] - offsets[i]);
  return most;
}

/** The hubs of a graph (HUB_SHARE, MAX_HUBS): the busiest first. */
export function hubsOf(graph: CollaborationGraph): Int32Array {
  const { offsets, byActivity } = graph;
  const n = offsets.length - 1;
  const hubs: number[] = [];
  for (let k = 0; k < byActivity.length && hubs.length < MAX_HUBS; k++) {
    const b = byActivity[k];
    if (offsets[b + 1] - offsets[b] < Math.max(1, HUB_SHARE * n)) break;
    hubs.push(b);
  }
  return Int32Array.from(hubs);
}

/** The workspace's scratch, made on first use (the strengths read every entry of the graph: in chunks). */
function* scratchOf(workspace: SignalWorkspace): Generator<void, Scratch, void> {
  const kept = scratches.get(workspace);
  if (kept) return kept;
  const { offsets, neighbours, tieStrengths } = workspace.graph;
  const n = offsets.length - 1;
  const strengths = new Float64Array(n);
  for (let from = 0; from < n;) {
    const to = actorChunkEnd(offsets, from);
    for (let i = from; i < to; i++) for (let f = offsets[i]; f < offsets[i + 1]; f++) strengths[i] += tieStrengths[f];
    from = to;
    if (from < n) yield;
  }
  const hubs = hubsOf(workspace.graph);
  const columns = new Float32Array(n * hubs.length);
  const isHub = new Uint8Array(n);
  for (let j = 0; j < hubs.length; j++) {
    const h = hubs[j];
    isHub[h] = 1;
    for (let f = offsets[h]; f < offsets[h + 1]; f++) columns[neighbours[f] * hubs.length + j] = tieStrengths[f];
    yield;
  }
  // Kept only when complete (a computation left between chunks makes it again).
  const scratch = scratches.get(workspace) ?? {
    strengths,
    hubs,
    isHub,
    columns,
    bound: new Float32Array(n),
    boundRel: (maxDegree(offsets) + 2) * 2 ** -23,
    endWeights: new Float64Array(n),
    approximate: new Float64Array(n),
    survivors: new Int32Array(n),
    lows: new Float64Array(0),
  };
  scratches.set(workspace, scratch);
  return scratch;
}

/** The smallest walk value whose term could contribute y (a little smaller: conservative). */
function walkNeeded(term: ModelTerm, y: number): number {
  if (!(y > 0)) return -Infinity;
  const f = y / term.weight;
  if (term.cap !== undefined && f > term.cap * (1 + REL) + ABS) return Infinity;
  return (term.transform === 'log1p' ? term.scale * Math.expm1(f) : term.scale * f) * (1 - 1e-6);
}

/**
 * For a model rankWithBounds can rank: the least walk value (the randomWalk signal, kind factor
 * included) with which an actor can score y or more, whatever its other terms (a little less:
 * conservative); -Infinity when any value can. `fixedMax`: the largest query-independent part.
 */
export function walkNeededFor(model: ScoringModel, fixedMax: number): (y: number) => number {
  const walkTerm = model.terms.find((t) => t.signal === 'randomWalk')!;
  let maxOther = fixedMax;
  // A cosine of unit vectors is at most 1.
  for (const t of model.terms) if (t.signal === 'topics' && t.weight > 0) maxOther += contributionOf(t)(1 + REL);
  return (y) => walkNeeded(walkTerm, y - maxOther - ABS);
}

/** A term's contribution as a function of its value (termContribution with the constants taken out). */
function contributionOf(term: ModelTerm): (v: number) => number {
  const { weight, scale } = term;
  const cap = term.cap ?? Infinity;
  return term.transform === 'log1p'
    ? (v) => {
        const f = Math.log1p(v / scale);
        return weight * (f > cap ? cap : f);
      }
    : (v) => {
        const f = v / scale;
        return weight * (f > cap ? cap : f);
      };
}

/**
 * Offers the top k (best.k) of the model to `best`, exactly as scoring every actor would. False when
 * it cannot (then nothing useful was offered: the caller completes the walk and ranks in full).
 */
export function rankWithBounds(workspace: SignalWorkspace, r: BoundedRanking): boolean {
  return runNow(rankWithBoundsSteps(workspace, r));
}

/**
 * rankWithBounds in steps: a yield between chunks of its loops (work-chunks.ts), the same
 * arithmetic in the same order.
 */
export function* rankWithBoundsSteps(workspace: SignalWorkspace, r: BoundedRanking): Generator<void, boolean, void> {
  if (!boundable(r.model)) return false;
  const graph = workspace.graph;
  const { offsets, stepWeights } = graph;
  const p2 = r.signals.arrays.walkProbability2;
  const { actorKinds, kindFactors } = r.signals.arrays;
  const ends = r.signals.reached;
  const n = p2.length;
  const k = r.best.k;
  const scratch = yield* scratchOf(workspace);
  if (scratch.lows.length < k) scratch.lows = new Float64Array(k);
  const { bound, boundRel, survivors, lows, approximate, endWeights } = scratch;
  bound.fill(0);

  const walkTerm = r.model.terms.find((t) => t.signal === 'randomWalk')!;
  const walkPart = contributionOf(walkTerm);
  const topicParts = r.model.terms.filter((t) => t.signal === 'topics' && t.weight > 0).map(contributionOf);
  // A cosine of unit vectors is at most 1.
  let maxOther = r.fixedMax;
  for (const part of topicParts) maxOther += part(1 + REL);
  const fixed = r.fixed;
  /** The score without the walk's term. */
  const other = (b: number) => {
    let s = fixed[b];
    if (topicParts.length === 0) return s;
    const cosine = workspace.topicValue(b);
    if (cosine !== 0) for (const part of topicParts) s += part(cosine);
    return s;
  };
  /**
   * At least other(b), without b's topic cosine (a loop over b's topics): where this bound cannot
   * reach what b must reach, other(b) cannot either (the same sums in the same order, each part at
   * its largest) — checked first, it leaves the cosine to the few that can.
   */
  const topicMaxima = topicParts.map((part) => part(1 + REL));
  const otherAtMost = (b: number) => {
    let s = fixed[b];
    for (let j = 0; j < topicMaxima.length; j++) s += topicMaxima[j];
    return s;
  };
  const taus = bandThresholds(ends, p2, stepWeights, offsets, r.entries, endWeights);
  // A yield between phases too: each phase's first chunk would otherwise follow the last one's.
  yield;
  const { hubs, isHub } = scratch;
  const p3 = r.signals.arrays.walkProbability3;
  const marks = workspace.twoStepMarks();
  let hubsExact = false;
  lastHubsExact = false;
  const { isCandidate, passesFilters, floor } = r;

  let above = Infinity;
  let survivorCount = 0;
  for (let band = 0; band < taus.length; band++) {
    const tau = taus[band].tau;
    for (let e = 0; e < ends.length;) {
      e = push(graph, ends, endWeights, bound, tau, above, e);
      yield;
    }
    above = tau;

    // 1. θ: the k-th best lower bound (lows: the k best so far, ascending) — among the actors two
    // steps away (the lower bounds of any k actors bound the k-th best score from below).
    let kept = 0;
    let needed = -Infinity;
    for (let e = 0; e < ends.length; e++) {
      if (e % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
      const b = ends[e];
      const walk = (p2[b] + WALK3_WEIGHT * (bound[b] * (1 - boundRel))) * kindFactors[actorKinds[b]] * (1 - REL);
      if (walk < needed || !isCandidate(b)) continue;
      const w = walkPart(walk);
      if (kept === k && otherAtMost(b) + w - ABS <= lows[0]) continue;
      const s = other(b) + w - ABS;
      if (!(s > 0) || s < floor || (kept === k && s <= lows[0]) || !passesFilters(b)) continue;
      kept = keepLow(lows, kept, k, s);
      if (kept === k) needed = walkNeeded(walkTerm, lows[0] - maxOther - ABS);
    }
    if (kept < k) return false;
    const theta = Math.max(lows[0], floor) - ABS;

    // 2. Who could reach θ: the rest of the walk adds at most τ · strength(b).
    const reach = walkNeeded(walkTerm, theta - maxOther - ABS);
    survivorCount = 0;
    for (let from = 0; from < n; from += CHUNK_ENTRIES) {
      const to = Math.min(n, from + CHUNK_ENTRIES);
      survivorCount = upperBoundsReaching(
        scratch.strengths,
        p2,
        bound,
        boundRel,
        tau,
        reach,
        from,
        to,
        survivors,
        survivorCount,
        {
          actorKinds,
          kindFactors,
        },
      );
      yield;
    }
    let survivorEntries = 0;
    let kept2 = 0;
    let hubSurvives = false;
    for (let i = 0; i < survivorCount; i++) {
      if (i % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
      const b = survivors[i];
      const walk =
        (p2[b] + WALK3_WEIGHT * ((bound[b] * (1 + boundRel) + tau * scratch.strengths[b]) * (1 + REL))) *
        (1 + REL) *
        kindFactors[actorKinds[b]] *
        (1 + REL);
      const w = walkPart(walk);
      // The cheap checks first: most fail on their own query-independent part.
      if (otherAtMost(b) + w + ABS < theta || !isCandidate(b) || other(b) + w + ABS < theta) continue;
      survivors[kept2++] = b;
      if (isHub[b] === 1) hubSurvives = true;
      else survivorEntries += offsets[b + 1] - offsets[b];
    }
    survivorCount = kept2;
    if (hubSurvives && !hubsExact) {
      // A hub can reach θ: every hub's walk summed exactly, in one pass over the ends — not over
      // its row (twice, approximately and exactly), at 100k actors 8–33k entries each.
      yield* workspace.exactWalk3ManySteps(hubs, scratch.columns, endWeights, CHUNK_ENTRIES);
      hubsExact = lastHubsExact = true;
    }
    if (process.env.DEBUG_BOUNDS) {
      let pushed = 0;
      for (const x of ends) {
        const p = p2[x] * stepWeights[x];
        if (p >= tau) pushed += offsets[x + 1] - offsets[x];
      }
      console.log(
        'band',
        band,
        taus[band],
        'pushed',
        pushed,
        'of',
        r.entries,
        'survivors',
        survivorCount,
        survivorEntries,
        'theta',
        theta,
      );
    }
    if (
      band + 1 === taus.length ||
      survivorEntries * PULL_COST <= (taus[band + 1].share - taus[band].share) * r.entries
    )
      break;
  }

  // 3. Their three-step probabilities summed in any order (within 10⁻¹¹ of the exact sum): a tight
  // lower bound gives a higher θ, and only who can reach it is summed in the exact order.
  for (let from = 0; from < survivorCount;) {
    const to = rowChunkEnd(offsets, survivors, from, survivorCount);
    pull(graph, survivors, from, to, p2, p3, marks, approximate);
    from = to;
    yield;
  }
  let kept = 0;
  for (let i = 0; i < survivorCount; i++) {
    if (i % CHUNK_SCORED === CHUNK_SCORED - 1) yield;
    const b = survivors[i];
    const walk = (p2[b] + WALK3_WEIGHT * (approximate[i] * (1 - REL))) * kindFactors[actorKinds[b]] * (1 - REL);
    const w = walkPart(walk);
    if (kept === k && otherAtMost(b) + w - ABS <= lows[0]) continue;
    const s = other(b) + w - ABS;
    if (s > 0 && s >= floor && (kept < k || s > lows[0]) && passesFilters(b)) kept = keepLow(lows, kept, k, s);
  }
  if (kept < k) return false;
  const exactFrom = Math.max(lows[0], floor) - ABS;

  // 4. The exact scores of those (each reads its row, or the walk's ends when it is a hub).
  let work = 0;
  for (let i = 0; i < survivorCount; i++) {
    if (work >= CHUNK_ENTRIES) {
      work = 0;
      yield;
    }
    const b = survivors[i];
    const walk =
      (p2[b] + WALK3_WEIGHT * (approximate[i] * (1 + REL))) * (1 + REL) * kindFactors[actorKinds[b]] * (1 + REL);
    const w = walkPart(walk);
    if (otherAtMost(b) + w + ABS < exactFrom || other(b) + w + ABS < exactFrom) continue;
    if ((marks[b] & 8) === 0) work += 2 * (offsets[b + 1] - offsets[b]);
    work += 64;
    workspace.exactWalk3(b);
    const s = r.score(b);
    if (s > 0 && s >= floor && r.best.wouldKeep(b, s) && passesFilters(b)) r.best.offer(b, s);
  }
  return r.best.size === k;
}

/**
 * τ per band (and each end's p'(x) into endWeights): the ends counted by the binary exponent of p'(x)
 * with their entries, and each band cut at the power of two where the strongest ends hold its share
 * of the entries, and at least MIN_BAND_ENTRIES_PER_ACTOR per actor (the last band: τ = 0,
 * everything). Shares are the entries actually pushed up to that band.
 */
function bandThresholds(
  ends: Int32Array,
  p2: Float64Array,
  stepWeights: Float64Array,
  offsets: Int32Array,
  entries: number,
  endWeights: Float64Array,
): { tau: number; share: number }[] {
  const perExponent = new Float64Array(2048);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let e = 0; e < ends.length; e++) {
    const x = ends[e];
    bits[0] = endWeights[e] = p2[x] * stepWeights[x];
    perExponent[(words[1] >>> 20) & 0x7ff] += offsets[x + 1] - offsets[x];
  }
  const bands: { tau: number; share: number }[] = [];
  const least = MIN_BAND_ENTRIES_PER_ACTOR * (offsets.length - 1);
  const target = (band: number) => Math.max(BANDS[band] * entries, least);
  let cumulative = 0;
  let band = 0;
  for (let exponent = 2046; exponent > 0 && band < BANDS.length - 1; exponent--) {
    cumulative += perExponent[exponent];
    if (cumulative >= target(band)) {
      // Every end with p' ≥ 2^(exponent − 1023) — its exponent or higher.
      bands.push({ tau: 2 ** (exponent - 1023), share: cumulative / Math.max(1, entries) });
      while (band < BANDS.length - 1 && cumulative >= target(band)) band++;
    }
  }
  bands.push({ tau: 0, share: 1 });
  return bands;
}

/**
 * The three-step walk from the ends with τ ≤ p'(x) < above, added to `bound` (any order: a bound),
 * from ends[from] on until about CHUNK_ENTRIES entries were pushed; where it stopped.
 */
function push(
  graph: CollaborationGraph,
  ends: Int32Array,
  endWeights: Float64Array,
  bound: Float32Array,
  tau: number,
  above: number,
  from: number,
): number {
  const { offsets, neighbours, tieStrengths } = graph;
  let work = 0;
  let e = from;
  while (e < ends.length && work < CHUNK_ENTRIES) {
    const p = endWeights[e];
    const x = ends[e++];
    work += 1;
    if (p < tau || p >= above) continue;
    const end = offsets[x + 1];
    work += end - offsets[x];
    for (let f = offsets[x]; f < end; f++) bound[neighbours[f]] += p * tieStrengths[f];
  }
  return e;
}

/**
 * The actors b ∈ [from, to) whose walk could reach `reach` (upper bound: pushed part + τ · strength),
 * appended to `out` after its first `count`; the new count.
 */
function upperBoundsReaching(
  strengths: Float64Array,
  p2: Float64Array,
  bound: Float32Array,
  boundRel: number,
  tau: number,
  reach: number,
  from: number,
  to: number,
  out: Int32Array,
  count: number,
  { actorKinds: kinds, kindFactors: factors }: { actorKinds: Uint8Array; kindFactors: Float64Array },
): number {
  const high = 1 + REL;
  for (let b = from; b < to; b++) {
    const walk =
      (p2[b] + WALK3_WEIGHT * ((bound[b] * (1 + boundRel) + tau * strengths[b]) * high)) *
      high *
      factors[kinds[b]] *
      high;
    if (walk >= reach) out[count++] = b;
  }
  return count;
}

/**
 * Per listed actor actors[from .. to): its three-step probability summed over its row in row order,
 * into `out` — or the exact sum `p3` holds (marks bit 8: a hub).
 */
function pull(
  graph: CollaborationGraph,
  actors: Int32Array,
  from: number,
  to: number,
  p2: Float64Array,
  p3: Float64Array,
  marks: Uint8Array,
  out: Float64Array,
): void {
  const { offsets, neighbours, tieStrengths, stepWeights } = graph;
  for (let i = from; i < to; i++) {
    const b = actors[i];
    if ((marks[b] & 8) !== 0) {
      out[i] = p3[b];
      continue;
    }
    let sum = 0;
    const end = offsets[b + 1];
    for (let f = offsets[b]; f < end; f++) {
      const x = neighbours[f];
      if ((marks[x] & 1) !== 0) sum += p2[x] * stepWeights[x] * tieStrengths[f];
    }
    out[i] = sum;
  }
}

/** Adds s to the k best lower bounds `lows[0 .. kept)` (ascending; when full, s must beat lows[0]); the new count. */
function keepLow(lows: Float64Array, kept: number, k: number, s: number): number {
  let i: number;
  if (kept < k) {
    for (i = kept++; i > 0 && lows[i - 1] > s; i--) lows[i] = lows[i - 1];
  } else {
    for (i = 0; i + 1 < k && lows[i + 1] < s; i++) lows[i] = lows[i + 1];
  }
  lows[i] = s;
  return kept;
}
