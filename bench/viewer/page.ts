/**
 * Measurements in the page: how long until the first picture (and its parts, from the viewer's own
 * `window.quartiernetz.timings`), frame times during real mouse gestures (drag and wheel through
 * page.mouse — the browser's input pipeline, not cy.panBy), the PNG export and the JS heap.
 */
import type { Page } from 'playwright-core';

/** The viewer's timings (viewer/src/main.ts). */
export interface ViewTimings {
  fetchMs: number;
  prepareMs: number;
  layoutMs: number;
  placeMs: number;
  renderMs: number;
  frameMs: number;
  /** performance.now() at the first picture: ms since the navigation started. */
  firstPictureMs: number | null;
  /** performance.now() once every tie is drawn and a quick first arrangement replaced by the final layout. */
  completeMs?: number | null;
}

export interface Picture extends ViewTimings {
  actors: number;
  edges: number;
  state: string;
}

/** What the page exposes (viewer/src/main.ts), seen from here; no global declaration, the tests have their own. */
type ViewerWindow = {
  cy: import('cytoscape').Core;
  quartiernetz: { state: string; timings: ViewTimings; exportPng(): Promise<Blob> };
  __frames?: number[];
  __recording?: boolean;
};

/** tsx keeps function names with a helper the page does not have; functions sent to the page need it. */
export const PAGE_INIT = 'globalThis.__name = (f) => f;';

/** Waits for the first picture after a navigation (or a timeout) and reads what the page timed. */
export async function firstPicture(
  page: Page,
  timeoutMs: number,
): Promise<Picture | { timedOut: true; afterMs: number; state: string }> {
  const started = Date.now();
  try {
    await page.waitForFunction(
      () => {
        const state = document.body.dataset.state ?? '';
        return (
          ['large', 'empty', 'error'].includes(state) ||
          (state === 'ready' && (window as unknown as ViewerWindow).quartiernetz.timings.firstPictureMs !== null)
        );
      },
      null,
      { timeout: timeoutMs, polling: 100 },
    );
  } catch {
    return {
      timedOut: true,
      afterMs: Date.now() - started,
      state: await page.evaluate(() => document.body.dataset.state ?? ''),
    };
  }
  return page.evaluate(() => {
    const w = window as unknown as ViewerWindow;
    return {
      ...w.quartiernetz.timings,
      state: document.body.dataset.state ?? '',
      actors: w.cy.nodes('[type="ACTOR"]').length,
      edges: w.cy.edges().length,
    };
  });
}

export interface Frames {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
  /** The gesture really moved the map (pan or zoom changed), so the frames were the map's. */
  moved: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function record(page: Page, gesture: () => Promise<void>): Promise<Frames> {
  const viewport = () =>
    page.evaluate(() => {
      const cy = (window as unknown as ViewerWindow).cy;
      return `${cy.zoom()}:${cy.pan().x}:${cy.pan().y}`;
    });
  const before = await viewport();
  await page.evaluate(() => {
    const w = window as unknown as ViewerWindow;
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames!.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await sleep(100);
  await gesture();
  const frames = await page.evaluate(() => {
    const w = window as unknown as ViewerWindow;
    w.__recording = false;
    return w.__frames!;
  });
  const moved = (await viewport()) !== before;
  const intervals = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .slice(1)
    .sort((a, b) => a - b);
  const at = (p: number) =>
    intervals[Math.min(intervals.length - 1, Math.max(0, Math.ceil(p * intervals.length) - 1))] ?? NaN;
  const median = at(0.5);
  return {
    frames: intervals.length,
    medianMs: median,
    p95Ms: at(0.95),
    maxMs: intervals[intervals.length - 1] ?? NaN,
    fps: 1000 / median,
    moved,
  };
}

/**
 * A point of the map with no node and no edge under it: a drag there pans; on a node it would move
 * the node, and on an edge Cytoscape would not pan either (at 5,000 actors the drawn ties cover
 * much of the map, so a spot clear of nodes alone was sometimes on a tie and the map did not move).
 */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = (window as unknown as ViewerWindow).cy;
    const box = cy.container()!.getBoundingClientRect();
    const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: false }));
    // Edges are straight or haystack lines: the segment between their rendered end points.
    const segments = cy.edges().map((e) => {
      const a = e.renderedSourceEndpoint();
      const b = e.renderedTargetEndpoint();
      return [a.x, a.y, b.x, b.y];
    });
    const toSegment = (x: number, y: number, [ax, ay, bx, by]: number[]) => {
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    };
    let best = { x: box.width / 2, y: box.height / 2, clear: -1 };
    for (let gx = 1; gx < 20; gx++) {
      for (let gy = 1; gy < 14; gy++) {
        const x = (gx * box.width) / 20;
        const y = (gy * box.height) / 14;
        let clear = Infinity;
        for (const b of boxes) {
          const dx = Math.max(b.x1 - x, 0, x - b.x2);
          const dy = Math.max(b.y1 - y, 0, y - b.y2);
          clear = Math.min(clear, Math.hypot(dx, dy));
          if (clear < best.clear) break;
        }
        if (clear > best.clear) {
          for (const s of segments) {
            clear = Math.min(clear, toSegment(x, y, s));
            if (clear < best.clear) break;
          }
        }
        if (clear > best.clear) best = { x, y, clear };
      }
    }
    return { x: box.left + best.x, y: box.top + best.y };
  });
}

/** Pans the map by dragging its background: 60 mouse moves, one every 16 ms (a hand at 60 Hz). */
export async function dragGesture(page: Page): Promise<Frames> {
  const start = await emptySpot(page);
  return record(page, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      const a = (i / 60) * 2 * Math.PI;
      await page.mouse.move(start.x + 120 * Math.sin(a), start.y + 60 * (1 - Math.cos(a)));
      await sleep(16);
    }
    await page.mouse.up();
  });
}

/** Zooms in and out again with the mouse wheel over the middle of the map: 30 notches, one every 30 ms. */
export async function wheelGesture(page: Page): Promise<Frames> {
  const centre = await page.evaluate(() => {
    const box = document.getElementById('map')!.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  return record(page, async () => {
    await page.mouse.move(centre.x, centre.y);
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, i < 15 ? -120 : 120);
      await sleep(30);
    }
  });
}

export interface PngExport {
  ms: number;
  bytes: number;
  width: number;
  height: number;
}

/** The page's own export (the button's code path): a size-limited PNG as a Blob. */
export function pngExport(page: Page): Promise<PngExport> {
  return page.evaluate(async () => {
    const started = performance.now();
    const blob = await (window as unknown as ViewerWindow).quartiernetz.exportPng();
    const ms = performance.now() - started;
    const head = new DataView(await blob.slice(0, 24).arrayBuffer());
    return { ms, bytes: blob.size, width: head.getUint32(16), height: head.getUint32(20) };
  });
}

/** The page's JavaScript heap after a garbage collection, in MB (the layout worker's not included). */
export async function heapMb(page: Page): Promise<{ usedMb: number; totalMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { usedMb: heap.usedSize / 2 ** 20, totalMb: heap.totalSize / 2 ** 20 };
  } finally {
    await cdp.detach();
  }
}
