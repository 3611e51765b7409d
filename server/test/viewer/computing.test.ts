/**
 * The viewer while insight is computed in the background: the server answers COMPUTING (here at
 * once: the service waits 0 ms for a running computation) and the page says so, asks again after
 * `retryAfterSeconds` and then shows the result — the cluster map of a large network (600 actors)
 * and the hand-over analysis on the seed. Headless Chromium against the real server.
 */
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import {
  browserSuite,
  clickNode,
  openBrowser,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

/** Records every text the status overlay and the hand-over panel show, as the page shows them. */
async function recordMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { messages: string[] }).messages = seen;
    new MutationObserver(() => {
      for (const id of ['status', 'handover-body']) {
        const text = document.getElementById(id)?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { messages: string[] }).messages);

browserSuite('viewer: insight computed in the background (COMPUTING, then the answer)', () => {
  jest.setTimeout(120_000);
  const servers: ViewerServer[] = [];
  const browsers: ViewerBrowser[] = [];

  afterAll(async () => {
    for (const b of browsers) await b.browser.close();
    for (const s of servers) await s.close();
  });

  async function open(server: ViewerServer): Promise<Page> {
    const browser = await openBrowser(suggestionsMissing);
    browsers.push(browser);
    await recordMessages(browser.page);
    await browser.page.goto(server.url());
    return browser.page;
  }

  test('600 actors: “the groups are being computed”, then the cluster map', async () => {
    const server = await startViewerServer(generateNetwork({ actors: 600 }), { insight: { waitMs: 0 } });
    servers.push(server);
    const page = await open(server);
    await waitReady(page);
    expect(await page.evaluate(() => window.quartiernetz.viewKind)).toBe('clusters');
    const clusters = await page.evaluate(() => window.cy.nodes('[type="CLUSTER"]').length);
    expect(clusters).toBeGreaterThan(3);
    const seen = await messages(page);
    expect(seen.some((m) => /im Hintergrund berechnet – neuer Versuch in \d+ s/.test(m))).toBe(true);
    expect(seen.some((m) => /Fehler/.test(m))).toBe(false);
    expect(server.service.insight.stats.computed).toBeGreaterThanOrEqual(1);
    expect(browsers[browsers.length - 1].errors).toEqual([]);
  });

  test('the seed: the hand-over analysis says it is being computed, then lists who bridges now', async () => {
    const server = await startViewerServer(batenbrock, { insight: { waitMs: 0 } });
    servers.push(server);
    const page = await open(server);
    await waitReady(page);
    await clickNode(page, 'actor:stadtteilagentur-batenbrock');
    await page.waitForSelector('#panel-what-if');
    await page.click('#panel-what-if');
    await page.waitForSelector('#handover-brokers li', { timeout: 30_000 });
    expect(await page.getAttribute('#handover-brokers li', 'data-actor')).toBe('stadt-bottrop');
    expect((await messages(page)).some((m) => /ohne diese Akteure wird im Hintergrund berechnet/.test(m))).toBe(true);
    expect(browsers[browsers.length - 1].errors).toEqual([]);
  });
});
