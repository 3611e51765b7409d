/**
 * What the network insight suites share (insight-brokers.suite.ts, insight-structure.suite.ts): the
 * expected values computed from the seed data itself, with plain breadth-first searches and the
 * definitions of the measures — independently of graphology.
 */
import type { GraphData } from '../../src/store/network-store';

export const AGENCY = 'stadtteilagentur-batenbrock';

export type Adjacency = Map<string, Map<string, number>>;

/** The collaborates-with graph of the data: actor -> partner -> shared collaborations. */
export function adjacencyOf(
  data: GraphData,
  without: ReadonlySet<string> = new Set(),
  include = (_c: GraphData['collaborations'][number]) => true,
): Adjacency {
  const adjacency: Adjacency = new Map(data.actors.filter((a) => !without.has(a.id)).map((a) => [a.id, new Map()]));
  for (const c of data.collaborations) {
    if (!include(c)) continue;
    const members = (c.participants ?? []).map((p) => p.actorId).filter((a) => !without.has(a));
    for (const a of members)
      for (const b of members) if (a !== b) adjacency.get(a)!.set(b, (adjacency.get(a)!.get(b) ?? 0) + 1);
  }
  return adjacency;
}

/** Distances and numbers of shortest chains from one actor (breadth-first). */
function bfs(adjacency: Adjacency, source: string): { dist: Map<string, number>; sigma: Map<string, number> } {
  const dist = new Map([[source, 0]]);
  const sigma = new Map([[source, 1]]);
  let frontier = [source];
  while (frontier.length) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const w of adjacency.get(v)!.keys()) {
        if (!dist.has(w)) {
          dist.set(w, dist.get(v)! + 1);
          next.push(w);
        }
        if (dist.get(w) === dist.get(v)! + 1) sigma.set(w, (sigma.get(w) ?? 0) + sigma.get(v)!);
      }
    }
    frontier = next;
  }
  return { dist, sigma };
}

/** Betweenness by its definition: Σ over pairs s<t of σ_st(v)/σ_st, over (n-1)(n-2)/2. */
export function betweenness(adjacency: Adjacency): Map<string, number> {
  const ids = [...adjacency.keys()];
  const n = ids.length;
  const paths = new Map(ids.map((id) => [id, bfs(adjacency, id)]));
  const result = new Map(ids.map((id) => [id, 0]));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [s, t] = [ids[i], ids[j]];
      const fromS = paths.get(s)!;
      const dst = fromS.dist.get(t);
      if (dst === undefined) continue;
      for (const v of ids) {
        if (v === s || v === t) continue;
        const dsv = fromS.dist.get(v);
        const dvt = paths.get(v)!.dist.get(t);
        if (dsv === undefined || dvt === undefined || dsv + dvt !== dst) continue;
        result.set(v, result.get(v)! + (fromS.sigma.get(v)! * paths.get(v)!.sigma.get(t)!) / fromS.sigma.get(t)!);
      }
    }
  }
  for (const id of ids) result.set(id, result.get(id)! / (((n - 1) * (n - 2)) / 2));
  return result;
}

/** Wasserman–Faust closeness: ((r-1)/(n-1)) · ((r-1)/Σd), r = actors reachable including itself. */
export function closeness(adjacency: Adjacency): Map<string, number> {
  const n = adjacency.size;
  return new Map(
    [...adjacency.keys()].map((id) => {
      const { dist } = bfs(adjacency, id);
      const reach = dist.size - 1;
      const total = [...dist.values()].reduce((a, b) => a + b, 0);
      return [id, total === 0 ? 0 : (reach / (n - 1)) * (reach / total)];
    }),
  );
}

export function components(adjacency: Adjacency): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const id of [...adjacency.keys()].sort()) {
    if (seen.has(id)) continue;
    const component = [...bfs(adjacency, id).dist.keys()].sort();
    component.forEach((a) => seen.add(a));
    result.push(component);
  }
  return result.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}

export const ranking = (values: Map<string, number>) =>
  [...values.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([id]) => id);
