/**
 * Which collaborates-with ties a map draws when there are too many to draw. A conference links
 * everyone with everyone: 5,000 generated actors share 169,000 ties, while a reader sees no more in
 * an actor's 20th-strongest tie than in its 5th. So the map gets each actor's strongest ties, as
 * many per actor as a budget allows, and every actor with a tie keeps at least its strongest.
 *
 * Each actor's strongest tie alone leaves the map in hundreds of pieces (at 5,000 generated actors
 * 929 pieces, where the whole network is one): the pieces would be drawn apart as if unrelated, and
 * the layout (fcose) spends seconds per hundred pieces. So the ties that join the pieces are kept
 * too, the strongest first: a maximum spanning forest (Kruskal), which holds every actor's
 * strongest tie already and has one tie fewer than there are actors it links.
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

/**
 * The indexes (ascending) of a maximum spanning forest's ties: heaviest first, equal weights by
 * the lower `rank` of their ends, then of their other ends; a tie is taken when it joins two pieces.
 */
export function spanningForest(ties: TieArrays, actorCount: number, rank: ArrayLike<number>): number[] {
  const count = ties.sources.length;
  const lo = (i: number) => Math.min(rank[ties.sources[i]], rank[ties.targets[i]]);
  const hi = (i: number) => Math.max(rank[ties.sources[i]], rank[ties.targets[i]]);
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (x, y) => ties.weights[y] - ties.weights[x] || lo(x) - lo(y) || hi(x) - hi(y),
  );
  const parent = Int32Array.from({ length: actorCount }, (_, a) => a);
  const root = (a: number) => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]];
    return a;
  };
  const kept: number[] = [];
  for (const i of order) {
    const a = root(ties.sources[i]);
    const b = root(ties.targets[i]);
    if (a === b) continue;
    parent[a] = b;
    kept.push(i);
    if (kept.length === actorCount - 1) break;
  }
  return kept.sort((x, y) => x - y);
}

/**
 * The ties a map of `actorCount` actors draws for a budget of `maxTies`: all when they fit, else the
 * spanning forest and as many of each actor's strongest as the rest of the budget allows (at least
 * one each: beyond the budget only when there are more actors than it).
 */
export function tiesToDraw(ties: TieArrays, actorCount: number, maxTies: number, rank: ArrayLike<number>): number[] {
  if (ties.sources.length <= maxTies) return Array.from({ length: ties.sources.length }, (_, i) => i);
  // The forest first: the budget left is shared out per actor (still at least one each).
  const forest = spanningForest(ties, actorCount, rank);
  const chosen = new Set(forest);
  for (const i of strongestPerActor(ties, actorCount, tiesPerActor(maxTies - forest.length, actorCount), rank))
    chosen.add(i);
  return [...chosen].sort((x, y) => x - y);
}
