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
import { EN, reportMessages, type Language, type ReportMessages } from './report-messages';
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
  /** The language of the report's messages: German when the files' headers are (reportLanguage). */
  language: Language;
}

/** German when more files have German headers than English ones (vocabulary.ts headersLanguage); else English. */
export function reportLanguage(files: readonly ReadFile[]): Language {
  const de = files.filter((f) => f.language === 'de').length;
  const en = files.filter((f) => f.language === 'en').length;
  return de > en ? 'de' : 'en';
}

async function readFile(file: ImportFile, format: ImportFormat, m: ReportMessages): Promise<ReadFile[]> {
  if (format === 'XLSX') return readXlsx(file.name, Buffer.from(file.content, 'base64'), m);
  return [format === 'JSON' ? readJson(file.name, file.content) : readCsv(file.name, file.content, m)];
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

  const perFile: ReadFile[][] = [];
  for (const [i, f] of files.entries()) {
    perFile.push(await readFile(f, options.format, EN));
    progress({ phase: 'read', done: i + 1, total: files.length });
  }
  // The headers tell the report's language; a file that already has messages is read again in German.
  const language = reportLanguage(perFile.flat());
  const m = reportMessages(language);
  if (m !== EN) {
    for (const [i, f] of files.entries())
      if (perFile[i].some((r) => r.rejections.length > 0 || r.warnings.length > 0))
        perFile[i] = await readFile(f, options.format, m);
  }
  const read = perFile.flat();
  const rows = read.flatMap((f) => f.rows);
  const checked = validateRows(
    rows,
    (done) => {
      if (done % PROGRESS_ROWS === 0 || done === rows.length) progress({ phase: 'validate', done, total: rows.length });
    },
    m,
  );
  const resolved = await resolveRows(checked, target.store, m);

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
    language,
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
