/** The performance targets (at 100k actors unless said), as checks on measured figures. */

/** p95 bound (ms) per request kind. */
export const P95_TARGET_MS: Record<string, number> = {
  actorPage: 10,
  actorPanel: 10,
  actorList: 10,
  collaborators: 10,
  nameSearch: 10,
  egoNetwork: 25,
  suggestions: 25,
};

/** Median within max(1.3 × floor, floor + 1 ms). */
export function withinFloor(p50: number, floorP50: number): boolean {
  return p50 <= Math.max(1.3 * floorP50, floorP50 + 1);
}

export const IMPORT_TARGET_PER_S = 40_000;
export const EMBEDDED_LOAD_TARGET_S = 10;
export const READY_TARGET_S = 15;
export const RSS_TARGET_MB = 1024;
