/**
 * The insight worker thread (started by `worker-client.ts` through `insight-worker.cjs`): runs one
 * job at a time and posts the result back, its typed arrays transferred, or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, transferablesOf, type JobRequest } from './jobs';

export interface JobMessage {
  id: number;
  request: JobRequest;
}

export type ReplyMessage = { id: number; result: unknown; workMs: number } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, request }: JobMessage) => {
    const started = performance.now();
    let reply: ReplyMessage;
    try {
      const result = runJob(request);
      reply = { id, result, workMs: performance.now() - started };
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
