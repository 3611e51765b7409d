/**
 * The panel's collaborations a page at a time, in headless Chromium against the real server: an
 * actor with 1,234 collaborations shows its 20 newest, says how many of how many, and a button
 * (reached and pressed with the keyboard) adds the next 20 below them — in the API's order, the
 * list not moving, the button keeping its place and size while the page loads, the focus on the
 * first added row; an added row opens its participants like the others. An actor with 21 says
 * "1 weitere Zusammenarbeit" and, once all are shown, no button. Screenshots for review at 1400
 * and 800 px wide (screenshots-review/panel-collaborations-more-*.png).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { GraphData } from '../../../server/src/domain/records';
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  openBrowser,
  ROOT,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

const AGENCY = 'stadtteilagentur-batenbrock'; // 13 collaborations in the seed, 1,234 here
const BOBBIE = 'bobbie-ev'; // 8 in the seed, 21 here
const ADDED = 1234 - 13;

/** The seed and the agency's weekly office hours (two a day: dates tie, the id decides), some with Bobbie. */
function busyNetwork(): GraphData {
  const extra = Array.from({ length: ADDED }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 2) * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `sprechstunde-${String(i).padStart(4, '0')}`,
      title: `Sprechstunde im Stadtteilbüro Nr. ${i + 1}`,
      kind: 'MEETING' as const,
      startDate: day,
      participants: [
        { actorId: AGENCY, role: 'HOST' as const },
        ...(i >= ADDED - 13 ? [{ actorId: BOBBIE, role: 'PARTICIPANT' as const }] : []),
      ],
    };
  });
  return { ...batenbrock, collaborations: [...batenbrock.collaborations, ...extra] };
}

