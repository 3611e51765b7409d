/**
 * Ranking quality of top-k lists against the partners that really formed:
 * precision@k (hits / k — a list shorter than k counts its missing places as misses),
 * recall@k (hits / number of targets), and MRR@k (1 / rank of the first hit in the top k, else 0).
 * Each is averaged over the query actors.
 */
export interface Metrics {
  queries: number;
  precisionAt5: number;
  precisionAt10: number;
  recallAt10: number;
  mrr: number;
}

export function listMetrics(list: readonly string[], targets: ReadonlySet<string>) {
  const hitsAt = (k: number) => list.slice(0, k).filter((id) => targets.has(id)).length;
  const firstHit = list.slice(0, 10).findIndex((id) => targets.has(id));
  return {
    precisionAt5: hitsAt(5) / 5,
    precisionAt10: hitsAt(10) / 10,
    recallAt10: hitsAt(10) / targets.size,
    mrr: firstHit < 0 ? 0 : 1 / (firstHit + 1),
  };
}

export function average(rows: Array<ReturnType<typeof listMetrics>>): Metrics {
  const mean = (f: (r: ReturnType<typeof listMetrics>) => number) =>
    rows.length ? rows.reduce((s, r) => s + f(r), 0) / rows.length : 0;
  return {
    queries: rows.length,
    precisionAt5: mean((r) => r.precisionAt5),
    precisionAt10: mean((r) => r.precisionAt10),
    recallAt10: mean((r) => r.recallAt10),
    mrr: mean((r) => r.mrr),
  };
}
