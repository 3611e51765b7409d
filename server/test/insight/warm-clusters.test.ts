/**
 * Clusters after a change (`cluster-seeds.ts`): above the exact limit the engine starts Louvain
 * from the last cold partition — a provisional answer, labelled so, of a quality close to a run from
 * scratch — and a cold run follows once the network is quiet; its answer is the one that stays and
 * is what a fresh service on the same store answers (the same network, the same clusters, whatever
 * the history). Through a real service on the embedded store.
 */
import { generateNetwork } from '../../../seed/generate';
import type { Answer } from '../../src/features/insight/engine';
import type { Clustering } from '../../src/features/insight/results';
import { NetworkService } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';

const settled = async (service: NetworkService): Promise<Answer<Clustering>> => {
  for (;;) {
    const answer = await service.insight.clusters();
    if (!answer.value.provisional) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const partitionOf = (c: Clustering) => c.clusters.map((k) => k.actorIds.join()).sort();

describe('clusters after a change', () => {
  let store: NetworkStore;
  let service: NetworkService;
  const data = generateNetwork({ actors: 1500, seed: 12, hubs: 2 });
  const options = { insight: { exactLimit: 300, clusterQuietMs: 100, waitMs: 60_000, staleWaitMs: 60_000 } };
  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    await store.mergeGraph(data);
    service = await NetworkService.start(store, options);
  }, 60_000);
  afterAll(async () => {
    await service.close();
    await store.close();
  });

  const join = async (x: number) => {
    const collaboration = data.collaborations[x];
    const members = new Set((collaboration.participants ?? []).map((p) => p.actorId));
    const actor = data.actors.find((a, i) => i >= x * 5 && !members.has(a.id))!;
    await service.addParticipant(collaboration.id, actor.id, 'PARTICIPANT');
  };

  it('answers a warm start at once, labelled provisional, then the cold run a fresh service gives', async () => {
    const first = await service.insight.clusters();
    expect(first.value.provisional).toBe(false);
    await join(0);
    await join(1);
    const warm = await service.insight.clusters();
    expect(warm.current).toBe(true);
    expect(warm.value.provisional).toBe(true);
    const cold = await settled(service);
    expect(cold.version).toBe(warm.version);
    // The warm start's partition is as good as the cold run's (within 2 % of its modularity).
    expect(warm.value.modularity).toBeGreaterThan(cold.value.modularity * 0.98);

    const fresh = await NetworkService.start(store, options);
    try {
      const answer = await fresh.insight.clusters();
      expect(answer.value.provisional).toBe(false);
      expect(answer.value).toEqual(cold.value);
      expect(partitionOf(answer.value)).toEqual(partitionOf(cold.value));
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('keeps answering warm starts during a stream of writes, each from the last cold partition', async () => {
    const before = await settled(service);
    for (let x = 2; x < 5; x++) {
      await join(x);
      const answer = await service.insight.clusters();
      expect(answer.value.provisional).toBe(true);
      expect(answer.version).toBeGreaterThan(before.version);
    }
    const cold = await settled(service);
    const fresh = await NetworkService.start(store, options);
    try {
      expect((await fresh.insight.clusters()).value).toEqual(cold.value);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
