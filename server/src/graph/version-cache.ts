/**
 * Lists computed on a projection and kept until its `version` moves (every change of members bumps
 * it), bounded by their total size: when full, the oldest lists go first (a Map keeps insertion
 * order). One cache per projection, held weakly. Used for a hub's ranked collaborators
 * (./collaborators.ts) and its partners in id order (./partner-ids.ts).
 */
import type { NetworkProjection } from './projection';

export class VersionCache<V> {
  private readonly caches = new WeakMap<NetworkProjection, { version: number; items: number; lists: Map<string, V> }>();

  /** `sizeOf`: the items a value counts for; `maxItems`: the bound over all values of one projection. */
  constructor(
    private readonly maxItems: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value kept for `key` on the projection's current version, or `compute`'s (kept if it fits). */
  get(projection: NetworkProjection, key: string, compute: () => V): V {
    const cached = this.peek(projection, key);
    if (cached !== undefined) return cached;
    const value = compute();
    this.set(projection, key, value, projection.version);
    return value;
  }

  /** The value kept for `key` on the projection's current version, if any. */
  peek(projection: NetworkProjection, key: string): V | undefined {
    return this.current(projection).lists.get(key);
  }

  /** Keeps `value`, computed on the projection's `version`, for `key` — if that is still its version and it fits. */
  set(projection: NetworkProjection, key: string, value: V, version: number): void {
    if (projection.version !== version) return;
    const cache = this.current(projection);
    const size = this.sizeOf(value);
    if (size > this.maxItems) return;
    for (const [id, old] of cache.lists) {
      if (cache.items + size <= this.maxItems) break;
      cache.lists.delete(id);
      cache.items -= this.sizeOf(old);
    }
    cache.lists.set(key, value);
    cache.items += size;
  }

  private current(projection: NetworkProjection) {
    let cache = this.caches.get(projection);
    if (!cache || cache.version !== projection.version) {
      cache = { version: projection.version, items: 0, lists: new Map() };
      this.caches.set(projection, cache);
    }
    return cache;
  }
}
