/**
 * Asks /healthz every 100 ms and reads the service's RSS, in a process of its own: a monitor in
 * the attacking test process would measure that process's own congestion (1,400 requests in
 * flight there delayed its own health check by seconds while the server answered others at once).
 * The parent names the phase of the attack over IPC ({ phase }) and asks for the figures with
 * { report: true }; the answer is { phaseMax, phaseRss, maxHealthMs, maxRss, failures }.
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
    process.send!({ phaseMax, phaseRss, maxHealthMs, maxRss, failures }, () => process.exit(0));
  }
});

void (async () => {
  while (running) {
    const started = performance.now();
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status !== 200) failures++;
    } catch {
      failures++;
    }
    const took = performance.now() - started;
    maxHealthMs = Math.max(maxHealthMs, took);
    phaseMax[phase] = Math.max(phaseMax[phase] ?? 0, Math.round(took));
    const rss = rssMb();
    maxRss = Math.max(maxRss, rss);
    phaseRss[phase] = Math.max(phaseRss[phase] ?? 0, Math.round(rss));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
