/** Timing: serial samples with percentiles, and closed-loop load at a fixed concurrency. */

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** The middle value (the upper of the two for an even count; NaN for none): the scripts' medians of rounds. */
export function middleValue(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

/** Nearest-rank percentiles of durations in ms. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sum / (sorted.length || 1),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs `work(i)` one after another: `warmup` unmeasured calls, then up to `samples` measured ones,
 * stopping early after `maxMs` (slow requests at 100k), at least 5.
 */
export async function serial(
  work: (i: number) => Promise<unknown>,
  samples: number,
  warmup = 3,
  maxMs = 15_000,
): Promise<Percentiles> {
  for (let i = 0; i < warmup; i++) await work(i);
  const times: number[] = [];
  const started = nowMs();
  for (let i = 0; i < samples; i++) {
    const t = nowMs();
    await work(warmup + i);
    times.push(nowMs() - t);
    if (i >= 4 && nowMs() - started > maxMs) break;
  }
  return percentiles(times);
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  firstError?: string;
}

/** `concurrency` workers call `work` back to back for `durationMs`; errors are counted, not thrown. */
export async function closedLoop(
  work: (i: number) => Promise<unknown>,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const times: number[] = [];
  const started = nowMs();
  const deadline = started + durationMs;
  const worker = async () => {
    while (nowMs() < deadline) {
      const i = next++;
      const t = nowMs();
      try {
        await work(i);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message.slice(0, 300);
      }
      times.push(nowMs() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (nowMs() - started) / 1000;
  const p = percentiles(times);
  return {
    concurrency,
    requests: times.length,
    errors,
    seconds,
    perSecond: times.length / seconds,
    p50: p.p50,
    p95: p.p95,
    firstError,
  };
}
