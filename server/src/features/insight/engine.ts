/**
 * Network insight on the service's projection — brokers, the hand-over analysis, clusters, change
 * over time — the same code for every store, computed in a worker thread (`worker-client.ts`,
 * `jobs.ts`) on typed arrays (`projection-arrays.ts`), one job at a time from a bounded queue taken
 * round-robin across principals (`fair-queue.ts`). The newest result of each question is kept
 * (`cache.ts`) with its projection version; a request joins the question's job or queues one, waits
 * at most `staleWaitMs` when an older result is there (then gets that, labelled), else `waitMs`
 * (then COMPUTING with `retryAfterSeconds`). A finished result is kept even when the network
 * changed meanwhile: writes delay fresh results but never starve readers. (README.md: the whole.)
 */
import type { DuplicateInput, DuplicatePair } from '../../domain/duplicates';
import { BadInputError, ComputingError, DomainError, NotFoundError, QueueFullError } from '../../domain/errors';
import type { NetworkProjection } from '../../graph/projection';
import type { ScopeFilter } from '../../graph/scope';
import { ResultCache, keyOf, type Computed } from './cache';
import { recentTies, type RecentTie } from './change';
import type { CentralityOptions } from './centrality';
import { FairQueue, type QueuedJob } from './fair-queue';
import { ClusterSeeds } from './cluster-seeds';
import {
  DEFAULT_CLUSTER_QUIET_MS,
  DEFAULT_STALE_WAIT_MS,
  DEFAULT_WAIT_MS,
  type InsightOptions,
} from './insight-options';
import { packActorsSteps, type JobRequest, type JobResults } from './jobs';
import type { ProjectionArrays } from './projection-arrays';
import { VersionArrays } from './version-arrays';
import type { Recency } from './recency';
import { CentralityResult, clusteringOf, NetworkChange, ResilienceResult, type Clustering } from './results';
import { changeMasks, graphSpec } from './scope-masks';
import { runTimed, type JobTimings } from './timed-run';
import { InsightWorker } from './worker-client';
import { runInSlices } from '../../platform/util/run-in-slices';

export const MAX_REMOVED_ACTORS = 500;

export type { InsightOptions } from './insight-options';

/** Who asks when nobody is named (the service's own work, scripts). */
export const SERVICE_PRINCIPAL = 'service';

/** What each kind of question is called in COMPUTING messages. */
type Kind = 'brokers' | 'resilience' | 'clusters' | 'networkChange';

/** A question's work on the arrays of one projection version. */
type Work<T> = (arrays: ProjectionArrays) => Promise<T>;

interface Job {
  kind: Kind;
  key: string;
  queued: QueuedJob;
  promise: Promise<Computed<unknown>>;
  /** The projection version it computes on, once it has started. */
  version: number | null;
}

/** A result and whether it is on the projection's current version. */
export interface Answer<T> extends Computed<T> {
  current: boolean;
}

function checkRecency(recency: Recency | null | undefined): void {
  if (recency && !(recency.halfLifeDays > 0))
    throw new BadInputError('halfLifeDays must be positive', 'recency.halfLifeDays');
}

export class InsightEngine {
  private readonly cache = new ResultCache();
  /** Per question: the job waiting in the queue, and the one running. */
  private readonly waiting = new Map<string, Job>();
  private readonly running = new Map<string, Job>();
  private readonly queue: FairQueue;
  private readonly worker: InsightWorker;
  private readonly waitMs: number;
  private readonly staleWaitMs: number;
  private readonly centralityOptions: CentralityOptions;
  private readonly seeds: ClusterSeeds;
  private readonly versionArrays: VersionArrays;
  /**
   * Computations finished; those of them that finished on a version no longer current; answers
   * that were an older result because the current one was not ready.
   */
  readonly stats = { computed: 0, stale: 0, servedOlder: 0 };
  /** Where the time of each kind's last computation went (the bench reads it). */
  readonly timings = new Map<Kind, JobTimings>();
  /** How long the last job waited for the projection's arrays (made once per version). */
  private arraysMs = 0;

