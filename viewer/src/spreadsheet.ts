/**
 * Spreadsheets in the page. Download (everyone who may read): the network's four tables as CSV in
 * German Excel's dialect (`;`, UTF-8 with BOM, German headers), or as one Excel workbook (.xlsx, a
 * sheet per table, German headers), fetched with the Authorization header and saved from a Blob —
 * keys never go into a URL. Upload (admins, as importNetwork): CSV files read in the browser (UTF-8
 * with or without BOM when valid, else Windows-1252, as German Excel writes) or Excel workbooks
 * (sent as they are, in base64: the server reads them), first a dry run with the same row report
 * as `npm run import`, then the import on request.
 */
import { ApiError, gql } from './api';
import { IMPORT } from './queries';
import { authHeaders } from './auth';
import { byId, h } from './dom';
import { download } from './export';
import { count, t } from './i18n';

const TABLES = ['actors', 'topics', 'collaborations', 'participations'] as const;

async function fetchExport(path: string): Promise<Blob> {
  const response = await fetch(new URL(path, document.baseURI), { headers: authHeaders() });
  if (!response.ok)
    throw new ApiError(
      `HTTP ${response.status}`,
      response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP',
      response.status,
    );
  return response.blob();
}

/** The four tables, one download each. Answers the blobs (for tests). */
export async function downloadTables(): Promise<Blob[]> {
  const blobs: Blob[] = [];
  for (const table of TABLES) {
    const blob = await fetchExport(`export/${table}.csv?excel=true`);
    download(blob, `quartiernetz-${table}.csv`);
    blobs.push(blob);
  }
  return blobs;
}

/** The network as one Excel workbook. */
export async function downloadWorkbook(): Promise<Blob> {
  const blob = await fetchExport('export/network.xlsx');
  download(blob, 'quartiernetz.xlsx');
  return blob;
}

const isWorkbook = (file: File) => /\.xlsx$/i.test(file.name);

/** Bytes as base64 (in slices: String.fromCharCode takes only so many arguments). */
function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

/** A file's text: UTF-8 when valid (a BOM dropped), else Windows-1252 (the browser's decoder is the real one). */
export function decodeFile(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface Report {
  applied: boolean;
  dryRun: boolean;
  rejectedTotal: number;
  counts: Array<{ table: string; created: number; updated: number; unchanged: number }> | null;
  rejected: Array<{ file: string; row: number; field: string | null; reason: string }>;
  warnings: string[];
}

export class SpreadsheetUpload {
  private files: Array<{ name: string; content: string }> = [];
  private format: 'CSV' | 'XLSX' = 'CSV';
  private readonly dialog = byId<HTMLDialogElement>('import-dialog');
  private readonly body = byId('import-body');

  constructor(
    private readonly afterImport: () => void,
    private readonly describe: (error: unknown) => string,
  ) {
    const input = byId<HTMLInputElement>('import-files');
    input.addEventListener('change', () => void this.check(input));
    // The label stands for the hidden file input: reachable and usable by keyboard too.
    const label = byId('sheet-upload');
    label.tabIndex = 0;
    label.setAttribute('role', 'button');
    label.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      input.click();
    });
    byId('import-close').addEventListener('click', () => this.dialog.close());
  }

  private async check(input: HTMLInputElement): Promise<void> {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (chosen.length === 0) return;
    if (!this.dialog.open) this.dialog.showModal();
    const workbooks = chosen.filter(isWorkbook).length;
    if (workbooks > 0 && workbooks < chosen.length) {
      // One import is one transaction: CSV files and workbooks would be two.
      this.body.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('import.mixed')));
      return;
    }
    this.format = workbooks > 0 ? 'XLSX' : 'CSV';
    this.files = await Promise.all(
      chosen.map(async (f) => {
        const bytes = await f.arrayBuffer();
        return { name: f.name, content: this.format === 'XLSX' ? base64(bytes) : decodeFile(bytes) };
      }),
    );
    this.body.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('import.checking')));
    await this.run(true);
  }

  private async run(dryRun: boolean): Promise<void> {
    try {
      const { importNetwork: report } = await gql<{ importNetwork: Report }>(IMPORT, {
        format: this.format,
        files: this.files,
        dryRun,
      });
      this.show(report);
      if (report.applied) this.afterImport();
    } catch (error) {
      this.body.replaceChildren(h('p', { class: 'error', role: 'alert' }, this.describe(error)));
    }
  }

  private show(r: Report): void {
    const counts = r.counts
      ? h(
          'table',
          { class: 'import-counts', id: 'import-counts' },
          h(
            'tr',
            {},
            h('th', {}, ''),
            h('th', {}, t('import.created')),
            h('th', {}, t('import.updated')),
            h('th', {}, t('import.unchanged')),
          ),
          ...r.counts.map((c) =>
            h(
              'tr',
              { 'data-table': c.table },
              h('td', {}, c.table),
              h('td', {}, String(c.created)),
              h('td', {}, String(c.updated)),
              h('td', {}, String(c.unchanged)),
            ),
          ),
        )
      : null;
    const parts: Array<HTMLElement | null> = [
      h(
        'p',
        { id: 'import-summary', 'data-applied': String(r.applied), 'data-rejected': r.rejectedTotal },
        r.applied
          ? t('import.done')
          : r.rejectedTotal > 0
            ? t('import.problems', { n: count('problem', r.rejectedTotal) })
            : t('import.wouldBe'),
      ),
      r.rejected.length
        ? h(
            'ul',
            { class: 'list', id: 'import-rejected' },
            ...r.rejected.map((x) =>
              h(
                'li',
                {},
                h('strong', {}, t('import.row', { file: x.file, row: String(x.row) })),
                x.field ? ` · ${x.field}` : '',
                `: ${x.reason}`,
              ),
            ),
          )
        : null,
      counts,
      ...r.warnings.map((w) => h('p', { class: 'hint' }, w)),
      !r.applied && r.rejectedTotal === 0
        ? h('button', { type: 'button', id: 'import-apply', onclick: () => void this.run(false) }, t('import.apply'))
        : null,
    ];
    this.body.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }
}

/** The upload is for admins only: the API's importNetwork is an ADMIN operation (docs/access.md). */
export function showUploadFor(role: string | null): void {
  byId('sheet-upload').hidden = role !== 'ADMIN';
}
