/**
 * Which collaborates-with ties a map draws when there are too many to draw. A conference links
 * everyone with everyone: 5,000 generated actors share 169,000 ties, while a reader sees no more in
 * an actor's 20th-strongest tie than in its 5th. So the map gets each actor's strongest ties, as
 * many per actor as a budget allows, and every actor with a tie keeps at least its strongest.
 * Pure: no I/O.
 */

/** Ties as parallel arrays: ends as indexes into the actors, weight = shared collaborations. */
export interface TieArrays {
  sources: ArrayLike<number>;
  targets: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** Ties kept per actor for a budget of about `maxTies` among `actorCount` actors (at least one). */
export function tiesPerActor(maxTies: number, actorCount: number): number {
  return Math.max(1, Math.floor(maxTies / Math.max(actorCount, 1)));
}

/**
 * The indexes (ascending) of the ties among the `perActor` strongest of either end. An actor's ties
 * of equal weight are taken in the order of the other end's `rank` (lower first).
 */
export function strongestPerActor(
  ties: TieArrays,
  actorCount: number,
  perActor: number,
  rank: ArrayLike<number>,
): number[] {
  const count = ties.sources.length;
  // Ties per actor in compressed rows: start[a] .. start[a + 1] in `list`.
  const start = new Int32Array(actorCount + 1);
  for (let i = 0; i < count; i++) {
    start[ties.sources[i] + 1]++;
    start[ties.targets[i] + 1]++;
  }
  for (let a = 0; a < actorCount; a++) start[a + 1] += start[a];
  const fill = start.slice(0, actorCount);
  const list = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    list[fill[ties.sources[i]]++] = i;
    list[fill[ties.targets[i]]++] = i;
  }
  const keep = new Uint8Array(count);
  for (let a = 0; a < actorCount; a++) {
    const from = start[a];
    const to = start[a + 1];
    if (to - from <= perActor) {
      for (let k = from; k < to; k++) keep[list[k]] = 1;
      continue;
    }
    // The `perActor` strongest, by insertion into a short sorted list (an actor may have thousands).
    const other = (i: number) => (ties.sources[i] === a ? ties.targets[i] : ties.sources[i]);
    const before = (x: number, y: number) =>
      ties.weights[x] > ties.weights[y] || (ties.weights[x] === ties.weights[y] && rank[other(x)] < rank[other(y)]);
    const best: number[] = [];
    for (let k = from; k < to; k++) {
      const i = list[k];
      if (best.length === perActor && !before(i, best[perActor - 1])) continue;
      let at = best.length === perActor ? perActor - 1 : best.length;
      while (at > 0 && before(i, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = i;
    }
    for (const i of best) keep[i] = 1;
  }
  const kept: number[] = [];
  for (let i = 0; i < count; i++) if (keep[i]) kept.push(i);
  return kept;
}
