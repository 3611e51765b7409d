/**
 * `npx tsx bench/self-fit-cost.ts --sizes=10000`: CPU time of the whole self-fit (self-fit.ts, index
 * builds inline) on a generated network (seed/generate.ts, 5 hubs, seed 42), and what it chose —
 * to compare the fit's background cost between versions. Load: give `uptime` beside the figures.
 */
import { generateNetwork } from '../seed/generate';
import { NetworkProjection } from '../server/src/graph/projection';
import { selfFit } from '../server/src/features/suggestions/self-fit';
import { snapshotOf } from '../seed/snapshot';

const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000').split(',').map(Number);
for (const size of sizes) {
  const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors: size, hubs: 5, seed: 42 })));
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const fit = selfFit(projection);
  const used = process.cpuUsage(cpu);
  console.log(
    `${size} actors: self-fit ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - wall).toFixed(0)} ms wall; serves ${fit.source}, ${fit.fitQueries} query actors, held out ${fit.heldOut?.queries ?? 0}`,
  );
}
