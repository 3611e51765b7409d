/**
 * Labels readable at scale (2,000 generated actors, 1400×900 and 800 px): the cluster names at the
 * first fit are at least 11 px on screen, so are the topic labels and the labels of highlighted
 * actors; every cluster is named; the full name shows on hover and on keyboard focus (#map-tip); the
 * labels of highlighted actors (here: the brokers of the hand-over view) do not overlap, nor do the
 * topic and actor labels of the topic view (only the actors whose label fits are named). Headless Chromium against the
 * real server; sizes are Cytoscape's own (renderedStyle, renderedBoundingBox).
 */
import type { NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { generateNetwork } from '../../../seed/generate';
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

const MIN_PX = 12;
/** Rounding of the rendered size (the layer sets it to exactly 12 px on screen). */
const PX_SLACK = 0.01;
const PREFIX = process.env.LABELS_SHOT_PREFIX ?? 'labels';

/** Long, similar names, as a quarter has them: cut at ~18 characters they say nothing. */
const LONG = [
  'Grundschule am Stadtpark',
  'Kulturwerkstatt Nordstadt e.V.',
  'Nachbarschaftsinitiative Lindenplatz',
  'Jugendzentrum Alte Feuerwache',
  'Seniorenbegegnungsstätte Sonnenhof',
];

interface LabelBox {
  id: string;
  text: string;
  px: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

/** The drawn labels of the nodes matching `selector`: text, on-screen font size, label-only box. */
const labelsOf = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const cy = window.cy;
    return cy
      .nodes(sel)
      .filter((n) => n.visible() && n.style('label') !== '' && Number(n.style('text-opacity')) > 0.5)
      .map((n) => {
        const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        return {
          id: n.id(),
          text: n.style('label') as string,
          px: parseFloat(n.renderedStyle('font-size') as string),
          box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
        };
      });
  }, selector) as Promise<LabelBox[]>;

/** The map's labels are placed once the view rests (viewer/src/labels.ts). */
const labelsPlaced = (page: Page) =>
  page.waitForFunction(() => document.getElementById('map')!.parentElement!.dataset.labels === 'placed', null, {
    timeout: 10_000,
  });

