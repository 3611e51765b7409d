/**
 * Results computed on the projection, the newest per question: each entry remembers the
 * projection's `version` it was computed on and when (`computedAt`), so a ranking over 100k actors
 * is computed once per change of the network, not once per request, and the last one can be served
 * (labelled with its version) while the next is computed.
 */

export interface Computed<T> {
  value: T;
  /** When it was computed (finished). */
  computedAt: Date;
  /** How long it took, in milliseconds (preparing the arrays and the worker's part). */
  durationMs: number;
  /** The projection's version it was computed on. */
  version: number;
}

/** Entries kept; a few kinds of question times a few scopes. Least recently used dropped first. */
const MAX_ENTRIES = 32;

export class ResultCache {
  private readonly entries = new Map<string, Computed<unknown>>();

  /** The entry for `key` when it was computed on `version`. */
  get<T>(key: string, version: number): Computed<T> | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit as Computed<T>;
  }

  /** The newest entry for `key`, whatever version it was computed on. */
  latest<T>(key: string): Computed<T> | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit as Computed<T>;
  }

  /** Keeps `entry` unless a result of a newer version is there already. */
  set(key: string, entry: Computed<unknown>): void {
    const kept = this.entries.get(key);
    if (kept && kept.version > entry.version) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** A stable key for a filter or options object (keys sorted, absent and null alike). */
export function keyOf(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== null && x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
