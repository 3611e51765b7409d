/**
 * The collaborates-with graph of the projection as a compact CSR (compressed sparse rows) in typed
 * arrays: actor i's partners are `neighbours[offsets[i] .. offsets[i + 1])`, sorted by index, and
 * `weights` holds, for each of them, how many collaborations the two share.
 *
 * Why typed arrays and not graphology or Maps: the walks of length 3 that suggestions need touch
 * millions of entries at 100k actors; flat Int32Arrays keep that in the low milliseconds and take
 * 6 bytes per direction of a pair (about 12 MB per million pairs) instead of hundreds of MB.
 *
 * Actors are indexed in id order, so every iteration (and every tie broken by index) follows the
 * ids, whatever order a store returned its rows in.
 */
import type { NetworkProjection } from '../../graph/projection';
import { indexInSorted } from '../../platform/util/sorted-search';
import { encodeIndexInput, idOrder, ranksOf, type IndexInput } from './index-input';

export interface CollaborationGraph {
  /** index → actor id, ascending. */
  readonly ids: readonly string[];
  /** actor id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Length n + 1. */
  readonly offsets: Int32Array;
  /** Partner indexes, ascending within each row. */
  readonly neighbours: Int32Array;
  /** Shared collaborations per entry of `neighbours` (saturates at 65,535). */
  readonly weights: Uint16Array;
  /**
   * Actor indexes by activity: most partners first, ties by id. The order popularity ranks by and
   * fills short lists from.
   */
  readonly byActivity: Int32Array;
  /** Per actor: how many collaborations it took part in (single-partner ones included). */
  readonly collaborationCounts: Int32Array;
  /**
   * Tie strength per entry of `neighbours`: Σ over the shared collaborations of 1 / (members − 1) —
   * each collaboration gives each member one unit of tie to share among its partners, so a
   * 40-partner consortium is a weak tie and a project of two a strong one. Symmetric.
   */
  readonly tieStrengths: Float32Array;
  /** Per actor: 1 / Σ of its tie strengths (0 without partners): the walk's first step as probabilities. */
  readonly inverseStrengths: Float64Array;
  /**
   * Per actor x: the weight of a walk's step through x, (Σ of its tie strengths)^−STEP_EXPONENT (0
   * without partners) — see stepWeight.
   */
  readonly stepWeights: Float64Array;
}

/**
 * How much a busy intermediate of the walk is discounted: a step through x is weighted
 * strength(x)^−STEP_EXPONENT instead of 1 / strength(x) (which would make the walk a random walk, as
 * resource allocation discounts a shared partner by its partners). Measured (bench/eval/explore-ties.ts,
 * docs/suggestions.md): 0.75 ranked better than 1 on every held-out split of a real network of
 * research projects and of four planted networks, at the default's and at the fitted weights; 0.5
 * was more precise still but its lists held fewer distinct actors than Katz's; 1.5 and 2 (a steeper
 * penalty) were worse everywhere.
 */
export const STEP_EXPONENT: number = 0.75;

/** The weight of a step through an intermediate with this total tie strength (0: no partners). */
export function stepWeight(strength: number): number {
  if (!(strength > 0)) return 0;
  // At 1 the random walk's own 1 / strength, bit for bit (the ranking before the exponent).
  return STEP_EXPONENT === 1 ? 1 / strength : Math.pow(strength, -STEP_EXPONENT);
}

export function actorCount(graph: CollaborationGraph): number {
  return graph.ids.length;
}

/** Number of partners of actor i (its activity). */
export function degree(graph: CollaborationGraph, i: number): number {
  return graph.offsets[i + 1] - graph.offsets[i];
}

/** Number of collaborates-with pairs (each pair once). */
export function pairCount(graph: CollaborationGraph): number {
  return graph.neighbours.length / 2;
}

/** Bytes held by the typed arrays (the ids and the index map are not counted). */
export function graphBytes(graph: CollaborationGraph): number {
  return (
    graph.offsets.byteLength +
    graph.neighbours.byteLength +
    graph.weights.byteLength +
    graph.byActivity.byteLength +
    graph.collaborationCounts.byteLength +
    graph.tieStrengths.byteLength +
    graph.inverseStrengths.byteLength +
    graph.stepWeights.byteLength
  );
}

/** Position of partner j in actor i's row, or -1 (binary search: rows are sorted). */
export function edgeIndex(graph: CollaborationGraph, i: number, j: number): number {
  return indexInSorted(graph.neighbours, graph.offsets[i], graph.offsets[i + 1], j);
}

/** The graph's typed arrays (what the suggestion worker builds and hands back). */
export type GraphArrays = Omit<CollaborationGraph, 'ids' | 'index'>;

export function buildCollaborationGraph(projection: NetworkProjection): CollaborationGraph {
  const input = encodeIndexInput(projection);
  const order = idOrder(input.actorIds);
  const ids = Array.from(order, (a) => input.actorIds[a]);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  return { ids, index, ...collaborationArrays(input, ranksOf(order), idOrder(input.collaborationIds)) };
}

/**
 * The arrays of the graph from the flat input: `rank` gives each input actor its index (id order),
 * `collaborations` the input collaborations in id order.
 */
