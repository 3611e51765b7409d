/**
 * The signals of one query actor against every other actor (signal-types.ts says what each is),
 * computed into a workspace.
 *
 * A workspace holds dense scratch arrays of one value per actor and per signal, allocated once per
 * index and cleared between queries (only what the last query touched, when it touched little). It
 * is reused by every query on the same index: one query at a time, and a result is read before the
 * next query starts. The `…Steps` forms yield between chunks of the walk (work-chunks.ts) so a hub's
 * walk does not hold the event loop; whoever runs them must not start another query on the same
 * workspace before they end (contact-suggestions.ts queues them). A query left unfinished between
 * chunks is cleared in full by the next one.
 */
import type { CollaborationGraph } from './csr';
import { neutralKindMixing, type KindMixing } from './kind-mixing';
import { KATZ_BETA, signalsView, type QuerySignals } from './signal-types';
import type { TopicProfiles } from './topic-profile';
import { runNow } from '../../platform/util/run-in-slices';
import { rowChunkEnd } from './work-chunks';

export { KATZ_BETA, SIGNAL_NAMES, WALK3_WEIGHT } from './signal-types';
export type { QuerySignals, SignalArrays, SignalName } from './signal-types';

export class SignalWorkspace {
  private readonly walks2: Float64Array;
  private readonly walks3: Float64Array;
  private readonly adamicAdar: Float64Array;
  private readonly resourceAllocation: Float64Array;
  private readonly cosine: Float64Array;
  private readonly degrees: Float64Array;
  private readonly walkProbability2: Float64Array;
  private readonly walkProbability3: Float64Array;
  /** Bit 1: reached; bit 2: topic-sharing; bit 4: the query or one of its partners; bit 8: exactWalk3 summed it. */
  private readonly marks: Uint8Array;
  private readonly reachedList: Int32Array;
  private readonly topicList: Int32Array;
  private reachedCount = 0;
  private topicCount = 0;
  private lastQuery = -1;
  /** Walks of two steps from the last query (the first entries of `reachedList`). */
  private twoStepCount = 0;
  /** The last query's walk stopped after two steps (computeTwoSteps): `walkProbability3` holds only exactWalk3's values. */
  private partial = false;
  /** The count arrays (walks2, walks3, Adamic–Adar, resource allocation) hold values to clear. */
  private countsDirty = false;
  /** Per actor reached in two steps: its position in `reachedList` (valid where marks has bit 1 after computeTwoSteps). */
  private readonly rank: Int32Array;
  /**
   * exactWalk3's scratch: a bit per position in the walk's ends (`reachedList`) of b's terms, and
   * the tie strength at that position — the positions come out in ascending order from the bits,
   * without a sort or a pass over every end; all bits are back to 0 between calls.
   */
  private readonly termBits: Uint32Array;
  private readonly termStrengths: Float32Array;
  /** The actors exactWalk3 summed since the query began (each once; marks bit 8 set). */
  private readonly exactList: Int32Array;
  private exactCount = 0;
  /** computeTwoSteps left the topics to topicValue: the query's topic weights, dense (topicSet: has it). */
  private lazyTopics = false;
  private readonly queryTopicWeights: Float64Array;
  private readonly queryTopicSet: Uint8Array;
  /** The walk's factor per kind of the end, from the last query's kind (kind-mixing.ts). */
  private readonly kindFactors: Float64Array;
  /** A walk or topic loop in steps has started and not ended: what it touched is not listed (reset clears all). */
  private unfinished = false;

  constructor(
    readonly graph: CollaborationGraph,
    readonly profiles: TopicProfiles,
    readonly beta = KATZ_BETA,
    readonly kindMixing: KindMixing = neutralKindMixing(graph.ids.length),
  ) {
    const n = graph.ids.length;
    this.walks2 = new Float64Array(n);
    this.walks3 = new Float64Array(n);
    this.adamicAdar = new Float64Array(n);
    this.resourceAllocation = new Float64Array(n);
    this.cosine = new Float64Array(n);
    this.walkProbability2 = new Float64Array(n);
    this.walkProbability3 = new Float64Array(n);
    // A plain loop: Float64Array.from with a mapping function took ~45 ms at 100k actors, in one step.
    this.degrees = new Float64Array(n);
    for (let i = 0; i < n; i++) this.degrees[i] = graph.offsets[i + 1] - graph.offsets[i];
    this.marks = new Uint8Array(n);
    this.reachedList = new Int32Array(n);
    this.topicList = new Int32Array(n);
    this.rank = new Int32Array(n);
    this.termBits = new Uint32Array((n >>> 5) + 1);
    this.termStrengths = new Float32Array(n);
    this.exactList = new Int32Array(n);
    this.queryTopicWeights = new Float64Array(profiles.topicIds.length);
    this.queryTopicSet = new Uint8Array(profiles.topicIds.length);
    this.kindFactors = new Float64Array(kindMixing.kindCount);
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
    return runNow(this.computeSteps(q, withCounts));
  }

