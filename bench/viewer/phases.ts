/**
 * `npm run bench:viewer-phases` — where the first picture's time goes at one size (default 5,000
 * generated actors, `?all=1`), with a new layout and with kept positions, split into the page's
 * phases: boot (scripts, first requests), the network request (server wait, transfer; parse and
 * unpack in the page), elements, the kept-positions request, the layout, Cytoscape's add / style /
 * fit and the first frame. Runs alternate between this build and, with BENCH_PHASES_OLD=<dir>
 * holding an older app.js and layout-worker.js, that build (served in their place), so both see
 * the same load; or, with BENCH_PHASES_RENDERERS=canvas,webgl, between Cytoscape's two renderers;
 * medians of BENCH_PHASES_RUNS (default 3) rounds. Prints one table; writes JSON
 * to BENCH_PHASES_OUT (default bench/results/viewer-phases.json).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { generateNetwork } from '../../seed/generate';
import { MAX_NETWORK_ACTORS } from '../../server/src/features/network/network.input';
import { buildViewer } from '../../viewer/build';
import { firstPicture, PAGE_INIT, type Picture } from './page';
import { summariseProfile, type CpuProfile } from './profile';
import { startBenchServer, type BenchServer } from './server';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const actors = Number(process.env.BENCH_PHASES_ACTORS ?? 5000);
const runs = Number(process.env.BENCH_PHASES_RUNS ?? 3);
const oldDir = process.env.BENCH_PHASES_OLD ?? null;
const out = path.resolve(__dirname, '..', '..', process.env.BENCH_PHASES_OUT ?? 'bench/results/viewer-phases.json');
/** `canvas,webgl`: the variants are Cytoscape's renderers (`?renderer=`, this build) instead of builds. */
const renderers = (process.env.BENCH_PHASES_RENDERERS ?? '').split(',').filter((r) => r === 'canvas' || r === 'webgl');
/** `kept`: only the kept-positions case (a new layout at 20k waits half a minute for fcose). */
const onlyKept = process.env.BENCH_PHASES_CASES === 'kept';
/** A directory: each sample's CPU profile (navigation → first picture) is written there and summed up. */
const profileDir = process.env.BENCH_PHASES_PROFILE ? path.resolve(process.env.BENCH_PHASES_PROFILE) : null;
/** Beyond the API's limit the bench answers the page's network and positions itself (as run.ts does). */
const beyondLimit = actors > MAX_NETWORK_ACTORS;
let beyondPositions: Record<string, { x: number; y: number }> | null = null;

type Variant = 'old' | 'new' | 'canvas' | 'webgl';
type Case = 'newLayout' | 'keptPositions';
const cases: Case[] = onlyKept ? ['keptPositions'] : ['newLayout', 'keptPositions'];

interface Sample {
  variant: Variant;
  case: Case;
  load: number;
  /** From the page's timings (zero where an older build does not time a part). */
  page: Partial<Picture> & Record<string, unknown>;
  /** The network request as the browser saw it: sent → first byte (server), first → last byte. */
  network: { serverMs: number; transferMs: number; bytes: number } | null;
}

