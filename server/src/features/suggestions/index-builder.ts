/**
 * Keeps a projection's suggestion index current without holding the event loop: requests wait
 * (asynchronously) for an index at least as new as the projection was when they arrived.
 *
 * Why this mechanism (measured at 100k actors, docs/suggestions.md): the build is ~0.8–1.5 s of CSR
 * and ~0.5–1 s of topic profiles, in loops over typed arrays that do not slice well (the row loop
 * holds dense scratch arrays, the transpose and the sorts are whole-array steps), so it runs in a
 * worker thread, from flat arrays, and its typed arrays are transferred back (no copy). What must
 * stay on the main thread — reading the projection and making the id Maps — runs in slices of at
 * most SLICE_MS that yield to the event loop: the copy of the projection (`copySteps`, with a
 * journal so writes in between are copied again instead of starting over: a steady stream of
 * writes cannot keep a build from finishing), the encoding to indexes (`encodeSteps`) and the
 * assembly (`assembleSteps`). An incremental update of the CSR for a write was not chosen: the tie
 * strengths are float sums in collaboration id order, and keeping their bits equal to a full build
 * under removals needs the sums redone per touched pair anyway; the topic IDF moves with every
 * actor, so every profile would change.
 *
 * Small networks are built inline (below INLINE_BELOW actors + participations): there the whole
 * build costs less than starting the worker and the slices' overhead (docs/suggestions.md); the
 * `mode` option forces either path (tests run both).
 */
import type { NetworkProjection } from '../../graph/projection';
import { runInSlices } from '../../platform/util/run-in-slices';
import { buildIndexArrays, type BuiltArrays } from './index-build';
import { copySteps, encodeSteps, type IndexInput } from './index-input';
import { IndexWorker } from './index-worker';
import { assembleSteps, buildSuggestionIndex, cachedIndex, keepIndex, type SuggestionIndex } from './suggestion-index';

/** Below this many actors + participations the index is built inline (measured: docs/suggestions.md). */
export const INLINE_BELOW = 30_000;

/** auto: inline when small, else the worker; worker / inline: always that path (tests). */
export type IndexBuildMode = 'auto' | 'worker' | 'inline';

function participations(projection: NetworkProjection): number {
  let sum = 0;
  for (const c of projection.collaborations.values()) sum += c.actors.size;
  return sum;
}

export class IndexBuilder {
  private building: Promise<SuggestionIndex> | null = null;
  private closed = false;
  /** Builds run so far, and of them in the worker (tests and the bench look at them). */
  builds = 0;
  workerBuilds = 0;

  constructor(
    readonly projection: NetworkProjection,
    private readonly mode: IndexBuildMode = 'auto',
    private readonly worker: IndexWorker = new IndexWorker(),
  ) {}

  /** The newest index built, whatever its version (null before the first). */
  latest(): SuggestionIndex | null {
    return cachedIndex(this.projection);
  }

  /**
   * An index at least as new as the projection is now: the newest if it is, else the running
   * build's if that one ends new enough (concurrent requests share it), else a build started after
   * the running one.
   */
  async ready(): Promise<SuggestionIndex> {
    const wanted = this.projection.version;
    for (;;) {
      const latest = this.latest();
      if (latest && latest.version >= wanted) return latest;
      // Closed (shutdown): no new build (a failing one would otherwise be started again and again).
      if (this.closed) throw new Error('suggestions closed');
      if (this.building) {
        const index = await this.building.catch(() => null);
        if (index && index.version >= wanted) return index;
        continue;
      }
      if (this.inline()) {
        const index = buildSuggestionIndex(this.projection);
        keepIndex(index);
        this.builds++;
        return index;
      }
      this.building = this.buildOffLoop().finally(() => {
        this.building = null;
      });
    }
  }

  /**
   * Builds the arrays of an index input (the self-fit's index of the past): in the worker unless
   * the mode or the input's size says inline.
   */
  async buildArrays(input: IndexInput): Promise<BuiltArrays> {
    const small = input.actorIds.length + input.members.length < INLINE_BELOW;
    if (this.mode === 'inline' || (this.mode === 'auto' && small)) return buildIndexArrays(input);
    return this.worker.build(input);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.worker.close();
  }

  private inline(): boolean {
    if (this.mode !== 'auto') return this.mode === 'inline';
    return this.projection.actors.size + participations(this.projection) < INLINE_BELOW;
  }

  private async buildOffLoop(): Promise<SuggestionIndex> {
    const started = performance.now();
    const journal = this.projection.openJournal();
    let copy;
    try {
      copy = await runInSlices(copySteps(this.projection, journal));
    } finally {
      journal.close();
    }
    const input = await runInSlices(encodeSteps(copy));
    let built;
    try {
      if (this.closed) throw new Error('suggestions closed');
      built = await this.worker.build(input);
      this.workerBuilds++;
    } catch (error) {
      if (this.closed) throw error;
      // The worker failed (its input is gone with it): build inline from a new copy.
      const index = buildSuggestionIndex(this.projection);
      keepIndex(index);
      this.builds++;
      return index;
    }
    const index = await runInSlices(
      // The input's typed arrays went to the worker; its id lists (read here) stayed.
      assembleSteps(this.projection, input, built, () => performance.now() - started),
    );
    keepIndex(index);
    this.builds++;
    return index;
  }
}
