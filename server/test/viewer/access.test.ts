/**
 * The viewer with access control, in headless Chromium against the real server (no anonymous
 * access): without a key it asks for one; a key from the start link (`/#key=`) is moved out of
 * the address bar into sessionStorage and sent as `Authorization: Bearer` on every request; the
 * page asks `me` for its role and asks for contact data only as an editor or admin; a revoked key
 * is refused, forgotten and asked for again.
 */
import type { Page, Request } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  clickNode,
  openBrowser,
  shot,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

const CONTACT = 'Gartenbüro, garten@bobbie-ev.example';

browserSuite('viewer: access with API keys', () => {
  jest.setTimeout(60_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  const pages: Page[] = [];

  /** A fresh tab (its own sessionStorage) that records the bodies and credentials of its API requests. */
  async function tab(): Promise<{ page: Page; requests: Array<{ body: string; authorization: string | undefined }> }> {
    const page = await browser.context.newPage();
    pages.push(page);
    const requests: Array<{ body: string; authorization: string | undefined }> = [];
    page.on('request', (r: Request) => {
      if (new URL(r.url()).pathname === '/graphql')
        requests.push({ body: r.postData() ?? '', authorization: r.headers().authorization });
    });
    return { page, requests };
  }

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    await server.service.updateActor('bobbie-ev', { contact: CONTACT });
    // The refused requests show up as console errors ("status of 401"): expected here.
    browser = await openBrowser((text) => /status of 401/.test(text) || suggestionsMissing(text));
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('without a key the page asks for one; a viewer key entered there opens the map, without contact data', async () => {
    const { page, requests } = await tab();
    await page.goto(`${server.base}/`);
    await page.waitForSelector('#key-prompt:not([hidden])');
    expect(await page.evaluate(() => document.body.dataset.auth)).toBe('missing');
    expect(await page.textContent('#key-reason')).toContain('Zugangsschlüssel');
    expect(await page.evaluate(() => window.cy.nodes().length)).toBe(0);
    await shot(page, 'access-01-prompt');

    const viewerKey = await server.issueKey('Nachbarin', 'VIEWER');
    await page.fill('#key-input', viewerKey);
    await Promise.all([page.waitForNavigation(), page.click('#key-submit')]);
    await waitReady(page);
    await page.waitForFunction(() => document.body.dataset.role === 'VIEWER');
    expect(await page.evaluate(() => window.cy.nodes('[type="ACTOR"]').length)).toBe(batenbrock.actors.length);
    expect(await page.evaluate(() => sessionStorage.getItem('quartiernetz.apiKey'))).toBe(viewerKey);

    await clickNode(page, 'actor:bobbie-ev');
    await page.waitForSelector('#panel-body .collaborations li');
    expect(await page.$('#panel-contact')).toBeNull();
    const afterKey = requests.filter((r) => r.authorization);
    expect(afterKey.length).toBeGreaterThan(3);
    expect(new Set(afterKey.map((r) => r.authorization))).toEqual(new Set([`Bearer ${viewerKey}`]));
    expect(requests.some((r) => /query Actor\b/.test(r.body))).toBe(true);
    expect(requests.some((r) => /\bcontact\b/.test(r.body))).toBe(false);
  });

  test('an editor key from the start link leaves the address bar for sessionStorage, and the panel shows contact data', async () => {
    const { page, requests } = await tab();
    const editorKey = await server.issueKey('Quartiersbüro', 'EDITOR');
    await page.goto(server.url('/', editorKey));
    await waitReady(page);
    expect(page.url()).toBe(`${server.base}/`);
    expect(await page.evaluate(() => sessionStorage.getItem('quartiernetz.apiKey'))).toBe(editorKey);
    await page.waitForFunction(() => document.body.dataset.role === 'EDITOR');
    await clickNode(page, 'actor:bobbie-ev');
    await page.waitForSelector('#panel-contact');
    expect(await page.textContent('#panel-contact')).toBe(CONTACT);
    expect(requests.filter((r) => /query Actor\b/.test(r.body)).every((r) => /\bcontact\b/.test(r.body))).toBe(true);
    expect(requests.every((r) => r.authorization === `Bearer ${editorKey}`)).toBe(true);
    await shot(page, 'access-02-editor-contact');
  });

  test('a revoked key is refused: the page forgets it and asks again', async () => {
    const created = await api(
      'mutation { createApiKey(input: { name: "Ehemalige", role: EDITOR }) { key apiKey { id } } }',
    );
    await api('mutation R($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: created.createApiKey.apiKey.id });
    const { page } = await tab();
    await page.goto(server.url('/', created.createApiKey.key));
    await page.waitForSelector('#key-prompt:not([hidden])');
    expect(await page.evaluate(() => document.body.dataset.auth)).toBe('refused');
    expect(await page.textContent('#key-reason')).toContain('abgelehnt');
    expect(await page.evaluate(() => sessionStorage.getItem('quartiernetz.apiKey'))).toBeNull();
    expect(page.url()).toBe(`${server.base}/`);
  });

  test('no unexpected console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
