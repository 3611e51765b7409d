/**
 * Network insight on the service's projection — brokers, the hand-over analysis, clusters, change
 * over time — the same code for every store, computed in the background:
 *
 * - The heavy part runs in a worker thread (`worker-client.ts`, `jobs.ts`) on typed arrays made from
 *   the projection (`projection-arrays.ts`, shared; `scope-masks.ts`, transferred), one job at a
 *   time, so the event loop keeps answering other requests meanwhile.
 * - Results are cached per projection version (`cache.ts`) with when they were computed and on
 *   which version; a request gets the cached result at once.
 * - Otherwise it waits for the computation at most `waitMs`, then gets a COMPUTING error with
 *   `retryAfterSeconds` (the computation goes on; asking again later finds it cached).
 * - A result is only ever handed out for the version the projection has when it is done: when the
 *   network changed meanwhile it is computed again while someone still waits for it, and dropped
 *   otherwise — never served as current.
 */
import type { DuplicateInput, DuplicatePair } from '../domain/duplicates';
import { BadInputError, ComputingError, DomainError, NotFoundError } from '../domain/errors';
import type { NetworkProjection } from '../graph/projection';
import type { ScopeFilter } from '../graph/scope';
import { SerialQueue } from '../service/serial-queue';
import { ResultCache, keyOf, type Computed } from './cache';
import { recentTies, type RecentTie } from './change';
import type { CentralityOptions } from './centrality';
import { packActors } from './jobs';
import { encodeProjection, type ProjectionArrays } from './projection-arrays';
import type { Recency } from './recency';
import { CentralityResult, clusteringOf, NetworkChange, ResilienceResult, type Clustering } from './results';
import { changeMasks, graphSpec } from './scope-masks';
import { InsightWorker } from './worker-client';

export const MAX_REMOVED_ACTORS = 500;

export interface InsightOptions {
  /** How long a request waits for a running computation before answering COMPUTING (default 10 s). */
  waitMs?: number;
  /** Exact betweenness / closeness (and Louvain on a graphology graph) up to this many actors (3,000). */
  exactLimit?: number;
  /** Sampled source actors above the exact limit (default: by the number of ties, 32–128). */
  samples?: number;
  /** The worker thread stops after this long without work (default 60 s). */
  workerIdleMs?: number;
}

export const DEFAULT_WAIT_MS = 10_000;

/** What each kind of question is called in COMPUTING messages. */
type Kind = 'brokers' | 'resilience' | 'clusters' | 'networkChange';

interface Job {
  kind: Kind;
  promise: Promise<Computed<unknown>>;
  /** Requests (and dependent jobs) waiting for it right now. */
  waiters: number;
  startedAt: number;
}

/** The network changed while a result was computed and nobody waits for it any more. */
class Dropped extends Error {}

function checkRecency(recency: Recency | null | undefined): void {
  if (recency && !(recency.halfLifeDays > 0)) throw new BadInputError('halfLifeDays must be positive', 'recency.halfLifeDays');
}

export class InsightEngine {
  private readonly cache = new ResultCache();
  private readonly jobs = new Map<string, Job>();
  /** One computation at a time in the worker. */
  private readonly queue = new SerialQueue();
  private readonly worker: InsightWorker;
  private arrays: { version: number; promise: Promise<ProjectionArrays> } | null = null;
  /** The last duration of each kind, for `retryAfterSeconds`. */
  private readonly lastDuration = new Map<Kind, number>();
  private readonly waitMs: number;
  private readonly centralityOptions: CentralityOptions;
  /** Computations finished, and those of them not kept because the network changed meanwhile. */
  readonly stats = { computed: 0, stale: 0 };

  constructor(
    private readonly projection: NetworkProjection,
    private readonly options: InsightOptions = {},
  ) {
    this.waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    this.centralityOptions = { exactLimit: options.exactLimit, samples: options.samples };
    this.worker = new InsightWorker(options.workerIdleMs);
  }

  /** Worker threads started so far. */
  get workerStarts(): number {
    return this.worker.started;
  }

  /** Stops the worker thread (a later question starts it again). */
  close(): Promise<void> {
    return this.worker.close();
  }

  // --- questions ---------------------------------------------------------------------------------

