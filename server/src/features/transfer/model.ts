/** What import and export pass between their steps. */
import type { ImportCounts } from './import-rules';
import type { TableName } from './vocabulary';

export type { TableName } from './vocabulary';

export type ImportFormat = 'CSV' | 'JSON' | 'XLSX';
export type ExportFormat = 'JSON' | 'CSV' | 'GRAPHML';

/** One file handed to the import: its name (for the report) and its text (XLSX: its bytes in base64). */
export interface ImportFile {
  name: string;
  content: string;
}

/** Where a row came from: file, table, row number (CSV: as a spreadsheet shows it, the header is row 1; JSON: position in its list, from 1). */
export interface Source {
  file: string;
  table: TableName;
  row: number;
}

/** A row the import refused, and why. `field` is the column as the file names it. */
export interface Rejection {
  file: string;
  table: TableName | null;
  row: number;
  field: string | null;
  reason: string;
}

/**
 * One row as read from a file, before any check: values by column (a column the file does not
 * have is absent; CSV cells are strings, JSON values anything), and each column's name as the file
 * writes it (for messages).
 */
export interface RawRow {
  source: Source;
  values: { [column: string]: unknown };
  labels: { [column: string]: string };
}

/** A file as read: its table (null when it could not be told) and rows, or why it was refused. */
export interface ReadFile {
  name: string;
  tables: TableName[];
  rows: RawRow[];
  /** Data rows in the file (also those refused while reading). */
  rowCount: number;
  rejections: Rejection[];
  warnings: string[];
  /** The language of its headers (report-messages.ts): null when they tell none. */
  language: 'de' | 'en' | null;
}

export interface ImportReport {
  dryRun: boolean;
  /** True when the import was written (no row rejected, not a dry run). */
  applied: boolean;
  files: Array<{ name: string; tables: TableName[]; rows: number }>;
  /** Per table what was (dryRun: would be) created, updated or left unchanged; null when rows were rejected. */
  counts: ImportCounts | null;
  rejected: Rejection[];
  warnings: string[];
}

export interface ImportProgress {
  phase: 'read' | 'validate' | 'apply';
  done: number;
  total: number;
}
