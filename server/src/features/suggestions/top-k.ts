/**
 * The k best of many (score, actor index) pairs without sorting them all: a bounded min-heap whose
 * root is the worst kept pair. At 100k candidates and k = 10 this is a few hundred thousand
 * comparisons instead of a sort of 100k entries.
 *
 * Order: higher score first; equal scores by lower actor index (= id order), so every store gives
 * the same list.
 */
export interface Ranked {
  index: number;
  score: number;
}

/** a ranks before b. */
export function ranksBefore(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.index < b.index);
}

export class TopK {
  private readonly heap: Ranked[] = [];

  constructor(readonly k: number) {}

  get size(): number {
    return this.heap.length;
  }

  offer(index: number, score: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ index, score });
      this.up(heap.length - 1);
      return;
    }
    // Most candidates lose against the worst kept one: decide that before allocating anything.
    if (this.k === 0) return;
    const worst = heap[0];
    if (score > worst.score || (score === worst.score && index < worst.index)) {
      heap[0] = { index, score };
      this.down(0);
    }
  }

  /** The score of the worst pair kept once k are kept (a pair must reach it to be kept); -Infinity before. */
  get worstScore(): number {
    return this.heap.length < this.k || this.k === 0 ? -Infinity : this.heap[0].score;
  }

  /** Would offer(index, score) keep it? (Cheap pre-check before costlier filters.) */
  wouldKeep(index: number, score: number): boolean {
    if (this.heap.length < this.k) return true;
    if (this.k === 0) return false;
    const worst = this.heap[0];
    return score > worst.score || (score === worst.score && index < worst.index);
  }

  /** Best first. */
  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
  }

  // The root is the worst: a parent never ranks before its children.
  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!ranksBefore(heap[parent], heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && ranksBefore(heap[worst], heap[left])) worst = left;
      if (right < heap.length && ranksBefore(heap[worst], heap[right])) worst = right;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  }
}
