/**
 * A big map drawn in two steps (viewer/src/final-layout.ts): a node the reader drags while the
 * preliminary arrangement is shown stays where she dropped it once the final layout is in, and the
 * view's kept positions on the server hold it; an actor clicked meanwhile stays selected,
 * highlighted and at its place on the screen. The layout worker's script is held back (a slow
 * network for that one file) so the reader's gesture certainly comes before fcose's layout.
 * Headless Chromium against the real server.
 */
import type { Page } from 'playwright-core';
import { generateNetwork } from '../../../seed/generate';
import { browserSuite, openBrowser, shot, startViewerServer, suggestionsMissing, type ViewerServer } from './harness';

type Point = { x: number; y: number };

/** Holds the layout worker's script back until `release` is called. */
async function holdWorker(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/layout-worker.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits for the status box of the preliminary arrangement, with every tie drawn. */
async function waitPreliminary(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.body.dataset.state === 'layout' &&
      document.querySelector('#status .message')?.textContent?.startsWith('Vorläufige Anordnung') === true &&
      window.cy.edges().nonempty(),
    null,
    { timeout: 60_000 },
  );
}

/** A node on the left half of the map, away from the status box: its id and where it is on the page. */
const nodeToTouch = (page: Page) =>
  page.evaluate(() => {
    const cy = window.cy;
    const box = cy.container()!.getBoundingClientRect();
    const aim = { x: box.width * 0.25, y: box.height * 0.3 };
    const status = document.getElementById('status')!.getBoundingClientRect();
    let best = { id: '', d: Infinity, x: 0, y: 0 };
    cy.nodes('[type="ACTOR"]').forEach((n) => {
      const p = n.renderedPosition();
      const d = Math.hypot(p.x - aim.x, p.y - aim.y);
      const x = box.left + p.x;
      const y = box.top + p.y;
      if (x > status.left - 10 && x < status.right + 10 && y > status.top - 10 && y < status.bottom + 10) return;
      if (d < best.d) best = { id: n.id(), d, x, y };
    });
    return best;
  });

const modelPosition = (page: Page, id: string): Promise<Point> =>
  page.evaluate((nodeId) => ({ ...window.cy.getElementById(nodeId).position() }), id);

const waitReady = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });

browserSuite('a big map laid out in two steps, and the reader meanwhile', () => {
  jest.setTimeout(180_000);
  let server: ViewerServer;

  beforeAll(async () => {
    server = await startViewerServer(generateNetwork({ actors: 900 }));
  });

  afterAll(async () => {
    await server?.close();
  });

  test('a node dragged before the final layout stays where it was dropped, and is saved there', async () => {
    const { browser, page, errors } = await openBrowser(suggestionsMissing);
    try {
      await page.setViewportSize({ width: 1400, height: 900 });
      const release = await holdWorker(page);
      await page.goto(server.url('/?all=1'));
      await waitPreliminary(page);
      const node = await nodeToTouch(page);
      const before = await modelPosition(page, node.id);
      await page.mouse.move(node.x, node.y);
      await page.mouse.down();
      for (let i = 1; i <= 6; i++) await page.mouse.move(node.x + i * 20, node.y - i * 12);
      await page.mouse.up();
      const dropped = await modelPosition(page, node.id);
      expect(Math.hypot(dropped.x - before.x, dropped.y - before.y)).toBeGreaterThan(40);
      const others = await page.evaluate(() => window.cy.nodes().map((n) => ({ id: n.id(), ...n.position() })));

      release(); // fcose's layout can come now
      await waitReady(page);
      // Past the time fcose takes here: nothing moves later on either.
      await page.waitForTimeout(4000);
      const after = await modelPosition(page, node.id);
      expect(Math.abs(after.x - dropped.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(after.y - dropped.y)).toBeLessThanOrEqual(2);
      // The rest of her arrangement is kept with it: the preliminary one.
      const moved = await page.evaluate(
        (list) =>
          list.filter(
            (o) =>
              Math.hypot(
                window.cy.getElementById(o.id).position('x') - o.x,
                window.cy.getElementById(o.id).position('y') - o.y,
              ) > 2,
          ).length,
        others,
      );
      expect(moved).toBe(0);
      await shot(page, 'preliminary-drag-1400');

      const kept = await server.service.reads.viewPositions('actors:all');
      const saved = kept!.positions.find((p) => p.id === node.id)!;
      expect(Math.abs(saved.x - dropped.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(saved.y - dropped.y)).toBeLessThanOrEqual(2);
      expect(kept!.positions).toHaveLength(others.length);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('an actor clicked before the final layout stays selected, highlighted and at its place on the screen', async () => {
    const { browser, page, errors } = await openBrowser(suggestionsMissing);
    try {
      await page.setViewportSize({ width: 1400, height: 900 });
      const release = await holdWorker(page);
      await page.goto(server.url('/?all=1'));
      await waitReady(page); // the positions kept by the first test: no layout needed
      await page.click('#relayout'); // "Neu anordnen": the two steps again, fcose held back
      await waitPreliminary(page);
      const node = await nodeToTouch(page);
      const before = await page.evaluate(() => window.cy.nodes().map((n) => ({ id: n.id(), ...n.position() })));
      await page.mouse.click(node.x, node.y);
      await page.waitForFunction((id) => document.getElementById('panel')?.dataset.actorId === id.slice(6), node.id);
      await page.waitForTimeout(500); // the panel opened beside the map: it was resized
      const look = (id: string) =>
        page.evaluate((nodeId) => {
          const n = window.cy.getElementById(nodeId);
          return {
            screen: { ...n.renderedPosition() },
            selected: window.cy.nodes(':selected').map((x) => x.id()),
            centre: window.cy.nodes('.centre').map((x) => x.id()),
            ego: window.cy
              .elements('.ego')
              .map((x) => x.id())
              .sort(),
            faded: window.cy.elements('.faded').length,
            // How big the whole map is on the screen (its larger side, in pixels).
            size: (() => {
              const xs = window.cy.nodes().map((x) => x.position('x'));
              const ys = window.cy.nodes().map((x) => x.position('y'));
              const side = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
              return side * window.cy.zoom();
            })(),
          };
        }, id);
      const clicked = await look(node.id);
      expect(clicked.selected).toEqual([node.id]);
      expect(clicked.centre).toEqual([node.id]);
      expect(clicked.ego.length).toBeGreaterThan(1);

      release();
      await waitReady(page);
      // The final layout was applied: the map is fcose's now, not the preliminary one.
      const moved = await page.evaluate(
        (list) =>
          list.filter((o) => {
            const p = window.cy.getElementById(o.id).position();
            return Math.hypot(p.x - o.x, p.y - o.y) > 40;
          }).length,
        before,
      );
      expect(moved).toBeGreaterThan(before.length / 2);
      const settled = await look(node.id);
      expect(Math.abs(settled.screen.x - clicked.screen.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(settled.screen.y - clicked.screen.y)).toBeLessThanOrEqual(2);
      expect({ ...settled, screen: null, size: null }).toEqual({ ...clicked, screen: null, size: null });
      // Not fitted anew (the panel's opening moved the map), but as big on the screen as before.
      expect(settled.size / clicked.size).toBeGreaterThan(0.8);
      expect(settled.size / clicked.size).toBeLessThan(1.25);
      await shot(page, 'preliminary-click-1400');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
