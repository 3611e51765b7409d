/**
 * Preloaded into the service by bench/event-loop-blocks.ts (`node --require`): measures, for each
 * HTTP request, the longest time the event loop was blocked while it was in flight — the gap of a
 * 5 ms interval timer beyond its period — with the main thread's CPU time in that gap (from
 * /proc/self/task/<pid>/schedstat; the rest is waiting for a core, i.e. the machine) and the
 * longest garbage collection pause that ended in it. Writes one JSON line per request to
 * EVENT_LOOP_PROBE. Nothing of this runs in the service otherwise.
 */
const { performance, PerformanceObserver } = require('node:perf_hooks');
const fs = require('node:fs');
const http = require('node:http');

const out = process.env.EVENT_LOOP_PROBE;
if (out && /main\.ts$/.test(process.argv[1] || '')) {
  const PERIOD_MS = 5;
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  const cpuMs = () => {
    try {
      return Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return 0;
    }
  };
  const inFlight = new Set();
  let lastGc = { end: 0, duration: 0, kind: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const gc = { end: entry.startTime + entry.duration, duration: entry.duration, kind: entry.detail?.kind ?? 0 };
      for (const r of inFlight) if (gc.duration > r.gcMax) r.gcMax = gc.duration;
      lastGc = gc;
    }
  }).observe({ entryTypes: ['gc'] });
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === 'request') {
      const r = { started: performance.now(), req, maxBlock: 0, maxBlockCpu: 0, gcMax: 0 };
      inFlight.add(r);
      res.once('close', () => {
        inFlight.delete(r);
        fs.appendFileSync(
          out,
          `${JSON.stringify({
            method: req.method,
            url: req.url,
            query: (req.body && typeof req.body.query === 'string' ? req.body.query : '').slice(0, 200),
            status: res.statusCode,
            wallMs: Math.round(performance.now() - r.started),
            maxBlockMs: Math.round(r.maxBlock),
            maxBlockCpuMs: Math.round(r.maxBlockCpu),
            maxGcMs: Math.round(r.gcMax),
          })}\n`,
        );
      });
    }
    return emit.apply(this, arguments);
  };
  let last = performance.now();
  let lastCpu = cpuMs();
  setInterval(() => {
    const now = performance.now();
    const cpu = cpuMs();
    const block = now - last - PERIOD_MS;
    for (const r of inFlight)
      if (block > r.maxBlock) {
        r.maxBlock = block;
        r.maxBlockCpu = cpu - lastCpu;
      }
    last = now;
    lastCpu = cpu;
  }, PERIOD_MS).unref();
}
