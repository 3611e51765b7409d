/**
 * The self-fit's result and cost, to compare two versions of the fit (self-fit.ts) bit for bit:
 *
 *   npx tsx bench/fit-identity.ts [--networks=seed,4000,100000] [--driver=inline|service] [--rounds=1]
 *
 * Per network (seed: seed/batenbrock.ts; a number: the bench network of that size, bench/network-data.ts
 * with the bench config's hubs and seed) it prints one line `RESULT <network> <FitResult JSON>` —
 * diff those lines between two checkouts — and one line with the fit's CPU and wall time.
 * `inline`: `selfFit` in one go. `service`: `ContactSuggestions.fit()` as the service runs it (slices
 * of FIT_SLICE_MS, the index of the past built in the worker), with the longest event-loop block
 * seen by a 2 ms timer beside it. Load: give `uptime` beside the figures.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { batenbrock } from '../seed/batenbrock';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { selfFit, type FitResult } from '../server/src/features/suggestions/self-fit';
import { ContactSuggestions } from '../server/src/features/suggestions/contact-suggestions';
import { benchNetwork } from './network-data';
import { loadBenchConfig } from './config';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
const networks = (arg('networks') ?? 'seed,4000,100000').split(',');
const driver = arg('driver') ?? 'inline';
const rounds = Number(arg('rounds') ?? 1);
const config = loadBenchConfig([]);

function projectionOf(network: string): NetworkProjection {
  const data = network === 'seed' ? batenbrock : benchNetwork(Number(network), config.hubs, config.seed).data;
  return NetworkProjection.fromSnapshot(snapshotOf(data));
}

/** The fit as the service runs it, and the longest event-loop block meanwhile (a 2 ms timer's lag). */
async function serviceFit(projection: NetworkProjection): Promise<{ fit: FitResult; longestBlockMs: number }> {
  const suggestions = new ContactSuggestions(projection);
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  try {
    const fit = await suggestions.fit();
    delay.disable();
    return { fit: fit!, longestBlockMs: delay.max / 1e6 };
  } finally {
    suggestions.close();
  }
}

async function main(): Promise<void> {
  for (const network of networks) {
    const projection = projectionOf(network);
    for (let round = 0; round < rounds; round++) {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      let fit: FitResult;
      let block = '';
      if (driver === 'service') {
        const run = await serviceFit(projection);
        fit = run.fit;
        block = `, longest event-loop block ${run.longestBlockMs.toFixed(0)} ms`;
      } else fit = selfFit(projection);
      const used = process.cpuUsage(cpu);
      if (round === 0) console.log(`RESULT ${network} ${JSON.stringify(fit)}`);
      console.log(
        `${network} (${driver}, round ${round + 1}): ${((used.user + used.system) / 1000).toFixed(0)} ms CPU (process), ${(performance.now() - wall).toFixed(0)} ms wall${block}; ${fit.source}, ${fit.fitQueries} query actors`,
      );
    }
  }
}

void main();
