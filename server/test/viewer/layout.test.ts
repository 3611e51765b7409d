/**
 * The page fits a quarter manager's screen and keyboard: at 800 px wide nothing in the sidebar is
 * cut off; Escape in the search field closes the panel; the date fields speak German on a German
 * page. Headless Chromium against the real server with the Batenbrock seed.
 */
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import { browserSuite, openBrowser, shot, startViewerServer, suggestionsMissing, waitReady, type ViewerBrowser, type ViewerServer } from './harness';

browserSuite('viewer layout and keyboard', () => {
  jest.setTimeout(90_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    await page.goto(server.url('/'));
    await waitReady(page);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('Escape in the search field closes the list first, then the panel', async () => {
    await page.fill('#search', 'Bobbie');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('panel')!.dataset.actorId === 'bobbie-ev' && !document.getElementById('panel')!.hidden);
    await page.focus('#search');
    await page.fill('#search', 'Stadt');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Escape'); // the list
    expect(await page.isHidden('#panel')).toBe(false);
    await page.keyboard.press('Escape'); // the panel
    await page.waitForFunction(() => document.getElementById('panel')!.hidden);
  });

  test('at 800 px wide nothing in the sidebar is cut off', async () => {
    await page.setViewportSize({ width: 800, height: 700 });
    await page.waitForTimeout(300);
    const clipped = await page.evaluate(() => {
      const bar = document.querySelector('.controls') as HTMLElement;
      const box = bar.getBoundingClientRect();
      const out: string[] = [];
      if (bar.scrollWidth > bar.clientWidth + 1) out.push(`sidebar scrolls sideways: ${bar.scrollWidth} > ${bar.clientWidth}`);
      for (const el of bar.querySelectorAll<HTMLElement>('button, input, label, select')) {
        if (el.offsetParent === null) continue;
        const r = el.getBoundingClientRect();
        if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`${el.id || el.textContent?.trim().slice(0, 30)}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
      return out;
    });
    await shot(page, 'layout-800');
    expect(clipped).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  test('the date fields speak German: TT.MM.JJJJ, 1.2.2023 is read, a wrong date is marked', async () => {
    expect(await page.getAttribute('#filter-from', 'placeholder')).toBe('TT.MM.JJJJ');
    await page.fill('#filter-from', '1.2.2023');
    await page.press('#filter-from', 'Enter');
    await page.waitForFunction(() => document.body.dataset.state === 'ready' && (window.quartiernetz.view as { filter?: { from?: string } })?.filter?.from === '2023-02-01');
    expect(await page.inputValue('#filter-from')).toBe('01.02.2023');
    await page.fill('#filter-to', '31.2.2023');
    await page.press('#filter-to', 'Enter');
    expect(await page.getAttribute('#filter-to', 'aria-invalid')).toBe('true');
    await page.click('#filter-reset');
    await waitReady(page);
  });
});
