/** The printed table (Markdown) with the targets marked, and the shape of bench/results/viewer.json. */
import type { Frames, Picture, PngExport } from './page';

export const TARGETS = {
  seedFirstPictureMs: 1000,
  firstPictureMs: 2000, // at 5,000 actors
  layoutMs: 3000, // at 5,000 actors
  gestureFps: 30, // median, at 5,000 actors
  bundleGzipKb: 600,
};

export type Timed = Picture | { timedOut: true; afterMs: number; state: string };

export interface SizeResult {
  actors: number;
  ties: number;
  /** How the page got the network: the real API, or the same answer without its 5,000-actor limit. */
  source: 'api' | 'beyond-api-limit';
  /** The default page: the cluster map (clusters from the API, uncached on the first call). */
  clusterMap: Timed & { clusters?: number };
  newLayout: Timed;
  keptPositions: Timed;
  drag: Frames | null;
  wheel: Frames | null;
  png: PngExport | null;
  heap: { usedMb: number; totalMb: number } | null;
  /** The same map with kept positions, per Cytoscape renderer forced with `?renderer=` (viewer/src/map.ts). */
  renderers: Array<{ renderer: 'canvas' | 'webgl'; keptPositions: Timed; drag: Frames | null; wheel: Frames | null }>;
  loadAverage: number[];
  notes: string[];
}

export interface ViewerBenchResult {
  when: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; chromium: string; nodeEnv: string };
  bundle: Array<{ name: string; bytes: number; gzip: number }>;
  seed: { actors: number; newLayout: Timed; keptPositions: Timed };
  sizes: SizeResult[];
  notes: string[];
}

const n = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v)
    ? '–'
    : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✓' : ' ✗');
const done = (t: Timed): t is Picture => !('timedOut' in t);

function picture(t: Timed, target?: number): string {
  if (!done(t)) return `> ${s(t.afterMs)} (${t.state})`;
  return `${s(t.firstPictureMs)}${target ? mark(t.firstPictureMs !== null && t.firstPictureMs < target) : ''}`;
}

const parts = (t: Timed) =>
  done(t)
    ? `API ${s(t.fetchMs)}, prepare ${s(t.prepareMs)}, layout ${s(t.layoutMs)}, draw ${s(t.renderMs)} + first frame ${s(t.frameMs)}${t.completeMs ? `; complete at ${s(t.completeMs)}` : ''}`
    : '–';

const frames = (f: Frames | null, target?: number) =>
  f
    ? `${n(f.fps, 0)} fps (median ${n(f.medianMs, 1)} ms, p95 ${n(f.p95Ms, 0)}, max ${n(f.maxMs, 0)} ms)${f.moved ? '' : ' (map did not move!)'}${target ? mark(f.moved && f.fps >= target) : ''}`
    : '–';

export function table(r: ViewerBenchResult): string {
  const at5k = (size: SizeResult) => size.actors === 5000;
  const lines = [
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node} (NODE_ENV=${r.machine.nodeEnv || 'unset'}), ${r.machine.chromium}, headless; run ${r.when}, ${r.seconds.toFixed(0)} s.`,
    '',
    `Bundle: ${r.bundle.map((f) => `${f.name} ${n(f.gzip / 1024, 1)} kB gzip`).join(', ')}; the map page in all (HTML, CSS, app and layout worker) ${n(r.bundle.reduce((a, f) => a + f.gzip, 0) / 1024, 1)} kB gzip (target < ${TARGETS.bundleGzipKb} kB)${mark(r.bundle.reduce((a, f) => a + f.gzip, 0) / 1024 < TARGETS.bundleGzipKb)}.`,
    '',
    `Seed (${r.seed.actors} actors): first picture ${picture(r.seed.newLayout, TARGETS.seedFirstPictureMs)} with a new layout (${parts(r.seed.newLayout)}); ${picture(r.seed.keptPositions, TARGETS.seedFirstPictureMs)} with kept positions. Target < 1 s.`,
    '',
    'Every actor drawn (`?all=1`):',
    '',
    '| actors (ties) | first picture, new layout | of which | first picture, kept positions | of which | drag (pan) | wheel (zoom) | PNG export | JS heap |',
    '| --- | ---: | --- | ---: | --- | --- | --- | --- | ---: |',
  ];
  for (const size of r.sizes) {
    const layoutOk = done(size.newLayout) ? size.newLayout.layoutMs < TARGETS.layoutMs : false;
    lines.push(
      `| ${n(size.actors)} (${n(size.ties)})${size.source === 'beyond-api-limit' ? ' ¹' : ''} | ${picture(size.newLayout, at5k(size) ? TARGETS.firstPictureMs : undefined)} | ${parts(size.newLayout)}${at5k(size) ? ` — layout${mark(layoutOk)}` : ''} | ${picture(size.keptPositions, at5k(size) ? TARGETS.firstPictureMs : undefined)} | ${parts(size.keptPositions)} | ${frames(size.drag, at5k(size) ? TARGETS.gestureFps : undefined)} | ${frames(size.wheel, at5k(size) ? TARGETS.gestureFps : undefined)} | ${size.png ? `${s(size.png.ms)}, ${n(size.png.width)}×${n(size.png.height)}, ${n(size.png.bytes / 2 ** 20, 1)} MB` : '–'} | ${size.heap ? `${n(size.heap.usedMb)} MB` : '–'} |`,
    );
  }
  if (r.sizes.some((x) => x.renderers.length)) {
    lines.push(
      '',
      "Cytoscape's renderers, same map with kept positions (`?all=1&renderer=…`; WebGL here is Chromium's software SwiftShader):",
      '',
      '| actors | renderer | first picture | of which | drag (pan) | wheel (zoom) |',
      '| --- | --- | ---: | --- | --- | --- |',
      ...r.sizes.flatMap((size) =>
        size.renderers.map(
          (x) =>
            `| ${n(size.actors)} | ${x.renderer} | ${picture(x.keptPositions)} | ${parts(x.keptPositions)} | ${frames(x.drag)} | ${frames(x.wheel)} |`,
        ),
      ),
    );
  }
  lines.push(
    '',
    'The default page (the cluster map above 400 actors), fresh browser, new layout:',
    '',
    '| actors | first picture | of which |',
    '| --- | ---: | --- |',
    ...r.sizes.map(
      (size) =>
        `| ${n(size.actors)} | ${picture(size.clusterMap)}${size.clusterMap.clusters ? ` (${size.clusterMap.clusters} clusters)` : ''} | ${parts(size.clusterMap).replace('API', 'API (clusters; and their ties up to 5,000 actors)')} |`,
    ),
  );
  lines.push(
    '',
    `Targets (at 5,000 actors): first picture < 2 s, a new layout < 3 s, gestures ≥ 30 fps at the median; ✓/✗ mark them. Load average per size: ${r.sizes.map((x) => `${n(x.actors)}: ${x.loadAverage.map((l) => l.toFixed(1)).join(' → ')}`).join('; ')} (${r.machine.cpus} cores).`,
  );
  if (r.sizes.some((x) => x.source === 'beyond-api-limit')) {
    lines.push(
      '',
      "¹ The API answers at most 5,000 actors; beyond, the bench hands the page the answer the same code computes without that limit (the API's time not included).",
    );
  }
  for (const note of [...r.notes, ...r.sizes.flatMap((x) => x.notes.map((t) => `${n(x.actors)}: ${t}`))])
    lines.push('', `- ${note}`);
  return lines.join('\n');
}
