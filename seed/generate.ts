/**
 * A deterministic generator of synthetic networks for tests and benchmarks: the same options give
 * the same network. Realistic skew: a few hub actors take part in many collaborations (picked with
 * probability growing with their activity), most in one or two; topics long-tailed (Zipf-like);
 * collaborations of 2–40 participants spread over ten years.
 */
import { ACTOR_KINDS, COLLABORATION_KINDS, PARTICIPATION_ROLES } from '../server/src/domain/model';
import type { GraphData } from '../server/src/store/network-store';
import { seededRandom as random } from '../server/src/platform/util/seeded-random';

export interface GenerateOptions {
  actors: number;
  /** Default: 0.4 collaborations per actor. */
  collaborations?: number;
  topics?: number;
  seed?: number;
  /**
   * Hub actors (the city administration, a district agency, …): the first `hubs` actors also join
   * collaborations at random, hub h with probability `hubShare / (h + 1)`, so at 100k actors the
   * first one takes part in thousands. Default 0: the network is exactly what it was without hubs
   * (hubs draw from a PRNG of their own, so the rest of the network is the same either way).
   */
  hubs?: number;
  /** Share of all collaborations the first hub takes part in. Default 0.12. */
  hubShare?: number;
}

/** Kinds of the hub actors, in order (the rest repeat the last). */
const HUB_KINDS = ['CITY_DEPARTMENT', 'AGENCY', 'INSTITUTION', 'FUNDER', 'ASSOCIATION'] as const;

/** The seedable PRNG every generator and evaluation here uses (mulberry32). */
export { seededRandom as random } from '../server/src/platform/util/seeded-random';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generateNetwork(options: GenerateOptions): GraphData {
  const rand = random(options.seed ?? 42);
  const actorCount = options.actors;
  const collaborationCount = options.collaborations ?? Math.max(1, Math.round(actorCount * 0.4));
  const topicCount = options.topics ?? Math.max(5, Math.min(400, Math.round(Math.sqrt(actorCount) * 3)));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  // Zipf-like index: small indexes far more often than large ones.
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n ** rand()) - 1 + (rand() < 0.5 ? 0 : 0));

  const topics = Array.from({ length: topicCount }, (_, i) => ({ id: `t${pad(i, 4)}`, name: `Thema ${pad(i, 4)}` }));
  const actors: GraphData['actors'] = Array.from({ length: actorCount }, (_, i) => ({
    id: `a${pad(i, 6)}`,
    name: `Akteur ${pad(i, 6)}`,
    kind: pick(ACTOR_KINDS),
    district: `Bezirk ${1 + Math.floor(rand() * 20)}`,
    interests: uniqueTopics(1 + Math.floor(rand() * 4), () => topics[skewed(topicCount)].id).map((topicId) => ({
      topicId,
      weight: Math.round((0.2 + rand() * 0.8) * 100) / 100,
    })),
  }));

  const hubCount = Math.min(options.hubs ?? 0, actorCount);
  const hubShare = options.hubShare ?? 0.12;
  const hubRand = random(((options.seed ?? 42) ^ 0x9e3779b9) >>> 0);
  for (let h = 0; h < hubCount; h++) actors[h].kind = HUB_KINDS[Math.min(h, HUB_KINDS.length - 1)];

  // Preferential attachment: an actor is picked with probability ~ (1 + its participations so far).
  const tickets: number[] = Array.from({ length: actorCount }, (_, i) => i);
  const collaborations: GraphData['collaborations'] = [];
  for (let c = 0; c < collaborationCount; c++) {
    const size = 2 + Math.floor(38 * rand() ** 4);
    const members = new Set<number>();
    for (let tries = 0; members.size < Math.min(size, actorCount) && tries < size * 10; tries++) {
      members.add(rand() < 0.7 ? tickets[Math.floor(rand() * tickets.length)] : Math.floor(rand() * actorCount));
    }
    for (const m of members) tickets.push(m);
    const hubMembers: number[] = [];
    for (let h = 0; h < hubCount; h++) {
      if (hubRand() < hubShare / (h + 1) && members.size + hubMembers.length < 40 && !members.has(h))
        hubMembers.push(h);
    }
    const start = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000);
    const end = rand() < 0.5 ? null : new Date(start.getTime() + Math.floor(rand() * 365) * 86_400_000);
    collaborations.push({
      id: `c${pad(c, 6)}`,
      title: `Zusammenarbeit ${pad(c, 6)}`,
      kind: pick(COLLABORATION_KINDS),
      startDate: start.toISOString().slice(0, 10),
      endDate: end ? end.toISOString().slice(0, 10) : null,
      topicIds: uniqueTopics(1 + Math.floor(rand() * 3), () => topics[skewed(topicCount)].id),
      participants: [
        ...[...members].map((m, i) => ({
          actorId: actors[m].id,
          role: i === 0 ? 'ORGANISER' : pick(PARTICIPATION_ROLES),
        })),
        ...hubMembers.map((h) => ({
          actorId: actors[h].id,
          role: PARTICIPATION_ROLES[Math.floor(hubRand() * PARTICIPATION_ROLES.length)],
        })),
      ],
    });
  }
  return { topics, actors, collaborations };
}

function uniqueTopics(count: number, next: () => string): string[] {
  const chosen = new Set<string>();
  for (let i = 0; i < count * 3 && chosen.size < count; i++) chosen.add(next());
  return [...chosen];
}
