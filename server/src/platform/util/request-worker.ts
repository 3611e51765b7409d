/**
 * A worker thread that answers requests: started on the first request, each request numbered and
 * settled by the reply carrying its number (`{ id, error }` rejects), ref'd while requests wait so
 * the process stays up for them, unref'd and stopped after `idleMs` without work — an idle service
 * never keeps a thread or the process alive for it. A thread that fails or exits rejects every
 * waiting request; the next request starts a new one. The insight and suggestion-index workers use it.
 */
import { Worker } from 'node:worker_threads';

interface Waiting<R> {
  resolve(reply: R): void;
  reject(error: Error): void;
}

export class RequestWorker<Reply extends { id: number }> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting<Reply>>();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Threads started so far (tests look at it). */
  started = 0;

  /** `file`: the thread's bootstrap script; `name`: how errors name it ("insight worker"). */
  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly idleMs = 60_000,
  ) {}

  /** Posts `message(id)` with `transfer` (unusable here afterwards); resolves with the reply. */
  request(message: (id: number) => unknown, transfer: readonly ArrayBuffer[] = []): Promise<Reply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    worker.ref();
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        worker.postMessage(message(id), [...transfer]);
      } catch (error) {
        this.waiting.delete(id);
        if (this.waiting.size === 0) this.idle(worker);
        reject(error as Error);
      }
    });
  }

  /** Stops the thread (a later request starts a new one). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error(`the ${this.name} was stopped`));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    this.started++;
    worker.on('message', (reply: Reply | { id: number; error: string }) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`${this.name}: ${reply.error}`));
      else waiting.resolve(reply);
      if (this.waiting.size === 0) this.idle(worker);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the ${this.name} stopped (exit code ${code})`));
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
