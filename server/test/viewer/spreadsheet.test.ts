/**
 * Spreadsheets in the page, in headless Chromium against the real server: the download fetches
 * the four tables with the Authorization header (never a key in a URL) as German Excel opens them
 * (`;`, UTF-8 with BOM, German headers and words); an admin uploads CSV files — a Windows-1252
 * file from German Excel included — sees the dry run's row report and imports; viewers and editors have no upload.
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

browserSuite('viewer: spreadsheets down and up', () => {
  jest.setTimeout(90_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;
  const requests: Array<{ url: string; authorization: string | undefined }> = [];

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    page.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers().authorization }));
    await page.goto(server.url('/'));
    await waitReady(page);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('download: four CSV tables for German Excel, fetched with the header, no key in any URL', async () => {
    const downloads: Array<{ name: string; bytes: Buffer }> = [];
    page.on('download', async (d) =>
      downloads.push({ name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) }),
    );
    await page.click('#sheet-download');
    await page.waitForFunction(() => true);
    for (let i = 0; i < 50 && downloads.length < 4; i++) await page.waitForTimeout(100);
    expect(downloads.map((d) => d.name).sort()).toEqual([
      'quartiernetz-actors.csv',
      'quartiernetz-collaborations.csv',
      'quartiernetz-participations.csv',
      'quartiernetz-topics.csv',
    ]);
    const actors = downloads.find((d) => d.name === 'quartiernetz-actors.csv')!.bytes;
    expect([...actors.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = actors.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('ID;Name;Art;Beschreibung;Stadtteil;Webseite;Themen'); // contact data only when asked for
    expect(lines.find((l) => l.startsWith('bobbie-ev;'))).toContain(';Verein;');
    const collaborations = downloads.find((d) => d.name === 'quartiernetz-collaborations.csv')!.bytes.toString('utf8');
    expect(collaborations).toMatch(/^\ufeffID;Titel;Art;Beginn;Ende;/);
    expect(collaborations).toMatch(/;\d{2}\.\d{2}\.\d{4};/);
    const exports = requests.filter((r) => r.url.includes('/export/'));
    expect(exports).toHaveLength(4);
    for (const r of exports) expect(r.authorization).toMatch(/^Bearer /);
    for (const r of requests) expect(r.url).not.toMatch(/[?&](key|apiKey|token)=/);
  });

  test('upload: a Windows-1252 file from German Excel — dry run with counts, then the import', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('Name;Art;Beschreibung\r\n'),
      ...Buffer.from('Strick-Treff '),
      0x84,
      ...Buffer.from('Masche'),
      0x93,
      ...Buffer.from(';Gruppe;Beitrag 5 '),
      0x80,
      ...Buffer.from('\r\n'),
    ]);
    expect(await page.isVisible('#sheet-upload')).toBe(true);
    await page.setInputFiles('#import-files', { name: 'akteure.csv', mimeType: 'text/csv', buffer: bytes });
    await page.waitForSelector('#import-summary');
    expect(await page.getAttribute('#import-summary', 'data-applied')).toBe('false');
    expect(await page.textContent('#import-summary')).toContain('Probelauf ohne Fehler');
    expect(await page.textContent('#import-counts tr[data-table="actors"]')).toContain('1');
    await shot(page, 'spreadsheet-dry-run');
    await page.click('#import-apply');
    await page.waitForSelector('#import-summary[data-applied="true"]');
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query: '{ actor(id: "strick-treff-masche") { name description } }' }),
    });
    expect((await response.json()).data.actor).toEqual({ name: 'Strick-Treff „Masche“', description: 'Beitrag 5 €' });
    await page.click('#import-close');
    await waitReady(page);
  });

  test('upload: problems are listed by file and row, nothing is written', async () => {
    await page.setInputFiles('#import-files', {
      name: 'neu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name;Art\nGut;Gruppe\nFalsch;Vereinn\n'),
    });
    await page.waitForSelector('#import-rejected li');
    expect(await page.textContent('#import-summary')).toBe(
      'Nichts übernommen: 1 Problem gefunden. Bitte in der Tabelle berichtigen und erneut hochladen.',
    );
    const row = await page.textContent('#import-rejected li');
    expect(row).toContain('neu.csv, Zeile 3 · Art');
    expect(row).toContain('meinten Sie „Verein“');
    expect(await page.isVisible('#import-apply')).toBe(false);
    await shot(page, 'spreadsheet-problems');
    await page.click('#import-close');
  });

  test('viewers and editors have no upload (importNetwork is ADMIN), but the download', async () => {
    for (const role of ['VIEWER', 'EDITOR'] as const) {
      const other = await browser.context.newPage();
      await other.goto(server.url('/', await server.issueKey(role.toLowerCase(), role)));
      await waitReady(other);
      await other.waitForFunction((r) => document.body.dataset.role === r, role);
      expect(await other.isHidden('#sheet-upload')).toBe(true);
      expect(await other.isVisible('#sheet-download')).toBe(true);
      await other.close();
    }
  });

  test('no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
