/**
 * The CSV export as German Excel opens it by a double click: `;`-separated, UTF-8 with a BOM (so
 * Excel does not read it as Windows-1252), CRLF line ends, German headers, kinds and roles in the
 * German words and dates as 31.12.2021 — all of which the import reads back (vocabulary.ts,
 * validate.ts parseDate).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CsvFile } from './csv-write';
import { ACTOR_KIND_WORDS, COLLABORATION_KIND_WORDS, columnOf, germanHeader, ROLE_WORDS } from './vocabulary';

const BOM = '\ufeff';
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function germanCell(column: string | undefined, table: CsvFile['table'], value: string): string {
  if (value === '') return value;
  if (column === 'kind' && table === 'actors')
    return ACTOR_KIND_WORDS[value as keyof typeof ACTOR_KIND_WORDS]?.[0] ?? value;
  if (column === 'kind' && table === 'collaborations')
    return COLLABORATION_KIND_WORDS[value as keyof typeof COLLABORATION_KIND_WORDS]?.[0] ?? value;
  if (column === 'role') return ROLE_WORDS[value as keyof typeof ROLE_WORDS]?.[0] ?? value;
  if (column === 'startDate' || column === 'endDate') {
    const m = isoDate.exec(value);
    return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
  }
  return value;
}

export function toGermanExcel(file: CsvFile): CsvFile {
  const [header, ...rows] = parse(file.content, { relax_column_count: false }) as string[][];
  const columns = header.map((h) => columnOf(file.table, h));
  const out = [
    header.map((h, i) => (columns[i] ? germanHeader(file.table, columns[i]!) : h)),
    ...rows.map((row) => row.map((value, i) => germanCell(columns[i], file.table, value))),
  ];
  return { ...file, content: BOM + stringify(out, { delimiter: ';', record_delimiter: '\r\n' }) };
}
