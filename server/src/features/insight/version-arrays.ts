/**
 * The projection's arrays (`projection-arrays.ts`) of its current version, made once per version:
 * every job on one version shares them. After a change they are patched from the last arrays made
 * with the journal of the writes since (`arrays-patch.ts`, in one go: milliseconds), else encoded
 * again in slices.
 */
import type { NetworkProjection, ProjectionJournal } from '../../graph/projection';
import { patchProjectionArrays } from './arrays-patch';
import { encodeProjectionJournaled, type ProjectionArrays } from './projection-arrays';

export class VersionArrays {
  private arrays: { version: number; promise: Promise<ProjectionArrays> } | null = null;
  /** The last arrays made, and the writes since their version. */
  private base: { arrays: ProjectionArrays; journal: ProjectionJournal } | null = null;
  /** Versions made by patching, and by encoding (tests and the bench read them). */
  readonly made = { patched: 0, encoded: 0 };

  constructor(private readonly projection: NetworkProjection) {}

  get(): Promise<ProjectionArrays> {
    const version = this.projection.version;
    if (this.arrays && this.arrays.version === version) return this.arrays.promise;
    const patched = this.base && patchProjectionArrays(this.base.arrays, this.projection, this.base.journal);
    if (patched) {
      // In the same turn as the patch: the journal starts again at the version just made.
      this.keep(patched, this.projection.openJournal());
      this.made.patched++;
      this.arrays = { version, promise: Promise.resolve(patched) };
      return this.arrays.promise;
    }
    const promise = encodeProjectionJournaled(this.projection).then(({ arrays, journal }) => {
      this.made.encoded++;
      this.keep(arrays, journal);
      return arrays;
    });
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
    return promise;
  }

  /** Keeps the newest arrays made as the base of the next patch (an older one never replaces it). */
  private keep(arrays: ProjectionArrays, journal: ProjectionJournal): void {
    if (this.base && this.base.arrays.version > arrays.version) {
      journal.close();
      return;
    }
    this.base?.journal.close();
    this.base = { arrays, journal };
  }

  /** Stops recording writes. */
  close(): void {
    this.base?.journal.close();
    this.base = null;
  }
}
