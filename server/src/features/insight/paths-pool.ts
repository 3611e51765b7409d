/**
 * Sampled Brandes through the collaborations (`sampled-paths-groups.ts`) on several threads: the
 * calling thread (the insight worker) and helper threads share the sources. After a write almost
 * every source's chains change, so patching the last result does not help; the sources are
 * independent, so they split across cores.
 *
 * Why kept (figures in this folder's README, round 7): it gives the same bits, and where cores are
 * free (a production machine) the walks' wall time divides by the threads. On the shared 2-core
 * development machine it did not show: at load 4–10 other processes hold the cores (and the
 * kernel shares CPU per session, so a second thread of ours gets no extra share); there it cost
 * ~10 % more CPU (the slots, a second walker) and ~60 MB RSS (peak 649–683 MB at 100k instead of
 * 594–612). The breadth-first numbering (`walk-order.ts`) wins everywhere: ~1.25–1.5× less CPU.
 *
 * - The walk's arrays (the groups and the extra shares, ~4 MB at 100k — not the 7.3M-entry
 *   adjacency), numbered for walks (`walk-order.ts`), are copied once per computation into SharedArrayBuffers: every thread reads the
 *   same memory, none gets a copy of its own.
 * - Sources are taken one at a time from a shared counter (Atomics.add), so a slow or late thread
 *   (a helper still loading, a busy core) takes fewer; the calling thread takes any that are left.
 * - Each source's dependencies go to a slot of their own (samples × n doubles, 26 MB at 100k), and
 *   the slots are added in source order afterwards: the same additions in the same order as one
 *   thread walking the sources in turn, so the same bits whatever the number of threads and
 *   whoever walked which source. Closeness sums are integers and are added per thread.
 * - The calling thread waits with Atomics.wait (a job in the insight worker is synchronous);
 *   a helper that fails sets a flag, one that makes no progress for `stallMs` fails the job.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renumberForWalks } from './walk-order';
import {
  finishWalks,
  groupWalker,
  sampledPathsOnGroups,
  walkArraysOf,
  type GroupedAdjacency,
  type WalkArrays,
} from './sampled-paths-groups';

/** Control words: next source to take, sources done, a helper failed. */
export const NEXT = 0;
export const DONE = 1;
export const FAILED = 2;

/** What a helper gets per computation (typed arrays on SharedArrayBuffers: shared, not copied). */
export interface PathsTask {
  arrays: WalkArrays;
  sources: Int32Array;
  control: Int32Array;
  /** samples × n: source s's dependencies at s·n. */
  deltas: Float64Array;
  reachedSources: Uint32Array;
  distanceSum: Float64Array;
}

/**
 * Threads for sampled paths: INSIGHT_PATH_THREADS, 1 unless set (`auto`: the cores there are), at
 * most 8 (each helper holds a few arrays of n, ~5 MB at 100k, and a V8 isolate of ~20–30 MB: RSS).
 * One by default because a gain was never measured: on the shared 2-core machine a second thread
 * got no extra CPU, and the first brokers after a start waited for the helper to load (4.0 → 6.7 s).
 */
export function defaultPathThreads(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.INSIGHT_PATH_THREADS ?? '';
  if (setting === 'auto') return Math.max(1, Math.min(8, availableParallelism()));
  const threads = Number(setting);
  return Number.isInteger(threads) && threads >= 1 ? Math.min(8, threads) : 1;
}

const HELPER = join(__dirname, 'paths-helper.cjs');

function shared<T extends Int32Array | Float64Array | Uint32Array>(
  make: new (buffer: SharedArrayBuffer) => T,
  bytes: number,
): T {
  return new make(new SharedArrayBuffer(bytes));
}

function shareInt32(a: Int32Array): Int32Array {
  const copy = shared(Int32Array, a.byteLength);
  copy.set(a);
  return copy;
}

export class PathsPool {
  private helpers: Worker[] = [];
  /** Helper threads started so far (tests look at it). */
  started = 0;
  /** Sources the calling thread walked itself in the last computation (the rest: helpers). */
  walkedHere = 0;

  constructor(
    /** Threads in all, the calling one included. */
    readonly threads = defaultPathThreads(),
    private readonly stallMs = 120_000,
  ) {}

