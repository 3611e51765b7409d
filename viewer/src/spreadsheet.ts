/**
 * Spreadsheets in the page. Download (everyone who may read): the network's four tables as CSV in
 * German Excel's dialect (`;`, UTF-8 with BOM, German headers), fetched with the Authorization
 * header and saved from a Blob — keys never go into a URL. Upload (admins, as importNetwork): CSV files read in the
 * browser (UTF-8 with or without BOM when valid, else Windows-1252, as German Excel writes), first
 * a dry run with the same row report as `npm run import`, then the import on request.
 */
import { ApiError, gql } from './api';
import { IMPORT } from './queries';
import { authHeaders } from './auth';
import { byId, h } from './dom';
import { download } from './export';
import { count, t } from './i18n';

const TABLES = ['actors', 'topics', 'collaborations', 'participations'] as const;

/** The four tables, one download each. Answers the blobs (for tests). */
export async function downloadTables(): Promise<Blob[]> {
  const blobs: Blob[] = [];
  for (const table of TABLES) {
    const response = await fetch(new URL(`export/${table}.csv?excel=true`, document.baseURI), {
      headers: authHeaders(),
    });
    if (!response.ok)
      throw new ApiError(
        `HTTP ${response.status}`,
        response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP',
        response.status,
      );
    const blob = await response.blob();
    download(blob, `quartiernetz-${table}.csv`);
    blobs.push(blob);
  }
  return blobs;
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
    this.files = await Promise.all(
      chosen.map(async (f) => ({ name: f.name, content: decodeFile(await f.arrayBuffer()) })),
    );
    if (!this.dialog.open) this.dialog.showModal();
    this.body.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('import.checking')));
    await this.run(true);
  }

  private async run(dryRun: boolean): Promise<void> {
    try {
      const { importNetwork: report } = await gql<{ importNetwork: Report }>(IMPORT, { files: this.files, dryRun });
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
