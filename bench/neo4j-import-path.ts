/**
 * The bench network imported into an emptied Neo4j the way `npm run import` does it: its JSON
 * export through `runImport` (read, check, resolve, plan) into `store.importGraph`, which takes the
 * bulk mode on an empty database (store/neo4j/bulk-import.ts). `npm run bench` reports it beside
 * `store.mergeGraph` (one transaction, what the bench then serves) and the raw `UNWIND … CREATE`
 * floor, so the import figure is the project's own path, not only its one-transaction store call.
 */
import { exportDocument } from '../server/src/features/transfer/export-document';
import { runImport } from '../server/src/features/transfer/import-job';
import { writeJson } from '../server/src/features/transfer/json-write';
import type { GraphData, NetworkStore } from '../server/src/store/network-store';
import { nowMs } from './stats';

export interface ImportPathResult {
  /** Read, check, resolve, plan and write: the whole `runImport`. */
  seconds: number;
  /** The write phase alone (from the first "apply" progress to the end). */
  applySeconds: number;
  participationsPerSecond: number;
}

/** Imports `data` through runImport into `store` (which must be empty); throws when any row is refused. */
export async function importThroughImportPath(store: NetworkStore, data: GraphData): Promise<ImportPathResult> {
  const participations = data.collaborations.reduce((n, c) => n + (c.participants?.length ?? 0), 0);
  const files = [{ name: 'network.json', content: writeJson(exportDocument(data, true)) }];
  let applyStart = 0;
  const started = nowMs();
  const report = await runImport(
    files,
    { store, apply: (graph, options) => store.importGraph(graph, options) },
    {
      format: 'JSON',
      onProgress: (p) => {
        if (p.phase === 'apply' && applyStart === 0) applyStart = nowMs();
      },
    },
  );
  const end = nowMs();
  if (!report.counts) throw new Error(`import refused rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  if (report.counts.participations.created !== participations)
    throw new Error(`import created ${report.counts.participations.created} of ${participations} participations`);
  const seconds = (end - started) / 1000;
  return {
    seconds,
    applySeconds: (end - (applyStart || started)) / 1000,
    participationsPerSecond: participations / seconds,
  };
}
