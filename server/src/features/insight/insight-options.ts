/** What the insight engine (`engine.ts`) can be told (`ServiceOptions.insight`). */
import type { FairQueueOptions } from './fair-queue';

export interface InsightOptions {
  /** How long a request waits for a computation when no result of it exists yet, before answering COMPUTING (default 10 s). */
  waitMs?: number;
  /**
   * How long a request waits for the current result when an older one exists, before answering
   * the older one (default 1 s, at most `waitMs`).
   */
  staleWaitMs?: number;
  /** Exact betweenness / closeness (and Louvain on a graphology graph) up to this many actors (3,000). */
  exactLimit?: number;
  /** Sampled source actors above the exact limit (default: by the number of ties, 32–128). */
  samples?: number;
  /** The worker thread stops after this long without work (default 60 s). */
  workerIdleMs?: number;
  /** Questions waiting per principal and in all (default 8 and 64); beyond them RATE_LIMITED. */
  queue?: FairQueueOptions;
  /**
   * After a provisional (warm-started) clusters answer, the cold run follows once the queue is idle
   * and the network unchanged for this long (default 2 s; `cluster-seeds.ts`).
   */
  clusterQuietMs?: number;
}

export const DEFAULT_WAIT_MS = 10_000;
export const DEFAULT_STALE_WAIT_MS = 1_000;

export const DEFAULT_CLUSTER_QUIET_MS = 2_000;
