/**
 * The viewer end to end, years, hand-over and messages: the built page in a real headless Chromium
 * (Debian's /usr/bin/chromium through playwright-core) against the real server on an in-memory
 * embedded store with the Batenbrock seed (viewer-setup.ts) — the year buttons, the "what if they
 * leave" view, no console errors, and how the page shows a cut-off network and a server error.
 * The map itself: viewer-map.test.ts.
 *
 * Without Chromium the suite is skipped locally and fails under CI=true (CI installs it).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, type ViewerServer } from './harness';
import { seedActors, useViewerPage } from './viewer-setup';

browserSuite('viewer in headless Chromium', () => {
  jest.setTimeout(60_000);
  let server: ViewerServer;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  const { state, shot, graphql, clickNode } = useViewerPage(
    (started) => ({ server, context, page, consoleErrors } = started),
  );

  test('year buttons: the network in 2021 and in 2023, positions kept', async () => {
    const before = new Map(await page.evaluate(() => window.cy.nodes().map((n) => [n.id(), n.position()] as const)));
    // The year buttons come with their own request after the first picture: wait for them.
    await page.waitForSelector('#filter-years [data-year="2023"]');
    const years = await page.$$eval('#filter-years [data-year]', (els) =>
      els.map((el) => el.getAttribute('data-year')),
    );
    expect(years).toEqual(['all', '2021', '2022', '2023']);
    const yearView = async (year: string) => {
      await page.click(`#filter-years [data-year="${year}"]`);
      // Wait for the view drawn with that year (the page keeps the filter of what it drew).
      await page.waitForFunction(
        (y) =>
          document.body.dataset.state === 'ready' &&
          (window.quartiernetz.view as { filter?: { from?: string } })?.filter?.from === `${y}-01-01`,
        year,
      );
      await page.waitForFunction(
        (y) => document.querySelector(`#filter-years [data-year="${y}"]`)?.getAttribute('aria-pressed') === 'true',
        year,
      );
      expect(await page.inputValue('#filter-to')).toBe(`31.12.${year}`);
      return page.evaluate(() => window.cy.nodes().map((n) => [n.id(), n.position()] as const));
    };
    const in2021 = await yearView('2021');
    await shot('07-year-2021');
    const in2023 = await yearView('2023');
    for (const view of [in2021, in2023]) {
      expect(view.length).toBeGreaterThan(0);
      expect(view.length).toBeLessThan(seedActors);
      for (const [id, p] of view) expect(before.get(id)).toEqual(p);
    }
    expect(in2023.map(([id]) => id).sort()).not.toEqual(in2021.map(([id]) => id).sort());
    await page.click('#filter-years [data-year="all"]');
    await page.waitForFunction(
      (all) =>
        document.body.dataset.state === 'ready' &&
        !(window.quartiernetz.view as { filter?: { from?: string } })?.filter?.from &&
        window.cy.nodes('[type="ACTOR"]').length === all,
      seedActors,
    );
    expect(await page.inputValue('#filter-from')).toBe('');
  });

  test('what if the district agency leaves: nobody drops out, the city now bridges most', async () => {
    const AGENCY = 'stadtteilagentur-batenbrock';
    await clickNode(`actor:${AGENCY}`);
    await page.waitForSelector('#panel-what-if');
    await page.click('#panel-what-if');
    await page.waitForSelector('#handover-brokers li');
    expect(await page.isHidden('#panel')).toBe(true);
    const api = await graphql(
      `{ resilience(removeActorIds: ["${AGENCY}"], first: 8) { disconnectedCount isolatedCount brokers { rank rankBefore actor { id } } } }`,
    );
    const brokers = await page.$$eval('#handover-brokers li', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-actor'),
        rank: Number(el.getAttribute('data-rank')),
        before: Number(el.getAttribute('data-rank-before')),
        text: el.textContent,
      })),
    );
    expect(brokers[0]).toMatchObject({ id: 'stadt-bottrop', rank: 1, before: 2 });
    expect(brokers[0].text).toContain('Stadt Bottrop');
    expect(brokers[0].text).toContain('Platz 1 (vorher 2)');
    expect(brokers.map((b) => [b.id, b.rank, b.before])).toEqual(
      api.resilience.brokers.map((b: any) => [b.actor.id, b.rank, b.rankBefore]),
    );
    expect(api.resilience.disconnectedCount + api.resilience.isolatedCount).toBe(0);
    expect(await page.textContent('#handover-summary')).toContain('Niemand verliert den Anschluss');
    const model = await page.evaluate(
      (id) => ({
        removed: window.cy.nodes('.removed').map((n) => n.id()),
        removedEdges: window.cy.getElementById(`actor:${id}`).connectedEdges().not('.removed').length,
        brokers: window.cy.nodes('.broker').map((n) => n.id()),
        cityLabel: window.cy.getElementById('actor:stadt-bottrop').style('label'),
        dropped: window.cy.nodes('.dropped').length,
      }),
      AGENCY,
    );
    expect(model.removed).toEqual([`actor:${AGENCY}`]);
    expect(model.removedEdges).toBe(0);
    expect(model.brokers).toContain('actor:stadt-bottrop');
    expect(model.cityLabel).toBe('2 → 1 · Stadt Bottrop');
    expect(model.dropped).toBe(0);
    expect(await page.textContent('#legend-list')).toContain('Verbindet jetzt');
    await shot('08-handover-agency');
  });

  test('what if the city leaves too: a click on the map takes it out, the lists follow the API', async () => {
    await clickNode('actor:stadt-bottrop');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#handover-removed li').length === 2 &&
        !!document.querySelector('#handover-brokers li'),
    );
    const api = await graphql(`
      {
        resilience(removeActorIds: ["stadtteilagentur-batenbrock", "stadt-bottrop"], first: 8) {
          disconnectedActors {
            id
          }
          isolatedActors {
            id
          }
          brokers {
            actor {
              id
            }
          }
        }
      }
    `);
    const dropped = [
      ...new Set(
        [...api.resilience.disconnectedActors, ...api.resilience.isolatedActors].map((a: any) => `actor:${a.id}`),
      ),
    ].sort();
    const model = await page.evaluate(() => ({
      removed: window.cy
        .nodes('.removed')
        .map((n) => n.id())
        .sort(),
      dropped: window.cy
        .nodes('.dropped')
        .map((n) => n.id())
        .sort(),
      listed: [...document.querySelectorAll('#handover-dropped li')]
        .map((li) => `actor:${li.getAttribute('data-actor')}`)
        .sort(),
      brokers: [...document.querySelectorAll('#handover-brokers li')].map((li) => li.getAttribute('data-actor')),
    }));
    expect(model.removed).toEqual(['actor:stadt-bottrop', 'actor:stadtteilagentur-batenbrock']);
    expect(model.dropped).toEqual(dropped);
    expect(model.listed).toEqual(dropped);
    expect(model.brokers).toEqual(api.resilience.brokers.map((b: any) => b.actor.id));
    expect(model.brokers).not.toContain('stadt-bottrop');
    await shot('09-handover-agency-and-city');
    // Put the city back with its chip's ×; closing the view clears the map.
    await page.click('#handover-x-stadt-bottrop');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#handover-removed li').length === 1 &&
        document.querySelector('#handover-brokers li')?.getAttribute('data-actor') === 'stadt-bottrop',
    );
    await page.click('#handover-close');
    expect(await page.evaluate(() => window.cy.elements('.removed, .broker, .dropped').length)).toBe(0);
    expect(await page.isHidden('#handover')).toBe(true);
  });

  test('the hand-over view opens from the toolbar and takes actors out by search', async () => {
    await page.click('#handover-open');
    await page.fill('#handover-input', 'Stadtteilagentur');
    await page.waitForSelector('#handover .picker [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#handover-brokers li')?.getAttribute('data-actor') === 'stadt-bottrop',
    );
    await page.keyboard.press('Escape'); // leaves the field's list
    await page.click('#handover-close');
  });

  test('no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  describe('messages', () => {
    let other: Page;
    afterEach(async () => other?.close());

    test('a network the API cuts off is shown as its clusters, and the page says the ties between them are missing', async () => {
      other = await context.newPage();
      await other.route('**/graphql', async (route) => {
        if (route.request().postData()?.includes('query Network')) {
          await route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({
              data: {
                compactNetwork: {
                  truncated: true,
                  tieCount: 0,
                  ...Object.fromEntries(
                    ['actorIds', 'actorNames', 'actorKinds', 'actorSizes', 'tieSources', 'tieTargets', 'tieWeights']
                      .concat(['topicIds', 'topicNames', 'topicSizes', 'interestActors', 'interestTopics'])
                      .map((list) => [list, []]),
                  ),
                },
              },
            }),
          });
        } else await route.continue();
      });
      await other.goto(server.url('/'));
      await other.waitForFunction(
        () => document.body.dataset.state === 'ready' && window.quartiernetz.viewKind === 'clusters',
      );
      const api = await graphql('{ clusters(minSize: 2, first: 1000) { count } }');
      expect(await other.evaluate(() => window.cy.nodes('[type="CLUSTER"]').length)).toBe(api.clusters.count);
      expect(await other.evaluate(() => window.cy.nodes('[type="ACTOR"]').length + window.cy.edges().length)).toBe(0);
      expect(await other.textContent('#cluster-hint')).toMatch(/zu viele, um sie einzeln zu zeigen/);
      expect(await other.textContent('#ties-unknown')).toContain('höchstens 5.000 Akteure');
    });

    test('a server error is shown clearly, with a retry', async () => {
      other = await context.newPage();
      await other.route('**/graphql', async (route) => {
        if (route.request().postData()?.includes('query Network')) {
          await route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
          });
        } else await route.continue();
      });
      await other.goto(server.url('/'));
      await other.waitForFunction(() => document.body.dataset.state === 'error');
      expect(await other.textContent('#status')).toContain('Der Server meldet einen Fehler: boom');
      await other.unroute('**/graphql');
      await other.click('#status button');
      await other.waitForFunction(() => document.body.dataset.state === 'ready');
      expect(await state()).toBe('ready');
    });
  });
});
