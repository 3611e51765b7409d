/**
 * The signals a contact suggestion is scored from, for one query actor q against every other actor:
 *
 * - `commonNeighbours` — partners q and b share: (A²)_qb on the unweighted collaborates-with graph;
 * - `adamicAdar` — the same, each shared partner m counted 1 / ln(partners of m): a mutual partner
 *   who works with few is a stronger hint than a hub who works with everybody;
 * - `resourceAllocation` — the same, each shared partner m counted 1 / (partners of m): steeper than
 *   Adamic–Adar, so a mutual partner who works with everybody counts next to nothing;
 * - `katz` — the truncated Katz index β²·(A²)_qb + β³·(A³)_qb: walks of length 2 and 3, the
 *   longer ones damped by β, so actors two steps further out are still ranked;
 * - `activity` — b's number of partners (popularity): what still ranks for a newcomer;
 * - `collaborations` — how many collaborations b took part in (single-partner ones too): activity
 *   measured in collaborations rather than partners, so one big consortium does not make a hub;
 * - `topics` — cosine of the IDF-weighted topic vectors (topic-profile.ts);
 * - `randomWalk` — the chance that a short random walk from q along the ties ends at b: two steps,
 *   plus three steps weighted WALK3_WEIGHT. A tie's strength is Σ 1 / (members − 1) over the
 *   collaborations behind it (csr.ts), so a step through a small project is likelier than one through
 *   a 40-partner consortium, and a partner with many ties passes on a small share to each (as in
 *   resource allocation). Unlike Katz, it does not grow with the number of walks through hubs.
 *
 * Katz, common neighbours and Adamic–Adar use the unweighted graph (a tie is a tie, however many
 * collaborations it has): that is the definition the H2020 reference figures (see
 * docs/suggestions.md) were measured with.
 *
 * A workspace holds dense scratch arrays of one value per actor and per signal, allocated once per
 * index and cleared between queries (only what the last query touched, when it touched little). It
 * is reused by every query on the same index: JavaScript runs one query at a time, and a result is
 * read before the next query starts.
 */
import { degree, type CollaborationGraph } from './csr';
import type { TopicProfiles } from './topic-profile';

