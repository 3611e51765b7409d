/**
 * Computes the walks to keep (kept-walks.ts) in the background, one at a time, in slices beside the
 * requests: asked after an expensive actor's list, so that list costs what it cost before (ranked
 * by bounds) and the next ones rank from the kept walk. A job whose index is no longer current (a
 * write came) stops at its next slice and is dropped, and at most MAX_WAITING wait: under a stream
 * of writes nothing piles up, at most one walk is being computed.
 */
import { runSteps, slicePause, SLICE_MS } from '../../platform/util/run-in-slices';
import { keepWalkSteps, keptWalksOf } from './kept-walks';
import type { SuggestionIndex } from './suggestion-index';

/** Walks asked for and not started yet, at most. */
export const MAX_WAITING = 4;

interface Job {
  index: SuggestionIndex;
  q: number;
}

export class WalkKeeper {
  private readonly waiting: Job[] = [];
  private current: Job | null = null;
  private running: Promise<void> | null = null;
  /** Jobs dropped because their index went stale (tests and benches read it). */
  dropped = 0;

  /** `stale(index)`: the index is no longer the one requests get (the projection changed since). */
  constructor(
    private readonly stale: (index: SuggestionIndex) => boolean,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Keeps q's walk on this index in the background, unless it is not worth it, kept or asked for. */
  ask(index: SuggestionIndex, q: number): void {
    if (this.stale(index) || !keptWalksOf(index).worthKeeping(index.graph, q)) return;
    const same = (job: Job | null) => job !== null && job.index === index && job.q === q;
    if (same(this.current) || this.waiting.some(same) || this.waiting.length >= MAX_WAITING) return;
    this.waiting.push({ index, q });
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no walk is waiting or being computed. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // Starts after the list that asked has answered.
    await new Promise((resolve) => setImmediate(resolve));
    for (let job = this.waiting.shift(); job; job = this.waiting.shift()) {
      const { index } = job;
      this.current = job;
      if (this.stale(index)) this.dropped++;
      else {
        const done = await runSteps(keepWalkSteps(index, job.q), slicePause(this.sliceMs), () => this.stale(index));
        if (done === null) this.dropped++;
      }
      this.current = null;
    }
  }
}
