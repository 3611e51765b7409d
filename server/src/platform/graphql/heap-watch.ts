/**
 * The last line against running out of memory. After every major garbage collection (when the
 * heap holds little but live data) the heap is compared with a watermark, a share of V8's heap
 * limit; above it the running request that has built the most list items is refused
 * (QUERY_TOO_COMPLEX, limit "memory"), one per collection, until the heap is below it again; above
 * a second, critical watermark every running request is refused at once (a refused request frees
 * its memory only when its execution has unwound, and V8 gives up after a few collections). The
 * item budget of each request (./request-guard.ts) keeps a single request well below this; the
 * watch is for many large requests at once. Only the server process watches (main.ts): in a test
 * process the heap holds the tests too.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics, type HeapInfo } from 'node:v8';
import { guardError, runningGuards } from './request-guard';

/** Share of the heap limit above which the largest running request is refused. */
export const DEFAULT_HEAP_WATERMARK = 0.6;
/** Share of the heap limit above which every running request is refused. */
export const CRITICAL_HEAP_WATERMARK = 0.8;

export interface HeapWatch {
  stop(): void;
}

/**
 * Called after a major GC: over `watermark` refuses the running request with the most items, over
 * `critical` every running request. Answers how many it refused.
 */
export function refuseLargestIfOver(
  watermark: number,
  heap: Pick<HeapInfo, 'used_heap_size' | 'heap_size_limit'> = getHeapStatistics(),
  critical = CRITICAL_HEAP_WATERMARK,
): number {
  const { used_heap_size: used, heap_size_limit: limit } = heap;
  if (used < watermark * limit) return 0;
  const active = [...runningGuards()].filter((guard) => !guard.stopped);
  if (active.length === 0) return 0;
  const over = used >= critical * limit ? critical : watermark;
  const victims = over === critical ? active : [active.reduce((a, b) => (b.items > a.items ? b : a))];
  const maxMb = Math.round((over * limit) / 1e6);
  for (const guard of victims)
    guard.refuse(
      guardError(
        'memory',
        maxMb,
        `The server is short of memory (over ${maxMb} MB in use): this answer was stopped; ask for less (first, fewer levels, a filter).`,
      ),
    );
  return victims.length;
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
