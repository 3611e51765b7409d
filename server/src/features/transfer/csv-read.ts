/**
 * Reads one CSV file of the import: UTF-8 (a byte-order mark is dropped), `;`, `,` or tab as the
 * delimiter (whichever the header row uses most), quoted fields with `""` escapes and line breaks,
 * any line ending; cells are trimmed, and an empty cell is no value at all. The table is told from the header row (vocabulary.ts): the table whose columns
 * the headers name most, provided its identifying columns are there. Cells stay strings here;
 * validate.ts checks them.
 */
import { parse } from 'csv-parse/sync';
import type { RawRow, ReadFile, Rejection } from './model';
import { unprotectCell } from './csv-cells';
import { EN, type ReportMessages } from './report-messages';
import { COLUMNS, IDENTITY, TABLES, columnOf, headersLanguage, type TableName } from './vocabulary';

/** The delimiter the header row (up to its first unquoted line break) uses most. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter;
  return best;
}

interface Recognised {
  table: TableName;
  /** Column of each header cell (undefined: not read). */
  columns: Array<string | undefined>;
}

/** The table a header row belongs to, or why it cannot be told. */
export function recogniseTable(headers: readonly string[], m: ReportMessages = EN): Recognised | { problem: string } {
  const candidates = TABLES.map((table) => {
    const columns = headers.map((h) => (h.trim() === '' ? undefined : columnOf(table, h)));
    const named = new Set(columns.filter((c): c is string => c !== undefined));
    const identified = IDENTITY[table].every((anyOf) => anyOf.some((c) => named.has(c)));
    return { table, columns, score: named.size, identified };
  }).filter((c) => c.identified && c.score > 0);
  if (candidates.length === 0) {
    return { problem: m.noTable() };
  }
  const best = Math.max(...candidates.map((c) => c.score));
  const top = candidates.filter((c) => c.score === best);
  if (top.length > 1) {
    return { problem: m.tablesTie(top.map((c) => c.table)) };
  }
  return { table: top[0].table, columns: top[0].columns };
}

const emptyFile = (name: string): ReadFile => ({
  name,
  tables: [],
  rows: [],
  rowCount: 0,
  rejections: [],
  warnings: [],
  language: null,
});

/** `m`: the messages of the report's language (report-messages.ts). */
export function readCsv(name: string, content: string, m: ReportMessages = EN): ReadFile {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    const file = emptyFile(name);
    file.rejections.push({
      file: name,
      table: null,
      row: e.lines ?? 1,
      field: null,
      reason: m.notCsv(e.message),
    });
    return file;
  }
  return readRecords(name, records, { unprotect: true, messages: m });
}

/**
 * A table's rows as cells (a CSV file's records, a workbook's sheet): the first row names the
 * columns. `unprotect`: remove the `'` the CSV writer puts before formula-like cells (csv-cells.ts).
 */
export function readRecords(
  name: string,
  records: readonly string[][],
  options: { unprotect: boolean; messages?: ReportMessages },
): ReadFile {
  const m = options.messages ?? EN;
  const file = emptyFile(name);
  const reject = (row: number, reason: string, field: string | null = null, table: TableName | null = null) =>
    file.rejections.push({ file: name, table, row, field, reason } satisfies Rejection);

  if (records.length === 0 || records[0].every((h) => h.trim() === '')) {
    reject(1, m.emptyFile());
    return file;
  }

  const headers = records[0];
  file.language = headersLanguage(headers);
  const recognised = recogniseTable(headers, m);
  if ('problem' in recognised) {
    reject(1, recognised.problem);
    return file;
  }
  const { table, columns } = recognised;
  file.tables.push(table);

  const labels: { [column: string]: string } = {};
  headers.forEach((header, i) => {
    const column = columns[i];
    if (column === undefined) {
      if (header.trim() !== '') file.warnings.push(m.columnNotRead(name, header.trim(), table));
      return;
    }
    if (labels[column] !== undefined) {
      reject(1, m.sameColumn(labels[column], header.trim(), table, column), header.trim(), table);
      return;
    }
    labels[column] = header.trim();
  });
  if (file.rejections.length > 0) return file;

  const known = new Set<string>(COLUMNS[table]);
  records.slice(1).forEach((cells, i) => {
    const row = i + 2; // the header is row 1
    if (cells.every((cell) => cell.trim() === '')) return;
    file.rowCount++;
    const extra = cells.findIndex((cell, c) => c >= headers.length && cell.trim() !== '');
    if (extra >= 0) {
      reject(row, m.tooManyCells(extra + 1), null, table);
      return;
    }
    const values: { [column: string]: unknown } = {};
    columns.forEach((column, c) => {
      // An empty cell gives no value: the stored one stays (a spreadsheet's gaps never wipe data).
      const trimmed = (cells[c] ?? '').trim();
      const cell = options.unprotect ? unprotectCell(trimmed) : trimmed;
      if (column !== undefined && known.has(column) && cell !== '') values[column] = cell;
    });
    file.rows.push({ source: { file: name, table, row }, values, labels } satisfies RawRow);
  });
  return file;
}
