/**
 * The indexes 0 … n−1 sorted by a comparator, in steps: runs of RUN indexes sorted by the engine's
 * sort, then merged pairwise, a yield after each run and each merge (sorting 100k actors' suggestion
 * scores in one piece held the event loop ~70 ms). For a total order (no two indexes compare equal, e.g. ties
 * broken by index) the result is the one order there is, the same as one sort of the whole array.
 */

/** Indexes sorted in one piece before the merging starts (a few milliseconds of comparisons). */
const RUN = 1 << 13;

export function* sortedSteps(
  n: number,
  compare: (a: number, b: number) => number,
  run = RUN,
): Generator<void, Int32Array, void> {
  let source = new Int32Array(n);
  for (let i = 0; i < n; i++) source[i] = i;
  for (let from = 0; from < n; from += run) {
    source.subarray(from, Math.min(n, from + run)).sort(compare);
    yield;
  }
  let target = new Int32Array(n);
  for (let width = run; width < n; width *= 2) {
    for (let from = 0; from < n; from += 2 * width) {
      merge(source, target, from, Math.min(n, from + width), Math.min(n, from + 2 * width), compare);
      yield;
    }
    [source, target] = [target, source];
  }
  return source;
}

/** Merges the sorted runs source[from .. middle) and source[middle .. to) into target[from .. to). */
function merge(
  source: Int32Array,
  target: Int32Array,
  from: number,
  middle: number,
  to: number,
  compare: (a: number, b: number) => number,
): void {
  let i = from;
  let j = middle;
  let k = from;
  while (i < middle && j < to) target[k++] = compare(source[i], source[j]) <= 0 ? source[i++] : source[j++];
  while (i < middle) target[k++] = source[i++];
  while (j < to) target[k++] = source[j++];
}

/** `items` sorted by `compare` (a total order: no two items compare equal), in the steps of sortedSteps. */
export function* sortedItemsSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[], void> {
  const order = yield* sortedSteps(items.length, (i, j) => compare(items[i]!, items[j]!));
  return Array.from(order, (i) => items[i]!);
}
