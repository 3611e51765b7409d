/**
 * Warm starts for clusters after a change, and how their answers stay a function of the network.
 *
 * Louvain from scratch on a large network is the costly part of `clusters` (~3 s CPU at 100k
 * actors on the CSR). After a change, the engine starts Louvain from the partition of the last
 * clustering computed from scratch (a "cold" run) instead: the nodes whose neighbourhood did not
 * change stay where they were, and the work is a fraction (`louvain-csr.ts`). Such an answer is
 * `provisional`: it depends on which earlier partition it started from, not only on the network.
 * So once the insight queue is idle and the network has been quiet for `quietMs`, a cold run on
 * the current version follows and replaces it. Warm starts only ever start from a cold partition
 * (never from another warm one), so a provisional answer is at most one step from an
 * authoritative one, and the answer that stays is the cold run's: the same network (both stores,
 * any history) gives the same clusters.
 */
import type { ProjectionArrays } from './projection-arrays';

/** A cold run's partition, per actor index of the version it ran on. */
export interface SeedPartition {
  version: number;
  /** Actor index → id on that version (ascending). */
  ids: readonly string[];
  clusterOfActor: Int32Array;
}

/** Questions whose last cold partition is kept (each ~4 bytes per actor plus the id list it shares). */
const KEPT = 4;

/**
 * `partition`'s clusters per actor index of `ids` (ascending, like the partition's own): both
 * lists walked side by side, no map of ids; an actor not in the partition gets -1.
 */
export function startOn(partition: SeedPartition, ids: readonly string[]): Int32Array {
  const start = new Int32Array(ids.length).fill(-1);
  const before = partition.ids;
  let x = 0;
  for (let a = 0; a < ids.length; a++) {
    const id = ids[a];
    while (x < before.length && before[x] < id) x++;
    if (x < before.length && before[x] === id) start[a] = partition.clusterOfActor[x];
  }
  return start;
}

export class ClusterSeeds {
  private readonly partitions = new Map<string, SeedPartition>();
  /** Questions with a cold run scheduled or queued. */
  private readonly pending = new Map<string, NodeJS.Timeout | null>();

  constructor(
    private readonly quietMs: number,
    /** The projection's version now. */
    private readonly version: () => number,
    /** Whether the insight queue has nothing waiting or running. */
    private readonly idle: () => boolean,
  ) {}

  /** Keeps a cold run's partition for `key`. */
  remember(key: string, partition: SeedPartition): void {
    this.partitions.delete(key);
    this.partitions.set(key, partition);
    while (this.partitions.size > KEPT) this.partitions.delete(this.partitions.keys().next().value!);
  }

  /** Where to start Louvain on `arrays`: the last cold partition of an older version, else null (from scratch). */
  startFor(key: string, arrays: ProjectionArrays): Int32Array | null {
    const partition = this.partitions.get(key);
    if (!partition || partition.version === arrays.version) return null;
    return startOn(partition, arrays.ids);
  }

  /**
   * Schedules the cold run after a provisional answer: every `quietMs` it looks whether the queue
   * is idle and the version the same as `quietMs` before, then `run()` queues it. One per question.
   */
  coldRunLater(key: string, run: () => Promise<unknown>): void {
    if (this.pending.has(key)) return;
    let seen = this.version();
    const attempt = () => {
      const timer = setTimeout(() => {
        const quiet = this.version() === seen;
        seen = this.version();
        if (!quiet || !this.idle()) return attempt();
        this.pending.set(key, null);
        Promise.resolve()
          .then(run)
          .catch(() => undefined)
          .finally(() => this.pending.delete(key));
      }, this.quietMs);
      timer.unref();
      this.pending.set(key, timer);
    };
    attempt();
  }

  /** Cancels the scheduled cold runs (the engine stops). */
  clear(): void {
    for (const timer of this.pending.values()) if (timer) clearTimeout(timer);
    this.pending.clear();
  }
}
