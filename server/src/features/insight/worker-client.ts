/**
 * The main thread's side of the insight worker: starts the worker thread on the first job, sends
 * jobs (their masks transferred, the projection's shared arrays shared) and settles each job's
 * promise with the reply. The worker holds only the last graph it built between jobs; it is stopped after `idleMs`
 * without work and never keeps the process alive while idle.
 */
import { join } from 'node:path';
import { RequestWorker } from '../../platform/util/request-worker';
import type { JobMessage, ReplyMessage } from './insight-worker';
import { transferablesOf, type JobPhases, type JobRequest, type JobResults } from './jobs';

export interface WorkerReply<T> {
  result: T;
  /** Time spent in the worker. */
  workMs: number;
  /** Of that: building the scope's graph, and the rest. */
  phases: JobPhases;
  /** From posting the job until the worker had it, and from its reply until the main thread had it (ms). */
  toWorkerMs: number;
  fromWorkerMs: number;
}

type Answered = Exclude<ReplyMessage, { error: string }>;

const BOOTSTRAP = join(__dirname, 'insight-worker.cjs');

/** The insight jobs' thread (a RequestWorker): jobs' masks transferred, the projection's arrays shared. */
export class InsightWorker {
  private readonly thread: RequestWorker<Answered>;

  constructor(idleMs = 60_000) {
    this.thread = new RequestWorker<Answered>(BOOTSTRAP, 'insight worker', idleMs);
  }

  /** Threads started so far (tests look at it). */
  get started(): number {
    return this.thread.started;
  }

  async run<K extends JobRequest['kind']>(
    request: Extract<JobRequest, { kind: K }>,
  ): Promise<WorkerReply<JobResults[K]>> {
    const reply = await this.thread.request(
      (id) => ({ id, request, postedAt: performance.timeOrigin + performance.now() }) satisfies JobMessage,
      transferablesOf(request),
    );
    return {
      result: reply.result as JobResults[K],
      workMs: reply.workMs,
      phases: reply.phases,
      toWorkerMs: reply.toWorkerMs,
      fromWorkerMs: performance.timeOrigin + performance.now() - reply.postedAt,
    };
  }

  /** Stops the thread (a later job starts a new one). */
  close(): Promise<void> {
    return this.thread.close();
  }
}
