/**
 * Excel workbooks in the page, in headless Chromium against the real server: the download button
 * saves one .xlsx (a sheet per table, German headers; fetched with the Authorization header), and
 * an admin uploads a workbook — written by write-excel-file in the test, with umlauts, „quotes“
 * and € — sees the dry run's row report per sheet and imports it; CSV files and workbooks together
 * are refused before anything is sent.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  openBrowser,
  shot,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

// Both packages are ESM with a CommonJS build, which Jest's CommonJS loads.
type WriteExcelFile = typeof import('write-excel-file/node', { with: { 'resolution-mode': 'import' } });
type ReadExcelFile = typeof import('read-excel-file/node', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeXlsxFile = (require('write-excel-file/node') as WriteExcelFile).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const readXlsxFile = (require('read-excel-file/node') as ReadExcelFile).default;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

browserSuite('viewer: Excel workbooks down and up', () => {
  jest.setTimeout(90_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;
  const requests: Array<{ url: string; authorization: string | undefined; body: string | null }> = [];

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    page.on('request', (r) =>
      requests.push({ url: r.url(), authorization: r.headers().authorization, body: r.postData() }),
    );
    await page.goto(server.url('/'));
    await waitReady(page);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('download: one workbook, a sheet per table with German headers', async () => {
    await page.locator('#sheet-download-xlsx').scrollIntoViewIfNeeded();
    await shot(page, 'spreadsheet-xlsx-controls');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sheet-download-xlsx')]);
    expect(download.suggestedFilename()).toBe('quartiernetz.xlsx');
    const sheets = await readXlsxFile(fs.readFileSync((await download.path())!));
    expect(sheets.map((s) => s.sheet)).toEqual(['Akteure', 'Themen', 'Kooperationen', 'Teilnahmen']);
    expect(sheets[0].data[0]).toEqual(['ID', 'Name', 'Art', 'Beschreibung', 'Stadtteil', 'Webseite', 'Themen']);
    expect(sheets[0].data.find((row) => row[0] === 'bobbie-ev')?.[1]).toBe('Bobbie e.V.');
    const fetched = requests.find((r) => r.url.endsWith('/export/network.xlsx'));
    expect(fetched?.authorization).toMatch(/^Bearer /);
  });

  test('upload: a workbook — dry run per sheet, then the import', async () => {
    const workbook = await writeXlsxFile([
      {
        sheet: 'Akteure',
        data: [
          ['Name', 'Art', 'Beschreibung'],
          ['Strickcafé „Masche“', 'Gruppe', 'Beitrag 5 €'],
        ],
      },
      {
        sheet: 'Kooperationen',
        data: [
          ['Titel', 'Art', 'Beginn', 'Beteiligte'],
          ['Wollmarkt', 'Markt', '01.03.2025', 'Strickcafé „Masche“'],
        ],
      },
    ]).toBuffer();
    await page.setInputFiles('#import-files', { name: 'Netz.xlsx', mimeType: XLSX, buffer: workbook });
    await page.waitForSelector('#import-rejected li');
    // "Markt" is no kind of collaboration: the report names the sheet and the row as Excel shows it.
    expect(await page.textContent('#import-rejected li')).toContain('Netz.xlsx [Kooperationen], Zeile 2 · Art');
    await shot(page, 'spreadsheet-xlsx-problems');

    const fixed = await writeXlsxFile([
      {
        sheet: 'Akteure',
        data: [
          ['Name', 'Art', 'Beschreibung'],
          ['Strickcafé „Masche“', 'Gruppe', 'Beitrag 5 €'],
        ],
      },
    ]).toBuffer();
    await page.setInputFiles('#import-files', { name: 'Netz.xlsx', mimeType: XLSX, buffer: fixed });
    await page.waitForSelector('#import-summary[data-rejected="0"]');
    expect(await page.textContent('#import-summary')).toContain('Probelauf ohne Fehler');
    expect(await page.textContent('#import-counts tr[data-table="actors"]')).toContain('1');
    await page.click('#import-apply');
    await page.waitForSelector('#import-summary[data-applied="true"]');
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query: '{ actor(id: "strickcafe-masche") { name description } }' }),
    });
    expect((await response.json()).data.actor).toEqual({ name: 'Strickcafé „Masche“', description: 'Beitrag 5 €' });
    await page.click('#import-close');
    await waitReady(page);
  });

  test('upload: CSV files and workbooks together are refused before anything is sent', async () => {
    const before = requests.length;
    await page.setInputFiles('#import-files', [
      { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('Name;Art\nX;Gruppe\n') },
      { name: 'b.xlsx', mimeType: XLSX, buffer: Buffer.from('PK') },
    ]);
    await page.waitForSelector('#import-body .error');
    expect(await page.textContent('#import-body .error')).toContain('entweder CSV-Dateien oder Excel-Mappen');
    // The map may still reload after the import of the test before (the change feed tells it): only the dialog’s
    // own request would carry the files.
    const sent = requests.slice(before).filter((r) => r.url.endsWith('/graphql') && r.body?.includes('importNetwork'));
    expect(sent).toEqual([]);
    await page.click('#import-close');
  });

  test('no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
