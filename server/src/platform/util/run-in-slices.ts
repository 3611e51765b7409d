/**
 * Running a generator of steps (each a bounded amount of work) without holding the event loop:
 * - `runSteps` calls `pause` after every step and awaits it when it answers a promise — a request
 *   passes its turn-taking (platform/graphql/event-loop-slices.ts `takeTurn`), so health checks
 *   and other requests go in between; with `stale`, checked after every wait, it stops and answers
 *   null as soon as the data the steps read changed meanwhile (the generator is closed, never
 *   resumed on changed data);
 * - `runInSlices` is that for background work: a pause of one setImmediate once a slice took
 *   `sliceMs`;
 * - `runNow` runs the steps at once (scripts, tests, small inputs).
 */

/** Longest slice of background work between two yields to the event loop (ms). */
export const SLICE_MS = 8;

export async function runSteps<T>(
  steps: Generator<void, T, void>,
  pause: () => Promise<void> | void,
  stale: (() => boolean) | null = null,
): Promise<T | null> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const waiting = pause();
    if (waiting) {
      await waiting;
      if (stale?.()) {
        steps.return(undefined as never);
        return null;
      }
    }
  }
}

/** A pause of one setImmediate once `sliceMs` have passed since the last one. */
export function slicePause(sliceMs = SLICE_MS): () => Promise<void> | void {
  let until = performance.now() + sliceMs;
  return () => {
    if (performance.now() < until) return;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        until = performance.now() + sliceMs;
        resolve();
      }),
    );
  };
}

/** Background steps in slices of `sliceMs` (nothing can make them stale). */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS): Promise<T> {
  return (await runSteps(steps, slicePause(sliceMs))) as T;
}

/** Runs steps to the end at once. */
export function runNow<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
