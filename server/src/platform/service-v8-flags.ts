/** V8's old-space limit of the service when HEAP_LIMIT_MB is not set. */
export const DEFAULT_HEAP_LIMIT_MB = 2048;

/**
 * The V8 flags `npm start` runs the service with (supervisor.ts); the bench starts the service with
 * the same, so its start time and peak memory are those of the service as it is run.
 */
export function serviceV8Flags(heapLimitMb: number = DEFAULT_HEAP_LIMIT_MB): string[] {
  // A larger young generation: large answers allocate many short-lived objects, and fewer of them
  // reach the old generation, whose collections pause the event loop (measured: the longest
  // health-check wait under a hub fan-out fell from 240 to 135 ms).
  return [`--max-old-space-size=${heapLimitMb}`, '--max-semi-space-size=32'];
}
