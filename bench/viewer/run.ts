/**
 * `npm run bench:viewer` — the viewer in headless Chromium (Debian's, through playwright-core) on
 * the Batenbrock seed and on generated networks of 1k, 5k and 20k actors, drawn one by one (`?all=1`,
 * the page's own switch past the cluster map). Per size: time to the first picture with a new
 * layout and with kept positions (and their parts), frame times during a real drag and a real wheel
 * gesture, the PNG export, the page's heap. Prints a Markdown table; writes bench/results/viewer.json.
 * See README.md beside this file.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { batenbrock } from '../../seed/batenbrock';
import { generateNetwork } from '../../seed/generate';
import { MAX_NETWORK_ACTORS } from '../../server/src/features/network/network.input';
import { buildViewer } from '../../viewer/build';
import { readConfig, type ViewerBenchConfig } from './config';
import { dragGesture, firstPicture, heapMb, PAGE_INIT, pngExport, wheelGesture } from './page';
import { table, type SizeResult, type Timed, type ViewerBenchResult } from './report';
import { startBenchServer } from './server';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const POSITIONS_SCOPE = 'actors:all'; // viewer/src/positions.ts, the scope of /?all=1

const log = (message: string) => console.error(`[bench:viewer ${new Date().toISOString().slice(11, 19)}] ${message}`);
const load = () => os.loadavg()[0];

async function newContext(browser: Browser): Promise<BrowserContext> {
  // A fresh context each time; the first load of a store without saved positions lays the map out anew.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 860 },
    acceptDownloads: false,
    locale: 'de-DE',
  });
  await context.addInitScript(PAGE_INIT);
  return context;
}

/** The seed as a quarter manager opens it (clusters rule on, the default page). */
async function seedRun(browser: Browser, config: ViewerBenchConfig): Promise<ViewerBenchResult['seed']> {
  const server = await startBenchServer(batenbrock);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    const newLayout = await firstPicture(page, config.timeoutMs);
    await server.savePositions('actors', await pagePositions(page));
    await page.reload();
    const keptPositions = await firstPicture(page, config.timeoutMs);
    return { actors: batenbrock.actors.length, newLayout, keptPositions };
  } finally {
    await context.close();
    await server.close();
  }
}

/** The positions the page laid out: it is an anonymous viewer, which never saves; saved as an editor's page would. */
function pagePositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    window.cy.nodes().forEach((n) => void (out[n.id()] = { ...n.position() }));
    return out;
  });
}

/** Stand-in positions when a fresh layout did not finish in time: a disc, so the other figures can still be taken. */
function discPositions(actorIds: string[]): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  const radius = 40 * Math.sqrt(actorIds.length);
  actorIds.forEach((id, i) => {
    const r = radius * Math.sqrt((i + 0.5) / actorIds.length);
    const a = i * 2.399963; // golden angle
    out[`actor:${id}`] = { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) };
  });
  return out;
}