export function collaborationArrays(input: IndexInput, rank: Int32Array, collaborations: Int32Array): GraphArrays {
  const n = rank.length;
  const { memberStarts: inputStarts, members: inputMembers } = input;
  // Collaborations with at least two known members, as one flat CSR of actor indexes
  // (`members` between `memberStart[c]` and `memberStart[c + 1]`), and for every actor the
  // collaborations it is in (another flat CSR) — typed arrays, so 100k actors make no garbage.
  const collaborationCounts = new Int32Array(n);
  const memberStart: number[] = [0];
  const memberList: number[] = [];
  // In id order: tie strengths are sums of floats, and the same store state must give the same bits
  // whatever order a store returned its rows in.
  for (let o = 0; o < collaborations.length; o++) {
    const c = collaborations[o];
    const from = memberList.length;
    for (let x = inputStarts[c]; x < inputStarts[c + 1]; x++) {
      const i = rank[inputMembers[x]];
      collaborationCounts[i]++;
      memberList.push(i);
    }
    const k = memberList.length - from;
    if (k < 2) {
      memberList.length = from;
      continue;
    }
    memberStart.push(memberList.length);
  }
  const members = Int32Array.from(memberList);
  const starts = Int32Array.from(memberStart);
  const collaborationCount = starts.length - 1;
  const memberOfOffsets = new Int32Array(n + 1);
  for (let x = 0; x < members.length; x++) memberOfOffsets[members[x] + 1]++;
  for (let i = 0; i < n; i++) memberOfOffsets[i + 1] += memberOfOffsets[i];
  const memberOf = new Int32Array(members.length);
  const memberCursor = memberOfOffsets.slice(0, n);
  for (let c = 0; c < collaborationCount; c++) {
    for (let x = starts[c]; x < starts[c + 1]; x++) memberOf[memberCursor[members[x]]++] = c;
  }

  // Every pair is summed once, in the row of its smaller index, and written straight to its place
  // in both rows: no unsorted copy of the pairs (it held 10 bytes per entry beside the final arrays'
  // 10 until the end of the build: 73 MB more at 100k actors). A pair's strength is the same float
  // either way: both rows add the same shares in the same (collaboration) order.
  // Counting pass: each row's partners above and below it (a stamp per row, no reset).
  const above = new Int32Array(n);
  const below = new Int32Array(n);
  const stamp = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let y = memberOfOffsets[i]; y < memberOfOffsets[i + 1]; y++) {
      const c = memberOf[y];
      for (let x = starts[c]; x < starts[c + 1]; x++) {
        const j = members[x];
        if (j <= i || stamp[j] === i + 1) continue;
        stamp[j] = i + 1;
        above[i]++;
        below[j]++;
      }
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + below[i] + above[i];
  const fill = offsets[n];
  const neighbours = new Int32Array(fill);
  const weights = new Uint16Array(fill);
  const tieStrengths = new Float32Array(fill);
  const scratch = new Int32Array(n);
  const strengthScratch = new Float64Array(n);
  const partners = new Int32Array(n);
  const inverseStrengths = new Float64Array(n);
  const stepWeights = new Float64Array(n);

  // Rows in ascending order: row i's pairs with larger partners j, accumulated in a dense scratch
  // array, each written to the part of row j below j — where the rows i arrive in ascending order.
  const cursor = offsets.slice(0, n);
  for (let i = 0; i < n; i++) {
    let found = 0;
    for (let y = memberOfOffsets[i]; y < memberOfOffsets[i + 1]; y++) {
      const c = memberOf[y];
      const share = 1 / (starts[c + 1] - starts[c] - 1);
      for (let x = starts[c]; x < starts[c + 1]; x++) {
        const j = members[x];
        if (j <= i) continue;
        if (scratch[j] === 0) partners[found++] = j;
        scratch[j]++;
        strengthScratch[j] += share;
      }
    }
    for (let k = 0; k < found; k++) {
      const j = partners[k];
      const at = cursor[j]++;
      neighbours[at] = i;
      weights[at] = Math.min(scratch[j], 0xffff);
      tieStrengths[at] = strengthScratch[j];
      scratch[j] = 0;
      strengthScratch[j] = 0;
    }
  }
  // Now every row's part below it is complete and sorted, and `cursor` points past it. The part
  // above row i holds the rows k whose part below holds i: reading those parts for k ascending
  // appends each k in ascending order (a transpose of one half into the other).
  for (let k = 0; k < n; k++) {
    for (let at = offsets[k]; at < offsets[k] + below[k]; at++) {
      const i = neighbours[at];
      const to = cursor[i]++;
      neighbours[to] = k;
      weights[to] = weights[at];
      tieStrengths[to] = tieStrengths[at];
    }
  }

  // Each actor's total tie strength, summed over its sorted row (an order that does not depend on the store).
  for (let i = 0; i < n; i++) {
    let strength = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) strength += tieStrengths[k];
    inverseStrengths[i] = strength > 0 ? 1 / strength : 0;
    stepWeights[i] = stepWeight(strength);
  }

  const byActivity = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const d = offsets[b + 1] - offsets[b] - (offsets[a + 1] - offsets[a]);
    return d !== 0 ? d : a - b;
  });

  return {
    offsets,
    neighbours,
    weights,
    byActivity,
    collaborationCounts,
    tieStrengths,
    inverseStrengths,
    stepWeights,
  };
}