  /** Degree, weighted degree, betweenness and closeness of every actor in scope. */
  brokers(filter: ScopeFilter = {}, recency?: Recency | null): Promise<Computed<CentralityResult>> {
    checkRecency(recency);
    return this.answer('brokers', ...this.centralityJob(filter, recency ?? null));
  }

  /** The hand-over analysis: the scope's network without `removeActorIds`. */
  resilience(removeActorIds: readonly string[], filter: ScopeFilter = {}): Promise<Computed<ResilienceResult>> {
    if (removeActorIds.length > MAX_REMOVED_ACTORS) {
      throw new BadInputError(`at most ${MAX_REMOVED_ACTORS} actors can be removed at once`, 'removeActorIds');
    }
    for (const id of removeActorIds) {
      if (!this.projection.actors.has(id)) throw new DomainError('NOT_FOUND', new NotFoundError('Actor', id).message, 'removeActorIds');
    }
    const removed = [...new Set(removeActorIds)].sort();
    const [beforeKey, computeBefore] = this.centralityJob(filter, null);
    return this.answer('resilience', `resilience:${keyOf({ removed, filter })}`, async () => {
      const before = await this.dependency<CentralityResult>('brokers', beforeKey, computeBefore);
      return this.inWorker(before.version, async (arrays) => {
        const { result, workMs } = await this.worker.run({
          kind: 'resilience',
          shared: arrays.shared,
          spec: graphSpec(arrays, filter),
          // An actor deleted since the question was checked is simply not there to take out.
          removed: Int32Array.from(removed.filter((id) => arrays.index.has(id)), (id) => arrays.index.get(id)!),
          // Copies: the cached brokers keep theirs.
          before: {
            degree: before.value.arrays.degree.slice(),
            weightedDegree: before.value.arrays.weightedDegree.slice(),
            betweenness: before.value.arrays.betweenness.slice(),
            closeness: before.value.arrays.closeness.slice(),
          },
          options: this.centralityOptions,
        });
        return { value: new ResilienceResult(result, arrays.ids, removed), workMs };
      });
    });
  }

  /** Louvain clusters with their dominant topics and bridging actors. */
  clusters(filter: ScopeFilter = {}, options: { resolution?: number; recency?: Recency | null } = {}): Promise<Computed<Clustering>> {
    checkRecency(options.recency);
    if (options.resolution !== undefined && !(options.resolution > 0)) throw new BadInputError('resolution must be positive', 'resolution');
    return this.answer('clusters', `clusters:${keyOf({ filter, ...options })}`, () =>
      this.inWorker(null, async (arrays) => {
        const { result, workMs } = await this.worker.run({
          kind: 'clusters',
          shared: arrays.shared,
          spec: graphSpec(arrays, filter, options.recency),
          options: { resolution: options.resolution, exactLimit: this.options.exactLimit },
        });
        return { value: clusteringOf(result, arrays.ids, arrays.topicIds), workMs };
      }),
    );
  }

  /** Actors and ties that appeared, faded or vanished between two dates. */
  networkChange(from: string, to: string, windowDays: number): Promise<Computed<NetworkChange>> {
    if (!(windowDays >= 1)) throw new BadInputError('windowDays must be at least 1', 'windowDays');
    if (to < from) throw new BadInputError(`to ${to} is before from ${from}`, 'to');
    return this.answer('networkChange', `change:${keyOf({ from, to, windowDays })}`, () =>
      this.inWorker(null, async (arrays) => {
        const { result, workMs } = await this.worker.run({ kind: 'change', shared: arrays.shared, masks: changeMasks(arrays, from, to, windowDays) });
        return { value: new NetworkChange(result, arrays.ids, from, to, windowDays), workMs };
      }),
    );
  }

  /**
   * Likely duplicates among `actors` (domain/duplicates.ts), in the worker in its turn: ~0.3 s at
   * 10k actors, off the event loop. Waited for without a limit (the caller caches the result).
   */
  async duplicates(actors: readonly DuplicateInput[]): Promise<DuplicatePair[]> {
    const packed = packActors(actors);
    return this.queue.run(async () => (await this.worker.run({ kind: 'duplicates', actors: packed })).result);
  }

  /** One actor's partners by recency (cheap: answered at once, on the main thread). */
  recentTies(actorId: string, recency: Recency): RecentTie[] {
    checkRecency(recency);
    if (!this.projection.actors.has(actorId)) throw new NotFoundError('Actor', actorId);
    return recentTies(this.projection, actorId, recency);
  }

