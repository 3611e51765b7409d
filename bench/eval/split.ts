/**
 * A temporal split of a network: what was known before a cut-off date, and which new partnerships
 * formed after it.
 *
 * - Training: the collaborations that start before the cut-off (and those without a date), loaded
 *   into a NetworkProjection — the same structure the service scores on.
 * - Actors in the projection: `present` — only actors that took part in a training collaboration
 *   (H2020: an organisation exists for us once it is in a project; the reference protocol), or `all`
 *   registered actors with their declared interests (the planted networks: an actor registers with
 *   its topics before its first collaboration, like the seed's Repair-Café).
 * - Targets: pairs of actors of the projection that first work together in a collaboration starting
 *   in [cut-off, end) and had not worked together before.
 */
import { NetworkProjection } from '../../server/src/graph/projection';
import type { GraphSnapshot } from '../../server/src/store/network-store';
import type { EvalCollaboration, EvalNetwork } from './network';

export interface SplitOptions {
  cutoff: string;
  /** Exclusive end of the test window; open when absent. */
  end?: string;
  actors: 'present' | 'all';
}

export interface TemporalSplit {
  network: EvalNetwork;
  options: SplitOptions;
  projection: NetworkProjection;
  training: EvalCollaboration[];
  test: EvalCollaboration[];
  /** Per actor of the projection: the actors it first works with in the test window. */
  targets: Map<string, Set<string>>;
  /** Partners before the cut-off. */
  partners: Map<string, Set<string>>;
}

export const isTraining = (c: EvalCollaboration, cutoff: string) => c.startDate === null || c.startDate < cutoff;
export const isTest = (c: EvalCollaboration, o: SplitOptions) =>
  c.startDate !== null && c.startDate >= o.cutoff && (o.end === undefined || c.startDate < o.end);

export function temporalSplit(network: EvalNetwork, options: SplitOptions): TemporalSplit {
  const training = network.collaborations.filter((c) => isTraining(c, options.cutoff));
  const test = network.collaborations.filter((c) => isTest(c, options));

  const partners = new Map<string, Set<string>>();
  const present = new Set<string>();
  for (const c of training) {
    for (const a of c.actorIds) {
      present.add(a);
      for (const b of c.actorIds) if (a !== b) getSet(partners, a).add(b);
    }
  }
  const inProjection = options.actors === 'all' ? new Set(network.actors.map((a) => a.id)) : present;

  const projection = NetworkProjection.fromSnapshot(snapshotOf(network, training, inProjection));

  const targets = new Map<string, Set<string>>();
  for (const c of test) {
    for (const a of c.actorIds) {
      if (!inProjection.has(a)) continue;
      for (const b of c.actorIds) {
        if (a === b || !inProjection.has(b) || partners.get(a)?.has(b)) continue;
        getSet(targets, a).add(b);
      }
    }
  }
  return { network, options, projection, training, test, targets, partners };
}

function snapshotOf(network: EvalNetwork, training: EvalCollaboration[], actors: ReadonlySet<string>): GraphSnapshot {
  const kept = network.actors.filter((a) => actors.has(a.id));
  return {
    topics: network.topics.map((id) => ({ id })),
    actors: kept.map((a) => ({ id: a.id, kind: a.kind })),
    interests: kept.flatMap((a) => a.interests.map((topicId) => ({ actorId: a.id, topicId }))),
    collaborations: training.map((c) => ({ id: c.id, kind: c.kind, startDate: c.startDate, endDate: c.endDate })),
    participations: training.flatMap((c) =>
      c.actorIds.filter((a) => actors.has(a)).map((actorId) => ({ actorId, collaborationId: c.id })),
    ),
    about: training.flatMap((c) => c.topicIds.map((topicId) => ({ collaborationId: c.id, topicId }))),
  };
}

export function getSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Query actors with ties before the cut-off and at least one new partner after it (sorted). */
export function actorsWithTies(split: TemporalSplit): string[] {
  return [...split.targets.keys()].filter((a) => (split.partners.get(a)?.size ?? 0) > 0).sort();
}

/** Query actors of the projection without ties before the cut-off, with a new partner after it. */
export function actorsWithoutTies(split: TemporalSplit): string[] {
  return [...split.targets.keys()].filter((a) => (split.partners.get(a)?.size ?? 0) === 0).sort();
}

/**
 * Actors that are not in the projection at all (first collaboration on/after the cut-off), with
 * what they would declare when registering: the topics of their first collaboration(s) (the
 * earliest start date). Targets: their partners in the test window who are in the projection.
 */
export interface LateNewcomer {
  id: string;
  kind: EvalNetwork['actors'][number]['kind'];
  interests: string[];
  targets: Set<string>;
}

export function lateNewcomers(split: TemporalSplit): LateNewcomer[] {
  const inProjection = split.projection.actors;
  const first = new Map<string, string>();
  for (const c of split.test) {
    for (const a of c.actorIds) {
      if (inProjection.has(a)) continue;
      const d = first.get(a);
      if (d === undefined || c.startDate! < d) first.set(a, c.startDate!);
    }
  }
  const kinds = new Map(split.network.actors.map((a) => [a.id, a.kind]));
  const result: LateNewcomer[] = [];
  for (const [id, date] of [...first.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const interests = new Set<string>();
    const targets = new Set<string>();
    for (const c of split.test) {
      if (!c.actorIds.includes(id)) continue;
      if (c.startDate === date) c.topicIds.forEach((t) => interests.add(t));
      for (const b of c.actorIds) if (b !== id && inProjection.has(b)) targets.add(b);
    }
    if (targets.size > 0)
      result.push({ id, kind: kinds.get(id) ?? 'ASSOCIATION', interests: [...interests].sort(), targets });
  }
  return result;
}
