/**
 * The projection's arrays (`projection-arrays.ts`) of its current version, made once per version:
 * every job on one version shares them; a job after a change starts the encoding again.
 */
import type { NetworkProjection } from '../../graph/projection';
import { encodeProjection, type ProjectionArrays } from './projection-arrays';

export class VersionArrays {
  private arrays: { version: number; promise: Promise<ProjectionArrays> } | null = null;

  constructor(private readonly projection: NetworkProjection) {}

  get(): Promise<ProjectionArrays> {
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
}
