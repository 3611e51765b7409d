/**
 * A deterministic generator of networks with planted topic communities, for evaluating contact
 * suggestions where the truth is known: who belongs together is decided first, collaborations
 * follow from it over ten years. Sizes from 100 to 100,000 actors; the same options give the same
 * network.
 *
 * How it is made:
 * - Communities of different sizes (a few big, many small), each with its own four topics; six
 *   general topics ("Vernetzung"-like) that any actor may have.
 * - Every actor belongs to one community (15 % also to a second), declares 2–3 topics of it, often a
 *   general one, and one of its second community. Its activity (how readily it joins) is heavy-tailed.
 * - Actors enter over the years (40 % are there from the start). A collaboration (2–12 actors, a
 *   date in 2015–2024) belongs to one community and is about 1–2 of its topics: its members come
 *   mostly from that community (picked in proportion to activity and to how often they took part
 *   before), some are partners of members already in (friends of friends), some come from anywhere.
 *
 * So the structure (partners of partners), the topics and the activity all carry signal, as in a
 * real district, and a newcomer's declared topics say where it will find partners.
 */
import { ACTOR_KINDS, COLLABORATION_KINDS, PARTICIPATION_ROLES } from '../server/src/domain/model';
import type { GraphData } from '../server/src/store/network-store';
import { random } from './generate';

export interface PlantedOptions {
  actors: number;
  seed?: number;
  /** Default: √actors / 2, at least 3, at most 300. */
  communities?: number;
  /** Default: 0.4 per actor. */
  collaborations?: number;
}

export interface PlantedNetwork {
  data: GraphData;
  /** Per actor id: its (first) community. */
  communityOf: Map<string, number>;
}

const DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);
const DAYS = 3650;
const TOPICS_PER_COMMUNITY = 4;
const GENERAL_TOPICS = 6;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function plantedNetwork(options: PlantedOptions): PlantedNetwork {
  const rand = random(options.seed ?? 1);
  const n = options.actors;
  const communityCount = options.communities ?? Math.max(3, Math.min(300, Math.round(Math.sqrt(n) / 2)));
  const collaborationCount = options.collaborations ?? Math.max(1, Math.round(n * 0.4));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];

  // Topics: four per community, then the general ones.
  const topics: GraphData['topics'] = [];
  const communityTopics: string[][] = [];
  for (let c = 0; c < communityCount; c++) {
    communityTopics.push([]);
    for (let k = 0; k < TOPICS_PER_COMMUNITY; k++) {
      const id = `pt${pad(c, 3)}-${k}`;
      topics.push({ id, name: `Thema ${c}.${k}` });
      communityTopics[c].push(id);
    }
  }
  const generalTopics = Array.from({ length: GENERAL_TOPICS }, (_, k) => `pt-all-${k}`);
  generalTopics.forEach((id, k) => topics.push({ id, name: `Allgemeines Thema ${k}` }));

  // Community sizes ~ 1 / √(rank): a few big ones, a long tail of small ones.
  const communityWeight = Array.from({ length: communityCount }, (_, c) => 1 / Math.sqrt(c + 1));
  const totalWeight = communityWeight.reduce((s, w) => s + w, 0);
  const drawCommunity = () => {
    let r = rand() * totalWeight;
    for (let c = 0; c < communityCount; c++) if ((r -= communityWeight[c]) < 0) return c;
    return communityCount - 1;
  };

  const community = new Int32Array(n);
  const entryDay = new Int32Array(n);
  const propensity = new Int32Array(n);
  const actors: GraphData['actors'] = [];
  for (let i = 0; i < n; i++) {
    const c = drawCommunity();
    community[i] = c;
    const interests = new Set<string>();
    const own = communityTopics[c];
    while (interests.size < 2) interests.add(pick(own));
    if (rand() < 0.5) interests.add(pick(own));
    if (rand() < 0.6) interests.add(pick(generalTopics));
    if (rand() < 0.15) interests.add(pick(communityTopics[drawCommunity()]));
    entryDay[i] = rand() < 0.4 ? 0 : Math.floor(rand() * DAYS);
    // Pareto(1.5): most join rarely, a few join everything.
    propensity[i] = Math.min(100, Math.floor(1 / (1 - rand()) ** (1 / 1.5)));
    actors.push({
      id: `p${pad(i, 6)}`,
      name: `Akteur ${pad(i, 6)}`,
      kind: pick(ACTOR_KINDS),
      interests: [...interests].map((topicId) => ({ topicId, weight: 1 })),
    });
  }

  // Collaborations in date order; actors become pickable on their entry day.
  const days = Array.from({ length: collaborationCount }, () => Math.floor(rand() * DAYS)).sort((a, b) => a - b);
  const byEntry = Array.from({ length: n }, (_, i) => i).sort((a, b) => entryDay[a] - entryDay[b] || a - b);
  const communityTickets: number[][] = Array.from({ length: communityCount }, () => []);
  const allTickets: number[] = [];
  const partners: number[][] = Array.from({ length: n }, () => []);
  let entered = 0;

  const collaborations: GraphData['collaborations'] = [];
  for (let k = 0; k < collaborationCount; k++) {
    const day = days[k];
    while (entered < n && entryDay[byEntry[entered]] <= day) {
      const i = byEntry[entered++];
      for (let t = 0; t < propensity[i]; t++) {
        communityTickets[community[i]].push(i);
        allTickets.push(i);
      }
    }
    const c = drawCommunity();
    const own = communityTickets[c].length > 0 ? communityTickets[c] : allTickets;
    if (allTickets.length === 0) continue;
    const size = 2 + Math.floor(10 * rand() ** 2);
    const members = new Set<number>();
    for (let tries = 0; members.size < size && tries < size * 20; tries++) {
      const r = rand();
      if (r < 0.7 || members.size === 0) members.add(pick(own));
      else if (r < 0.85) {
        const known = partners[pick([...members])];
        if (known.length > 0) members.add(pick(known));
      } else members.add(pick(allTickets));
    }
    if (members.size < 2) continue;
    const list = [...members];
    for (const a of list) {
      communityTickets[community[a]].push(a);
      allTickets.push(a);
      for (const b of list) if (a !== b) partners[a].push(b);
    }
    const about = new Set<string>([pick(communityTopics[c])]);
    if (rand() < 0.4) about.add(pick(communityTopics[c]));
    if (rand() < 0.3) about.add(pick(generalTopics));
    const start = new Date(START + day * DAY);
    collaborations.push({
      id: `pc${pad(k, 6)}`,
      title: `Zusammenarbeit ${pad(k, 6)}`,
      kind: pick(COLLABORATION_KINDS),
      startDate: start.toISOString().slice(0, 10),
      endDate: null,
      topicIds: [...about],
      participants: list.map((a, idx) => ({
        actorId: actors[a].id,
        role: idx === 0 ? 'ORGANISER' : pick(PARTICIPATION_ROLES),
      })),
    });
  }

  return {
    data: { topics, actors, collaborations },
    communityOf: new Map(actors.map((a, i) => [a.id, community[i]])),
  };
}
