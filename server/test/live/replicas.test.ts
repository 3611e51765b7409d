import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../src/store/embedded';
import { EMBEDDED_DB_FILE } from '../../src/store/create-store';
import { describeReplicas } from './replicas.suite';

describeReplicas('embedded, one SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qn-replicas-'));
  const store = createEmbeddedStore({ filename: join(dir, EMBEDDED_DB_FILE) });
  await store.init();
  return {
    store,
    env: { DATA_DIR: dir },
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
