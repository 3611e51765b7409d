/** The query actors of the suggestion benches: the 5 with the most partners and 15 drawn uniformly (fixed seed). */
import { random } from '../seed/generate';
import type { GraphData } from '../server/src/store/network-store';

export function queryActors(data: GraphData): string[] {
  const partners = new Map<string, Set<string>>();
  for (const c of data.collaborations) {
    for (const p of c.participants ?? []) {
      if (!partners.has(p.actorId)) partners.set(p.actorId, new Set());
      for (const q of c.participants ?? []) if (q.actorId !== p.actorId) partners.get(p.actorId)!.add(q.actorId);
    }
  }
  const busiest = [...partners.entries()]
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([id]) => id);
  const rand = random(4242);
  const chosen = new Set(busiest);
  while (chosen.size < Math.min(20, data.actors.length))
    chosen.add(data.actors[Math.floor(rand() * data.actors.length)].id);
  return [...chosen];
}
