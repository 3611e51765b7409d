/** The generated network of one size and the actors the requests are about. */
import { generateNetwork, random } from '../seed/generate';
import type { GraphData } from '../server/src/store/network-store';
import type { RequestInput } from './requests';

export interface BenchNetwork {
  size: number;
  data: GraphData;
  participations: number;
  /** Actors drawn uniformly (fixed seed). */
  randomActors: string[];
  /** Actors drawn from the top 5 % by degree (fixed seed); the busiest actor is always among them. */
  busyActors: string[];
  busiest: { id: string; degree: number };
  /** Degree at the 95th percentile (the threshold of "busy"). */
  busyThreshold: number;
  allIds: string[];
}

export function benchNetwork(size: number, hubs: number, seed: number, sample = 20): BenchNetwork {
  const data = generateNetwork({ actors: size, hubs, seed });
  const degree = new Map<string, number>(data.actors.map((a) => [a.id, 0]));
  let participations = 0;
  for (const c of data.collaborations) {
    for (const p of c.participants ?? []) {
      degree.set(p.actorId, degree.get(p.actorId)! + 1);
      participations++;
    }
  }
  const allIds = data.actors.map((a) => a.id);
  const byDegree = [...allIds].sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : 1));
  const top = byDegree.slice(0, Math.max(1, Math.floor(size * 0.05)));
  const rand = random(seed + 1000);
  const draw = (from: string[], n: number, first: string[] = []) => {
    const chosen = new Set(first);
    while (chosen.size < Math.min(n, from.length)) chosen.add(from[Math.floor(rand() * from.length)]);
    return [...chosen];
  };
  return {
    size,
    data,
    participations,
    randomActors: draw(allIds, sample),
    busyActors: draw(top, sample, [byDegree[0]]),
    busiest: { id: byDegree[0], degree: degree.get(byDegree[0])! },
    busyThreshold: degree.get(top[top.length - 1])!,
    allIds,
  };
}

/** The input of call number `seq` about actors of `pool`: deterministic. */
export function inputFor(pool: string[], all: string[], seq: number): RequestInput {
  const actorId = pool[seq % pool.length];
  const rand = random(7919 * (seq + 1));
  const others: string[] = [];
  while (others.length < 4) {
    const o = all[Math.floor(rand() * all.length)];
    if (o !== actorId && !others.includes(o)) others.push(o);
  }
  // A search term: four digits of the actor's number ("Akteur 012345" -> "2345").
  const search = actorId.slice(-4);
  return { actorId, others, search, seq };
}