  constructor(
    private readonly projection: NetworkProjection,
    private readonly options: InsightOptions = {},
  ) {
    this.waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    this.staleWaitMs = Math.min(this.waitMs, options.staleWaitMs ?? DEFAULT_STALE_WAIT_MS);
    this.centralityOptions = { exactLimit: options.exactLimit, samples: options.samples };
    this.worker = new InsightWorker(options.workerIdleMs);
    this.versionArrays = new VersionArrays(projection);
    this.queue = new FairQueue(options.queue);
    this.seeds = new ClusterSeeds(
      options.clusterQuietMs ?? DEFAULT_CLUSTER_QUIET_MS,
      () => projection.version,
      () => this.queue.size === 0 && this.running.size === 0,
    );
  }

  /** Worker threads started so far. */
  get workerStarts(): number {
    return this.worker.started;
  }

  /** The projection's arrays made per version: patched after a change, or encoded anew. */
  get arraysMade(): { patched: number; encoded: number } {
    return this.versionArrays.made;
  }

  /** Questions waiting for their turn (not counting the one computing). */
  get queued(): number {
    return this.queue.size;
  }

  /** Stops the worker thread and refuses what still waits (a later question starts it again). */
  async close(): Promise<void> {
    this.seeds.clear();
    this.versionArrays.close();
    this.queue.clear(new Error('network insight was stopped'));
    await this.worker.close();
  }

  // --- questions ---------------------------------------------------------------------------------

  /** Degree, weighted degree, betweenness and closeness of every actor in scope. */
  brokers(
    filter: ScopeFilter = {},
    recency?: Recency | null,
    principal = SERVICE_PRINCIPAL,
  ): Promise<Answer<CentralityResult>> {
    checkRecency(recency);
    const [key, work] = this.centralityJob(filter, recency ?? null);
    return this.answer('brokers', principal, key, work);
  }

  /** The hand-over analysis: the scope's network without `removeActorIds`. */
  resilience(
    removeActorIds: readonly string[],
    filter: ScopeFilter = {},
    principal = SERVICE_PRINCIPAL,
  ): Promise<Answer<ResilienceResult>> {
    if (removeActorIds.length > MAX_REMOVED_ACTORS) {
      throw new BadInputError(`at most ${MAX_REMOVED_ACTORS} actors can be removed at once`, 'removeActorIds');
    }
    for (const id of removeActorIds) {
      if (!this.projection.actors.has(id))
        throw new DomainError('NOT_FOUND', new NotFoundError('Actor', id).message, 'removeActorIds');
    }
    const removed = [...new Set(removeActorIds)].sort();
    const [beforeKey, computeBefore] = this.centralityJob(filter, null);
    return this.answer('resilience', principal, `resilience:${keyOf({ removed, filter })}`, async (arrays) => {
      // The scope's brokers on the same arrays: cached for this version, else computed now, in this turn.
      let before = this.cache.latest<CentralityResult>(beforeKey);
      if (!before || before.version !== arrays.version) {
        const started = performance.now();
        const value = await computeBefore(arrays);
        before = { value, version: arrays.version, computedAt: new Date(), durationMs: performance.now() - started };
        this.finished(beforeKey, before);
      }
      return this.inWorker(
        'resilience',
        () => ({
          kind: 'resilience' as const,
          shared: arrays.shared,
          version: arrays.version,
          spec: graphSpec(arrays, filter),
          // An actor deleted since the question was checked is simply not there to take out.
          removed: Int32Array.from(
            removed.filter((id) => arrays.index.has(id)),
            (id) => arrays.index.get(id)!,
          ),
          // Copies: the cached brokers keep theirs.
          before: {
            degree: before.value.arrays.degree.slice(),
            weightedDegree: before.value.arrays.weightedDegree.slice(),
            betweenness: before.value.arrays.betweenness.slice(),
            closeness: before.value.arrays.closeness.slice(),
          },
          options: this.centralityOptions,
        }),
        (result) => new ResilienceResult(result, arrays.ids, removed),
      );
    });
  }

