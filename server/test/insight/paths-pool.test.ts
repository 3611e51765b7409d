/**
 * Sampled brokers on several threads (`paths-pool.ts`): the calling thread and real helper threads
 * share the sources of a generated network; betweenness and closeness must be the bits one thread
 * gives (`sampledPathsOnGroups`), whatever the number of threads and whoever walked which source —
 * also through `runJob`, as the insight worker calls it.
 */
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import { runJob } from '../../src/features/insight/jobs';
import { PathsPool, defaultPathThreads } from '../../src/features/insight/paths-pool';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import { finishSampledPaths, sampleSources } from '../../src/features/insight/sampled-paths';
import { groupWalker, sampledPathsOnGroups, walkArraysOf } from '../../src/features/insight/sampled-paths-groups';
import { renumberForWalks } from '../../src/features/insight/walk-order';
import { graphSpec } from '../../src/features/insight/scope-masks';
import { buildScopedGraph } from '../../src/features/insight/scoped-graph';

/** The same doubles, bit for bit (toEqual would let -0 and 0 pass as equal, and NaN fail). */
function bits(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

async function generated() {
  const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors: 4000, seed: 13, hubs: 3 })));
  const arrays = await encodeProjectionNow(projection);
  const graph = buildScopedGraph(arrays.shared, graphSpec(arrays, {}));
  return { arrays, graph: { ...graph, groups: graph.groups! } };
}

/** Until every helper has loaded and taken part (they join as soon as they are ready). */
async function warm(pool: PathsPool, run: () => unknown, sources: number) {
  for (let i = 0; i < 100; i++) {
    run();
    if (pool.walkedHere < sources) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the helpers never took a source');
}

describe('sampled brokers on several threads', () => {
  const pools: PathsPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it.each([2, 3])('%i threads give the bits one thread gives (generated network)', async (threads) => {
    const { graph } = await generated();
    const sources = sampleSources(graph.n, 48, 7);
    const pool = new PathsPool(threads);
    pools.push(pool);
    const one = sampledPathsOnGroups(graph, sources);
    await warm(pool, () => pool.sampledPaths(graph, sources), sources.length);
    expect(pool.started).toBe(threads - 1);
    for (let run = 0; run < 3; run++) {
      const many = pool.sampledPaths(graph, sources);
      expect(pool.walkedHere).toBeLessThan(sources.length); // the helpers walked some
      expect(bits(many.betweenness)).toEqual(bits(one.betweenness));
      expect(bits(many.closeness)).toEqual(bits(one.closeness));
    }
    expect(one.betweenness.some((b) => b > 0)).toBe(true);
    expect(pool.started).toBe(threads - 1); // kept between computations
  });

  it('answers the same brokers through runJob with and without the pool', async () => {
    const { arrays } = await generated();
    const request = {
      kind: 'centrality' as const,
      shared: arrays.shared,
      spec: graphSpec(arrays, {}),
      options: { exactLimit: 500, samples: 40, seed: 3 },
    };
    const pool = new PathsPool(2);
    pools.push(pool);
    const alone = runJob(request);
    await warm(pool, () => runJob(request, undefined, undefined, pool), 40);
    const shared = runJob(request, undefined, undefined, pool);
    expect(shared.approximate).toBe(true);
    expect(bits(shared.betweenness)).toEqual(bits(alone.betweenness));
    expect(bits(shared.closeness)).toEqual(bits(alone.closeness));
    expect(shared.order).toEqual(alone.order);
  });

  it('walks the renumbered arrays to the bits of the arrays in id order', async () => {
    const { graph } = await generated();
    const sources = sampleSources(graph.n, 30, 4);
    const idOrder = walkArraysOf(graph);
    const { arrays, newOfNode } = renumberForWalks(idOrder);
    expect(Array.from(newOfNode).some((v, i) => v !== i)).toBe(true);
    expect(new Set(newOfNode).size).toBe(graph.n);
    // Walked in id order, without renumbering, as before walk-order.ts.
    const centralities = new Float64Array(graph.n);
    const reached = new Uint32Array(graph.n);
    const distances = new Float64Array(graph.n);
    const walk = groupWalker(idOrder, reached, distances);
    for (const s of sources) walk(s, centralities);
    const renumbered = new Float64Array(graph.n);
    const walkRenumbered = groupWalker(arrays, new Uint32Array(graph.n), new Float64Array(graph.n));
    for (const s of sources) walkRenumbered(newOfNode[s], renumbered);
    expect(bits(Float64Array.from(newOfNode, (v) => renumbered[v]))).toEqual(bits(centralities));
    const sampled = new Uint8Array(graph.n);
    for (const s of sources) sampled[s] = 1;
    const before = finishSampledPaths({
      centralities,
      sampled,
      reachedSources: reached,
      distanceSum: distances,
      samples: sources.length,
    });
    const now = sampledPathsOnGroups(graph, sources);
    expect(bits(now.betweenness)).toEqual(bits(before.betweenness));
    expect(bits(now.closeness)).toEqual(bits(before.closeness));
    expect(now.betweenness.some((b) => b > 0)).toBe(true);
  });

  it('walks everything itself when there is a single source or thread', async () => {
    const { graph } = await generated();
    const pool = new PathsPool(1);
    const sources = sampleSources(graph.n, 5, 2);
    expect(bits(pool.sampledPaths(graph, sources).betweenness)).toEqual(
      bits(sampledPathsOnGroups(graph, sources).betweenness),
    );
    expect(pool.started).toBe(0);
  });
});

test('INSIGHT_PATH_THREADS: one thread unless set, `auto` one per core, at most 8', () => {
  expect(defaultPathThreads({})).toBe(1);
  expect(defaultPathThreads({ INSIGHT_PATH_THREADS: '3' })).toBe(3);
  expect(defaultPathThreads({ INSIGHT_PATH_THREADS: '64' })).toBe(8);
  expect(defaultPathThreads({ INSIGHT_PATH_THREADS: 'two' })).toBe(1);
  expect(defaultPathThreads({ INSIGHT_PATH_THREADS: 'auto' })).toBeGreaterThanOrEqual(1);
});
