/**
 * `npm start`: runs the service (../main.ts) as a child process with a heap limit and starts it
 * again when it dies (a crash, the kernel's OOM killer), with a growing pause between quick
 * failures. SIGINT/SIGTERM are passed on and end the supervisor once the service has stopped.
 * Under systemd or a container's restart policy run server/main.ts directly instead (docs/operations.md).
 *
 *   HEAP_LIMIT_MB   V8's old-space limit of the service (default 2048); the request guard's heap
 *                   watch refuses the largest running request at 60 % of it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_HEAP_LIMIT_MB, serviceV8Flags } from './service-v8-flags';

const MAIN = join(__dirname, '..', '..', 'main.ts');
const heapLimitMb = Number(process.env.HEAP_LIMIT_MB ?? DEFAULT_HEAP_LIMIT_MB);
/** A service that ran this long counts as healthy: the next failure restarts it at once. */
const HEALTHY_AFTER_MS = 60_000;
const MAX_PAUSE_MS = 30_000;

let child: ChildProcess | null = null;
let stopping = false;
let pauseMs = 0;
/** Until the service was ready once, a failure is a start-up error (configuration, store): not retried. */
let everReady = false;

function start(): void {
  const startedAt = Date.now();
  child = fork(MAIN, process.argv.slice(2), {
    execArgv: [...process.execArgv, ...serviceV8Flags(heapLimitMb)],
    stdio: 'inherit',
  });
  child.on('message', (message) => {
    if (message === 'ready') everReady = true;
  });
  child.on('exit', (code, signal) => {
    child = null;
    if (stopping) process.exit(code ?? 0);
    if (code === 0 || !everReady) process.exit(code ?? 1);
    pauseMs = Date.now() - startedAt > HEALTHY_AFTER_MS ? 0 : Math.min(MAX_PAUSE_MS, Math.max(1000, pauseMs * 2));
    console.error(`Quartiernetz stopped (${signal ?? `exit code ${code}`}); starting it again in ${pauseMs / 1000} s.`);
    setTimeout(start, pauseMs);
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    if (child) child.kill(signal);
    else process.exit(0);
  });
}

start();
