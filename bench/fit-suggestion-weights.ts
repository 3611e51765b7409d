/**
 * `npm run fit:suggestions -- --data=DIR`: what the self-fit (server/src/features/suggestions/self-fit.ts) makes
 * of a network given as CORDIS-style CSV extracts (actors.csv, collaborations.csv,
 * participations.csv in DIR): the history split, the fitted weights, the held-out precision@10 of
 * the fitted model, the default and Katz, and which model would serve. The service does the same on
 * its own store at start; this is for looking at a data set without starting it. Deterministic.
 */
import { selfFit } from '../server/src/features/suggestions/self-fit';
import { h2020Available, loadH2020 } from './eval/h2020';
import { temporalSplit } from './eval/split';

function main(): void {
  const dir = process.argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  if (!dir || !h2020Available(dir))
    throw new Error('pass --data=DIR, a directory with actors.csv, collaborations.csv and participations.csv');
  const cutoff = process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length) ?? '9999-12-31';
  const started = Date.now();
  const split = temporalSplit(loadH2020(dir), { cutoff, actors: 'present' });
  const result = selfFit(split.projection);
  console.log(JSON.stringify({ ...result, ms: Date.now() - started }, null, 2));
}

main();
