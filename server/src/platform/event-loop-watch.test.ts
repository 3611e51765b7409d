import { loadConfig } from './config';
import { blockWeight, describeBlock, threadCpuNs, watchEventLoop, type EventLoopBlock } from './event-loop-watch';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the event loop until the main thread has spent `ms` on the CPU (however long a busy machine makes that). */
function spinCpu(ms: number): void {
  const start = threadCpuNs()!;
  let x = 0;
  while ((threadCpuNs()! - start) / 1e6 < ms) for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + i);
  if (x < 0) throw new Error('unreachable');
}

/** Holds the event loop for `ms` without using the CPU (the thread sleeps). */
function sleepBlocking(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('the event-loop watch', () => {
  test('this system tells the main thread its CPU time (Linux)', () => {
    const before = threadCpuNs();
    expect(before).not.toBeNull();
    const wallBefore = performance.now();
    spinCpu(30);
    // The CPU time moved by the work done, and is this thread's (not the process's, whose GC threads
    // can add more than the wall time): never more than the wall time, but for the few ms by which
    // the scheduler's clock and performance.now() may differ (34.8 against 33.0 ms once in CI).
    expect((threadCpuNs()! - before!) / 1e6).toBeLessThanOrEqual(performance.now() - wallBefore + 10);
  });

  test('a block of work on the CPU is reported with its wall and CPU time', async () => {
    const reported: EventLoopBlock[] = [];
    const watch = watchEventLoop({ thresholdMs: 60, report: (b) => reported.push(b) });
    try {
      await sleep(30);
      spinCpu(150);
      await sleep(30);
    } finally {
      watch.stop();
    }
    expect(reported).toHaveLength(1);
    expect(reported[0].cpuMs).toBeGreaterThanOrEqual(150);
    // On a busy machine the thread waits for a core too: the wall time is at least the CPU time.
    expect(reported[0].wallMs).toBeGreaterThanOrEqual(reported[0].cpuMs! - 15);
    expect(blockWeight(watch.longest()!)).toBe(reported[0].cpuMs);
  });

  test('a long wait off the CPU counts its wall time but is not reported as the service’s work', async () => {
    const reported: EventLoopBlock[] = [];
    const watch = watchEventLoop({ thresholdMs: 60, report: (b) => reported.push(b) });
    try {
      await sleep(30);
      sleepBlocking(150);
      await sleep(30);
    } finally {
      watch.stop();
    }
    expect(reported).toEqual([]);
    const slept = watch.slowest()!;
    expect(slept.wallMs).toBeGreaterThanOrEqual(140);
    expect(slept.cpuMs!).toBeLessThan(30);
    // The thread slept: neither on the CPU nor waiting for one.
    expect(describeBlock(slept)).toMatch(/in system calls (1[3-9]\d|[2-9]\d\d) ms/);
  });

  test('EVENT_LOOP_REPORT_MS sets what is reported: 100 ms of CPU unless set, whole milliseconds from 10', () => {
    expect(loadConfig({}).eventLoopReportMs).toBe(100);
    expect(loadConfig({ EVENT_LOOP_REPORT_MS: '50' }).eventLoopReportMs).toBe(50);
    for (const wrong of ['5', '12.5', 'soon'])
      expect(() => loadConfig({ EVENT_LOOP_REPORT_MS: wrong })).toThrow(/EVENT_LOOP_REPORT_MS must be a whole number/);
  });
});
