/**
 * The map as it goes into a report: the PNG has a header (title, view, filters, date) above the
 * map and a legend below it, and under a highlight it holds only the highlighted nodes; the SVG
 * parses and holds every label the map shows, in full, with the same header and legend. Headless
 * Chromium against the real server with the Batenbrock seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  ARTIFACTS,
  browserSuite,
  openBrowser,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

interface Exported {
  nodeIds: string[];
  mapBox: { x: number; y: number; w: number; h: number } | null;
}

const lastExport = (page: Page) =>
  page.evaluate(() => (window.quartiernetz as unknown as { lastExport: Exported }).lastExport);

async function download(page: Page, button: string, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const bytes = fs.readFileSync((await file.path())!);
  fs.writeFileSync(path.join(ARTIFACTS, name), bytes);
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^quartiernetz-\\d{4}-\\d{2}-\\d{2}\\.${name.split('.').pop()}$`),
  );
  return bytes;
}

/** Pixels of the PNG counted by region (above the map, the map, below it): dark (text) and kind-blue ones. */
function countPixels(page: Page, png: Buffer, box: { y: number; h: number }) {
  return page.evaluate(
    async ([data, top, bottom]) => {
      const image = await createImageBitmap(await (await fetch(data)).blob());
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const px = ctx.getImageData(0, 0, image.width, image.height).data;
      const count = { headerDark: 0, legendDark: 0, legendBlue: 0, mapBlue: 0 };
      for (let y = 0; y < image.height; y++)
        for (let x = 0; x < image.width; x++) {
          const i = (y * image.width + x) * 4;
          const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
          const dark = r < 90 && g < 90 && b < 90;
          const blue = Math.abs(r - 31) < 12 && Math.abs(g - 119) < 12 && Math.abs(b - 180) < 12; // Verein / Verband
          if (y < top) count.headerDark += dark ? 1 : 0;
          else if (y >= bottom) {
            count.legendDark += dark ? 1 : 0;
            count.legendBlue += blue ? 1 : 0;
          } else count.mapBlue += blue ? 1 : 0;
        }
      return count;
    },
    [`data:image/png;base64,${png.toString('base64')}`, box.y, box.y + box.h] as const,
  );
}

/** Parses the SVG in the page: its texts, its node marks, and whether it parsed. */
function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      lines: [...doc.querySelectorAll('text tspan')].map((t) => t.textContent ?? ''),
      nodes: [...doc.querySelectorAll('g.nodes [data-id]')].map((n) => n.getAttribute('data-id')),
    };
  }, svg);
}

/** The labels the map shows now: per node not faded, the lines of its full label. */
const shownLabels = (page: Page) =>
  page.evaluate(() =>
    window.cy
      .nodes(':visible')
      .filter((n) => !n.hasClass('faded') && !!n.style('label'))
      .map((n) => ({ id: n.id(), lines: String(n.data('label')).split('\n') })),
  );

browserSuite('the map exported for a report', () => {
  jest.setTimeout(120_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(server.url('/'));
    await waitReady(page);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('the PNG has a header above the map and a legend below it, within 4096 px', async () => {
    const png = await download(page, '#export-png', 'export-report.png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const { mapBox, nodeIds } = await lastExport(page);
    expect(nodeIds).toHaveLength(batenbrock.actors.length);
    // Bigger than the map by a header of text (≥ 80 px) and a legend (≥ 60 px).
    expect(mapBox!.y).toBeGreaterThanOrEqual(80);
    expect(height - (mapBox!.y + mapBox!.h)).toBeGreaterThanOrEqual(60);
    expect(width).toBeGreaterThanOrEqual(mapBox!.w);
    expect(Math.max(width, height)).toBeLessThanOrEqual(4096);
    const pixels = await countPixels(page, png, mapBox!);
    expect(pixels.headerDark).toBeGreaterThan(300); // the title and the lines under it
    expect(pixels.legendDark).toBeGreaterThan(300); // the legend's words
    expect(pixels.legendBlue).toBeGreaterThan(50); // its mark of Verein / Verband
    expect(pixels.mapBlue).toBeGreaterThan(500);
  });

  test('the SVG parses and holds every label shown, in full, with title, filters, date and legend', async () => {
    const svg = (await download(page, '#export-svg', 'export-report.svg')).toString('utf8');
    const read = await readSvg(page, svg);
    expect(read.error).toBeNull();
    expect(read.root).toBe('svg');
    expect(read.texts[0]).toBe('Quartiernetz – Netzwerkkarte');
    expect(read.texts).toContain('Filter: keine (alle Themen, alle Arten, jeder Zeitraum)');
    expect(read.texts.some((t) => /^Stand: \d{1,2}\. \p{L}+ \d{4}$/u.test(t))).toBe(true);
    expect(read.texts).toContain('31 Akteure, 247 Verbindungen');
    expect(read.texts).toContain('Legende');
    expect(read.texts).toContain('Verein / Verband');
    const labels = await shownLabels(page);
    expect(labels.length).toBe(batenbrock.actors.length);
    for (const l of labels) for (const line of l.lines) expect(read.lines).toContain(line);
    // In full: the map cuts long names with "…", the SVG does not.
    expect(read.lines.some((line) => line.length > 30)).toBe(true);
    expect(read.lines.every((line) => !line.endsWith('…'))).toBe(true);
    expect(read.nodes.sort()).toEqual((await lastExport(page)).nodeIds.sort());
  });

  test('under a highlight only the highlighted nodes are exported, said in the header; a filter is named', async () => {
    const fullMap = (await lastExport(page)).nodeIds.length;
    await page.fill('#search', 'Repair');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cy.$('.faded').length > 0);
    const bright = await page.evaluate(() =>
      window.cy
        .nodes(':visible')
        .filter((n) => !n.hasClass('faded'))
        .map((n) => n.id()),
    );
    const faded = await page.evaluate(() => window.cy.nodes('.faded').map((n) => n.id()));
    expect(faded.length).toBeGreaterThan(10);

    await download(page, '#export-png', 'export-report-highlight.png');
    const png = await lastExport(page);
    expect(png.nodeIds.sort()).toEqual([...bright].sort());
    const svg = (await download(page, '#export-svg', 'export-report-highlight.svg')).toString('utf8');
    const read = await readSvg(page, svg);
    expect(read.nodes.sort()).toEqual([...bright].sort());
    const fadedNames = await page.evaluate(
      (ids) => ids.map((id) => String(window.cy.getElementById(id).data('label'))),
      faded,
    );
    for (const name of fadedNames) expect(read.lines).not.toContain(name);
    expect(read.texts).toContain(`Gezeigt: nur die Hervorhebung, ${bright.length} von ${fullMap} Knoten`);
    await page.click('#panel-close');

    await page.check('#filter-kinds input[value="ASSOCIATION"]');
    await waitReady(page);
    await page.waitForFunction(() => window.cy.nodes('[kind!="ASSOCIATION"]').length === 0);
    const filtered = await readSvg(
      page,
      (await download(page, '#export-svg', 'export-report-filter.svg')).toString('utf8'),
    );
    expect(filtered.texts).toContain('Filter: Art Verein / Verband');
    await page.uncheck('#filter-kinds input[value="ASSOCIATION"]');
    await waitReady(page);
  });

  test('no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
