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
 * seen by a 2 ms timer beside it (wall, and the main thread's CPU in it). Load: give `uptime` beside the figures.
 */
import { readFileSync } from 'node:fs';
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

/** The main thread's CPU time so far, ms (Linux: /proc schedstat; 0 elsewhere). */
function threadCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

/**
 * The fit as the service runs it, and the longest event-loop block meanwhile: the largest gap of a
 * 2 ms timer, and the main thread's CPU time in the gap with the most of it (a gap's wall time on a
 * busy machine is also time spent waiting for a core).
 */
async function serviceFit(
  projection: NetworkProjection,
): Promise<{ fit: FitResult; longestBlockMs: number; longestBlockCpuMs: number }> {
  const suggestions = new ContactSuggestions(projection);
  let longestBlockMs = 0;
  let longestBlockCpuMs = 0;
  let last = performance.now();
  let lastCpu = threadCpuMs();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    longestBlockMs = Math.max(longestBlockMs, now - last);
    longestBlockCpuMs = Math.max(longestBlockCpuMs, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  }, 2);
  try {
    const fit = await suggestions.fit();
    return { fit: fit!, longestBlockMs, longestBlockCpuMs };
  } finally {
    clearInterval(timer);
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
        block = `, longest event-loop block ${run.longestBlockMs.toFixed(0)} ms wall, ${run.longestBlockCpuMs.toFixed(0)} ms main-thread CPU`;
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
