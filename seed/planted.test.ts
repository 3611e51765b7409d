/** The planted-community generator is deterministic, sized as asked, and its communities are real. */
import { plantedNetwork } from './planted';

describe('plantedNetwork', () => {
  test('the same options give the same network', () => {
    expect(plantedNetwork({ actors: 300, seed: 4 }).data).toEqual(plantedNetwork({ actors: 300, seed: 4 }).data);
    expect(plantedNetwork({ actors: 300, seed: 5 }).data).not.toEqual(plantedNetwork({ actors: 300, seed: 4 }).data);
  });

  test.each([100, 2000])('%i actors: every reference resolves, dates in 2015–2024', (actors) => {
    const { data } = plantedNetwork({ actors, seed: 1 });
    expect(data.actors).toHaveLength(actors);
    const actorIds = new Set(data.actors.map((a) => a.id));
    const topicIds = new Set(data.topics.map((t) => t.id));
    for (const a of data.actors) {
      expect(a.interests!.length).toBeGreaterThanOrEqual(2);
      for (const i of a.interests!) expect(topicIds.has(i.topicId)).toBe(true);
    }
    for (const c of data.collaborations) {
      expect(c.participants!.length).toBeGreaterThanOrEqual(2);
      expect(new Set(c.participants!.map((p) => p.actorId)).size).toBe(c.participants!.length);
      for (const p of c.participants!) expect(actorIds.has(p.actorId)).toBe(true);
      for (const t of c.topicIds!) expect(topicIds.has(t)).toBe(true);
      expect(c.startDate! >= '2015-01-01' && c.startDate! <= '2024-12-31').toBe(true);
    }
  });

  test('most members of a collaboration come from one community', () => {
    const { data, communityOf } = plantedNetwork({ actors: 2000, seed: 1 });
    let inMajority = 0;
    let all = 0;
    for (const c of data.collaborations) {
      const counts = new Map<number, number>();
      for (const p of c.participants!)
        counts.set(communityOf.get(p.actorId)!, (counts.get(communityOf.get(p.actorId)!) ?? 0) + 1);
      inMajority += Math.max(...counts.values());
      all += c.participants!.length;
    }
    expect(inMajority / all).toBeGreaterThan(0.6);
  });
});