async function sizeRun(browser: Browser, actors: number, config: ViewerBenchConfig): Promise<SizeResult> {
  const loadAverage = [load()];
  const notes: string[] = [];
  log(`${actors} actors: generating and loading the store`);
  const data = generateNetwork({ actors });
  const server = await startBenchServer(data);
  const counts = server.counts();
  const source: SizeResult['source'] = actors > MAX_NETWORK_ACTORS ? 'beyond-api-limit' : 'api';
  // The page as a quarter manager opens it: above 400 actors, the cluster map (the real API at every
  // size: clusters have no limit, and the ties between them are only fetched up to 5,000 actors).
  log(`${actors} actors: the cluster map (the default page)`);
  const clusterContext = await newContext(browser);
  let clusterMap: Timed & { clusters?: number };
  try {
    const page = await clusterContext.newPage();
    await page.goto(`${server.base}/`);
    clusterMap = await firstPicture(page, config.timeoutMs);
    if (!('timedOut' in clusterMap))
      clusterMap.clusters = await page.evaluate(() => document.querySelectorAll('#cluster-items li').length);
  } finally {
    await clusterContext.close();
  }
  const context = await newContext(browser);
  // Beyond the API's limit the server keeps no positions either (a view holds at most the API's
  // actors): the bench answers `viewPositions` with what the page laid out, as the server would.
  let beyondPositions: Record<string, { x: number; y: number }> | null = null;
  const savePositions = (positions: Record<string, { x: number; y: number }>) => {
    if (source !== 'beyond-api-limit') return server.savePositions(POSITIONS_SCOPE, positions);
    beyondPositions = positions;
    return Promise.resolve();
  };
  if (source === 'beyond-api-limit') {
    await context.route('**/graphql', (route) => {
      const post = route.request().postData();
      if (post?.includes('query ViewPositions') && beyondPositions) {
        const positions = Object.entries(beyondPositions).map(([id, p]) => ({ id, ...p }));
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ data: { viewPositions: { positions, version: 1 } } }),
        });
      }
      if (!post?.includes('query Network')) return route.continue();
      const maxTies = (JSON.parse(post) as { variables?: { maxTies?: number | null } }).variables?.maxTies ?? null;
      return route.fulfill({ contentType: 'application/json', body: server.networkBody(maxTies) });
    });
  }
  const result: SizeResult = {
    actors,
    ties: counts.ties,
    source,
    clusterMap,
    newLayout: { timedOut: true, afterMs: 0, state: '' },
    keptPositions: { timedOut: true, afterMs: 0, state: '' },
    drag: null,
    wheel: null,
    png: null,
    heap: null,
    renderers: [],
    loadAverage,
    notes,
  };
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => notes.push(`page error: ${error.message}`));
    log(`${actors} actors: first picture with a new layout`);
    await page.goto(`${server.base}/?all=1`);
    result.newLayout = await firstPicture(page, config.timeoutMs);
    if ('timedOut' in result.newLayout) {
      notes.push(
        `the new layout did not finish within ${config.timeoutMs / 1000} s; kept positions are a disc of stand-in positions`,
      );
      await savePositions(discPositions(data.actors.map((a) => a.id)));
    } else {
      await savePositions(await pagePositions(page));
    }
    log(`${actors} actors: first picture with kept positions`);
    await page.reload();
    result.keptPositions = await firstPicture(page, config.timeoutMs);
    const kept: Timed = result.keptPositions;
    if ('timedOut' in kept || kept.state !== 'ready') {
      notes.push(
        `no picture with kept positions (${'timedOut' in kept ? 'timed out' : kept.state}): gestures not measured`,
      );
      return result;
    }
    await page.waitForTimeout(500);
    log(`${actors} actors: gestures, PNG, heap`);
    result.drag = await dragGesture(page);
    await page.waitForTimeout(300);
    result.wheel = await wheelGesture(page);
    await page.waitForTimeout(300);
    result.png = await pngExport(page);
    result.heap = await heapMb(page);
    for (const renderer of config.renderers) {
      log(`${actors} actors: kept positions and gestures with the ${renderer} renderer`);
      await page.goto(`${server.base}/?all=1&renderer=${renderer}`);
      const keptPositions = await firstPicture(page, config.timeoutMs);
      if ('timedOut' in keptPositions || keptPositions.state !== 'ready') {
        result.renderers.push({ renderer, keptPositions, drag: null, wheel: null });
        continue;
      }
      await page.waitForTimeout(500);
      const drag = await dragGesture(page);
      await page.waitForTimeout(300);
      result.renderers.push({ renderer, keptPositions, drag, wheel: await wheelGesture(page) });
    }
    return result;
  } finally {
    loadAverage.push(load());
    await context.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const started = Date.now();
  if (!fs.existsSync(config.chromium))
    throw new Error(`${config.chromium} is missing: apt-get install chromium (or set CHROMIUM_PATH)`);
  const built = await buildViewer();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: config.chromium, args: ARGS, headless: true });
  try {
    log('seed');
    const seed = await seedRun(browser, config);
    const sizes: SizeResult[] = [];
    for (const actors of config.sizes) sizes.push(await sizeRun(browser, actors, config));
    const cpus = os.cpus();
    const result: ViewerBenchResult = {
      when: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? '?',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        chromium: `Chromium ${browser.version()}`,
        nodeEnv: process.env.NODE_ENV ?? '',
      },
      // The map page's files: the update page (update/) and the query IDE (graphiql.html, graphiql/)
      // are pages of their own, which the map page never loads.
      bundle: built.files.filter((f) => !f.name.startsWith('update/') && !f.name.startsWith('graphiql')),
      seed,
      sizes,
      notes: [
        "Generated networks: seed/generate.ts, seed 42, 0.4 collaborations per actor of 2–40 participants: dense (a few hundred actors share each collaboration's ties).",
        "Drawn one by one with `?all=1`; without it the page shows clusters above 400 actors. The map draws each actor's strongest ties (about 6,000 edges at most, or one per actor when there are more actors) and lays out a backbone of about two per actor (viewer/src/ties.ts).",
        'Headless Chromium draws with the canvas renderer in software here: frame times are a pessimistic stand-in for a laptop. Figures scale with the load average of this shared machine.',
      ],
    };
    fs.mkdirSync(path.dirname(config.out), { recursive: true });
    fs.writeFileSync(config.out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(table(result));
    log(`wrote ${path.relative(process.cwd(), config.out)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
