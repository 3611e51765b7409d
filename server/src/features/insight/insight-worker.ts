/**
 * The insight worker thread (started by `worker-client.ts` through `insight-worker.cjs`): runs one
 * job at a time and posts the result back, its typed arrays transferred, or the error's message.
 * It keeps the last graph it built (`GraphCache`, keyed by projection version and masks) and nothing
 * else between jobs.
 */
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../../platform/util/background-thread';
import { GraphCache, runJob, transferablesOf, type JobPhases, type JobRequest } from './jobs';
import { PathsPool } from './paths-pool';

export interface JobMessage {
  id: number;
  request: JobRequest;
  /** When it was posted (performance.timeOrigin + performance.now(): comparable across threads). */
  postedAt: number;
}

export type ReplyMessage =
  | {
      id: number;
      result: unknown;
      workMs: number;
      phases: JobPhases;
      /** From posting the job until the worker had it (ms). */
      toWorkerMs: number;
      /** When the reply was posted (absolute, as `postedAt`). */
      postedAt: number;
    }
  | { id: number; error: string };

const now = () => performance.timeOrigin + performance.now();

if (parentPort) {
  const port = parentPort;
  // The main thread's event loop (health checks, requests) goes first when the cores are busy.
  lowerThreadPriority();
  // The last graph built stays for the next question on the same version and scope.
  const graphs = new GraphCache();
  // Sampled brokers on every core (helpers started with the first such job, stopped with this thread).
  const pool = new PathsPool();
  port.on('message', ({ id, request, postedAt }: JobMessage) => {
    const toWorkerMs = now() - postedAt;
    const started = performance.now();
    let reply: ReplyMessage;
    try {
      const phases: JobPhases = { buildMs: 0, built: false, computeMs: 0 };
      const result = runJob(request, graphs, phases, pool);
      reply = { id, result, workMs: performance.now() - started, phases, toWorkerMs, postedAt: now() };
    } catch (error) {
      port.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ReplyMessage);
      return;
    }
    port.postMessage(reply, transferablesOf(reply.result));
  });
}