  /** compute in steps (a yield between chunks of the walk). */
  *computeSteps(q: number, withCounts = true): Generator<void, QuerySignals, void> {
    this.begin(q);
    this.unfinished = true;
    yield* this.walk(q, withCounts);
    yield* this.threeSteps(withCounts);
    yield* this.topicCosine(q);
    this.unfinished = false;
    return this.view(q);
  }

  /**
   * compute(q, false) up to the walks of two steps: `reached` holds only the actors two steps away,
   * in the order found; three-step probabilities and topics read 0 until exactWalk3(b) and
   * topicValue(b) compute them. completeThreeSteps() leaves everything as compute(q, false) would.
   */
  computeTwoSteps(q: number): QuerySignals {
    return runNow(this.computeTwoStepsSteps(q));
  }

  /** computeTwoSteps in steps. */
  *computeTwoStepsSteps(q: number): Generator<void, QuerySignals, void> {
    this.begin(q);
    this.unfinished = true;
    yield* this.walk(q, false);
    this.unfinished = false;
    this.partial = true;
    const { reachedList, rank } = this;
    for (let k = 0; k < this.twoStepCount; k++) rank[reachedList[k]] = k;
    const p = this.profiles;
    for (let k = p.actorOffsets[q]; k < p.actorOffsets[q + 1]; k++) {
      this.queryTopicWeights[p.actorTopics[k]] = p.actorWeights[k];
      this.queryTopicSet[p.actorTopics[k]] = 1;
    }
    this.lazyTopics = true;
    return this.view(q);
  }

  /**
   * After computeTwoSteps: b's topic cosine with the query, with the same bits as compute's loop (the
   * same products, added in ascending topic order: the query's topic lists are sorted). Stored.
   */
  topicValue(b: number): number {
    if (!this.lazyTopics || (this.marks[b] & 2) !== 0) return this.cosine[b];
    const p = this.profiles;
    const { queryTopicWeights, queryTopicSet } = this;
    let sum = 0;
    for (let k = p.actorOffsets[b]; k < p.actorOffsets[b + 1]; k++) {
      const t = p.actorTopics[k];
      if (queryTopicSet[t] === 1) sum += queryTopicWeights[t] * p.actorWeights[k];
    }
    this.marks[b] |= 2;
    this.topicList[this.topicCount++] = b;
    this.cosine[b] = sum;
    return sum;
  }

  /** After computeTwoSteps: per actor, bit 1 set where a walk of two steps ends (read only). */
  twoStepMarks(): Uint8Array {
    return this.marks;
  }

  /** After computeTwoSteps: the three-step loop of compute(q, false), and its signals. */
  completeThreeSteps(): QuerySignals {
    return runNow(this.completeThreeStepsSteps());
  }

  /** completeThreeSteps in steps. */
  *completeThreeStepsSteps(): Generator<void, QuerySignals, void> {
    this.unfinished = true;
    if (this.lazyTopics) {
      this.clearLazyTopics();
      yield* this.topicCosine(this.lastQuery);
    }
    if (this.partial) {
      this.clearExact();
      this.partial = false;
      yield* this.threeSteps(false);
    }
    this.unfinished = false;
    return this.view(this.lastQuery);
  }

  /**
   * After computeTwoSteps: the probability that a three-step walk ends at b, with the same bits as
   * compute's loop — the same terms p2(x) / strength(x) · strength(x, b), added in the same order
   * (the order x was found in), pulled over b's row instead of pushed from every x. A tie's strength
   * is the same float in both directions (csr.ts sums it over the same collaborations in the same
   * order). Stored, so the signals read it; asked again for the same b, the stored sum is answered.
   */
  exactWalk3(b: number): number {
    const { marks, walkProbability3 } = this;
    if ((marks[b] & 8) !== 0) return walkProbability3[b];
    const { offsets, neighbours, tieStrengths, stepWeights } = this.graph;
    const { rank, termBits, termStrengths, reachedList, walkProbability2 } = this;
    // b's terms by their position among the walk's ends: a bit each, and the tie's strength there.
    let low = termBits.length;
    let high = -1;
    for (let f = offsets[b]; f < offsets[b + 1]; f++) {
      const x = neighbours[f];
      if ((marks[x] & 1) === 0) continue;
      const position = rank[x];
      const word = position >>> 5;
      termBits[word] |= 1 << (position & 31);
      termStrengths[position] = tieStrengths[f];
      if (word < low) low = word;
      if (word > high) high = word;
    }
    // The positions in ascending order: the order the full loop adds the terms in.
    let sum = 0;
    for (let word = low; word <= high; word++) {
      let bits = termBits[word];
      if (bits === 0) continue;
      termBits[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        bits ^= lowest;
        const position = (word << 5) | (31 - Math.clz32(lowest));
        const x = reachedList[position];
        sum += walkProbability2[x] * stepWeights[x] * termStrengths[position];
      }
    }
    marks[b] |= 8;
    this.exactList[this.exactCount++] = b;
    walkProbability3[b] = sum;
    return sum;
  }