  /** Louvain clusters with their dominant topics and bridging actors. */
  clusters(
    filter: ScopeFilter = {},
    options: { resolution?: number; recency?: Recency | null } = {},
    principal = SERVICE_PRINCIPAL,
  ): Promise<Answer<Clustering>> {
    checkRecency(options.recency);
    if (options.resolution !== undefined && !(options.resolution > 0))
      throw new BadInputError('resolution must be positive', 'resolution');
    const key = `clusters:${keyOf({ filter, ...options })}`;
    // Warm (from the last cold partition, `cluster-seeds.ts`) unless `cold`; a cold run's partition is kept.
    const work = (arrays: ProjectionArrays, cold: boolean) => {
      const start = cold ? null : this.seeds.startFor(key, arrays);
      return this.inWorker(
        'clusters',
        () => ({
          kind: 'clusters' as const,
          shared: arrays.shared,
          version: arrays.version,
          spec: graphSpec(arrays, filter, options.recency),
          options: { resolution: options.resolution, exactLimit: this.options.exactLimit },
          start: start ?? undefined,
        }),
        (result) => {
          const { warm, clusterOfActor } = result;
          if (!warm) this.seeds.remember(key, { version: arrays.version, ids: arrays.ids, clusterOfActor });
          return clusteringOf(result, arrays.ids, arrays.topicIds);
        },
      );
    };
    return this.answer('clusters', principal, key, async (arrays) => {
      const value = await work(arrays, false);
      if (value.provisional) this.coldClustersLater(key, work);
      return value;
    });
  }

  /** The cold run that replaces a provisional clusters answer, once the queue is idle and the network quiet. */
  private coldClustersLater(key: string, work: (arrays: ProjectionArrays, cold: boolean) => Promise<Clustering>) {
    this.seeds.coldRunLater(key, async () => {
      const latest = this.cache.latest<Clustering>(key);
      if (latest && latest.version === this.projection.version && !latest.value.provisional) return;
      const version = this.projection.version;
      await this.job('clusters', SERVICE_PRINCIPAL, key, version, (arrays) => work(arrays, true)).promise;
    });
  }

  /** Actors and ties that appeared, faded or vanished between two dates. */
  networkChange(
    from: string,
    to: string,
    windowDays: number,
    principal = SERVICE_PRINCIPAL,
  ): Promise<Answer<NetworkChange>> {
    if (!(windowDays >= 1)) throw new BadInputError('windowDays must be at least 1', 'windowDays');
    if (to < from) throw new BadInputError(`to ${to} is before from ${from}`, 'to');
    return this.answer('networkChange', principal, `change:${keyOf({ from, to, windowDays })}`, async (arrays) => {
      const { result } = await this.worker.run({
        kind: 'change',
        shared: arrays.shared,
        masks: changeMasks(arrays, from, to, windowDays),
      });
      return new NetworkChange(result, arrays.ids, from, to, windowDays);
    });
  }

  /**
   * Likely duplicates among `actors` (domain/duplicates.ts), in the worker in its turn (the
   * service's own work: never refused): ~0.3 s at 10k actors, off the event loop. Waited for
   * without a limit (the caller caches the result).
   */
  async duplicates(actors: readonly DuplicateInput[]): Promise<DuplicatePair[]> {
    const packed = await runInSlices(packActorsSteps(actors));
    const { promise } = this.queue.enqueue(
      'duplicates',
      SERVICE_PRINCIPAL,
      async () => (await this.worker.run({ kind: 'duplicates', actors: packed })).result,
      false,
    );
    return promise;
  }

  /** One actor's partners by recency (cheap: answered at once, on the main thread). */
  recentTies(actorId: string, recency: Recency): RecentTie[] {
    checkRecency(recency);
    if (!this.projection.actors.has(actorId)) throw new NotFoundError('Actor', actorId);
    return recentTies(this.projection, actorId, recency);
  }

