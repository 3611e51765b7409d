/**
 * `npm run demo -- 2000 [--seed 42]`: merges a generated demo network of that many actors
 * (seed/generate.ts: topics, collaborations, participants, fictitious names) into the configured
 * store (NEO4J_URI or the embedded store under DATA_DIR), to see how the map handles a large
 * network. Idempotent for the same size and seed: what exists is left as it is.
 */
import { loadConfig } from '../server/src/platform/config';
import { createStore, describeStore } from '../server/src/store/create-store';
import { refreshHint } from '../server/src/features/transfer/import-cli-hint';
import { generateNetwork } from './generate';

const USAGE = 'usage: npm run demo -- <number of actors, 1–100000> [--seed N]';

export function parseDemoArgs(argv: readonly string[]): { actors: number; seed: number } {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--seed');
  const seedAt = argv.indexOf('--seed');
  const actors = Number(positional[0]);
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 42;
  if (!Number.isInteger(actors) || actors < 1 || actors > 100_000) throw new Error(USAGE);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number\n${USAGE}`);
  return { actors, seed };
}

async function main(): Promise<void> {
  const { actors, seed } = parseDemoArgs(process.argv.slice(2));
  const config = loadConfig();
  const store = createStore(config);
  try {
    await store.init();
    const data = generateNetwork({ actors, seed });
    const report = await store.mergeGraph(data);
    console.log(`Demo network of ${actors} actors (seed ${seed}) merged into ${describeStore(config)}:`, report);
    console.log('Now holds:', await store.counts());
    console.error(refreshHint(config.feed.pollMs));
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