const log = (m: string) => console.error(`[phases ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function context(
  browser: Browser,
  server: BenchServer,
  variant: Variant,
  kept: boolean,
): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 860 }, locale: 'de-DE' });
  await ctx.addInitScript(PAGE_INIT);
  if (beyondLimit) {
    await ctx.route('**/graphql', (route) => {
      const post = route.request().postData() ?? '';
      if (post.includes('query ViewPositions') && kept && beyondPositions) {
        const positions = Object.entries(beyondPositions).map(([id, p]) => ({ id, ...p }));
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ data: { viewPositions: { positions, version: 1 } } }),
        });
      }
      if (!post.includes('query Network')) return route.fallback();
      const maxTies = (JSON.parse(post) as { variables?: { maxTies?: number | null } }).variables?.maxTies ?? null;
      return route.fulfill({ contentType: 'application/json', body: server.networkBody(maxTies) });
    });
  }
  if (variant === 'old' && oldDir) {
    for (const file of ['app.js', 'layout-worker.js'])
      await ctx.route(`**/${file}`, (route) =>
        route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(oldDir, file)) }),
      );
  }
  if (!kept) {
    // A new layout: the server has no positions for this view (its answer when none were saved).
    await ctx.route('**/graphql', (route) =>
      route.request().postData()?.includes('query ViewPositions')
        ? route.fulfill({ contentType: 'application/json', body: '{"data":{"viewPositions":null}}' })
        : route.fallback(),
    );
  }
  return ctx;
}

async function networkTiming(request: Request): Promise<Sample['network']> {
  const response = await request.response();
  if (!response) return null;
  const body = await response.body();
  const t = request.timing();
  return {
    serverMs: t.responseStart - t.requestStart,
    transferMs: t.responseEnd - t.responseStart,
    bytes: body.length,
  };
}

async function sample(browser: Browser, server: BenchServer, variant: Variant, which: Case, tag = ''): Promise<Sample> {
  const ctx = await context(browser, server, variant, which === 'keptPositions');
  try {
    const page: Page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profileDir && tag) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const profileStarted = Date.now();
    const network = page.waitForRequest((r) => r.postData()?.includes('query Network') ?? false);
    const renderer = variant === 'canvas' || variant === 'webgl' ? `&renderer=${variant}` : '';
    const navigated = Date.now();
    await page.goto(`${server.base}/?all=1${renderer}`);
    if (profileDir && tag) {
      const seen = () =>
        (window as unknown as { quartiernetz?: { timings: { firstPictureMs: number | null } } }).quartiernetz?.timings
          .firstPictureMs != null;
      const at = await page.waitForFunction(seen, null, { timeout: 240_000, polling: 'raf' });
      await at.dispose();
      const firstPictureMs = await page.evaluate(
        () =>
          (window as unknown as { quartiernetz: { timings: { firstPictureMs: number } } }).quartiernetz.timings
            .firstPictureMs,
      );
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      // Summed up to the first picture only (the ties drawn after it are in the file, not the sums).
      const untilMs = navigated - profileStarted + firstPictureMs;
      fs.mkdirSync(profileDir, { recursive: true });
      const file = path.join(profileDir, `${tag}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`\n${tag} (${path.relative(process.cwd(), file)}):\n${summariseProfile(profile, untilMs)}`);
    }
    const picture = await firstPicture(page, 240_000);
    // CPU time of the page's renderer process (main thread, the layout worker, raster) and its
    // main thread until the picture: steadier than wall time on a loaded machine.
    const metrics = new Map(
      (await cdp.send('Performance.getMetrics')).metrics.map((m: { name: string; value: number }) => [m.name, m.value]),
    );
    const request = await network;
    await page.waitForTimeout(300);
    return {
      variant,
      case: which,
      load: os.loadavg()[0],
      page: {
        ...(picture as Sample['page']),
        processCpuMs: 1000 * (metrics.get('ProcessTime') ?? NaN),
        mainThreadCpuMs: 1000 * (metrics.get('ThreadTime') ?? NaN),
      },
      network: await networkTiming(request),
    };
  } finally {
    await ctx.close();
  }
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

