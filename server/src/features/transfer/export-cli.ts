/**
 * `npm run export -- --format json|csv|graphml|xlsx [--out path] [--topics a,b] [--actor-kinds PERSON,…]
 *   [--collaboration-kinds MEETING,…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--include-contact]`
 *
 * Exports the configured store (NEO4J_URI, else the embedded store under DATA_DIR). JSON and
 * GraphML go to --out (a file) or stdout; CSV needs --out (a folder, created) and writes one file
 * per table; XLSX needs --out (a file) and writes the tables as the sheets of one Excel workbook,
 * the same as the page's and /export/network.xlsx's (xlsx-write.ts). Contact data only with --include-contact (whoever runs this has the store itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../platform/config';
import { ACTOR_KINDS, COLLABORATION_KINDS, type ActorKind, type CollaborationKind } from '../../domain/model';
import { isCalendarDate } from '../../domain/validation';
import type { ScopeFilter } from '../../graph/scope';
import { createStore } from '../../store/create-store';
import { parseArgs, runCli, UsageError } from './cli-support';
import { exportNetwork } from './export-job';
import type { CsvFile } from './csv-write';
import type { ExportFormat } from './model';
import { writeXlsx } from './xlsx-write';

const USAGE =
  'usage: npm run export -- --format json|csv|graphml|xlsx [--out path] [--topics a,b] [--actor-kinds K,…] [--collaboration-kinds K,…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--include-contact]';

function listFlag<T extends string>(
  value: string | true | undefined,
  name: string,
  allowed?: readonly T[],
): T[] | null {
  if (value === undefined) return null;
  if (value === true) throw new UsageError(`--${name} needs a value`);
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const wrong = allowed ? items.find((i) => !allowed.includes(i as T)) : undefined;
  if (wrong !== undefined) throw new UsageError(`--${name}: "${wrong}" is not one of ${allowed!.join(', ')}`);
  return items as T[];
}

function dateFlag(value: string | true | undefined, name: string): string | null {
  if (value === undefined) return null;
  if (value === true || !isCalendarDate(value)) throw new UsageError(`--${name} must be a date YYYY-MM-DD`);
  return value;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['include-contact', 'help']);
  if (args.flags.has('help')) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const asked = String(args.flags.get('format') ?? 'json').toUpperCase();
  if (!['JSON', 'CSV', 'GRAPHML', 'XLSX'].includes(asked))
    throw new UsageError(`--format must be json, csv, graphml or xlsx`);
  // A workbook holds the CSV export's tables, one sheet each.
  const xlsx = asked === 'XLSX';
  const format = (xlsx ? 'CSV' : asked) as ExportFormat;
  const out = args.flags.get('out');
  if (out === true) throw new UsageError('--out needs a path');
  if (format === 'CSV' && out === undefined)
    throw new UsageError(
      xlsx ? 'an Excel workbook is binary: give --out <file.xlsx>' : 'CSV is one file per table: give --out <folder>',
    );
  const filter: ScopeFilter = {
    topicIds: listFlag(args.flags.get('topics'), 'topics'),
    actorKinds: listFlag<ActorKind>(args.flags.get('actor-kinds'), 'actor-kinds', ACTOR_KINDS),
    collaborationKinds: listFlag<CollaborationKind>(
      args.flags.get('collaboration-kinds'),
      'collaboration-kinds',
      COLLABORATION_KINDS,
    ),
    from: dateFlag(args.flags.get('from'), 'from'),
    to: dateFlag(args.flags.get('to'), 'to'),
  };

  const store = createStore(loadConfig());
  try {
    await store.init();
    const files = await exportNetwork(store, { format, filter, includeContact: args.flags.has('include-contact') });
    if (xlsx) {
      const tables = files.map((f) => ({ ...f, table: f.name.replace(/\.csv$/, '') as CsvFile['table'] }));
      writeFileSync(out!, await writeXlsx(tables));
      process.stderr.write(`Wrote ${out}\n`);
    } else if (format === 'CSV') {
      mkdirSync(out!, { recursive: true });
      for (const f of files) writeFileSync(join(out!, f.name), f.content);
      process.stderr.write(`Wrote ${files.map((f) => join(out!, f.name)).join(', ')}\n`);
    } else if (out !== undefined) {
      writeFileSync(out, files[0].content);
      process.stderr.write(`Wrote ${out}\n`);
    } else {
      process.stdout.write(files[0].content);
    }
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main, USAGE, 'Export');