const overlaps = (a: LabelBox['box'], b: LabelBox['box']) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function overlapping(labels: LabelBox[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (overlaps(labels[i].box, labels[j].box)) out.push([labels[i].text, labels[j].text]);
  return out;
}

const summary = (labels: LabelBox[]) => {
  const px = labels.map((l) => l.px).sort((a, b) => a - b);
  return `${labels.length} labels, ${px[0]?.toFixed(1)}–${px[px.length - 1]?.toFixed(1)} px (median ${px[Math.floor(px.length / 2)]?.toFixed(1)})`;
};

browserSuite('viewer: labels readable at 2,000 actors', () => {
  jest.setTimeout(180_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  beforeAll(async () => {
    const data = generateNetwork({ actors: 2000, hubs: 3 });
    data.actors.forEach((a, i) => (a.name = `${LONG[i % LONG.length]} ${i + 1}`));
    server = await startViewerServer(data);
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  for (const [width, height] of [
    [1400, 900],
    [800, 900],
  ]) {
    test(`${width}×${height}: the cluster names at the first fit are at least ${MIN_PX} px`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto('about:blank'); // the same address with another fragment would not load again
      await page.goto(server.url('/'));
      await waitReady(page);
      expect(await page.evaluate(() => window.quartiernetz.viewKind)).toBe('clusters');
      await labelsPlaced(page);
      const clusters = await labelsOf(page, '[type="CLUSTER"]');
      const all = await page.evaluate(() => window.cy.nodes('[type="CLUSTER"]').length);
      console.log(`clusters at ${width}×${height}: ${all} clusters, ${summary(clusters)}`);
      await shot(page, `${PREFIX}-2000-clusters-${width}`);
      // Every cluster is named on the map (a name with no room beside its node is set off from it).
      expect(clusters.length).toBe(all);
      for (const c of clusters) expect(c.px).toBeGreaterThanOrEqual(MIN_PX - PX_SLACK);
      expect(overlapping(clusters)).toEqual([]);
    });
  }

  test('hover and keyboard focus show the full name (#map-tip)', async () => {
    const target = await page.evaluate(() => {
      const n = window.cy.nodes('[type="CLUSTER"]').last();
      const p = n.renderedPosition();
      const box = window.cy.container()!.getBoundingClientRect();
      return { id: n.data('entityId') as string, name: n.data('name') as string, x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(target.x, target.y);
    await page.waitForSelector('#map-tip:not([hidden])');
    expect(await page.textContent('#map-tip')).toContain(target.name);
    await page.mouse.move(2, 2);
    await page.waitForSelector('#map-tip', { state: 'hidden' });
    await page.focus(`#cluster-items button[data-cluster="${target.id}"]`);
    await page.waitForSelector('#map-tip:not([hidden])');
    expect(await page.textContent('#map-tip')).toContain(target.name);
  });

  test('all 2,000 actors drawn, a hub taken out: the brokers are labelled in full, readable, not overlapping', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto('about:blank');
    await page.goto(server.url('/?all=1'));
    await waitReady(page);
    expect(await page.evaluate(() => window.cy.nodes('[type="ACTOR"]').length)).toBe(2000);
    await page.evaluate(() => window.cy.getElementById('actor:a000000').emit('tap'));
    await page.waitForSelector('#panel-what-if');
    await page.click('#panel-what-if');
    await page.waitForSelector('#handover-brokers li');
    await page.waitForFunction(() => window.cy.nodes('.broker').length > 0);
    await labelsPlaced(page);
    const brokers = await page.evaluate(() =>
      window.cy.nodes('.broker').map((n) => ({ id: n.id(), label: n.data('brokerLabel') as string })),
    );
    const shown = await labelsOf(page, '.broker');
    console.log(`brokers at 1400×900 (?all=1): ${brokers.length} brokers, ${summary(shown)}`);
    await shot(page, `${PREFIX}-2000-handover-1400`);
    expect(shown.length).toBeGreaterThan(0);
    for (const l of shown) {
      expect(l.px).toBeGreaterThanOrEqual(MIN_PX - PX_SLACK);
      expect(brokers.find((b) => b.id === l.id)?.label).toBe(l.text);
    }
    expect(overlapping(shown)).toEqual([]);
    // A broker whose label gave way still has its full name on the map when its entry in the list
    // gets keyboard focus (hovering it in the dense core may reach a node drawn over it instead).
    const hidden = brokers.find((b) => !shown.some((l) => l.id === b.id)) ?? brokers[0];
    const entity = await page.evaluate((id) => window.cy.getElementById(id).data('entityId') as string, hidden.id);
    await page.focus(`#handover-brokers li[data-actor="${entity}"] button`);
    await page.waitForSelector('#map-tip:not([hidden])');
    expect(await page.textContent('#map-tip')).toContain(hidden.label);
    await page.keyboard.press('Tab');
  });

  for (const [width, height] of [
    [1400, 900],
    [800, 900],
  ])
    test(`topics as nodes, ${width}×${height}: topic and actor labels shown are readable and do not overlap`, async () => {
      // A fresh page: the view fitted to this width (the positions are kept from the view before).
      await page.setViewportSize({ width, height });
      await page.goto('about:blank');
      await page.goto(server.url('/?all=1'));
      await waitReady(page);
      await page.check('#filter-topic-view');
      await page.waitForFunction(
        () => document.body.dataset.state === 'ready' && window.cy.nodes('[type="TOPIC"]').length > 0,
      );
      await labelsPlaced(page);
      const topics = await labelsOf(page, '[type="TOPIC"]');
      const actors = await labelsOf(page, '[type="ACTOR"]');
      const all = await page.evaluate(() => window.cy.nodes('[type="TOPIC"]').length);
      console.log(
        `topics at ${width}×${height} (?all=1): ${all} topics, ${summary(topics)}; 2,000 actors, ${summary(actors)}`,
      );
      await shot(page, `${PREFIX}-2000-topics-${width}`);
      expect(topics.length).toBeGreaterThan(0);
      // The biggest actors in view are measured for a label, not all 2,000; each is named only where
      // its label fits (how many fit depends on the layout: none is possible on a narrow map), in full.
      const measured = await page.evaluate(() => window.cy.nodes('[type="ACTOR"].screen-label').map((n) => n.id()));
      expect(measured.length).toBeGreaterThan(0);
      expect(measured.length).toBeLessThan(2000);
      for (const l of actors) expect(measured).toContain(l.id);
      const names = await page.evaluate(() =>
        Object.fromEntries(window.cy.nodes('[type="ACTOR"]').map((n) => [n.id(), n.data('label') as string])),
      );
      for (const l of actors) expect(l.text).toBe(names[l.id]);
      for (const l of [...topics, ...actors]) expect(l.px).toBeGreaterThanOrEqual(MIN_PX - PX_SLACK);
      expect(overlapping([...topics, ...actors])).toEqual([]);
      // An actor without a label shows its full name when hovered.
      const unnamed = await page.evaluate(() => {
        // One that no other node lies over (the mouse reaches it, not a neighbour).
        const bodies = (window.cy.nodes().toArray() as NodeSingular[]).map((o) => ({
          id: o.id(),
          b: o.boundingBox({ includeLabels: false }),
        }));
        const node = (window.cy.nodes('[type="ACTOR"]').toArray() as NodeSingular[])
          .filter((n) => n.style('label') === '')
          .find((n) => {
            const p = n.position();
            return !bodies.some(
              ({ id, b }) => id !== n.id() && p.x > b.x1 - 10 && p.x < b.x2 + 10 && p.y > b.y1 - 10 && p.y < b.y2 + 10,
            );
          })!;
        window.cy.zoom(3);
        window.cy.center(node);
        const p = node.renderedPosition();
        const box = window.cy.container()!.getBoundingClientRect();
        return { name: node.data('label') as string, x: box.left + p.x, y: box.top + p.y };
      });
      await page.mouse.move(unnamed.x, unnamed.y);
      await page.waitForSelector('#map-tip:not([hidden])');
      expect(await page.textContent('#map-tip')).toContain(unnamed.name);
      await page.mouse.move(2, 2);
    });
});
