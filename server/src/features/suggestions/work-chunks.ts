/**
 * The unit of work between two yields of a suggestion computation in steps (suggest.ts
 * `suggestContactsSteps`, signals.ts, bounded-rank.ts): a chunk reads about CHUNK_ENTRIES entries
 * of the graph's rows (or CHUNK_ACTORS actors in loops of a few operations per actor), a few
 * milliseconds at 100k actors. The hot loops stay in plain functions over a range; only the
 * generators that call them yield, between chunks, so the arithmetic and its order are the same as
 * in one run (the same bits).
 */
export const CHUNK_ENTRIES = 1 << 16;
export const CHUNK_ACTORS = 1 << 13;
/**
 * Actors per chunk in loops that score each actor (a topic cosine over its topics, logarithms, a
 * bounded walk's sums): 1–3 µs an actor, so CHUNK_ACTORS of them held the event loop 40–60 ms
 * in a 10k network's fit (a profile of the abuse suite's service).
 */
export const CHUNK_SCORED_ACTORS = 1 << 10;

/**
 * Where a chunk of `list[from ..]` ends: after as many of its actors as have about `budget` entries
 * in their rows together (at least one).
 */
export function rowChunkEnd(
  offsets: Int32Array,
  list: ArrayLike<number>,
  from: number,
  to: number,
  budget = CHUNK_ENTRIES,
): number {
  let work = 0;
  let k = from;
  while (k < to && work < budget) {
    const x = list[k++];
    work += offsets[x + 1] - offsets[x] + 1;
  }
  return k;
}

/** Where a chunk of the actors from `from` (all actors, in index order) ends: about `budget` entries of their rows. */
export function actorChunkEnd(offsets: Int32Array, from: number, budget = CHUNK_ENTRIES): number {
  const n = offsets.length - 1;
  let k = from;
  while (k < n && offsets[k] - offsets[from] + (k - from) < budget) k++;
  return Math.max(k, Math.min(from + 1, n));
}
