/**
 * Times the insight computations on generated networks (seed/generate.ts), straight on a
 * projection (no store):  npx tsx server/src/insight/timings.ts [actors …]   (default 1000 10000 100000)
 * With INSIGHT_COMPARE=1 the sampled paths are also timed with graphology's indexed Brandes (the
 * implementation the typed-array one replaced), on the same graph and sources.
 */
import { generateNetwork } from '../../../seed/generate';
import { NetworkProjection } from '../graph/projection';
import type { GraphData, GraphSnapshot } from '../store/network-store';
import { buildActorGraph } from './actor-graph';
import { changeOf, centralityOf, clustersOf, resilienceOf } from './insight';
import { sampledPaths, sampledPathsWithGraphology } from './centrality';
import { rankBy } from './resilience';

export function snapshotOf(data: GraphData): GraphSnapshot {
  return {
    topics: data.topics.map((t) => ({ id: t.id! })),
    actors: data.actors.map((a) => ({ id: a.id, kind: a.kind })),
    collaborations: data.collaborations.map((c) => ({ id: c.id, kind: c.kind, startDate: c.startDate ?? null, endDate: c.endDate ?? null })),
    participations: data.collaborations.flatMap((c) => (c.participants ?? []).map((p) => ({ actorId: p.actorId, collaborationId: c.id }))),
    interests: data.actors.flatMap((a) => (a.interests ?? []).map((i) => ({ actorId: a.id, topicId: i.topicId }))),
    about: data.collaborations.flatMap((c) => (c.topicIds ?? []).map((topicId) => ({ collaborationId: c.id, topicId }))),
  };
}

function time<T>(label: string, run: () => T): T {
  const started = performance.now();
  const value = run();
  console.log(`  ${label}: ${Math.round(performance.now() - started)} ms`);
  return value;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  for (const actors of sizes.length ? sizes : [1000, 10_000, 100_000]) {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors, seed: 42 })));
    console.log(`${actors} actors`);
    time('build the graphology graph alone', () => buildActorGraph(projection));
    const c = time('brokers (graph + centrality)', () => centralityOf(projection));
    const { graph } = c.value;
    console.log(`  ${graph.order} actors, ${graph.size} ties, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
    console.log(`  approximate: ${c.value.centrality.approximate} (samples ${c.value.centrality.samples})`);
    time('brokers again (cached)', () => centralityOf(projection));
    const samples = c.value.centrality.samples;
    if (samples !== null) {
      time(`sampled paths alone, typed-array adjacency (${samples} sources)`, () => sampledPaths(graph, samples, 1));
      if (process.env.INSIGHT_COMPARE) {
        time(`sampled paths alone, graphology indexed Brandes (${samples} sources)`, () => sampledPathsWithGraphology(graph, samples, 1));
      }
    }
    const top = rankBy(c.value.centrality.metrics.values(), (m) => m.betweenness)[0].actorId;
    time(`resilience without ${top}`, () => resilienceOf(projection, [top]));
    time('clusters (Louvain)', () => clustersOf(projection));
    time('change 2019 → 2023', () => changeOf(projection, '2019-12-31', '2023-12-31', 365));
  }
}