  /** The same result as `sampledPathsOnGroups(graph, sources)`, bit for bit. */
  sampledPaths(graph: GroupedAdjacency, sources: ArrayLike<number>) {
    const samples = sources.length;
    const helpers = Math.min(this.threads, samples) - 1;
    if (helpers <= 0) return sampledPathsOnGroups(graph, sources);
    this.ensureHelpers(helpers);

    const { n } = graph;
    const { arrays: own, newOfNode } = renumberForWalks(walkArraysOf(graph));
    const arrays: WalkArrays = {
      n,
      gStarts: shareInt32(own.gStarts),
      gNodes: shareInt32(own.gNodes),
      nodeStarts: shareInt32(own.nodeStarts),
      nodeGroups: shareInt32(own.nodeGroups),
      extraStarts: shareInt32(own.extraStarts),
      partner: shareInt32(own.partner),
      extra: shareInt32(own.extra),
    };
    const task = {
      arrays,
      sources: shareInt32(Int32Array.from(sources, (s) => newOfNode[s])),
      control: shared(Int32Array, 3 * 4),
      deltas: shared(Float64Array, samples * n * 8),
    };
    const sums = this.helpers.slice(0, helpers).map((helper) => {
      const part = {
        reachedSources: shared(Uint32Array, n * 4),
        distanceSum: shared(Float64Array, n * 8),
      };
      helper.postMessage({ ...task, ...part } satisfies PathsTask);
      return part;
    });

    const reachedSources = new Uint32Array(n);
    const distanceSum = new Float64Array(n);
    this.walkedHere = walkTaken({ ...task, reachedSources, distanceSum });
    this.waitForAll(task.control, samples);

    for (const part of sums) {
      for (let v = 0; v < n; v++) {
        reachedSources[v] += part.reachedSources[v];
        distanceSum[v] += part.distanceSum[v];
      }
    }
    // The slots in source order: the additions one thread walking the sources makes.
    const centralities = new Float64Array(n);
    for (let s = 0; s < samples; s++) {
      const slot = task.deltas.subarray(s * n, (s + 1) * n);
      for (let v = 0; v < n; v++) centralities[v] += slot[v];
    }
    return finishWalks(sources, { centralities, reachedSources, distanceSum }, newOfNode);
  }

  /** Stops the helpers (a later computation starts new ones). */
  async close(): Promise<void> {
    const helpers = this.helpers;
    this.helpers = [];
    await Promise.all(helpers.map((h) => h.terminate()));
  }

  private waitForAll(control: Int32Array, samples: number): void {
    let done = Atomics.load(control, DONE);
    let progressAt = performance.now();
    while (done < samples) {
      if (Atomics.load(control, FAILED)) throw new Error('sampled paths: a helper thread failed');
      Atomics.wait(control, DONE, done, 200);
      const now = Atomics.load(control, DONE);
      if (now !== done) progressAt = performance.now();
      else if (performance.now() - progressAt > this.stallMs) {
        // A helper that took a source and never finished it (it died): start afresh next time.
        void this.close();
        throw new Error('sampled paths: a helper thread stopped answering');
      }
      done = now;
    }
  }

  private ensureHelpers(count: number): void {
    while (this.helpers.length < count) {
      const helper = new Worker(HELPER);
      this.started++;
      helper.unref();
      const drop = () => (this.helpers = this.helpers.filter((h) => h !== helper));
      helper.on('error', drop);
      helper.on('exit', drop);
      this.helpers.push(helper);
    }
  }
}

/** Takes sources from the shared counter until none are left, each into its slot; how many it took. */
export function walkTaken(task: PathsTask): number {
  const { arrays, sources, control, deltas, reachedSources, distanceSum } = task;
  const n = arrays.n;
  const samples = sources.length;
  let walk: ReturnType<typeof groupWalker> | null = null;
  let taken = 0;
  for (let s = Atomics.add(control, NEXT, 1); s < samples; s = Atomics.add(control, NEXT, 1)) {
    taken++;
    walk ??= groupWalker(arrays, reachedSources, distanceSum);
    walk(sources[s], deltas.subarray(s * n, (s + 1) * n));
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
  return taken;
}
