/**
 * The quickstart as a newcomer runs it: the real server process (`server/main.ts`, what
 * `npm start` runs after building the viewer) on an empty data folder loads the seed, prints an
 * admin key once with a link, and opening that printed link in headless Chromium shows the seeded
 * map. A second start prints no key; the first one still works.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batenbrock } from '../../../seed/batenbrock';
import { buildViewer } from '../../../viewer/build';
import { browserSuite, openBrowser, ROOT, shot, waitReady, type ViewerBrowser } from './harness';

interface Started {
  child: ChildProcess;
  output(): string;
  base: string;
}

/** Starts the server on a free port and waits for its "map at" line. */
async function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NEO4J_URI: '',
      NODE_ENV: '',
      ADMIN_API_KEY: '',
      ANONYMOUS_ACCESS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const started = Date.now();
  for (;;) {
    const base = /map at (http:\/\/\S+)\//.exec(output)?.[1];
    if (base) return { child, output: () => output, base };
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`the server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the server's output matches (its lines come in several writes). */
async function waitFor(s: Started, pattern: RegExp): Promise<void> {
  const started = Date.now();
  while (!pattern.test(s.output())) {
    if (Date.now() - started > 10_000) throw new Error(`no ${pattern} in: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

browserSuite('quickstart: npm start on an empty data folder', () => {
  jest.setTimeout(120_000);
  let dataDir: string;
  let browser: ViewerBrowser;

  beforeAll(async () => {
    await buildViewer();
    dataDir = mkdtempSync(join(tmpdir(), 'quartiernetz-quickstart-'));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('prints an admin key once with a link that opens the seeded map; a restart prints none', async () => {
    const first = await start(dataDir);
    let key: string;
    try {
      await waitFor(first, /createApiKey mutation/);
      const output = first.output();
      expect(output).toMatch(/Loaded the Batenbrock seed/);
      expect(output).toMatch(/shown ONLY THIS ONCE/);
      expect(output).toMatch(/npm run keys -- create --name NAME --role viewer\|editor\|admin/);
      const link = new RegExp(
        `Open the map with it: (${first.base.replace(/[.]/g, '\\.')}/#key=(qn_[A-Za-z0-9_-]{43}))`,
      ).exec(output);
      expect(link).not.toBeNull();
      key = link![2]!;

      const page = browser.page;
      await page.goto(link![1]!);
      await waitReady(page);
      expect(await page.evaluate(() => window.cy.nodes('[type="ACTOR"]').length)).toBe(batenbrock.actors.length);
      expect(page.url()).toBe(`${first.base}/`);
      await page.waitForFunction(() => document.body.dataset.role === 'ADMIN');
      await shot(page, 'quickstart');

      const anonymous = await fetch(`${first.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ actors { totalCount } }' }),
      });
      expect(anonymous.status).toBe(401);
      // Leave the map before its server stops: its live connection would log the refused reconnects.
      await page.goto('about:blank');
    } finally {
      await stop(first);
    }

    const second = await start(dataDir);
    try {
      await new Promise((r) => setTimeout(r, 200));
      // No key again (the hint names the link's form, #key=<the key>, without one).
      expect(second.output()).not.toMatch(/#key=qn_/);
      expect(second.output()).not.toMatch(/Loaded the Batenbrock seed/);
      const response = await fetch(`${second.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ me { name role } actors { totalCount } }' }),
      });
      expect(await response.json()).toEqual({
        data: { me: { name: 'admin', role: 'ADMIN' }, actors: { totalCount: batenbrock.actors.length } },
      });
    } finally {
      await stop(second);
    }
  });

  test('no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
