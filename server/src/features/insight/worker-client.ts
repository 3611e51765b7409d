/**
 * The main thread's side of the insight worker: starts the worker thread on the first job, sends
 * jobs (their masks transferred, the projection's shared arrays shared) and settles each job's
 * promise with the reply. The worker holds only the last graph it built between jobs; it is stopped after `idleMs`
 * without work and never keeps the process alive while idle.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
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

interface Waiting {
  resolve(reply: WorkerReply<unknown>): void;
  reject(error: Error): void;
}

const BOOTSTRAP = join(__dirname, 'insight-worker.cjs');

export class InsightWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Threads started so far (tests look at it). */
  started = 0;

  constructor(private readonly idleMs = 60_000) {}

  run<K extends JobRequest['kind']>(request: Extract<JobRequest, { kind: K }>): Promise<WorkerReply<JobResults[K]>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as Waiting['resolve'], reject });
      try {
        worker.postMessage(
          { id, request, postedAt: performance.timeOrigin + performance.now() } satisfies JobMessage,
          transferablesOf(request),
        );
      } catch (error) {
        this.waiting.delete(id);
        if (this.waiting.size === 0) this.idle(worker);
        reject(error as Error);
      }
    });
  }

  /** Stops the thread (a later job starts a new one). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('the insight worker was stopped'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOTSTRAP);
    this.started++;
    worker.on('message', (reply: ReplyMessage) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`insight worker: ${reply.error}`));
      else
        waiting.resolve({
          result: reply.result,
          workMs: reply.workMs,
          phases: reply.phases,
          toWorkerMs: reply.toWorkerMs,
          fromWorkerMs: performance.timeOrigin + performance.now() - reply.postedAt,
        });
      if (this.waiting.size === 0) this.idle(worker);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the insight worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private idle(worker: Worker): void {
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker && this.waiting.size === 0) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
