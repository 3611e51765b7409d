/**
 * A Chromium CPU profile (CDP `Profiler.stop`) summed up: self time per function (name, script,
 * line) and per script, biggest first. For `BENCH_PHASES_PROFILE` (phases.ts); the `.cpuprofile`
 * files it writes open in Chromium's DevTools for the whole picture.
 */
import path from 'node:path';

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time in ms per profile node id, of the samples in the first `untilMs` of the profile. */
function selfTimes(profile: CpuProfile, untilMs: number): Map<number, number> {
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] / 1000;
    if (at > untilMs) return;
    // A sample's time is the delta to the next one (the last gets none).
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + ms);
  });
  return self;
}

/** `untilMs`: only the samples of the profile's first so many ms (from its start). */
export function summariseProfile(profile: CpuProfile, untilMs = Infinity, top = 25): string {
  const self = selfTimes(profile, untilMs);
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const script = url ? path.basename(url.split('?')[0]) : '';
    const name = `${functionName || '(anonymous)'}${script ? ` ${script}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const key = script || functionName || '(native)';
    byScript.set(key, (byScript.get(key) ?? 0) + ms);
  }
  const total = Math.min(untilMs, (profile.endTime - profile.startTime) / 1000);
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `profiled ${total.toFixed(0)} ms; self time per script:\n${list(byScript, 8)}\nper function:\n${list(byFunction, top)}`;
}
