/**
 * The query IDE at /graphql, in headless Chromium against the real server: GraphiQL comes from the
 * service itself (every request that leaves 127.0.0.1 is blocked and counted: none), the key the
 * page was opened with fills the headers editor, and a query run in it shows the API's answer.
 */
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { buildViewer } from '../../../viewer/build';
import { issueApiKey } from '../../src/features/access/api-keys';
import { createApp, type QuartiernetzApp } from '../../src/platform/http/app';
import { NetworkService } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import { browserSuite, openBrowser, shot, type ViewerBrowser } from './harness';

browserSuite('viewer: the query IDE (GraphiQL) at /graphql', () => {
  jest.setTimeout(120_000);
  let server: QuartiernetzApp;
  let service: NetworkService;
  let store: ReturnType<typeof createEmbeddedStore>;
  let base: string;
  let key: string;
  let browser: ViewerBrowser;
  let page: Page;
  const outside: string[] = [];
  const local: string[] = [];

  beforeAll(async () => {
    await buildViewer();
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    key = (await issueApiKey(store, { name: 'ide-test', role: 'ADMIN' })).key;
    service = await NetworkService.start(store);
    server = await createApp(service, {
      corsOrigins: [],
      bodyLimit: '1mb',
      introspection: true,
      production: false,
      auth: { anonymousAccess: 'none', jwt: null },
    });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    browser = await openBrowser();
    page = browser.page;
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${base}/`)) {
        local.push(url);
        return route.continue();
      }
      outside.push(url);
      return route.abort('blockedbyclient');
    });
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.subscriptions.close();
    await server?.apollo.stop();
    await service?.close();
    await store?.close();
  });

  test('loads from the service only, takes the key into its headers and runs a query', async () => {
    await page.goto(`${base}/graphql#key=${encodeURIComponent(key)}`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    // The key left the address bar (as the map does) and sits in the headers editor.
    expect(new URL(page.url()).hash).toBe('');
    await page.waitForFunction(() => document.querySelector('.graphiql-editor-tool')?.textContent?.includes('Bearer'));
    const headersText = await page.locator('.graphiql-editor-tool').innerText();
    expect(headersText.replace(/\s+/g, ' ')).toContain(`"Authorization": "Bearer ${key}"`);

    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.includes('ADMIN'),
      null,
      {
        timeout: 30_000,
      },
    );
    const answer = (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');
    expect(answer).toContain('"name": "ide-test"');
    expect(answer).toContain('"role": "ADMIN"');
    // The schema came in by introspection (the docs and completion need it): the docs list Query.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10_000 });
    expect(await page.locator('.graphiql-doc-explorer').innerText()).toContain('Query');
    await page.setViewportSize({ width: 1400, height: 900 });
    await shot(page, 'graphiql');

    expect(outside).toEqual([]);
    // Its script, styles, editor workers and the API: all from the service.
    expect(local.some((u) => u.endsWith('/graphiql/graphiql.js'))).toBe(true);
    expect(local.some((u) => u.endsWith('.worker.js'))).toBe(true);
    expect(browser.errors).toEqual([]);
  });
});
