/**
 * Change over time. An actor or a tie is *active* at a date when it has a collaboration overlapping
 * the window of `windowDays` before that date (the same overlap rule as every date filter). Between
 * two dates:
 * - appeared: active at `to`, never seen in any collaboration that started on or before `from`;
 * - faded (ties): active at both dates, with fewer shared collaborations in the later window;
 * - vanished: active at `from`, not active at `to`.
 * Ties weighted by recency (`recencyWeight`) list an actor's partners by how recent and how many
 * their shared collaborations are: last month's meeting counts more than a 2021 conference.
 */
import { BadInputError } from '../domain/errors';
import type { IsoDate } from '../domain/model';
import type { NetworkProjection, ProjectedCollaboration } from '../graph/projection';
import { overlapsRange } from '../graph/scope';
import { recencyWeight, type Recency } from './actor-graph';

export interface TieCount {
  actorIds: [string, string];
  /** Shared collaborations in the window before `from` and before `to`. */
  before: number;
  after: number;
}

export interface NetworkChange {
  from: IsoDate;
  to: IsoDate;
  windowDays: number;
  activeActorsBefore: number;
  activeActorsAfter: number;
  activeTiesBefore: number;
  activeTiesAfter: number;
  appearedActorIds: string[];
  vanishedActorIds: string[];
  appearedTies: TieCount[];
  fadedTies: TieCount[];
  vanishedTies: TieCount[];
}

const DAY = 86_400_000;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function minusDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(date) - days * DAY).toISOString().slice(0, 10);
}

type Pairs = Map<string, number>;
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function tiesOf(projection: NetworkProjection, include: (c: ProjectedCollaboration) => boolean): { ties: Pairs; actors: Set<string> } {
  const ties: Pairs = new Map();
  const actors = new Set<string>();
  for (const c of projection.collaborations.values()) {
    if (!include(c)) continue;
    const members = [...c.actors];
    members.forEach((a) => actors.add(a));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = pairKey(members[i], members[j]);
        ties.set(key, (ties.get(key) ?? 0) + 1);
      }
    }
  }
  return { ties, actors };
}

const tie = (key: string, before: number, after: number): TieCount => ({
  actorIds: key.split('\u0000') as [string, string],
  before,
  after,
});
const byTie = (a: TieCount, b: TieCount) => byId(a.actorIds[0], b.actorIds[0]) || byId(a.actorIds[1], b.actorIds[1]);

export function networkChange(projection: NetworkProjection, from: IsoDate, to: IsoDate, windowDays: number): NetworkChange {
  if (to < from) throw new BadInputError(`to ${to} is before from ${from}`, 'to');
  const activeAt = (date: IsoDate) => tiesOf(projection, (c) => overlapsRange(c, minusDays(date, windowDays), date));
  const before = activeAt(from);
  const after = activeAt(to);
  const seen = tiesOf(projection, (c) => c.startDate !== null && c.startDate <= from);

  const appearedTies: TieCount[] = [];
  const fadedTies: TieCount[] = [];
  const vanishedTies: TieCount[] = [];
  for (const [key, count] of after.ties) {
    if (!seen.ties.has(key)) appearedTies.push(tie(key, 0, count));
    const was = before.ties.get(key);
    if (was !== undefined && count < was) fadedTies.push(tie(key, was, count));
  }
  for (const [key, count] of before.ties) if (!after.ties.has(key)) vanishedTies.push(tie(key, count, 0));

  return {
    from,
    to,
    windowDays,
    activeActorsBefore: before.actors.size,
    activeActorsAfter: after.actors.size,
    activeTiesBefore: before.ties.size,
    activeTiesAfter: after.ties.size,
    appearedActorIds: [...after.actors].filter((a) => !seen.actors.has(a)).sort(byId),
    vanishedActorIds: [...before.actors].filter((a) => !after.actors.has(a)).sort(byId),
    appearedTies: appearedTies.sort(byTie),
    fadedTies: fadedTies.sort(byTie),
    vanishedTies: vanishedTies.sort(byTie),
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
