/**
 * Reports every time the event loop was held longer than a threshold, with how much of that time
 * the main thread spent on the CPU. The CPU share tells the two causes apart: the service's own
 * work (a request, a collection of the heap) counts fully, a machine busy with other processes
 * counts nothing — on a shared 2-core machine a 40 ms slice of work can take 200 ms of wall time,
 * and only the first is the service's to fix. Linux tells a thread's time on the CPU and its time
 * waiting for a core to the nanosecond in /proc/thread-self/schedstat; the rest of a block is time
 * the thread slept in a system call (a disk read or an fsync of SQLite). Elsewhere only the wall
 * time is known and is reported.
 *
 * A timer ticks every few milliseconds; a tick that comes late closes a block: the time since the
 * previous tick, and the main thread's time on the CPU, waiting for a core and asleep in it.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One time the event loop was held. */
export interface EventLoopBlock {
  /** The time since the previous tick, ms (the tick's interval and how late it came). */
  wallMs: number;
  /** The main thread's CPU time in that span, ms; null where the system does not tell it. */
  cpuMs: number | null;
  /** The time it was ready to run but waited for a core, ms; null where unknown. */
  queuedMs: number | null;
}

export interface EventLoopWatchOptions {
  /** A block is reported when its CPU time (its wall time where CPU is unknown) reaches this, ms. */
  thresholdMs?: number;
  /** How often the timer ticks, ms. */
  tickMs?: number;
  report?: (block: EventLoopBlock) => void;
}

export interface EventLoopWatch {
  /** The block with the most CPU time (most wall time where CPU is unknown) so far. */
  longest(): EventLoopBlock | null;
  /** The block with the most wall time so far, whatever held it. */
  slowest(): EventLoopBlock | null;
  stop(): void;
}

/** Reported by default: the event loop must not be held longer by one piece of work. */
export const DEFAULT_BLOCK_THRESHOLD_MS = 100;

interface ThreadTimes {
  /** ns on the CPU */
  cpu: number;
  /** ns ready to run, waiting for a core */
  queued: number;
}

/** The calling thread's times since it started, or null where /proc does not tell them. */
export function threadTimes(): ThreadTimes | null {
  try {
    const [cpu, queued] = readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ', 2).map(Number);
    return { cpu, queued };
  } catch {
    return null;
  }
}

/** The calling thread's time on the CPU in ns, or null where /proc does not tell it. */
export const threadCpuNs = (): number | null => threadTimes()?.cpu ?? null;

/** What counts against the threshold: the CPU time when known. */
export const blockWeight = (block: EventLoopBlock): number => block.cpuMs ?? block.wallMs;

export function describeBlock(block: EventLoopBlock): string {
  const wall = Math.round(block.wallMs);
  if (block.cpuMs === null || block.queuedMs === null) return `The event loop was held for ${wall} ms.`;
  const cpu = Math.round(block.cpuMs);
  const queued = Math.round(block.queuedMs);
  const slept = Math.max(0, wall - cpu - queued);
  return `The event loop was held for ${wall} ms, ${cpu} ms of it on the CPU (waiting for a core ${queued} ms, in system calls ${slept} ms).`;
}

export function watchEventLoop(options: EventLoopWatchOptions = {}): EventLoopWatch {
  const threshold = options.thresholdMs ?? DEFAULT_BLOCK_THRESHOLD_MS;
  const tick = options.tickMs ?? 10;
  const report = options.report ?? ((block: EventLoopBlock) => console.warn(describeBlock(block)));
  let longest: EventLoopBlock | null = null;
  let slowest: EventLoopBlock | null = null;
  let lastAt = performance.now();
  let lastTimes = threadTimes();
  const timer = setInterval(() => {
    const now = performance.now();
    const times = threadTimes();
    const known = times !== null && lastTimes !== null;
    const block: EventLoopBlock = {
      wallMs: now - lastAt,
      cpuMs: known ? (times.cpu - lastTimes!.cpu) / 1e6 : null,
      queuedMs: known ? (times.queued - lastTimes!.queued) / 1e6 : null,
    };
    if (longest === null || blockWeight(block) > blockWeight(longest)) longest = block;
    if (slowest === null || block.wallMs > slowest.wallMs) slowest = block;
    if (blockWeight(block) >= threshold) report(block);
    lastAt = now;
    lastTimes = times;
  }, tick);
  timer.unref();
  return { longest: () => longest, slowest: () => slowest, stop: () => clearInterval(timer) };
}
