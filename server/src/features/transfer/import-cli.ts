/**
 * `npm run import -- file.csv|file.xlsx [more files] [--dry-run] [--format csv|json|xlsx] [--author name] [--json]`
 *
 * Imports into the configured store (NEO4J_URI, else the embedded store under DATA_DIR), like
 * `npm run seed`: checks every row first and writes all or nothing (import-job.ts). Progress goes
 * to stderr, the report to stdout (`--json`: the report as JSON). Exit code 0 when imported (or a
 * dry run found nothing wrong), 1 when rows were rejected, 2 on a usage or store error.
 * A running server sees the import through the change feed within FEED_POLL_MS (docs/live.md).
 * After a real import it says how a running server picks the data up (`refreshHint`).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { loadConfig } from '../../platform/config';
import { SYSTEM_AUTHOR } from '../history/history-rules';
import { createStore, describeStore } from '../../store/create-store';
import { IMPORT_TABLES } from './import-rules';
import { decodeText, parseArgs, progressPrinter, runCli, UsageError } from './cli-support';
import { refreshHint } from './import-cli-hint';
import { runImport, type ImportResult } from './import-job';
import type { ImportFile, ImportFormat } from './model';

const USAGE =
  'usage: npm run import -- <file.csv|file.xlsx|file.json> [more files] [--dry-run] [--format csv|json|xlsx] [--author name] [--json]';

function formatOf(paths: readonly string[], given: string | true | undefined): ImportFormat {
  if (typeof given === 'string') {
    const format = given.toUpperCase();
    if (format !== 'CSV' && format !== 'JSON' && format !== 'XLSX')
      throw new UsageError(`--format must be csv, json or xlsx, not "${given}"`);
    return format;
  }
  const kinds = new Set(paths.map((p) => ({ '.json': 'JSON', '.xlsx': 'XLSX' })[extname(p).toLowerCase()] ?? 'CSV'));
  if (kinds.size > 1)
    throw new UsageError('give CSV files, Excel workbooks or one JSON file, not a mix (or say --format)');
  return [...kinds][0] as ImportFormat;
}

/** The report's own words, in the language of its messages (report-messages.ts). */
const WORDS = {
  en: {
    notRead: 'not read',
    rows: 'rows',
    warning: 'warning',
    dryRun: 'Dry run — nothing written. Would be:',
    imported: 'Imported:',
    created: 'created',
    updated: 'updated',
    unchanged: 'unchanged',
    problems: (n: number, listed: number) =>
      `Nothing imported: ${n} problem${n === 1 ? '' : 's'} found${listed < n ? ` (first ${listed} listed)` : ''}:`,
    row: 'row',
    tables: {} as Record<string, string>,
  },
  de: {
    notRead: 'nicht gelesen',
    rows: 'Zeilen',
    warning: 'Hinweis',
    dryRun: 'Probelauf – nichts geschrieben. Es würden:',
    imported: 'Importiert:',
    created: 'neu',
    updated: 'geändert',
    unchanged: 'unverändert',
    problems: (n: number, listed: number) =>
      `Nichts importiert: ${n} Problem${n === 1 ? '' : 'e'} gefunden${listed < n ? ` (die ersten ${listed} genannt)` : ''}:`,
    row: 'Zeile',
    tables: {
      actors: 'Akteure',
      topics: 'Themen',
      collaborations: 'Kooperationen',
      participations: 'Teilnahmen',
      interests: 'Interessen',
      collaborationTopics: 'Kooperationsthemen',
    } as Record<string, string>,
  },
};

export function printReport(report: ImportResult, out: NodeJS.WritableStream): void {
  const w = WORDS[report.language];
  const table = (name: string) => w.tables[name] ?? name;
  const lines: string[] = [];
  for (const f of report.files)
    lines.push(`${f.name}: ${f.tables.map(table).join(', ') || w.notRead}, ${f.rows} ${w.rows}`);
  for (const warning of report.warnings) lines.push(`${w.warning}: ${warning}`);
  if (report.counts) {
    lines.push(report.dryRun ? w.dryRun : w.imported);
    for (const name of IMPORT_TABLES) {
      const c = report.counts[name];
      lines.push(
        `  ${table(name).padEnd(20)} ${String(c.created).padStart(8)} ${w.created} ${String(c.updated).padStart(8)} ${w.updated} ${String(c.unchanged).padStart(8)} ${w.unchanged}`,
      );
    }
  } else {
    lines.push(w.problems(report.rejectedTotal, report.rejected.length));
    for (const r of report.rejected)
      lines.push(`  ${r.file} ${w.row} ${r.row}${r.field ? `, ${r.field}` : ''}: ${r.reason}`);
  }
  out.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['dry-run', 'json', 'help']);
  if (args.flags.has('help') || args.positional.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const format = formatOf(args.positional, args.flags.get('format'));
  const author = typeof args.flags.get('author') === 'string' ? (args.flags.get('author') as string) : SYSTEM_AUTHOR;
  const files: ImportFile[] = args.positional.map((path) => ({
    name: basename(path),
    content:
      format === 'XLSX'
        ? readFileSync(path).toString('base64')
        : decodeText(readFileSync(path), () => process.stderr.write(`${path}: not UTF-8, read as Windows-1252\n`)),
  }));

  const config = loadConfig();
  const store = createStore(config);
  try {
    await store.init();
    process.stderr.write(`Importing into ${describeStore(config)}\n`);
    const report = await runImport(
      files,
      { store, apply: (graph, options) => store.importGraph(graph, options, { author }) },
      { format, dryRun: args.flags.has('dry-run'), onProgress: progressPrinter(process.stderr) },
    );
    if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(report, process.stdout);
    if (report.counts && !report.dryRun) process.stderr.write(`${refreshHint(config.feed.pollMs)}\n`);
    return report.counts ? 0 : 1;
  } finally {
    await store.close();
  }
}

runCli(main, USAGE, 'Import');
