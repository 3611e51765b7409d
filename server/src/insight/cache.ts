/**
 * Results computed on the projection, kept until the projection changes: each entry remembers the
 * projection's `version` it was computed on and when (`computedAt`), so a ranking over 100k actors
 * is computed once per change of the network, not once per request.
 */
import type { NetworkProjection } from '../graph/projection';

export interface Computed<T> {
  value: T;
  /** When it was computed. */
  computedAt: Date;
  /** How long it took, in milliseconds. */
  durationMs: number;
  /** The projection's version it was computed on. */
  version: number;
}

/** Entries per projection; a few kinds of question times a few scopes. Oldest dropped first. */
const MAX_ENTRIES = 32;

const caches = new WeakMap<NetworkProjection, Map<string, Computed<unknown>>>();

export function cached<T>(projection: NetworkProjection, key: string, compute: () => T): Computed<T> {
  let cache = caches.get(projection);
  if (!cache) caches.set(projection, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === projection.version) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit as Computed<T>;
  }
  const version = projection.version;
  const started = performance.now();
  const value = compute();
  const entry: Computed<T> = { value, computedAt: new Date(), durationMs: performance.now() - started, version };
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry;
}

/** A stable key for a filter or options object (keys sorted, absent and null alike). */
export function keyOf(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
