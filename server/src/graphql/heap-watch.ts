/**
 * The last line against running out of memory: while requests run, the heap is looked at every
 * 100 ms, and above the watermark (60 % of V8's heap limit) the running request that has built
 * the most list items is refused (QUERY_TOO_COMPLEX, limit "memory"), one per look, until the heap
 * is below it again. The item budget of each request (./request-guard.ts) keeps a single request
 * well below this; the watch is for many large requests at once.
 */
import { getHeapStatistics } from 'node:v8';
import { guardError, runningGuards } from './request-guard';

export const HEAP_WATCH_INTERVAL_MS = 100;
/** Share of the heap limit above which the largest running request is refused. */
export const DEFAULT_HEAP_WATERMARK = 0.6;

export interface HeapWatch {
  stop(): void;
}

export function watchHeap(watermark = DEFAULT_HEAP_WATERMARK, readHeap = () => getHeapStatistics()): HeapWatch {
  const timer = setInterval(() => {
    const guards = runningGuards();
    if (guards.size === 0) return;
    const { used_heap_size: used, heap_size_limit: limit } = readHeap();
    if (used < watermark * limit) return;
    let largest = null;
    for (const guard of guards) if (!guard.stopped && (!largest || guard.items > largest.items)) largest = guard;
    if (!largest) return;
    const maxMb = Math.round((watermark * limit) / 1e6);
    largest.refuse(guardError('memory', maxMb, `The server is short of memory (over ${maxMb} MB in use): this answer was stopped; ask for less (first, fewer levels, a filter).`));
  }, HEAP_WATCH_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
