/**
 * The main thread's side of the suggestion index worker: starts the thread on the first build,
 * transfers the input's typed arrays to it (the id lists are copied) and resolves with the built
 * arrays it transfers back. Idle, it never keeps the process alive, and it stops after `idleMs`.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { BuiltArrays } from './index-build';
import { inputBuffers, type IndexInput } from './index-input';
import type { BuildMessage, BuildReply } from './suggestion-worker';

const BOOTSTRAP = join(__dirname, 'suggestion-worker.cjs');

interface Waiting {
  resolve(built: BuiltArrays): void;
  reject(error: Error): void;
}

export class IndexWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Threads started so far (tests look at it). */
  started = 0;

  constructor(private readonly idleMs = 60_000) {}

  /** Builds in the thread; the input's typed arrays are transferred (unusable here afterwards). */
  build(input: IndexInput): Promise<BuiltArrays> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    worker.ref();
    return new Promise<BuiltArrays>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, input } satisfies BuildMessage, inputBuffers(input));
      } catch (error) {
        this.waiting.delete(id);
        if (this.waiting.size === 0) this.idle(worker);
        reject(error as Error);
      }
    });
  }

  /** Stops the thread (a later build starts a new one). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('the suggestion worker was stopped'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOTSTRAP);
    this.started++;
    worker.on('message', (reply: BuildReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`suggestion worker: ${reply.error}`));
      else waiting.resolve(reply.built);
      if (this.waiting.size === 0) this.idle(worker);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the suggestion worker stopped (exit code ${code})`));
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
