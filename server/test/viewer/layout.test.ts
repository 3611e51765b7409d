/**
 * The page fits a quarter manager's screen and keyboard: at 800 px wide nothing in the sidebar is
 * cut off; Escape in the search field closes the panel; the date fields speak German on a German
 * page. Headless Chromium against the real server with the Batenbrock seed.
 */
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
    await page.waitForFunction(
      () =>
        document.getElementById('panel')!.dataset.actorId === 'bobbie-ev' && !document.getElementById('panel')!.hidden,
    );
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
      if (bar.scrollWidth > bar.clientWidth + 1)
        out.push(`sidebar scrolls sideways: ${bar.scrollWidth} > ${bar.clientWidth}`);
      for (const el of bar.querySelectorAll<HTMLElement>('button, input, label, select')) {
        if (el.offsetParent === null) continue;
        const r = el.getBoundingClientRect();
        if (r.right > box.right + 1 || r.left < box.left - 1)
          out.push(
            `${el.id || el.textContent?.trim().slice(0, 30)}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`,
          );
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
    await page.waitForFunction(
      () =>
        document.body.dataset.state === 'ready' &&
        (window.quartiernetz.view as { filter?: { from?: string } })?.filter?.from === '2023-02-01',
    );
    expect(await page.inputValue('#filter-from')).toBe('01.02.2023');
    await page.fill('#filter-to', '31.2.2023');
    await page.press('#filter-to', 'Enter');
    expect(await page.getAttribute('#filter-to', 'aria-invalid')).toBe('true');
    await page.click('#filter-reset');
    await waitReady(page);
    expect(await page.getAttribute('#filter-to', 'aria-invalid')).toBeNull();
  });

  test('the map stays centred in the part no panel covers: opening the panel, and a search hit on a narrow screen', async () => {
    const centre = () =>
      page.evaluate(() => {
        const box = window.cy.nodes().renderedBoundingBox({ includeLabels: false });
        return { cx: (box.x1 + box.x2) / 2, w: window.cy.width() };
      });
    await page.click('#fit');
    await page.waitForTimeout(400);
    const before = await centre();
    expect(Math.abs(before.cx - before.w / 2)).toBeLessThan(before.w * 0.05);
    await page.fill('#search', 'Bobbie');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('panel')!.hidden);
    await page.click('#fit');
    await page.waitForTimeout(400);
    await page.click('#panel-close');
    await page.waitForTimeout(300);
    // Closed again: what was centred in the narrower map is centred in the whole map.
    const after = await centre();
    expect(after.w).toBeGreaterThan(before.w - 2);
    expect(Math.abs(after.cx - after.w / 2)).toBeLessThan(after.w * 0.05);

    // 800 px: the panel lies over the map; a search hit is centred in the part left visible.
    await page.setViewportSize({ width: 800, height: 700 });
    await page.fill('#search', 'Stadt Bottrop');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('panel')!.hidden);
    await page.waitForTimeout(500);
    const placed = await page.evaluate(() => {
      const map = window.cy.container()!.getBoundingClientRect();
      const panel = document.getElementById('panel')!.getBoundingClientRect();
      const p = window.cy.getElementById('actor:stadt-bottrop').renderedPosition();
      return { x: map.left + p.x, visibleRight: Math.min(map.right, panel.left), left: map.left };
    });
    expect(placed.x).toBeGreaterThan(placed.left);
    expect(placed.x).toBeLessThan(placed.visibleRight);
    expect(Math.abs(placed.x - (placed.left + placed.visibleRight) / 2)).toBeLessThan(30);
    await shot(page, 'layout-800-panel');
    await page.click('#panel-close');
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  test('a collaboration in the panel shows who took part (as the API says)', async () => {
    await page.fill('#search', 'Bobbie');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel-body .collaborations li[data-collaboration]');
    const id = await page.getAttribute(
      '#panel-body .collaborations li[data-collaboration] >> nth=0',
      'data-collaboration',
    );
    await page.click(`#panel-body li[data-collaboration="${id}"] .collaboration-toggle`);
    await page.waitForSelector(`#panel-body li[data-collaboration="${id}"] .participants li`);
    const shown = await page.$$eval(`#panel-body li[data-collaboration="${id}"] .participants li`, (els) =>
      els.map((el) => el.getAttribute('data-actor')),
    );
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query: `{ collaboration(id: "${id}") { participants { actor { id } } } }` }),
    });
    const api = (await response.json()).data.collaboration.participants.map(
      (p: { actor: { id: string } }) => p.actor.id,
    );
    expect(shown.sort()).toEqual(api.sort());
    expect(shown).toContain('bobbie-ev');
    expect(
      await page.getAttribute(`#panel-body li[data-collaboration="${id}"] .collaboration-toggle`, 'aria-expanded'),
    ).toBe('true');
    await shot(page, 'panel-participants');
    await page.click(`#panel-body li[data-collaboration="${id}"] .collaboration-toggle`);
    expect(await page.$$(`#panel-body li[data-collaboration="${id}"] .participants`)).toHaveLength(0);
    await page.click('#panel-close');
  });

  test('full names on hover and on focus in a list; shortened otherwise', async () => {
    const id = 'actor:stadtteilapotheke-am-markt-beispiel';
    const exists = await page.evaluate((nid) => window.cy.getElementById(nid).nonempty(), id);
    const target = exists
      ? id
      : await page.evaluate(() =>
          window.cy
            .nodes('[type="ACTOR"]')
            .max((n) => String(n.data('label')).length)
            .ele.id(),
        );
    expect(await page.evaluate((nid) => window.cy.getElementById(nid).style('text-wrap'), target)).toBe('ellipsis');
    // The map may still be settling after the panel closed in the test before (the viewport keeps
    // what was in the middle in view when the map grows): aim again while the node is not under the
    // pointer, at most five times; the full name must show once it is.
    for (let attempt = 1; ; attempt++) {
      const point = await page.evaluate((nid) => {
        const n = window.cy.getElementById(nid);
        window.cy.center(n);
        const p = n.renderedPosition();
        const box = window.cy.container()!.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      }, target);
      await page.mouse.move(5, 5);
      await page.mouse.move(point.x, point.y);
      const wrapped = await page
        .waitForFunction((nid) => window.cy.getElementById(nid).style('text-wrap') === 'wrap', target, {
          timeout: 3_000,
        })
        .then(
          () => true,
          () => false,
        );
      if (wrapped) break;
      if (attempt === 5) throw new Error(`hovering ${target} never showed its full name`);
    }
    await page.mouse.move(5, 5);
    await page.waitForFunction((nid) => window.cy.getElementById(nid).style('text-wrap') === 'ellipsis', target);
    // Focus on the actor in a list: the Bobbie panel lists its partners.
    await page.fill('#search', 'Bobbie');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel-body .collaborators .actor-link');
    const partner = await page.getAttribute('#panel-body .collaborators .actor-link >> nth=0', 'data-actor');
    await page.focus('#panel-body .collaborators .actor-link >> nth=0');
    await page.waitForFunction((nid) => window.cy.getElementById(`actor:${nid}`).hasClass('hovered'), partner);
    await page.click('#panel-close');
  });
});
