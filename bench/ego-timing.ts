/**
 * The ego network's computation alone (the bench's "ego network, depth 2, <= 300 actors" without
 * GraphQL, HTTP or the store's names): the projection of the bench's generated network, the view
 * and its shaping into nodes and edges, timed per call over the bench's random and busy actors.
 *
 *   npx tsx bench/ego-timing.ts [--size=100000] [--samples=60] [--cpu-prof-only]
 */
import { benchNetwork } from './network-data';
import { loadBenchConfig } from './config';
import { EGO } from './requests';
import { nowMs, percentiles } from './stats';
import { networkView } from '../server/src/graph/network-view';
import { NetworkProjection } from '../server/src/graph/projection';
import { runNow } from '../server/src/platform/util/run-in-slices';
import { networkShapeSteps } from '../server/src/features/network/network.mapping';
import { snapshotOf } from '../seed/snapshot';

const arg = (name: string) => new RegExp(`--${name}=(\\S+)`).exec(process.argv.join(' '))?.[1];

function main(): void {
  const config = loadBenchConfig([]);
  const size = Number(arg('size') ?? 100_000);
  const samples = Number(arg('samples') ?? 60);
  const net = benchNetwork(size, config.hubs, config.seed);
  const projection = NetworkProjection.fromSnapshot(snapshotOf(net.data));
  const ego = (actorId: string) => {
    const view = networkView(projection, { centreActorId: actorId, depth: EGO.depth, maxActors: EGO.maxActors });
    return runNow(networkShapeSteps(view, projection));
  };
  // Warm-up as the bench's (the partner lists of busy actors are kept per version).
  for (const id of [...net.randomActors, ...net.busyActors]) ego(id);
  for (const [name, pool] of [
    ['random', net.randomActors],
    ['busy', net.busyActors],
  ] as const) {
    const times: number[] = [];
    const viewTimes: number[] = [];
    for (let i = 0; i < samples; i++) {
      const id = pool[i % pool.length];
      const t0 = nowMs();
      const view = networkView(projection, { centreActorId: id, depth: EGO.depth, maxActors: EGO.maxActors });
      const t1 = nowMs();
      runNow(networkShapeSteps(view, projection));
      const t2 = nowMs();
      viewTimes.push(t1 - t0);
      times.push(t2 - t0);
    }
    const p = percentiles(times);
    const v = percentiles(viewTimes);
    console.log(
      `${size} ${name}: view+shape p50 ${p.p50.toFixed(2)} p95 ${p.p95.toFixed(2)} max ${p.max.toFixed(2)} ms; ` +
        `view alone p50 ${v.p50.toFixed(2)} p95 ${v.p95.toFixed(2)} ms (n=${p.n})`,
    );
  }
}

main();
