/**
 * The collaborates-with graph of the projection as a graphology graph: one node per actor (of the
 * kinds in scope), one undirected edge per pair of actors who share at least one collaboration in
 * scope, with `weight` = how many (or, with a recency half-life, the sum of each shared
 * collaboration's recency weight) and `count` = how many.
 *
 * Nodes and edges are added in id order, so every algorithm that runs on the graph (with a seeded
 * random source where it needs one) gives the same answer on every store.
 */
import Graph from 'graphology';
import type { IsoDate } from '../domain/model';
import type { NetworkProjection, ProjectedCollaboration } from '../graph/projection';
import { actorKindInScope, collaborationInScope, type ScopeFilter } from '../graph/scope';

export interface EdgeAttributes {
  /** Shared collaborations in scope. */
  count: number;
  /** `count`, or the sum of the shared collaborations' recency weights. */
  weight: number;
}
export type ActorGraph = Graph<Record<string, never>, EdgeAttributes>;

export interface Recency {
  /** The date ages are measured from (YYYY-MM-DD). */
  asOf: IsoDate;
  /** A collaboration this many days old counts half. */
  halfLifeDays: number;
}

export interface ActorGraphOptions {
  filter?: ScopeFilter;
  /** Actors left out (the hand-over analysis). */
  without?: ReadonlySet<string>;
  recency?: Recency | null;
}

const DAY = 86_400_000;

/** The weight of one collaboration as of a date: 1 when it ended on that date, ½ one half-life earlier. */
export function recencyWeight(c: Pick<ProjectedCollaboration, 'startDate' | 'endDate'>, recency: Recency): number {
  const last = c.endDate ?? c.startDate;
  if (!last) return 0;
  const ageDays = Math.max(0, (Date.parse(recency.asOf) - Date.parse(last)) / DAY);
  return 0.5 ** (ageDays / recency.halfLifeDays);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildActorGraph(projection: NetworkProjection, options: ActorGraphOptions = {}): ActorGraph {
  const filter = options.filter ?? {};
  const without = options.without ?? new Set<string>();
  const graph: ActorGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });

  const actorIds = [...projection.actors.keys()].filter((id) => !without.has(id) && actorKindInScope(projection, id, filter)).sort(byId);
  const index = new Map<string, number>();
  actorIds.forEach((id, i) => {
    index.set(id, i);
    graph.addNode(id);
  });

  // Pairs keyed by i * n + j (i < j): plain numbers, far cheaper than string keys at 1M+ pairs.
  const n = actorIds.length;
  const count = new Map<number, number>();
  const weight = options.recency ? new Map<number, number>() : null;
  for (const c of projection.collaborations.values()) {
    if (!collaborationInScope(c, filter)) continue;
    const members: number[] = [];
    for (const a of c.actors) {
      const i = index.get(a);
      if (i !== undefined) members.push(i);
    }
    if (members.length < 2) continue;
    const w = options.recency ? recencyWeight(c, options.recency) : 1;
    members.sort((x, y) => x - y);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const key = members[x] * n + members[y];
        count.set(key, (count.get(key) ?? 0) + 1);
        if (weight) weight.set(key, (weight.get(key) ?? 0) + w);
      }
    }
  }
  for (const key of [...count.keys()].sort((a, b) => a - b)) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const c = count.get(key)!;
    graph.addUndirectedEdge(actorIds[i], actorIds[j], { count: c, weight: weight ? weight.get(key)! : c });
  }
  return graph;
}
