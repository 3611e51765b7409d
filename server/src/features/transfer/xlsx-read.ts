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

export async function readXlsx(name: string, bytes: Buffer): Promise<ReadFile[]> {
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    // Numbers stay as the file writes them (no float rounding of ids or postcodes).
    sheets = await readXlsxFile(bytes, { parseNumber: (text: string) => text, trim: false });
  } catch (error) {
    return [
      {
        name,
        tables: [],
        rows: [],
        rowCount: 0,
        rejections: [
          {
            file: name,
            table: null,
            row: 1,
            field: null,
            reason: `not readable as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
        warnings: [],
      },
    ];
  }
  const read = sheets
    .map(({ sheet, data }) => ({ sheet, records: data.map((row) => row.map(cellText)) }))
    .filter(({ records }) => records.some((row) => row.some((cell) => cell.trim() !== '')))
    .map(({ sheet, records }) => {
      // Leading empty rows (a title row left blank) do not count: the header is the first row with cells.
      return readRecords(sheetFileName(name, sheet), records, { unprotect: false });
    });
  if (read.length === 0) {
    return [
      {
        name,
        tables: [],
        rows: [],
        rowCount: 0,
        rejections: [{ file: name, table: null, row: 1, field: null, reason: 'the workbook has no sheet with data' }],
        warnings: [],
      },
    ];
  }
  if (read.some((f) => f.tables.length > 0)) {
    for (const f of read) {
      if (f.tables.length > 0) continue;
      f.warnings.push(`${f.name}: ${f.rejections.map((r) => r.reason).join('; ')} — the sheet was not read`);
      f.rejections = [];
    }
  }
  return read;
}
