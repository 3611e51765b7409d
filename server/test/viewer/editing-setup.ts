/**
 * What the editing tests in the map share (editing-actors.test.ts, editing-collaborations.test.ts):
 * one viewer server on the Batenbrock seed with two EDITOR keys and a VIEWER key, one browser, the
 * pages opened on it (closed after each test), and helpers that ask the API. After all tests no page
 * may have shown an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  openBrowser,
  ROOT,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

const REVIEW = path.join(ROOT, 'screenshots-review');

/** The server of one file and the keys issued on it. */
export interface EditingServer {
  server: ViewerServer;
  editorKey: string;
  editor2Key: string;
  viewerKey: string;
}

/** Starts the server and the browser before the file's tests (handed to `onStart`); answers the helpers. */
export function useEditingServer(onStart: (started: EditingServer) => void) {
  let server: ViewerServer;
  let browser: ViewerBrowser;
  const pages: Page[] = [];

  const api = async (query: string, variables: Record<string, unknown> = {}, key = server.adminKey) => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: any;
      errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
    };
  };
  const data = async (query: string, variables: Record<string, unknown> = {}) => {
    const body = await api(query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const counts = () => data('{ actors { totalCount } topics { totalCount } collaborations { totalCount } }');

  async function open(key: string, name = 'page'): Promise<Page> {
    const page = await browser.context.newPage();
    pages.push(page);
    page.on('pageerror', (e) => browser.errors.push(`${name}: ${e.message}`));
    if (process.env.EDIT_DEBUG) page.on('console', (m) => console.log(`${name} console: ${m.text()}`));
    await page.goto(server.url('/', key));
    await waitReady(page);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(REVIEW, `${name}.png`) });
  const actorPositions = (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(window.cy.nodes('[type="ACTOR"]').map((n) => [n.id(), { ...n.position() }])),
    );

  beforeAll(async () => {
    fs.mkdirSync(REVIEW, { recursive: true });
    server = await startViewerServer(batenbrock);
    const editorKey = await server.issueKey('redaktion-a', 'EDITOR');
    const editor2Key = await server.issueKey('redaktion-b', 'EDITOR');
    const viewerKey = await server.issueKey('lesend', 'VIEWER');
    browser = await openBrowser((text) => suggestionsMissing(text) || /status of 400/.test(text));
    onStart({ server, editorKey, editor2Key, viewerKey });
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
    expect(browser?.errors ?? []).toEqual([]);
  });

  return { api, data, counts, open, shot, actorPositions };
}
