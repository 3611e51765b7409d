/**
 * Change over time. An actor or a tie is *active* at a date when it has a collaboration overlapping
 * the window of `windowDays` before that date (the same overlap rule as every date filter). Between
 * two dates:
 * - appeared: active at `to`, never seen in any collaboration that started on or before `from`;
 * - faded (ties): active at both dates, with fewer shared collaborations in the later window;
 * - vanished: active at `from`, not active at `to`.
 * The comparison runs in the insight worker on typed arrays (`changeOnArrays`); ties weighted by
 * recency (`recentTies`, one actor's partners) are answered on the projection directly.
 */
import type { IsoDate } from '../../domain/model';
import type { NetworkProjection } from '../../graph/projection';
import { recencyWeight, type Recency } from './recency';
import { buildScopedGraph, type Membership, type ScopedGraph } from './scoped-graph';
import { indexInSorted } from '../../platform/util/sorted-search';

const DAY = 86_400_000;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function minusDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(date) - days * DAY).toISOString().slice(0, 10);
}

/** Collaborations of each side of the comparison, as masks over the projection's collaborations. */
export interface ChangeMasks {
  /** Overlapping the window before `from`. */
  before: Uint8Array;
  /** Overlapping the window before `to`. */
  after: Uint8Array;
  /** Started on or before `from`. */
  seen: Uint8Array;
}

/** Ties as parallel arrays: actors a < b (actor indexes, in id order) and their shared collaborations. */
export interface TieList {
  a: Int32Array;
  b: Int32Array;
  before: Int32Array;
  after: Int32Array;
}

export interface ChangeArrays {
  activeActorsBefore: number;
  activeActorsAfter: number;
  activeTiesBefore: number;
  activeTiesAfter: number;
  appearedActors: Int32Array;
  vanishedActors: Int32Array;
  appearedTies: TieList;
  fadedTies: TieList;
  vanishedTies: TieList;
}

class TieBuilder {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly before: number[] = [];
  readonly after: number[] = [];
  push(a: number, b: number, before: number, after: number): void {
    this.a.push(a);
    this.b.push(b);
    this.before.push(before);
    this.after.push(after);
  }
  build(): TieList {
    return {
      a: Int32Array.from(this.a),
      b: Int32Array.from(this.b),
      before: Int32Array.from(this.before),
      after: Int32Array.from(this.after),
    };
  }
}

/** Position of j in node i's (sorted) row, or -1. */
function entryOf(graph: ScopedGraph, i: number, j: number): number {
  return indexInSorted(graph.neighbours, graph.starts[i], graph.starts[i + 1], j);
}

function activeActors(membership: Membership, mask: Uint8Array): Uint8Array {
  const active = new Uint8Array(membership.actorCount);
  const { collaborationStarts, members } = membership;
  for (let c = 0; c + 1 < collaborationStarts.length; c++) {
    if (!mask[c]) continue;
    for (let x = collaborationStarts[c]; x < collaborationStarts[c + 1]; x++) active[members[x]] = 1;
  }
  return active;
}

export function changeOnArrays(membership: Membership, masks: ChangeMasks): ChangeArrays {
  const everyone = new Uint8Array(membership.actorCount).fill(1);
  // Every actor is a node, so node i is actor i.
  const graphOf = (mask: Uint8Array) =>
    buildScopedGraph(membership, { actorMask: everyone, collaborationMask: mask, collaborationWeights: null });
  const before = graphOf(masks.before);
  const after = graphOf(masks.after);
  const seen = graphOf(masks.seen);

  const appeared = new TieBuilder();
  const faded = new TieBuilder();
  const vanished = new TieBuilder();
  for (let i = 0; i < after.n; i++) {
    for (let k = after.starts[i]; k < after.starts[i + 1]; k++) {
      const j = after.neighbours[k];
      if (j < i) continue;
      const count = after.counts[k];
      if (entryOf(seen, i, j) < 0) appeared.push(i, j, 0, count);
      const was = entryOf(before, i, j);
      if (was >= 0 && count < before.counts[was]) faded.push(i, j, before.counts[was], count);
    }
  }
  for (let i = 0; i < before.n; i++) {
    for (let k = before.starts[i]; k < before.starts[i + 1]; k++) {
      const j = before.neighbours[k];
      if (j > i && entryOf(after, i, j) < 0) vanished.push(i, j, before.counts[k], 0);
    }
  }

  const activeBefore = activeActors(membership, masks.before);
  const activeAfter = activeActors(membership, masks.after);
  const seenActors = activeActors(membership, masks.seen);
  const appearedActors: number[] = [];
  const vanishedActors: number[] = [];
  let activeActorsBefore = 0;
  let activeActorsAfter = 0;
  for (let a = 0; a < membership.actorCount; a++) {
    activeActorsBefore += activeBefore[a];
    activeActorsAfter += activeAfter[a];
    if (activeAfter[a] && !seenActors[a]) appearedActors.push(a);
    if (activeBefore[a] && !activeAfter[a]) vanishedActors.push(a);
  }
  return {
    activeActorsBefore,
    activeActorsAfter,
    activeTiesBefore: before.pairs,
    activeTiesAfter: after.pairs,
    appearedActors: Int32Array.from(appearedActors),
    vanishedActors: Int32Array.from(vanishedActors),
    appearedTies: appeared.build(),
    fadedTies: faded.build(),
    vanishedTies: vanished.build(),
  };
}

export interface RecentTie {
  partnerId: string;
  /** Sum of the shared collaborations' recency weights. */
  weight: number;
  sharedCount: number;
  /** The latest end (or start) date among the shared collaborations. */
  lastDate: IsoDate | null;
}

/** An actor's partners by recency-weighted tie strength, strongest first (collaborations up to `asOf`). */
export function recentTies(projection: NetworkProjection, actorId: string, recency: Recency): RecentTie[] {
  const ties = new Map<string, RecentTie>();
  for (const c of [...(projection.actors.get(actorId)?.collaborations ?? [])].sort(byId)) {
    const collaboration = projection.collaborations.get(c)!;
    if (!collaboration.startDate || collaboration.startDate > recency.asOf) continue;
    const w = recencyWeight(collaboration, recency);
    const last = collaboration.endDate ?? collaboration.startDate;
    for (const partnerId of collaboration.actors) {
      if (partnerId === actorId) continue;
      const t = ties.get(partnerId) ?? { partnerId, weight: 0, sharedCount: 0, lastDate: null };
      t.weight += w;
      t.sharedCount++;
      if (!t.lastDate || last > t.lastDate) t.lastDate = last;
      ties.set(partnerId, t);
    }
  }
  return [...ties.values()].sort((a, b) => b.weight - a.weight || byId(a.partnerId, b.partnerId));
}