  /**
   * After computeTwoSteps: exactWalk3 of several actors at once, from a dense layout of their ties —
   * `columns[x * actors.length + j]`: the strength of actor x's tie with actors[j] (0: none). One
   * pass over the walk's ends in the order they were found, the full loop's order, so each sum has
   * exactWalk3's bits (an end that is no partner adds p · 0 = 0, which leaves a sum as it is). For
   * hubs, whose rows are longer than most walks' ends: a row of 33k entries read in rank order
   * costs more than this pass for all of them. `endWeights[k]`: p2(x) · stepWeight(x) of the k-th
   * end x (the caller has them; the same product). In steps (about `budget` products per step).
   */
  *exactWalk3ManySteps(
    actors: Int32Array,
    columns: Float32Array,
    endWeights: Float64Array,
    budget: number,
  ): Generator<void, void, void> {
    const count = actors.length;
    if (count === 0) return;
    const { reachedList, walkProbability3, marks } = this;
    const sums = new Float64Array(count);
    const ends = this.twoStepCount;
    const perStep = Math.max(1, Math.floor(budget / count));
    for (let from = 0; from < ends; from += perStep) {
      const to = Math.min(ends, from + perStep);
      for (let k = from; k < to; k++) {
        const p = endWeights[k];
        const base = reachedList[k] * count;
        for (let j = 0; j < count; j++) sums[j] += p * columns[base + j];
      }
      if (to < ends) yield;
    }
    for (let j = 0; j < count; j++) {
      const b = actors[j];
      if ((marks[b] & 8) !== 0) continue;
      marks[b] |= 8;
      this.exactList[this.exactCount++] = b;
      walkProbability3[b] = sums[j];
    }
  }

  /** Forgets exactWalk3's sums (back to 0, not summed). */
  private clearExact(): void {
    const { exactList, walkProbability3, marks } = this;
    for (let k = 0; k < this.exactCount; k++) {
      walkProbability3[exactList[k]] = 0;
      marks[exactList[k]] &= ~8;
    }
    this.exactCount = 0;
  }

  private clearLazyTopics(): void {
    const { marks, cosine, topicList } = this;
    for (let k = 0; k < this.topicCount; k++) {
      cosine[topicList[k]] = 0;
      marks[topicList[k]] &= ~2;
    }
    this.topicCount = 0;
    const p = this.profiles;
    const q = this.lastQuery;
    for (let k = p.actorOffsets[q]; k < p.actorOffsets[q + 1]; k++) {
      this.queryTopicWeights[p.actorTopics[k]] = 0;
      this.queryTopicSet[p.actorTopics[k]] = 0;
    }
    this.lazyTopics = false;
  }

  private begin(q: number): void {
    this.reset();
    this.lastQuery = q;
    const { kinds, kindCount, affinity } = this.kindMixing;
    for (let l = 0; l < kindCount; l++) this.kindFactors[l] = affinity[kinds[q] * kindCount + l];
    const { offsets, neighbours } = this.graph;
    this.marks[q] |= 4;
    for (let e = offsets[q]; e < offsets[q + 1]; e++) this.marks[neighbours[e]] |= 4;
  }

  private view(q: number): QuerySignals {
    const { walks2, walks3, adamicAdar, resourceAllocation, cosine, degrees, beta } = this;
    const { walkProbability2, walkProbability3 } = this;
    const collaborations = this.graph.collaborationCounts;
    return signalsView(
      q,
      {
        walks2,
        walks3,
        adamicAdar,
        resourceAllocation,
        cosine,
        degrees,
        collaborations,
        walkProbability2,
        walkProbability3,
        actorKinds: this.kindMixing.kinds,
        kindFactors: this.kindFactors,
        beta,
      },
      this.marks,
      this.reachedList.subarray(0, this.reachedCount),
      this.topicList.subarray(0, this.topicCount),
    );
  }

