/**
 * Asks /healthz every 100 ms and reads the service's RSS, in a process of its own: a monitor in
 * the attacking test process would measure that process's own congestion (1,400 requests in
 * flight there delayed its own health check by seconds while the server answered others at once).
 * The parent names the phase of the attack over IPC ({ phase }) and asks for the figures with
 * { report: true }; the answer is { phaseMax, phaseRss, maxHealthMs, maxRss, failures, slowest }.
 * The monitor, the service and the attacker share the machine's two cores; a load balancer in the
 * field does not share them with an attacker. So each answer's time is also taken without the time
 * spent waiting for a core meanwhile, by this monitor's main thread and by the service's (their run
 * delay, Linux /proc/.../schedstat): `slowest` is the answer slowest by that measure, with its parts.
 */
import { readFileSync } from 'node:fs';

const [base, pidText] = process.argv.slice(2);
const pid = Number(pidText);
let phase = 'start';
let running = true;
const phaseMax: Record<string, number> = {};
const phaseRss: Record<string, number> = {};
let maxHealthMs = 0;
let maxRss = 0;
let failures = 0;
/** The slowest answer without the time spent waiting for a core, and its parts (ms). */
let slowest = { ms: 0, monitorWaitMs: 0, serviceWaitMs: 0, notWaitingMs: 0, phase };

/** A thread's time waiting for a core so far, ms (0 where /proc is missing). */
function runDelayMs(schedstat: string): number {
  try {
    return Number(readFileSync(schedstat, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}
const MONITOR_THREAD = '/proc/thread-self/schedstat';
const SERVICE_MAIN_THREAD = `/proc/${pid}/task/${pid}/schedstat`;

function rssMb(): number {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096) / 1e6;
  } catch {
    return 0;
  }
}

process.on('message', (message: { phase?: string; report?: boolean }) => {
  if (message.phase) phase = message.phase;
  if (message.report) {
    running = false;
    process.send!({ phaseMax, phaseRss, maxHealthMs, maxRss, failures, slowest }, () => process.exit(0));
  }
});

void (async () => {
  while (running) {
    const monitorWaited = runDelayMs(MONITOR_THREAD);
    const serviceWaited = runDelayMs(SERVICE_MAIN_THREAD);
    const started = performance.now();
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status !== 200) failures++;
    } catch {
      failures++;
    }
    const took = performance.now() - started;
    const monitorWaitMs = runDelayMs(MONITOR_THREAD) - monitorWaited;
    const serviceWaitMs = runDelayMs(SERVICE_MAIN_THREAD) - serviceWaited;
    const notWaitingMs = Math.max(0, took - monitorWaitMs - serviceWaitMs);
    if (notWaitingMs > slowest.notWaitingMs) slowest = { ms: took, monitorWaitMs, serviceWaitMs, notWaitingMs, phase };
    maxHealthMs = Math.max(maxHealthMs, took);
    phaseMax[phase] = Math.max(phaseMax[phase] ?? 0, Math.round(took));
    const rss = rssMb();
    maxRss = Math.max(maxRss, rss);
    phaseRss[phase] = Math.max(phaseRss[phase] ?? 0, Math.round(rss));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
