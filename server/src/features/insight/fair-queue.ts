/**
 * The insight worker's queue: one job runs at a time, the waiting ones are taken round-robin
 * across principals (each principal's own jobs first come first served), so one client asking
 * eighty questions does not put another's single question behind all eighty. Bounded: a principal
 * may have `perPrincipal` jobs waiting, everyone together `total`; beyond that `enqueue` refuses
 * with RATE_LIMITED and an estimate of when a place frees up.
 *
 * Estimates (`retryAfterSeconds`) come from the order the round-robin will take (assuming nobody
 * else asks meanwhile) and the recent durations of each kind of job.
 */
import { QueueFullError } from '../../domain/errors';

export interface FairQueueOptions {
  /** Jobs one principal may have waiting (not counting the one running); default 8. */
  perPrincipal?: number;
  /** Jobs waiting in all; default 64. */
  total?: number;
}

export const DEFAULT_PER_PRINCIPAL = 8;
export const DEFAULT_TOTAL = 64;

/** A job's guess when nothing of any kind has been measured yet. */
const UNKNOWN_MS = 2_000;
/** Durations remembered per kind. */
const RECENT = 8;

export interface QueuedJob {
  readonly kind: string;
  readonly principal: string;
  /** Started (it left the queue). */
  started: boolean;
  startedAt: number;
}

interface Entry<T> extends QueuedJob {
  run: () => Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export class FairQueue {
  /** Principal → its waiting jobs, oldest first; the Map's order is the round-robin's. */
  private readonly waiting = new Map<string, Entry<unknown>[]>();
  private waitingCount = 0;
  private running: Entry<unknown> | null = null;
  private readonly durations = new Map<string, number[]>();
  private readonly perPrincipal: number;
  private readonly total: number;

  constructor(options: FairQueueOptions = {}) {
    this.perPrincipal = options.perPrincipal ?? DEFAULT_PER_PRINCIPAL;
    this.total = options.total ?? DEFAULT_TOTAL;
  }

  /** Jobs waiting (not running). */
  get size(): number {
    return this.waitingCount;
  }

  /**
   * Queues `run` for `principal`; the returned job is what `estimateMs` takes. `capped: false`
   * (the service's own work) is never refused.
   */
  enqueue<T>(
    kind: string,
    principal: string,
    run: () => Promise<T>,
    capped = true,
  ): { job: QueuedJob; promise: Promise<T> } {
    const own = this.waiting.get(principal);
    if (capped && (own?.length ?? 0) >= this.perPrincipal) {
      throw new QueueFullError(
        `${this.perPrincipal} network-insight questions of yours are already waiting; ask again when one is answered`,
        this.seconds(this.estimateMs(own![0])),
      );
    }
    if (capped && this.waitingCount >= this.total) {
      throw new QueueFullError(
        `${this.total} network-insight questions are already waiting; ask again later`,
        this.seconds(this.nextFreeMs()),
      );
    }
    let entry!: Entry<T>;
    const promise = new Promise<T>((resolve, reject) => {
      entry = { kind, principal, run, resolve, reject, started: false, startedAt: 0 };
    });
    if (own) own.push(entry);
    else this.waiting.set(principal, [entry]);
    this.waitingCount++;
    this.pump();
    return { job: entry, promise };
  }

  /** Milliseconds until `job` is expected to be done: the running job's rest, the jobs before it, its own. */
  estimateMs(job: QueuedJob): number {
    const now = performance.now();
    if (job.started) return Math.max(0, this.expectedMs(job.kind) - (now - job.startedAt));
    let ms = this.running ? Math.max(0, this.expectedMs(this.running.kind) - (now - this.running.startedAt)) : 0;
    for (const next of this.order()) {
      ms += this.expectedMs(next.kind);
      if (next === job) return ms;
    }
    return ms;
  }

  /** Seconds for `retryAfterSeconds`: at least 1, at most 10 minutes. */
  seconds(ms: number): number {
    return Math.min(600, Math.max(1, Math.ceil(ms / 1000)));
  }

  /** The recent mean duration of a kind, else of any kind, else a guess. */
  expectedMs(kind: string): number {
    const own = this.durations.get(kind);
    if (own?.length) return mean(own);
    const all = [...this.durations.values()].flat();
    return all.length ? mean(all) : UNKNOWN_MS;
  }

  /** The waiting jobs in the order the round-robin will run them. */
  private *order(): Generator<Entry<unknown>> {
    const queues = [...this.waiting.values()];
    for (let round = 0; ; round++) {
      let any = false;
      for (const queue of queues) {
        if (round < queue.length) {
          any = true;
          yield queue[round];
        }
      }
      if (!any) return;
    }
  }

  /** When the next waiting job is expected to start, i.e. a place in the queue frees up. */
  private nextFreeMs(): number {
    if (!this.running) return 0;
    return Math.max(0, this.expectedMs(this.running.kind) - (performance.now() - this.running.startedAt));
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [principal, queue] = next.value;
    const entry = queue.shift()!;
    this.waitingCount--;
    // The principal goes to the end of the round (if it has more).
    this.waiting.delete(principal);
    if (queue.length) this.waiting.set(principal, queue);
    this.running = entry;
    entry.started = true;
    entry.startedAt = performance.now();
    // Started on a later microtask, never inside `enqueue`: the caller has its job in hand first.
    void Promise.resolve()
      .then(() => entry.run())
      .then(entry.resolve, entry.reject)
      .finally(() => {
        this.record(entry.kind, performance.now() - entry.startedAt);
        this.running = null;
        this.pump();
      });
  }

  /** Refuses every waiting job with `error` (shutdown); the running one ends as it ends. */
  clear(error: Error): void {
    const entries = [...this.waiting.values()].flat();
    this.waiting.clear();
    this.waitingCount = 0;
    for (const entry of entries) entry.reject(error);
  }

  private record(kind: string, ms: number): void {
    const list = this.durations.get(kind) ?? [];
    list.push(ms);
    if (list.length > RECENT) list.shift();
    this.durations.set(kind, list);
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
