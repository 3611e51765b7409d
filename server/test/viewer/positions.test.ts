/**
 * Map positions kept on the server: an editor arranges the seed's map (its first layout is saved,
 * then a node dragged by hand), and a second browser — a viewer on another screen — opens the same
 * view with exactly those positions and without a layout run; the viewer's own drag saves nothing;
 * the topic view has positions of its own. Headless Chromium against the real server.
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

type Positions = Record<string, { x: number; y: number }>;

const positionsOf = (page: Page): Promise<Positions> =>
  page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    window.cy.nodes().forEach((n) => void (out[n.id()] = { ...n.position() }));
    return out;
  });

const saves = (page: Page): Promise<number> => page.evaluate(() => window.quartiernetz.positions.saves);

/** Drags a node by `dx`, `dy` screen pixels with the mouse. */
async function drag(page: Page, nodeId: string, dx: number, dy: number): Promise<void> {
  const from = await page.evaluate((id) => {
    const p = window.cy.getElementById(id).renderedPosition();
    const box = window.cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, nodeId);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + (dx * i) / 5, from.y + (dy * i) / 5);
  await page.mouse.up();
}

browserSuite('map positions kept on the server', () => {
  jest.setTimeout(120_000);
  let server: ViewerServer;
  let editor: ViewerBrowser;
  let viewer: ViewerBrowser;

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    editor = await openBrowser(suggestionsMissing);
    viewer = await openBrowser(suggestionsMissing);
  });

  afterAll(async () => {
    await editor?.browser.close();
    await viewer?.browser.close();
    await server?.close();
  });

  test('an editor arranges the map; a viewer in another browser gets the same positions without a layout run', async () => {
    const editorKey = await server.issueKey('Quartiersbüro', 'EDITOR');
    const page = editor.page;
    await page.goto(server.url('/', editorKey));
    await waitReady(page);
    expect(await page.evaluate(() => window.quartiernetz.timings.layoutMs)).toBeGreaterThan(0); // nothing saved yet
    // The first layout of a view is saved for everyone by the editor's page.
    await page.waitForFunction(() => window.quartiernetz.positions.saves === 1);
    const first = await server.service.reads.viewPositions('actors');
    expect(first).toMatchObject({ version: 1, author: 'key:Quartiersbüro' });
    expect(first!.positions).toHaveLength(await page.evaluate(() => window.cy.nodes().length));

    // Arranged by hand: a dragged node is saved (once, after the drag).
    const before = await positionsOf(page);
    await drag(page, 'actor:bobbie-ev', 120, -80);
    await page.waitForFunction(() => window.quartiernetz.positions.saves === 2);
    const arranged = await positionsOf(page);
    const moved = arranged['actor:bobbie-ev']!;
    expect(Math.hypot(moved.x - before['actor:bobbie-ev']!.x, moved.y - before['actor:bobbie-ev']!.y)).toBeGreaterThan(
      40,
    );
    const saved = await server.service.reads.viewPositions('actors');
    expect(saved!.version).toBe(2);
    const savedBobbie = saved!.positions.find((p) => p.id === 'actor:bobbie-ev')!;
    expect(savedBobbie.x).toBeCloseTo(moved.x, 0);
    expect(savedBobbie.y).toBeCloseTo(moved.y, 0);
    await shot(page, 'positions-editor');

    // Another browser, a viewer (a projector's key): the same positions, no layout run.
    const viewerKey = await server.issueKey('Beamer', 'VIEWER');
    const other = viewer.page;
    await other.goto(server.url('/', viewerKey));
    await waitReady(other);
    expect(await other.evaluate(() => window.quartiernetz.timings.layoutMs)).toBe(0);
    const seen = await positionsOf(other);
    expect(Object.keys(seen).sort()).toEqual(Object.keys(arranged).sort());
    for (const [id, p] of Object.entries(arranged)) {
      expect(Math.abs(seen[id]!.x - p.x)).toBeLessThanOrEqual(0.06);
      expect(Math.abs(seen[id]!.y - p.y)).toBeLessThanOrEqual(0.06);
    }
    await other.setViewportSize({ width: 1400, height: 900 });
    await other.waitForTimeout(400);
    await shot(other, 'positions-viewer-1400');
    await other.setViewportSize({ width: 800, height: 700 });
    await other.click('#fit');
    await other.waitForTimeout(600);
    await shot(other, 'positions-viewer-800');
    await other.setViewportSize({ width: 1400, height: 860 });

    // The viewer's own drag stays in its page: nothing is written.
    await drag(other, 'actor:bobbie-ev', -150, 60);
    await other.waitForTimeout(1500);
    expect(await saves(other)).toBe(0);
    expect((await server.service.reads.viewPositions('actors'))!.version).toBe(2);
  });

  test('"Neu anordnen" by the editor is saved; the topic view keeps positions of its own', async () => {
    const page = editor.page;
    const version = (await server.service.reads.viewPositions('actors'))!.version;
    await page.click('#relayout');
    await waitReady(page);
    await page.waitForFunction((n) => window.quartiernetz.positions.lastVersion === n, version + 1);
    expect(await page.evaluate(() => window.quartiernetz.timings.layoutMs)).toBeGreaterThan(0);

    expect(await server.service.reads.viewPositions('topics')).toBeNull();
    await page.click('#filter-topic-view');
    await page.waitForFunction(
      () =>
        document.body.dataset.state === 'ready' && (window.quartiernetz.view as { scope: string }).scope === 'topics',
    );
    await page.waitForFunction(() => window.quartiernetz.positions.saves >= 4);
    const topics = await server.service.reads.viewPositions('topics');
    expect(topics!.positions.some((p) => p.id.startsWith('topic:'))).toBe(true);
    // The actor map's positions are untouched by the topic view's.
    expect((await server.service.reads.viewPositions('actors'))!.version).toBe(version + 1);
  });

  test('no console errors', () => {
    expect(editor.errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
  });
});