  // --- the machinery -----------------------------------------------------------------------------

  private centralityJob(filter: ScopeFilter, recency: Recency | null): [string, () => Promise<Computed<CentralityResult> | null>] {
    return [
      `centrality:${keyOf({ filter, recency })}`,
      () =>
        this.inWorker(null, async (arrays) => {
          const { result, workMs } = await this.worker.run({
            kind: 'centrality',
            shared: arrays.shared,
            spec: graphSpec(arrays, filter, recency),
            options: this.centralityOptions,
          });
          return { value: new CentralityResult(result, arrays.ids, arrays.index), workMs };
        }),
    ];
  }

  /**
   * The cached result for the current version, else the running (or a new) computation, waited
   * for at most `waitMs`.
   */
  private async answer<T>(kind: Kind, key: string, compute: () => Promise<Computed<T> | null>): Promise<Computed<T>> {
    const hit = this.cache.get<T>(key, this.projection.version);
    if (hit) return hit;
    const job = this.job(kind, key, compute);
    job.waiters++;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ComputingError(kind, this.retryAfterSeconds(job))), this.waitMs);
      });
      return (await Promise.race([job.promise, timeout])) as Computed<T>;
    } finally {
      clearTimeout(timer);
      job.waiters--;
    }
  }

  /** Another job's result, waited for without a limit (a job that needs it). */
  private async dependency<T>(kind: Kind, key: string, compute: () => Promise<Computed<T> | null>): Promise<Computed<T>> {
    const hit = this.cache.get<T>(key, this.projection.version);
    if (hit) return hit;
    const job = this.job(kind, key, compute);
    job.waiters++;
    try {
      return (await job.promise) as Computed<T>;
    } finally {
      job.waiters--;
    }
  }

  private job<T>(kind: Kind, key: string, compute: () => Promise<Computed<T> | null>): Job {
    const running = this.jobs.get(key);
    if (running) return running;
    const job: Job = { kind, waiters: 0, startedAt: performance.now(), promise: Promise.resolve(null as never) };
    job.promise = (async () => {
      for (;;) {
        const computed = await compute();
        if (computed) {
          this.stats.computed++;
          this.lastDuration.set(kind, computed.durationMs);
        }
        if (computed && computed.version === this.projection.version) {
          this.cache.set(key, computed);
          return computed;
        }
        if (computed) this.stats.stale++;
        // The network changed meanwhile: again for whoever still waits, else dropped.
        if (job.waiters === 0) throw new Dropped(`${kind}: the network changed while it was computed`);
      }
    })();
    this.jobs.set(key, job);
    const forget = () => {
      if (this.jobs.get(key) === job) this.jobs.delete(key);
    };
    job.promise.then(forget, forget);
    return job;
  }

  /**
   * Runs `work` in its turn with the projection's arrays of the current version (made if needed);
   * answers null when the projection is no longer at `version` (when given).
   */
  private inWorker<T>(version: number | null, work: (arrays: ProjectionArrays) => Promise<{ value: T; workMs: number }>): Promise<Computed<T> | null> {
    return this.queue.run(async () => {
      const started = performance.now();
      for (;;) {
        const arrays = await this.projectionArrays();
        if (arrays.version !== this.projection.version) continue;
        if (version !== null && version !== arrays.version) return null;
        // Masks are made now, synchronously, from the projection at `arrays.version`.
        const { value } = await work(arrays);
        return { value, version: arrays.version, computedAt: new Date(), durationMs: performance.now() - started };
      }
    });
  }

  private projectionArrays(): Promise<ProjectionArrays> {
    const version = this.projection.version;
    if (!this.arrays || this.arrays.version !== version) {
      const promise = encodeProjection(this.projection);
      this.arrays = { version, promise };
      // The encoding starts again by itself on a change; remember the version it ends on.
      promise.then(
        (arrays) => {
          if (this.arrays?.promise === promise) this.arrays = { version: arrays.version, promise };
        },
        () => {
          if (this.arrays?.promise === promise) this.arrays = null;
        },
      );
    }
    return this.arrays.promise;
  }

  private retryAfterSeconds(job: Job): number {
    const expected = this.lastDuration.get(job.kind);
    const remaining = expected === undefined ? 2_000 : expected - (performance.now() - job.startedAt);
    return Math.min(60, Math.max(1, Math.ceil(remaining / 1000)));
  }
}

