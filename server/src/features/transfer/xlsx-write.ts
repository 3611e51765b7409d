/**
 * The network as one Excel workbook (.xlsx), written with write-excel-file: a sheet per table
 * (Akteure, Themen, Kooperationen, Teilnahmen) with what the German Excel CSV export holds
 * (csv-excel.ts: German headers, kinds and roles in German words, lists as in CSV cells) — dates as
 * real Excel dates (shown 31.12.2021), and no `'` before formula-like text (a workbook's strings
 * are never formulas). The import reads it back (xlsx-read.ts).
 */
import { parse } from 'csv-parse/sync';
import { unprotectCell } from './csv-cells';
import { toGermanExcel } from './csv-excel';
import type { CsvFile } from './csv-write';
import { columnOf, TABLES, type TableName } from './vocabulary';

// The package is ESM with a CommonJS build (its `require` export), which this CommonJS code loads.
type WriteExcelFile = typeof import('write-excel-file/node', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeXlsxFile = (require('write-excel-file/node') as WriteExcelFile).default;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets' names, in the order the workbook shows them. */
export const SHEET_NAMES: Record<TableName, string> = {
  actors: 'Akteure',
  topics: 'Themen',
  collaborations: 'Kooperationen',
  participations: 'Teilnahmen',
};

const germanDate = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const DATE_COLUMNS = new Set(['startDate', 'endDate']);

type Cell = { value: string | Date; type?: DateConstructor; format?: string; fontWeight?: 'bold' } | null;

function cell(column: string | undefined, text: string): Cell {
  const value = unprotectCell(text);
  if (value === '') return null;
  const date = column && DATE_COLUMNS.has(column) ? germanDate.exec(value) : null;
  if (date) return { value: new Date(Date.UTC(+date[3], +date[2] - 1, +date[1])), type: Date, format: 'dd.mm.yyyy' };
  return { value };
}

/** The export's CSV files (csv-write.ts) as one workbook. */
export async function writeXlsx(files: readonly CsvFile[]): Promise<Buffer> {
  const sheets = TABLES.flatMap((table) => {
    const file = files.find((f) => f.table === table);
    if (!file) return [];
    const german = toGermanExcel(file).content.replace(/^\uFEFF/, '');
    const [header, ...rows] = parse(german, { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    const columns = header.map((h) => columnOf(table, h));
    return [
      {
        sheet: SHEET_NAMES[table],
        stickyRowsCount: 1,
        columns: header.map((h, i) => ({
          width: Math.min(60, Math.max(h.length, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length)) + 2),
        })),
        data: [
          header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
          ...rows.map((row) => row.map((text, i) => cell(columns[i], text))),
        ],
      },
    ];
  });
  return writeXlsxFile(sheets).toBuffer();
}
