/**
 * Reads an Excel workbook (.xlsx) for the import with read-excel-file: every sheet is a table of
 * its own, told from its header row as a CSV file is (csv-read.ts `readRecords`), and reported as
 * `Mappe.xlsx [Akteure]` with the row numbers Excel shows. Cells become the text the CSV reader
 * would see: numbers as written in the file, dates as 31.12.2021, booleans as WAHR/FALSCH. Empty
 * sheets are skipped; a sheet that names no table is a warning when other sheets do (notes,
 * pivot tables), a rejection when none does.
 */
import type { ReadFile } from './model';
import { readRecords } from './csv-read';
import { EN, type ReportMessages } from './report-messages';

// The package is ESM with a CommonJS build (its `require` export), which this CommonJS code loads.
type ReadExcelFile = typeof import('read-excel-file/node', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const readXlsxFile = (require('read-excel-file/node') as ReadExcelFile).default;

const two = (n: number) => String(n).padStart(2, '0');

/** A cell as the CSV reader would read it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel's dates have no time zone: the reader gives them as UTC midnight.
    return `${two(value.getUTCDate())}.${two(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  }
  if (typeof value === 'boolean') return value ? 'WAHR' : 'FALSCH';
  return String(value);
}

/** The name a sheet's rows are reported under. */
export const sheetFileName = (file: string, sheet: string) => `${file} [${sheet}]`;

/** A workbook that could not be read at all, as one refused file. */
const refused = (name: string, reason: string): ReadFile[] => [
  {
    name,
    tables: [],
    rows: [],
    rowCount: 0,
    rejections: [{ file: name, table: null, row: 1, field: null, reason }],
    warnings: [],
    language: null,
  },
];

/** `m`: the messages of the report's language (report-messages.ts). */
export async function readXlsx(name: string, bytes: Buffer, m: ReportMessages = EN): Promise<ReadFile[]> {
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    // Numbers stay as the file writes them (no float rounding of ids or postcodes).
    sheets = await readXlsxFile(bytes, { parseNumber: (text: string) => text, trim: false });
  } catch (error) {
    return refused(name, m.notXlsx(error instanceof Error ? error.message : String(error)));
  }
  const read = sheets
    .map(({ sheet, data }) => ({ sheet, records: data.map((row) => row.map(cellText)) }))
    .filter(({ records }) => records.some((row) => row.some((cell) => cell.trim() !== '')))
    .map(({ sheet, records }) => readRecords(sheetFileName(name, sheet), records, { unprotect: false, messages: m }));
  if (read.length === 0) return refused(name, m.noSheetWithData());
  if (read.some((f) => f.tables.length > 0)) {
    for (const f of read) {
      if (f.tables.length > 0) continue;
      f.warnings.push(m.sheetNotRead(f.name, f.rejections.map((r) => r.reason).join('; ')));
      f.rejections = [];
    }
  }
  return read;
}
