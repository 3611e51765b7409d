/**
 * What the viewer end-to-end tests share (viewer-map.test.ts, viewer-years-handover.test.ts): the
 * real server on an in-memory embedded store with the Batenbrock seed, one headless Chromium with
 * the page open and ready, and helpers that read the page and ask the API it reads. After all tests
 * of a file the page may have shown no console error.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  clickNode as click,
  openBrowser,
  shot as screenshot,
  startViewerServer,
  suggestionsMissing,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

export const seedActors = batenbrock.actors.length;

/** What the tests of one file use: the server, its base address, the browser context, the page and its console errors. */
export interface ViewerPage {
  server: ViewerServer;
  base: string;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

/** Starts the server and the page before the file's tests (handed to `onStart`); answers the helpers. */
export function useViewerPage(onStart: (started: ViewerPage) => void) {
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let base: string;
  let page: Page;

  const state = () => page.evaluate(() => document.body.dataset.state);
  const waitReady = () =>
    page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
  const actorCount = () => page.evaluate(() => window.cy.nodes('[type="ACTOR"]').length);
  const shot = (name: string) => screenshot(page, name);
  /** The same API the page reads, asked directly, to compare the page with. */
  const graphql = async (query: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const clickNode = (nodeId: string, modifiers: Array<'Shift'> = []) => click(page, nodeId, modifiers);

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    base = server.base;
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    onStart({ server, base, context: browser.context, page, consoleErrors: browser.errors });
    const started = Date.now();
    await page.goto(server.url('/'));
    await waitReady();
    console.log(`viewer: first picture of the seed after ${Date.now() - started} ms (including the first layout)`);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
    // The test 'no console errors' is in viewer-years-handover.test.ts; this holds every file to it.
    expect(browser?.errors ?? []).toEqual([]);
  });

  return { state, waitReady, actorCount, shot, graphql, clickNode };
}