const PARTS: Array<[string, (s: Sample) => number]> = [
  ['first picture (from navigation)', (s) => Number(s.page.firstPictureMs)],
  ['complete: every tie drawn, the final layout in (from navigation)', (s) => Number(s.page.completeMs ?? NaN)],
  ['boot (navigation → view load starts)', (s) => Number(s.page.bootMs ?? NaN)],
  ['API: network request, in the page', (s) => Number(s.page.fetchMs)],
  ['  of which server (sent → first byte)', (s) => s.network?.serverMs ?? NaN],
  ['  of which transfer (first → last byte)', (s) => s.network?.transferMs ?? NaN],
  ['elements (prepare)', (s) => Number(s.page.prepareMs)],
  ['kept positions request', (s) => Number(s.page.positionsMs ?? NaN)],
  ['layout (fcose in the worker, or the quick first arrangement)', (s) => Number(s.page.layoutMs)],
  ['placement in all (positions + layout + messages)', (s) => Number(s.page.placeMs)],
  ['draw (render)', (s) => Number(s.page.renderMs)],
  ['  add', (s) => Number(s.page.addMs ?? NaN)],
  ['  style + batch end', (s) => Number(s.page.styleMs ?? NaN)],
  ['  fit', (s) => Number(s.page.fitMs ?? NaN)],
  ['first frame', (s) => Number(s.page.frameMs)],
  ['CPU: renderer process (with the layout worker)', (s) => Number(s.page.processCpuMs)],
  ['CPU: main thread', (s) => Number(s.page.mainThreadCpuMs)],
];

async function main(): Promise<void> {
  await buildViewer();
  const data = generateNetwork({ actors });
  const server = await startBenchServer(data);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  const samples: Sample[] = [];
  const variants: Variant[] = renderers.length ? (renderers as Variant[]) : oldDir ? ['old', 'new'] : ['new'];
  try {
    // Kept positions: one layout saved first (this build's), as an editor's page saves it.
    const first = await sample(browser, server, 'new', 'newLayout');
    log(`warm-up ${JSON.stringify(first.page.firstPictureMs)} ms`);
    const ctx = await context(browser, server, 'new', false);
    const page = await ctx.newPage();
    await page.goto(`${server.base}/?all=1`);
    await firstPicture(page, 240_000);
    const positions = await page.evaluate(() => {
      const o: Record<string, { x: number; y: number }> = {};
      window.cy.nodes().forEach((n) => void (o[n.id()] = { ...n.position() }));
      return o;
    });
    await ctx.close();
    if (beyondLimit) beyondPositions = positions;
    else await server.savePositions('actors:all', positions);
    for (let round = 0; round < runs; round++) {
      for (const which of cases) {
        for (const variant of round % 2 ? [...variants].reverse() : variants) {
          const s = await sample(browser, server, variant, which, profileDir ? `${variant}-${which}-${round + 1}` : '');
          log(
            `${round + 1}/${runs} ${variant} ${which}: ${Math.round(Number(s.page.firstPictureMs))} ms, load ${s.load.toFixed(1)}`,
          );
          samples.push(s);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const cols: Array<[Variant, Case]> = [];
  for (const which of cases) for (const v of variants) cols.push([v, which]);
  const lines = [
    `${actors} actors (?all=1${beyondLimit ? ', network and positions answered by the bench beyond the API limit' : ''}), median of ${runs}; load ${median(samples.map((s) => s.load)).toFixed(1)} (${Math.min(...samples.map((s) => s.load)).toFixed(1)}–${Math.max(...samples.map((s) => s.load)).toFixed(1)}) on ${os.cpus().length} cores`,
    '',
    `| phase (ms) | ${cols.map(([v, c]) => `${c === 'newLayout' ? 'new layout' : 'kept'}${variants.length > 1 ? ` (${v})` : ''}`).join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
    ...PARTS.map(
      ([name, get]) =>
        `| ${name} | ${cols
          .map(([v, c]) => Math.round(median(samples.filter((s) => s.variant === v && s.case === c).map(get))))
          .map((x) => (Number.isNaN(x) ? '–' : String(x)))
          .join(' | ')} |`,
    ),
    '',
    `Network answer: ${Math.round((samples.find((s) => s.network)?.network?.bytes ?? 0) / 1024)} kB.`,
  ];
  console.log(lines.join('\n'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ when: new Date().toISOString(), actors, runs, samples }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
