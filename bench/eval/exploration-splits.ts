/**
 * The held-out splits the exploration scripts (explore-forms.ts, explore-selection.ts) measure on:
 * the H2020 network at each of `--dates` (with `--data=<folder>`) and planted networks of 5,000
 * actors at each of `--planted-seeds`, split at 2023-01-01. One at a time, so only one is held.
 */
import { plantedNetwork } from '../../seed/planted';
import { loadH2020 } from './h2020';
import { fromGraphData } from './network';
import { temporalSplit, type TemporalSplit } from './split';

/** A `--name=value` argument of the command line. */
export const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

export function* explorationSplits(): Generator<{ split: TemporalSplit; label: string }> {
  const dir = arg('data');
  if (dir) {
    const network = loadH2020(dir);
    for (const cutoff of (arg('dates') ?? '2016-01-01,2015-10-01,2015-07-01').split(','))
      yield { split: temporalSplit(network, { cutoff, actors: 'present' }), label: `H2020 ${cutoff}` };
  }
  for (const seed of (arg('planted-seeds') ?? '2,3,6,7').split(',').filter(Boolean).map(Number)) {
    const { data } = plantedNetwork({ actors: 5000, seed });
    yield {
      split: temporalSplit(fromGraphData(`planted-${seed}`, data), { cutoff: '2023-01-01', actors: 'all' }),
      label: `planted seed ${seed}`,
    };
  }
}
