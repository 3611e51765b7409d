/**
 * The last line against running out of memory. After every major garbage collection (when the
 * heap holds little but live data) the heap is compared with a watermark, a share of V8's heap
 * limit; above it the running request that has built the most list items is refused
 * (QUERY_TOO_COMPLEX, limit "memory"), one per collection, until the heap is below it again. The
 * item budget of each request (./request-guard.ts) keeps a single request well below this; the
 * watch is for many large requests at once. Only the server process watches (main.ts): in a test
 * process the heap holds the tests too.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { guardError, runningGuards } from './request-guard';

/** Share of the heap limit above which the largest running request is refused. */
export const DEFAULT_HEAP_WATERMARK = 0.6;

export interface HeapWatch {
  stop(): void;
}

/** Refuses the running request with the most items when the heap is over the watermark (called after a major GC). */
export function refuseLargestIfOver(watermark: number, heap = getHeapStatistics()): boolean {
  const { used_heap_size: used, heap_size_limit: limit } = heap;
  if (used < watermark * limit) return false;
  let largest = null;
  for (const guard of runningGuards()) if (!guard.stopped && (!largest || guard.items > largest.items)) largest = guard;
  if (!largest) return false;
  const maxMb = Math.round((watermark * limit) / 1e6);
  largest.refuse(
    guardError(
      'memory',
      maxMb,
      `The server is short of memory (over ${maxMb} MB in use): this answer was stopped; ask for less (first, fewer levels, a filter).`,
    ),
  );
  return true;
}

export function watchHeap(watermark = DEFAULT_HEAP_WATERMARK): HeapWatch {
  const observer = new PerformanceObserver((list) => {
    const major = list
      .getEntries()
      .some(
        (entry) =>
          (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ===
          constants.NODE_PERFORMANCE_GC_MAJOR,
      );
    if (major && runningGuards().size > 0) refuseLargestIfOver(watermark);
  });
  observer.observe({ entryTypes: ['gc'] });
  return { stop: () => observer.disconnect() };
}