  /**
   * Back to zero. When a query reached a large share of the network (the usual case beyond a few
   * thousand actors) clearing whole arrays is cheaper than walking the lists of what it touched.
   */
  private reset(): void {
    const { walks2, walks3, adamicAdar, resourceAllocation, cosine, marks } = this;
    const { walkProbability2, walkProbability3 } = this;
    const n = marks.length;
    this.clearExact();
    this.partial = false;
    if (this.lazyTopics) this.clearLazyTopics();
    if (this.unfinished || this.reachedCount + this.topicCount > n / 8) {
      if (this.countsDirty || this.unfinished) {
        walks2.fill(0);
        walks3.fill(0);
        adamicAdar.fill(0);
        resourceAllocation.fill(0);
      }
      walkProbability2.fill(0);
      walkProbability3.fill(0);
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
    this.twoStepCount = 0;
    this.countsDirty = false;
    this.unfinished = false;
  }

  /** Walks of length 2 from q (with Adamic–Adar on the way), a chunk of the query's partners per step. */
  private *walk(q: number, withCounts: boolean): Generator<void, void, void> {
    const { offsets, neighbours } = this.graph;
    if (withCounts) this.countsDirty = true;
    this.reachedCount = this.twoStepCount = 0;
    for (let e = offsets[q]; e < offsets[q + 1];) {
      const to = rowChunkEnd(offsets, neighbours, e, offsets[q + 1]);
      this.walkRange(q, e, to, withCounts);
      e = to;
      if (e < offsets[q + 1]) yield;
    }
  }

  /** The walks of length 2 through the query's ties e ∈ [from, to); loops written out: the hot path. */
  private walkRange(q: number, from: number, to: number, withCounts: boolean): void {
    const { offsets, neighbours, tieStrengths, inverseStrengths, stepWeights } = this.graph;
    const { walks2, adamicAdar, resourceAllocation, marks, reachedList, walkProbability2 } = this;
    let count = this.reachedCount;
    // Length 2: q → m → b.
    const fromQuery = inverseStrengths[q];
    if (!withCounts) {
      // The walk alone (the usual case): the same loop without the counts' branch and writes.
      for (let e = from; e < to; e++) {
        const m = neighbours[e];
        const step = fromQuery * tieStrengths[e] * stepWeights[m];
        const end = offsets[m + 1];
        for (let f = offsets[m]; f < end; f++) {
          const b = neighbours[f];
          if ((marks[b] & 1) === 0) {
            marks[b] |= 1;
            reachedList[count++] = b;
          }
          walkProbability2[b] += step * tieStrengths[f];
        }
      }
      this.reachedCount = this.twoStepCount = count;
      return;
    }
    for (let e = from; e < to; e++) {
      const m = neighbours[e];
      const dm = offsets[m + 1] - offsets[m];
      const selectivity = dm > 1 ? 1 / Math.log(dm) : 0;
      const share = 1 / dm;
      const step = fromQuery * tieStrengths[e] * stepWeights[m];
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
    this.reachedCount = this.twoStepCount = count;
  }

  /**
   * Length 3: q → · → x → b, from the walks of length 2 ending at x, a chunk of the ends per step.
   * This loop touches most of the graph's entries at 100k actors, so it does nothing but add; who
   * was newly reached is collected afterwards (one pass over the new ends, or over all actors when
   * that is cheaper).
   */
  private *threeSteps(withCounts: boolean): Generator<void, void, void> {
    const { offsets, neighbours } = this.graph;
    const { marks, reachedList } = this;
    const ends = this.twoStepCount;
    let count = ends;
    let work = 0;
    for (let k = 0; k < ends;) {
      const to = rowChunkEnd(offsets, reachedList, k, ends);
      work += this.threeStepRange(k, to, withCounts);
      k = to;
      if (k < ends) yield;
    }
    const n = marks.length;
    if (work > n) {
      // Every step has a positive probability, so a three-step walk ends at b exactly when its
      // probability is above 0.
      const { walkProbability3 } = this;
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

  /** The three-step walk from the ends reachedList[from .. to); the entries it read. */
  private threeStepRange(from: number, to: number, withCounts: boolean): number {
    const { offsets, neighbours, tieStrengths, stepWeights } = this.graph;
    const { walks2, walks3, reachedList, walkProbability2, walkProbability3 } = this;
    let work = 0;
    for (let k = from; k < to; k++) {
      const x = reachedList[k];
      const w = walks2[x];
      const p = walkProbability2[x] * stepWeights[x];
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
    return work;
  }

  /** The topic cosines with the query, a chunk of its topics' actor lists per step. */
  private *topicCosine(q: number): Generator<void, void, void> {
    const p = this.profiles;
    this.topicCount = 0;
    for (let k = p.actorOffsets[q]; k < p.actorOffsets[q + 1];) {
      const to = rowChunkEnd(p.topicOffsets, p.actorTopics, k, p.actorOffsets[q + 1]);
      this.topicRange(k, to);
      k = to;
      if (k < p.actorOffsets[q + 1]) yield;
    }
  }

  /** The cosine terms of the query's topic entries [from, to). */
  private topicRange(from: number, to: number): void {
    const p = this.profiles;
    const { marks, cosine, topicList } = this;
    let count = this.topicCount;
    for (let k = from; k < to; k++) {
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
