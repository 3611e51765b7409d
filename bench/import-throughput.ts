/**
 * How fast the import path takes a large network into the embedded store: the generated network
 * (seed/generate.ts, as the bench makes it: 5 hubs, seed 42) written as the JSON export and as the
 * CSV export, each imported into a fresh SQLite file through runImport (read, validate, resolve,
 * one transaction) — then once more onto itself (everything unchanged).
 *
 *   npx tsx bench/import-throughput.ts [actors=100000]
 *   NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/import-throughput.ts 100000 --store=neo4j [--runs=3]
 *
 * With `--store=neo4j` (import-throughput-neo4j.ts): the JSON export through runImport into the
 * emptied Neo4j, alternating the one-transaction path and the bulk path (store/neo4j/bulk-import.ts),
 * `--runs` times each; medians and the load average. **It empties that database.**
 *
 * Prints the time per phase and participations per second; measured, not estimated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNetwork } from '../seed/generate';
import { createEmbeddedStore } from '../server/src/store/embedded';
import { writeCsv } from '../server/src/features/transfer/csv-write';
import { exportDocument } from '../server/src/features/transfer/export-document';
import { runImport } from '../server/src/features/transfer/import-job';
import { writeJson } from '../server/src/features/transfer/json-write';
import type { ImportFile, ImportFormat } from '../server/src/features/transfer/model';
import { neo4jThroughput } from './import-throughput-neo4j';

/** What each progress phase covers (resolution and planning report no progress of their own). */
export const PHASE: Record<string, string> = { read: 'read', validate: 'validate+resolve(+plan)', apply: 'plan+write' };

async function importOnce(
  label: string,
  filename: string,
  format: ImportFormat,
  files: ImportFile[],
  participations: number,
): Promise<void> {
  const store = createEmbeddedStore({ filename });
  await store.init();
  try {
    const phases = new Map<string, number>();
    let phase = 'read';
    let phaseStart = performance.now();
    const started = phaseStart;
    const report = await runImport(
      files,
      { store, apply: (graph, options) => store.importGraph(graph, options) },
      {
        format,
        onProgress: (p) => {
          if (p.phase !== phase) {
            const now = performance.now();
            phases.set(phase, now - phaseStart);
            phase = p.phase;
            phaseStart = now;
          }
        },
      },
    );
    const end = performance.now();
    phases.set(phase, end - phaseStart);
    const seconds = (end - started) / 1000;
    if (!report.counts) throw new Error(`rejected: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    const p = report.counts.participations;
    console.log(
      `${label}: ${seconds.toFixed(1)} s in all (${[...phases].map(([k, v]) => `${PHASE[k]} ${(v / 1000).toFixed(1)} s`).join(', ')}) — participations ${p.created} created / ${p.unchanged} unchanged — ` +
        `${Math.round(participations / seconds).toLocaleString('en')} participations/s`,
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const actors = Number(process.argv[2] ?? 100_000);
  if (process.argv.includes('--store=neo4j')) return neo4jThroughput(actors, process.argv);
  const data = generateNetwork({ actors, hubs: 5, seed: 42 });
  const participations = data.collaborations.reduce((n, c) => n + (c.participants?.length ?? 0), 0);
  console.log(
    `network: ${data.actors.length} actors, ${data.topics.length} topics, ${data.collaborations.length} collaborations, ${participations} participations`,
  );
  const doc = exportDocument(data, true);
  const json: ImportFile[] = [{ name: 'network.json', content: writeJson(doc) }];
  const csv: ImportFile[] = writeCsv(doc).map((f) => ({ name: f.name, content: f.content }));
  console.log(
    `JSON ${(json[0].content.length / 1e6).toFixed(1)} MB, CSV ${(csv.reduce((n, f) => n + f.content.length, 0) / 1e6).toFixed(1)} MB`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'quartiernetz-import-bench-'));
  try {
    await importOnce('JSON into an empty store', join(dir, 'json.sqlite'), 'JSON', json, participations);
    await importOnce('JSON again (all unchanged)', join(dir, 'json.sqlite'), 'JSON', json, participations);
    await importOnce('CSV into an empty store', join(dir, 'csv.sqlite'), 'CSV', csv, participations);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
