/**
 * The worker keeps the last graph it built (`GraphCache` in jobs.ts): brokers, clusters and the
 * hand-over on one projection version and scope build it once. A kept graph must give exactly what
 * a fresh build gives; another scope or version builds anew; results handed out (and transferred)
 * never take the kept graph's arrays with them. Through a real service: the second question on a
 * version reports no build time, and after a write the answers are a fresh service's.
 */
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import { GraphCache, runJob, transferablesOf, type JobPhases } from '../../src/features/insight/jobs';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import { graphSpec } from '../../src/features/insight/scope-masks';
import { NetworkService } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';

describe('the graph the worker keeps between questions', () => {
  it('gives what a fresh build gives, and builds anew for another scope or version', async () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors: 800, seed: 4, hubs: 2 })));
    const arrays = await encodeProjectionNow(projection);
    const graphs = new GraphCache();
    const phases: JobPhases = { buildMs: -1, built: true, computeMs: -1 };
    const centrality = (version: number | undefined, filter = {}) => ({
      kind: 'centrality' as const,
      shared: arrays.shared,
      version,
      spec: graphSpec(arrays, filter), // new masks each time, as the engine sends them
      options: { exactLimit: 100, samples: 20 },
    });

    const first = runJob(centrality(1), graphs);
    expect(graphs.hits).toBe(0);
    // Transferred away, as the worker does: the kept graph must not lose its arrays.
    structuredClone(first, { transfer: transferablesOf(first) });
    const again = runJob(centrality(1), graphs, phases);
    expect(graphs.hits).toBe(1);
    expect(phases.built).toBe(false);
    expect(again).toEqual(runJob(centrality(undefined)));

    const clusters = runJob(
      {
        kind: 'clusters',
        shared: arrays.shared,
        version: 1,
        spec: graphSpec(arrays, {}),
        options: { exactLimit: 100 },
      },
      graphs,
    );
    expect(graphs.hits).toBe(2);
    expect(clusters).toEqual(
      runJob({ kind: 'clusters', shared: arrays.shared, spec: graphSpec(arrays, {}), options: { exactLimit: 100 } }),
    );

    const kinds = { actorKinds: ['ASSOCIATION', 'AGENCY'] as const };
    const scoped = runJob(centrality(1, { actorKinds: [...kinds.actorKinds] }), graphs, phases);
    expect(graphs.hits).toBe(2);
    expect(phases.built).toBe(true);
    expect(scoped.nodeOf.length).toBeLessThan(first.nodeOf.length);
    expect(scoped).toEqual(runJob(centrality(undefined, { actorKinds: [...kinds.actorKinds] })));
    runJob(centrality(2, { actorKinds: [...kinds.actorKinds] }), graphs);
    expect(graphs.hits).toBe(2); // another version: built again
  });
});

describe('a service asking brokers, clusters and brokers again after a write', () => {
  let store: NetworkStore;
  let service: NetworkService;
  const data = generateNetwork({ actors: 1200, seed: 8, hubs: 2 });
  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    await store.mergeGraph(data);
    service = await NetworkService.start(store, { insight: { exactLimit: 200, clusterQuietMs: 50 } });
  }, 60_000);
  afterAll(async () => {
    await service.close();
    await store.close();
  });

  it('builds the graph once per version and answers what a fresh service answers', async () => {
    const brokers = await service.insight.brokers();
    expect(service.insight.timings.get('brokers')!.built).toBe(true);
    await service.insight.clusters();
    expect(service.insight.timings.get('clusters')!.built).toBe(false);
    const collaboration = data.collaborations.find((c) => (c.participants ?? []).length >= 2)!;
    const member = new Set((collaboration.participants ?? []).map((p) => p.actorId));
    const outsider = data.actors.find((a) => !member.has(a.id))!;
    await service.addParticipant(collaboration.id, outsider.id, 'PARTICIPANT');
    const after = await service.insight.brokers();
    expect(after.version).toBeGreaterThan(brokers.version);
    expect(service.insight.timings.get('brokers')!.built).toBe(true);
    // After the write: the arrays and the graph patched from the version before, not made anew.
    expect(service.insight.timings.get('brokers')!.patched).toBe(true);
    expect(service.insight.arraysMade.patched).toBeGreaterThanOrEqual(1);
    const warm = await service.insight.clusters();
    expect(service.insight.timings.get('clusters')!.built).toBe(false);
    // A warm start after the write (provisional); the cold run that follows is the answer that stays.
    expect(warm.value.provisional).toBe(true);
    let clusters = warm;
    while (clusters.value.provisional) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      clusters = await service.insight.clusters();
    }
    expect(clusters.version).toBe(warm.version);

    const fresh = await NetworkService.start(store, { insight: { exactLimit: 200 } });
    try {
      const [freshBrokers, freshClusters] = [await fresh.insight.brokers(), await fresh.insight.clusters()];
      expect(after.value.arrays).toEqual(freshBrokers.value.arrays);
      expect(clusters.value).toEqual(freshClusters.value);
      expect(after.value.ranked('betweenness', 5)).toEqual(freshBrokers.value.ranked('betweenness', 5));
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
