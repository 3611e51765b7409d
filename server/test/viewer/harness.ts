/**
 * What the viewer's browser tests share: the real server (in-process, on an in-memory embedded
 * store loaded with the given network), Debian's Chromium through playwright-core, and helpers that
 * read Cytoscape's model through `window.cy`. Screenshots go to test-artifacts/viewer/ (git-ignored).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildViewer } from '../../../viewer/build';
import { issueApiKey } from '../../src/features/access/api-keys';
import type { Role } from '../../src/domain/roles';
import { createApp, type QuartiernetzApp } from '../../src/platform/http/app';
import { NetworkService, type NetworkServiceOptions } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { GraphData } from '../../src/store/network-store';

/** What the page exposes for tests (viewer/src/main.ts). */
declare global {
  interface Window {
    cy: Core;
    quartiernetz: {
      state: string;
      viewKind: string | null;
      view: unknown;
      lastPng: Blob | null;
      timings: { layoutMs: number };
      positions: { saves: number; lastVersion: number };
    };
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const ROOT = path.resolve(__dirname, '../../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'viewer');
/** Whether the published schema has contact suggestions yet (another feature adds them). */
export const hasSuggestions = /\bsuggestContacts\s*\(/.test(
  fs.readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'),
);
/** Until suggestContacts is in the schema, the panel's asking for it answers 400 (a validation error): expected. */
export const suggestionsMissing = (consoleText: string) => !hasSuggestions && /status of 400/.test(consoleText);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `describe` when Chromium is there; else skipped locally, and a failing test under CI=true (CI
 * installs it).
 */
export function browserSuite(name: string, body: () => void): void {
  if (hasChromium) return describe(name, body);
  if (process.env.CI === 'true' || process.env.CI === '1') {
    test('Chromium is installed for the viewer tests', () => {
      throw new Error(
        `${CHROMIUM} is missing: the viewer's browser tests need Debian's chromium (apt-get install chromium; .ci/run installs it).`,
      );
    });
  } else {
    console.warn(`Skipping "${name}": ${CHROMIUM} is missing (apt-get install chromium). Under CI=true this fails.`);
  }
  describe.skip(name, body);
}

export interface ViewerServer {
  base: string;
  service: NetworkService;
  /** A stored admin API key. */
  adminKey: string;
  /** The page at `path` opened with the admin key (`#key=`, as the server's start link does). */
  url(path?: string, key?: string): string;
  /** `Authorization` with the admin key, for asking the API directly. */
  headers: Record<string, string>;
  /** Stores another key. */
  issueKey(name: string, role: Role): Promise<string>;
  close(): Promise<void>;
}

/** The built viewer and the API on a free port, over an in-memory store holding `data`; no anonymous access. */
export async function startViewerServer(data: GraphData, options: NetworkServiceOptions = {}): Promise<ViewerServer> {
  await buildViewer();
  const store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  await store.mergeGraph(data);
  const { key: adminKey } = await issueApiKey(store, { name: 'viewer-tests', role: 'ADMIN' });
  const service = await NetworkService.start(store, options);
  const server: QuartiernetzApp = await createApp(service, {
    corsOrigins: [],
    bodyLimit: '1mb',
    introspection: false,
    production: true,
    auth: { anonymousAccess: 'none', jwt: null },
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  return {
    base,
    service,
    adminKey,
    url: (path = '/', key = adminKey) => `${base}${path}#key=${encodeURIComponent(key)}`,
    headers: { authorization: `Bearer ${adminKey}` },
    issueKey: async (name, role) => (await issueApiKey(store, { name, role })).key,
    close: async () => {
      await server.subscriptions.close();
      await server.apollo.stop();
      await service.close();
      await store.close();
    },
  };
}

export interface ViewerBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (`ignore` filters expected ones). */
  errors: string[];
}

export async function openBrowser(ignore: (text: string) => boolean = () => false): Promise<ViewerBrowser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
    locale: 'de-DE',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !ignore(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { browser, context, page, errors };
}

export const waitReady = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** A real mouse click on a node, at its rendered position (centred first so it is on screen). */
/**
 * Clicks an actor's node until the panel shows it (at most three clicks): a write just before (an
 * undo, say) reaches the page again through the change feed, and the map's reload it starts can
 * take the click — as a person would, the test clicks again.
 */
export async function openActorByClick(page: Page, actorId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await clickNode(page, `actor:${actorId}`);
    try {
      await page.waitForSelector(`#panel[data-actor-id="${actorId}"]`, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export async function clickNode(page: Page, nodeId: string, modifiers: Array<'Shift'> = []): Promise<void> {
  // Not while the page loads a view (after a write, say): the view is laid out and fitted anew, and
  // a point taken before would miss the node.
  await page.waitForFunction(() => !['loading', 'layout'].includes(window.quartiernetz?.state ?? ''));
  const point = await page.evaluate((id) => {
    const cy = window.cy;
    const node = cy.getElementById(id);
    cy.center(node);
    const p = node.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, nodeId);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(point.x, point.y);
  for (const m of modifiers) await page.keyboard.up(m);
}
