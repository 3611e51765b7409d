/**
 * One import, start to end: read the files (csv-read.ts / json-read.ts / xlsx-read.ts: a workbook's
 * sheets are read as files of their own), check every row
 * (validate.ts), give ids and resolve references against the file and the store (resolve.ts) —
 * and only when no row was rejected, apply the whole document in one store transaction
 * (`importGraph`). Any rejected row: nothing is written, the report lists every problem found.
 */
import { BadInputError } from '../../domain/errors';
import type { ImportCounts, ImportGraph, ImportOptions } from './import-rules';
import { readCsv } from './csv-read';
import { readJson } from './json-read';
import { readXlsx } from './xlsx-read';
import type { ImportFile, ImportFormat, ImportProgress, ImportReport, ReadFile, Rejection } from './model';
import { resolveRows, type ResolveStore } from './resolve';
import { validateRows } from './validate';

/** Where an import reads from and writes to (the service's queue for the API, the store for the CLI). */
export interface ImportTarget {
  store: ResolveStore;
  apply(graph: ImportGraph, options: ImportOptions): Promise<ImportCounts>;
}

export interface ImportJobOptions {
  format: ImportFormat;
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** At most this many rejections are listed (`rejectedTotal` counts them all). */
export const MAX_LISTED_REJECTIONS = 1000;
/** Validation progress is reported every this many rows. */
const PROGRESS_ROWS = 1000;

export interface ImportResult extends ImportReport {
  /** How many problems were found in all (the list stops at MAX_LISTED_REJECTIONS). */
  rejectedTotal: number;
}

function checkFiles(files: readonly ImportFile[]): void {
  if (files.length === 0) throw new BadInputError('give at least one file', 'files');
  const names = new Set<string>();
  files.forEach((f, i) => {
    if (!f.name.trim()) throw new BadInputError('every file needs a name', `files[${i}].name`);
    if (names.has(f.name)) throw new BadInputError(`two files are named "${f.name}"`, `files[${i}].name`);
    names.add(f.name);
  });
}

export async function runImport(
  files: readonly ImportFile[],
  target: ImportTarget,
  options: ImportJobOptions,
): Promise<ImportResult> {
  checkFiles(files);
  const progress = options.onProgress ?? (() => {});
  const dryRun = options.dryRun ?? false;

  const read: ReadFile[] = [];
  for (const [i, f] of files.entries()) {
    if (options.format === 'XLSX') read.push(...(await readXlsx(f.name, Buffer.from(f.content, 'base64'))));
    else read.push(options.format === 'JSON' ? readJson(f.name, f.content) : readCsv(f.name, f.content));
    progress({ phase: 'read', done: i + 1, total: files.length });
  }
  const rows = read.flatMap((f) => f.rows);
  const checked = validateRows(rows, (done) => {
    if (done % PROGRESS_ROWS === 0 || done === rows.length) progress({ phase: 'validate', done, total: rows.length });
  });
  const resolved = await resolveRows(checked, target.store);

  const order = new Map(read.map((f, i) => [f.name, i]));
  const rejected: Rejection[] = [
    ...read.flatMap((f) => f.rejections),
    ...checked.rejections,
    ...resolved.rejections,
  ].sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.row - b.row);
  const report: ImportResult = {
    dryRun,
    applied: false,
    files: read.map((f) => ({ name: f.name, tables: f.tables, rows: f.rowCount })),
    counts: null,
    rejected: rejected.slice(0, MAX_LISTED_REJECTIONS),
    rejectedTotal: rejected.length,
    warnings: read.flatMap((f) => f.warnings),
  };
  if (rejected.length > 0 || !resolved.graph) return report;

  report.counts = await target.apply(resolved.graph, {
    dryRun,
    onProgress: (done, total) => progress({ phase: 'apply', done, total }),
  });
  report.applied = !dryRun;
  return report;
}