browserSuite('the panel pages its collaborations', () => {
  jest.setTimeout(120_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  /** The actor's collaboration ids in the API's order, as the whole list answers them. */
  async function order(actorId: string): Promise<string[]> {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({
        query: 'query($id: ID!) { actor(id: $id) { collaborations { collaboration { id } } } }',
        variables: { id: actorId },
      }),
    });
    const body = (await response.json()) as any;
    return body.data.actor.collaborations.map((c: { collaboration: { id: string } }) => c.collaboration.id);
  }

  const shown = () =>
    page.$$eval('#panel-collaborations > li', (items) => items.map((li) => (li as HTMLElement).dataset.collaboration!));
  const text = (selector: string) => page.textContent(selector).then((s) => s?.trim());

  async function openPanel(name: string, actorId: string): Promise<void> {
    await page.fill('#search', name);
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) =>
        document.getElementById('panel')!.dataset.actorId === id && !!document.querySelector('#panel .collaborations'),
      actorId,
    );
  }

  beforeAll(async () => {
    server = await startViewerServer(busyNetwork());
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

  test('1,234 collaborations: the 20 newest, "20 von 1.234", the next 20 by keyboard below them', async () => {
    const all = await order(AGENCY);
    expect(all).toHaveLength(1234);
    await openPanel('Stadtteilagentur', AGENCY);
    expect(await text('#panel .collaborations h3')).toBe('Zusammenarbeiten (1.234)');
    expect(await shown()).toEqual(all.slice(0, 20));
    expect(await text('#panel-collaborations-shown')).toBe('20 von 1.234 Zusammenarbeiten gezeigt');
    expect(await text('#panel-collaborations-more')).toBe('20 weitere Zusammenarbeiten anzeigen');
    // The editing section above (this is an admin's page) lists them for editing a page at a time, on
    // its own; once its first page is in, nothing above the list changes any more.
    await page.waitForSelector('#actor-collaborations-edit-more');

    await page.locator('#panel-collaborations-more').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ROOT, 'screenshots-review', 'panel-collaborations-more-1400.png') });

    // Hold the next page back a moment, to see the page while it loads.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('MoreCollaborations')) {
        asked += 1;
        await held;
      }
      await route.continue();
    });
    const box = (selector: string) => page.locator(selector).boundingBox();
    const firstRow = await box('#panel-collaborations > li:first-child');
    const button = await box('#panel-collaborations-more');
    await page.focus('#panel-collaborations-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.getElementById('panel-collaborations-more')?.getAttribute('aria-disabled') === 'true',
    );
    expect(await text('#panel-collaborations-more')).toBe('Weitere werden geladen …');
    expect(await box('#panel-collaborations-more')).toEqual(button);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-collaborations-more');
    // Pressed again while loading: nothing more is asked.
    await page.keyboard.press('Enter');
    release();
    await page.waitForFunction(() => document.querySelectorAll('#panel-collaborations > li').length > 20);
    await page.unroute('**/graphql');
    expect(asked).toBe(1);

    expect(await shown()).toEqual(all.slice(0, 40));
    expect(await box('#panel-collaborations > li:first-child')).toEqual(firstRow);
    expect(await text('#panel-collaborations-shown')).toBe('40 von 1.234 Zusammenarbeiten gezeigt');
    expect(await text('#panel-collaborations-more')).toBe('20 weitere Zusammenarbeiten anzeigen');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe(
      `collaboration-${all[20]}`,
    );
    // An added row opens its participants like the others.
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#panel-collaborations > li[data-collaboration="${all[20]}"] .participants li`);
    expect(
      await page.$$eval(`#panel-collaborations > li[data-collaboration="${all[20]}"] .participants li`, (items) =>
        items.map((li) => (li as HTMLElement).dataset.actor),
      ),
    ).toEqual([AGENCY]);
    expect(browser.errors).toEqual([]);
  });

  test("the editing section's list pages too: the 20 newest with edit buttons, the next 20 by its own button", async () => {
    const all = await order(AGENCY);
    await openPanel('Stadtteilagentur', AGENCY);
    const editable = () =>
      page.$$eval('#actor-collaborations-edit li', (items) =>
        items.map((li) => (li as HTMLElement).dataset.collaboration!),
      );
    await page.waitForSelector('#actor-collaborations-edit-more');
    expect(await editable()).toEqual(all.slice(0, 20));
    expect(await text('#actor-collaborations-edit-shown')).toBe('20 von 1.234 Zusammenarbeiten gezeigt');
    expect(await text('#actor-collaborations-edit-more')).toBe('20 weitere Zusammenarbeiten anzeigen');
    await page.locator('#actor-collaborations-edit-more').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ROOT, 'screenshots-review', 'panel-edit-collaborations-more-1400.png') });
    await page.focus('#actor-collaborations-edit-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#actor-collaborations-edit li').length === 40);
    expect(await editable()).toEqual(all.slice(0, 40));
    expect(await text('#actor-collaborations-edit-shown')).toBe('40 von 1.234 Zusammenarbeiten gezeigt');
    // The focus is on the first added row's edit button, which opens that collaboration's form.
    expect(
      await page.evaluate(() => (document.activeElement?.closest('li') as HTMLElement | null)?.dataset.collaboration),
    ).toBe(all[20]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('collab-edit'))).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  test('at 800 px wide the count and the button fit the panel', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await openPanel('Stadtteilagentur', AGENCY);
    const more = page.locator('#panel-collaborations-more');
    await more.scrollIntoViewIfNeeded();
    const fits = await page.evaluate(() => {
      const panel = document.getElementById('panel')!.getBoundingClientRect();
      return ['panel-collaborations-more', 'panel-collaborations-shown'].map((id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.left >= panel.left - 1 && r.right <= panel.right + 1 && r.width > 0;
      });
    });
    expect(fits).toEqual([true, true]);
    await page.screenshot({ path: path.join(ROOT, 'screenshots-review', 'panel-collaborations-more-800.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test('21 collaborations: "1 weitere Zusammenarbeit"; once all are shown, no count and no button', async () => {
    const all = await order(BOBBIE);
    expect(all).toHaveLength(21);
    await openPanel('Bobbie', BOBBIE);
    expect(await text('#panel .collaborations h3')).toBe('Zusammenarbeiten (21)');
    expect(await text('#panel-collaborations-shown')).toBe('20 von 21 Zusammenarbeiten gezeigt');
    expect(await text('#panel-collaborations-more')).toBe('1 weitere Zusammenarbeit anzeigen');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await text('#panel .collaborations h3')).toBe('Collaborations (21)');
    expect(await text('#panel-collaborations-shown')).toBe('20 of 21 collaborations shown');
    expect(await text('#panel-collaborations-more')).toBe('Show 1 more collaboration');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await page.click('#panel-collaborations-more');
    await page.waitForFunction(() => document.querySelectorAll('#panel-collaborations > li').length === 21);
    expect(await shown()).toEqual(all);
    expect(await page.$('#panel-collaborations-more')).toBeNull();
    expect(await page.$('#panel-collaborations-shown')).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});
