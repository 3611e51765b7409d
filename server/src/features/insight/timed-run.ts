/**
 * A question's job in the insight worker with its parts timed: its masks made (main thread), the
 * worker's run (in transit, building the graph, the algorithm), its result turned into what the
 * API reads (main thread). The engine keeps the last figures per kind (`engine.timings`).
 */
import type { JobRequest, JobResults } from './jobs';
import type { InsightWorker } from './worker-client';

/** Milliseconds per part of a computation: on the main thread, in transit, in the worker. */
export interface JobTimings {
  /** Waiting for the projection's arrays (encoded in slices on the main thread once per version; ~0 when there). */
  arraysMs: number;
  /** The question's masks (main thread). */
  masksMs: number;
  toWorkerMs: number;
  /** Getting the scope's graph in the worker. */
  buildMs: number;
  /** False when the worker kept the graph from the question before (same version and scope). */
  built: boolean;
  /** True when the worker made it by patching the graph of an earlier version (`graph-patch.ts`). */
  patched: boolean;
  /** The algorithm and the worker's arrays of its outcome. */
  computeMs: number;
  fromWorkerMs: number;
  /** Turning the worker's arrays into what the API reads (main thread). */
  resultMs: number;
}

export async function runTimed<K extends JobRequest['kind'], T>(
  worker: InsightWorker,
  request: () => Extract<JobRequest, { kind: K }>,
  toResult: (result: JobResults[K]) => T,
  /** How long the job waited for the projection's arrays. */
  arraysMs: number,
): Promise<{ value: T; timings: JobTimings }> {
  let started = performance.now();
  const made = request();
  const masksMs = performance.now() - started;
  const reply = await worker.run<K>(made);
  started = performance.now();
  const value = toResult(reply.result);
  return {
    value,
    timings: {
      arraysMs,
      masksMs,
      toWorkerMs: reply.toWorkerMs,
      buildMs: reply.phases.buildMs,
      built: reply.phases.built,
      patched: reply.phases.patched ?? false,
      computeMs: reply.phases.computeMs,
      fromWorkerMs: reply.fromWorkerMs,
      resultMs: performance.now() - started,
    },
  };
}