export const SIGNAL_NAMES = [
  'topics',
  'adamicAdar',
  'resourceAllocation',
  'commonNeighbours',
  'katz',
  'activity',
  'collaborations',
  'randomWalk',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** β of the truncated Katz index: the value the reference figures were measured with. */
export const KATZ_BETA = 0.005;

/**
 * Weight of the three-step walks in `randomWalk` (two-step ones weigh 1). Three-step probabilities
 * spread over many more actors, so each is small; measured on a real network of research projects
 * and on planted networks (bench/eval/explore-signals.ts), 2 and 5 rank alike there and 5 better on
 * the planted ones; 0.7 (a walk that stops with chance 0.3 per step) ranks worse on both.
 */
export const WALK3_WEIGHT = 5;

/** One query's signals; valid until the workspace computes the next query. */
export interface QuerySignals {
  readonly query: number;
  /** Actors reached by a walk of length 2 or 3 from the query (in the order found; may include it). */
  readonly reached: Int32Array;
  /** Actors sharing at least one topic with the query (in the order found; may include it). */
  readonly topicSharing: Int32Array;
  /** Reached or topic-sharing. */
  inPool(b: number): boolean;
  isReached(b: number): boolean;
  /** One of the query's partners, or the query itself. */
  isPartnerOrSelf(b: number): boolean;
  value(signal: SignalName, b: number): number;
  /** A getter of one signal for many actors (no switch per call: the scoring loop's hot path). */
  reader(signal: SignalName): (b: number) => number;
  /** The dense per-actor arrays behind the signals, for loops that score many actors. */
  readonly arrays: SignalArrays;
}

/** One value per actor index. Katz is β² · walks2 + β³ · walks3; common neighbours is walks2. */
export interface SignalArrays {
  readonly walks2: Float64Array;
  readonly walks3: Float64Array;
  readonly adamicAdar: Float64Array;
  readonly resourceAllocation: Float64Array;
  readonly cosine: Float64Array;
  readonly degrees: Float64Array;
  readonly collaborations: Int32Array;
  /** Probability of a random walk of two / three steps from the query ending at the actor. */
  readonly walkProbability2: Float64Array;
  readonly walkProbability3: Float64Array;
  readonly beta: number;
}

export class SignalWorkspace {
  private readonly walks2: Float64Array;
  private readonly walks3: Float64Array;
  private readonly adamicAdar: Float64Array;
  private readonly resourceAllocation: Float64Array;
  private readonly cosine: Float64Array;
  private readonly degrees: Float64Array;
  private readonly walkProbability2: Float64Array;
  private readonly walkProbability3: Float64Array;
  /** Bit 1: reached; bit 2: topic-sharing; bit 4: the query or one of its partners. */
  private readonly marks: Uint8Array;
  private readonly reachedList: Int32Array;
  private readonly topicList: Int32Array;
  private reachedCount = 0;
  private topicCount = 0;
  private lastQuery = -1;

  constructor(
    readonly graph: CollaborationGraph,
    readonly profiles: TopicProfiles,
    readonly beta = KATZ_BETA,
  ) {
    const n = graph.ids.length;
    this.walks2 = new Float64Array(n);
    this.walks3 = new Float64Array(n);
    this.adamicAdar = new Float64Array(n);
    this.resourceAllocation = new Float64Array(n);
    this.cosine = new Float64Array(n);
    this.walkProbability2 = new Float64Array(n);
    this.walkProbability3 = new Float64Array(n);
    this.degrees = Float64Array.from({ length: n }, (_, i) => degree(graph, i));
    this.marks = new Uint8Array(n);
    this.reachedList = new Int32Array(n);
    this.topicList = new Int32Array(n);
  }

  /** Partners per actor, as the floats the scoring reads. */
  degreesArray(): Float64Array {
    return this.degrees;
  }

  /**
   * The signals of query q. `withCounts` false computes only what the random walk needs: the walk
   * counts behind common neighbours, Adamic–Adar, resource allocation and Katz stay 0 (they read as
   * 0). The loops over two and three steps are the hot path (from a hub they touch most of the
   * graph), and a model without those terms saves most of their work.
   */
  compute(q: number, withCounts = true): QuerySignals {
    this.reset();
    this.lastQuery = q;
    const { offsets, neighbours } = this.graph;
    this.marks[q] |= 4;
    for (let e = offsets[q]; e < offsets[q + 1]; e++) this.marks[neighbours[e]] |= 4;
    this.walk(q, withCounts);
    this.topicCosine(q);

    const { walks2, walks3, adamicAdar, resourceAllocation, cosine, degrees, marks, beta, graph } = this;
    const { walkProbability2, walkProbability3 } = this;
    const b2 = beta * beta;
    const b3 = beta * beta * beta;
    const counts = graph.collaborationCounts;
    const readers: Record<SignalName, (b: number) => number> = {
      commonNeighbours: (b) => walks2[b],
      adamicAdar: (b) => adamicAdar[b],
      resourceAllocation: (b) => resourceAllocation[b],
      katz: (b) => b2 * walks2[b] + b3 * walks3[b],
      activity: (b) => degrees[b],
      collaborations: (b) => counts[b],
      topics: (b) => cosine[b],
      randomWalk: (b) => walkProbability2[b] + WALK3_WEIGHT * walkProbability3[b],
    };
    return {
      query: q,
      reached: this.reachedList.subarray(0, this.reachedCount),
      topicSharing: this.topicList.subarray(0, this.topicCount),
      inPool: (b) => (marks[b] & 3) !== 0,
      isReached: (b) => (marks[b] & 1) !== 0,
      isPartnerOrSelf: (b) => (marks[b] & 4) !== 0,
      value: (signal, b) => readers[signal](b),
      reader: (signal) => readers[signal],
      arrays: {
        walks2,
        walks3,
        adamicAdar,
        resourceAllocation,
        cosine,
        degrees,
        collaborations: counts,
        walkProbability2,
        walkProbability3,
        beta,
      },
    };
  }

  /**
   * Back to zero. When a query reached a large share of the network (the usual case beyond a few
   * thousand actors) clearing whole arrays is cheaper than walking the lists of what it touched.
   */
  private reset(): void {
    const { walks2, walks3, adamicAdar, resourceAllocation, cosine, marks } = this;
    const { walkProbability2, walkProbability3 } = this;
    const n = marks.length;
    if (this.reachedCount + this.topicCount > n / 8) {
      walks2.fill(0);
      walks3.fill(0);
      walkProbability2.fill(0);
      walkProbability3.fill(0);
      adamicAdar.fill(0);
      resourceAllocation.fill(0);
      cosine.fill(0);
      marks.fill(0);
    } else {
      for (let k = 0; k < this.reachedCount; k++) {
        const b = this.reachedList[k];
        walks2[b] = 0;
        walks3[b] = 0;
        walkProbability2[b] = 0;
        walkProbability3[b] = 0;
        adamicAdar[b] = 0;
        resourceAllocation[b] = 0;
        marks[b] = 0;
      }
      for (let k = 0; k < this.topicCount; k++) {
        const b = this.topicList[k];
        cosine[b] = 0;
        marks[b] = 0;
      }
      if (this.lastQuery >= 0) {
        const { offsets, neighbours } = this.graph;
        const q = this.lastQuery;
        marks[q] = 0;
        for (let e = offsets[q]; e < offsets[q + 1]; e++) marks[neighbours[e]] = 0;
      }
    }
    this.reachedCount = 0;
    this.topicCount = 0;
  }

  /** Walks of length 2 (with Adamic–Adar on the way) and 3 from q; loops written out: the hot path. */
  private walk(q: number, withCounts: boolean): void {
    const { offsets, neighbours, tieStrengths, inverseStrengths } = this.graph;
    const { walks2, walks3, adamicAdar, resourceAllocation, marks, reachedList } = this;
    const { walkProbability2, walkProbability3 } = this;
    let count = 0;
    // Length 2: q → m → b.
    const fromQuery = inverseStrengths[q];
    for (let e = offsets[q]; e < offsets[q + 1]; e++) {
      const m = neighbours[e];
      const dm = offsets[m + 1] - offsets[m];
      const selectivity = dm > 1 ? 1 / Math.log(dm) : 0;
      const share = 1 / dm;
      const step = fromQuery * tieStrengths[e] * inverseStrengths[m];
      for (let f = offsets[m]; f < offsets[m + 1]; f++) {
        const b = neighbours[f];
        if ((marks[b] & 1) === 0) {
          marks[b] |= 1;
          reachedList[count++] = b;
        }
        walkProbability2[b] += step * tieStrengths[f];
        if (withCounts) {
          walks2[b] += 1;
          adamicAdar[b] += selectivity;
          resourceAllocation[b] += share;
        }
      }
    }
    // Length 3: q → · → x → b, from the walks of length 2 ending at x. This loop touches most of
    // the graph's entries at 100k actors, so it does nothing but add; who was newly reached is
    // collected afterwards (one pass over the new ends, or over all actors when that is cheaper).
    const ends = count;
    let work = 0;
    for (let k = 0; k < ends; k++) {
      const x = reachedList[k];
      const w = walks2[x];
      const p = walkProbability2[x] * inverseStrengths[x];
      const end = offsets[x + 1];
      work += end - offsets[x];
      if (withCounts) {
        for (let f = offsets[x]; f < end; f++) {
          const b = neighbours[f];
          walks3[b] += w;
          walkProbability3[b] += p * tieStrengths[f];
        }
      } else {
        for (let f = offsets[x]; f < end; f++) walkProbability3[neighbours[f]] += p * tieStrengths[f];
      }
    }
    const n = marks.length;
    if (work > n) {
      // Every step has a positive probability, so a three-step walk ends at b exactly when its
      // probability is above 0.
      for (let b = 0; b < n; b++) {
        if (walkProbability3[b] !== 0 && (marks[b] & 1) === 0) {
          marks[b] |= 1;
          reachedList[count++] = b;
        }
      }
    } else {
      for (let k = 0; k < ends; k++) {
        const x = reachedList[k];
        for (let f = offsets[x]; f < offsets[x + 1]; f++) {
          const b = neighbours[f];
          if ((marks[b] & 1) === 0) {
            marks[b] |= 1;
            reachedList[count++] = b;
          }
        }
      }
    }
    this.reachedCount = count;
  }

  private topicCosine(q: number): void {
    const p = this.profiles;
    const { marks, cosine, topicList } = this;
    let count = 0;
    for (let k = p.actorOffsets[q]; k < p.actorOffsets[q + 1]; k++) {
      const t = p.actorTopics[k];
      const wq = p.actorWeights[k];
      for (let e = p.topicOffsets[t]; e < p.topicOffsets[t + 1]; e++) {
        const b = p.topicActors[e];
        if ((marks[b] & 2) === 0) {
          marks[b] |= 2;
          topicList[count++] = b;
        }
        cosine[b] += wq * p.topicWeights[e];
      }
    }
    this.topicCount = count;
  }
}
