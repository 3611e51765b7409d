/**
 * The insight worker is TypeScript loaded through a small CommonJS bootstrap
 * (`insight-worker.cjs`): it must start under Jest (ts-jest does not reach into worker threads) and
 * under tsx (`npm start`), and give what the same job gives run in-process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { batenbrock } from '../../../seed/batenbrock';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import { InsightEngine } from '../../src/features/insight/engine';
import { runJob } from '../../src/features/insight/jobs';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import { graphSpec } from '../../src/features/insight/scope-masks';

const ROOT = resolve(__dirname, '../../..');

async function inProcessRanking(): Promise<Array<[string, number]>> {
  const arrays = await encodeProjectionNow(NetworkProjection.fromSnapshot(snapshotOf(batenbrock)));
  const result = runJob({ kind: 'centrality', shared: arrays.shared, spec: graphSpec(arrays, {}), options: {} });
  return Array.from(result.order.betweenness, (node) => [arrays.ids[result.nodeOf[node]], result.betweenness[node]]);
}

describe('loading the insight worker', () => {
  test('under Jest: a worker thread starts and answers what the job gives in-process', async () => {
    const engine = new InsightEngine(NetworkProjection.fromSnapshot(snapshotOf(batenbrock)));
    try {
      const computed = await engine.brokers();
      expect(engine.workerStarts).toBe(1);
      const ranking = computed.value
        .ranked('betweenness', 1000)
        .map((m): [string, number] => [m.actorId, m.betweenness]);
      expect(ranking).toEqual(await inProcessRanking());
    } finally {
      await engine.close();
    }
  });

  test('under tsx (npm start): the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quartiernetz-worker-'));
    try {
      const script = join(dir, 'brokers.ts');
      writeFileSync(
        script,
        `import { batenbrock } from ${JSON.stringify(join(ROOT, 'seed/batenbrock'))};
import { snapshotOf } from ${JSON.stringify(join(ROOT, 'seed/snapshot'))};
import { NetworkProjection } from ${JSON.stringify(join(ROOT, 'server/src/graph/projection'))};
import { InsightEngine } from ${JSON.stringify(join(ROOT, 'server/src/features/insight/engine'))};
const engine = new InsightEngine(NetworkProjection.fromSnapshot(snapshotOf(batenbrock)));
engine.brokers().then(async (computed) => {
  const ranking = computed.value.ranked('betweenness', 1000).map((m) => [m.actorId, m.betweenness]);
  console.log(JSON.stringify({ starts: engine.workerStarts, ranking }));
  await engine.close();
});
`,
      );
      const output = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const { starts, ranking } = JSON.parse(output.trim().split('\n').pop()!);
      expect(starts).toBe(1);
      expect(ranking).toEqual(await inProcessRanking());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
