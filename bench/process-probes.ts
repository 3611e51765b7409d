/** What the bench scripts read about a process besides their own timings. */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** CPU time (ms) of a process from /proc (utime + stime; clock ticks of 10 ms); NaN without a pid. */
export function procCpuMs(pid: number | null): number {
  if (pid === null) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Starts V8's CPU profiler in this process (samples every 200 µs) when `file` is given; the
 * function it answers stops it and writes the profile there (open it in Chrome's DevTools).
 */
export async function startCpuProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => undefined;
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
  await inspector.post('Profiler.start');
  return async () => {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    inspector.disconnect();
  };
}
