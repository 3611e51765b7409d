/**
 * What `npm run bench:viewer` measures, from the environment:
 *
 *   BENCH_VIEWER_SIZES      generated network sizes in actors, default 1000,5000,20000
 *   BENCH_VIEWER_TIMEOUT_S  longest wait for one picture (a fresh layout at 20k), default 240
 *   BENCH_VIEWER_OUT        the summary file, default bench/results/viewer.json
 *   BENCH_VIEWER_RENDERERS  Cytoscape renderers compared per size (kept positions, gestures), default canvas,webgl
 *   CHROMIUM_PATH           default /usr/bin/chromium (Debian's; never `npx playwright install`)
 */
import { resolve } from 'node:path';

export interface ViewerBenchConfig {
  sizes: number[];
  timeoutMs: number;
  out: string;
  chromium: string;
  renderers: Array<'canvas' | 'webgl'>;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ViewerBenchConfig {
  const sizes = (env.BENCH_VIEWER_SIZES ?? '1000,5000,20000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    sizes,
    timeoutMs: 1000 * Number(env.BENCH_VIEWER_TIMEOUT_S ?? 240),
    out: resolve(__dirname, '..', '..', env.BENCH_VIEWER_OUT ?? 'bench/results/viewer.json'),
    chromium: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    renderers: (env.BENCH_VIEWER_RENDERERS ?? 'canvas,webgl')
      .split(',')
      .map((r) => r.trim())
      .filter((r): r is 'canvas' | 'webgl' => r === 'canvas' || r === 'webgl'),
  };
}
