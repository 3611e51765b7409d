/**
 * `npm run seed`: merges the Batenbrock network into the configured store (NEO4J_URI or the
 * embedded store under DATA_DIR). Idempotent: what exists is left as it is.
 */
import { loadConfig } from '../server/src/platform/config';
import { createStore, describeStore } from '../server/src/store/create-store';
import { batenbrock } from './batenbrock';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = createStore(config);
  try {
    await store.init();
    const report = await store.mergeGraph(batenbrock);
    console.log(`Seeded ${describeStore(config)}:`, report);
    console.log('Now holds:', await store.counts());
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