  // --- the machinery -----------------------------------------------------------------------------

  /** A question's job in the worker, its parts timed (`timed-run.ts`). */
  private async inWorker<K extends JobRequest['kind'], T>(
    kind: Kind,
    request: () => Extract<JobRequest, { kind: K }>,
    toResult: (result: JobResults[K]) => T,
  ): Promise<T> {
    const { value, timings } = await runTimed(this.worker, request, toResult, this.arraysMs);
    this.timings.set(kind, timings);
    return value;
  }

  private centralityJob(filter: ScopeFilter, recency: Recency | null): [string, Work<CentralityResult>] {
    return [
      `centrality:${keyOf({ filter, recency })}`,
      (arrays) =>
        this.inWorker(
          'brokers',
          () => ({
            kind: 'centrality' as const,
            shared: arrays.shared,
            version: arrays.version,
            spec: graphSpec(arrays, filter, recency),
            options: this.centralityOptions,
          }),
          (result) => new CentralityResult(result, arrays.ids, arrays.index),
        ),
    ];
  }

  /**
   * The result on the current version at once; else the question's job (joined or queued), waited
   * for at most `staleWaitMs` when an older result exists (then that one), else `waitMs` (then
   * COMPUTING).
   */
  private async answer<T>(kind: Kind, principal: string, key: string, work: Work<T>): Promise<Answer<T>> {
    const version = this.projection.version;
    const older = this.cache.latest<T>(key);
    if (older && older.version === version) return this.labelled(older);
    let job: Job;
    try {
      job = this.job(kind, principal, key, version, work);
    } catch (error) {
      // The queue is full: an older result is still better than none.
      if (older && error instanceof QueueFullError) return this.servedOlder(older);
      throw error;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), older ? this.staleWaitMs : this.waitMs);
    });
    try {
      const outcome = await Promise.race([job.promise, timeout]);
      if (outcome !== 'timeout') return this.labelled(outcome as Computed<T>);
      if (older) return this.servedOlder(older);
      throw new ComputingError(kind, this.queue.seconds(this.queue.estimateMs(job.queued)));
    } finally {
      clearTimeout(timer);
    }
  }

  private labelled<T>(computed: Computed<T>): Answer<T> {
    return { ...computed, current: computed.version === this.projection.version };
  }

  private servedOlder<T>(older: Computed<T>): Answer<T> {
    this.stats.servedOlder++;
    return this.labelled(older);
  }

  /**
   * The job that will answer `key` on `version` or later: the one waiting in the queue (it takes
   * the newest arrays when it starts), the running one when it runs on `version`, else a new one.
   */
  private job<T>(kind: Kind, principal: string, key: string, version: number, work: Work<T>): Job {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const running = this.running.get(key);
    if (running && running.version === version) return running;
    const job = { kind, key, version: null } as Job;
    const { job: queued, promise } = this.queue.enqueue(kind, principal, async () => {
      this.waiting.delete(key);
      this.running.set(key, job);
      job.version = this.projection.version;
      try {
        const started = performance.now();
        const arrays = await this.versionArrays.get();
        this.arraysMs = performance.now() - started;
        job.version = arrays.version;
        // Masks are made now, synchronously, from the arrays (they hold the version's facts).
        const value = await work(arrays);
        const computed: Computed<T> = {
          value,
          version: arrays.version,
          computedAt: new Date(),
          durationMs: performance.now() - started,
        };
        this.finished(key, computed);
        return computed;
      } finally {
        if (this.running.get(key) === job) this.running.delete(key);
      }
    });
    job.queued = queued;
    job.promise = promise;
    // Nobody may be waiting for it any more; the result stays in the cache.
    promise.catch(() => undefined);
    this.waiting.set(key, job);
    return job;
  }

  private finished(key: string, computed: Computed<unknown>): void {
    this.stats.computed++;
    if (computed.version !== this.projection.version) this.stats.stale++;
    this.cache.set(key, computed);
  }
}
