/**
 * Start time and peak memory of the real server process: `server/main.ts` spawned with
 * SEED=none on preloaded data (DATA_DIR or NEO4J_URI) and the V8 flags `npm start` gives it, timed
 * until /readyz answers 200; peak RSS (VmHWM) read from /proc after a few heavy requests.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serviceV8Flags } from '../server/src/platform/service-v8-flags';
import { BENCH_ADMIN_KEY } from './auth';
import { graphqlClient } from './http-client';
import { nowMs } from './stats';

export interface StartResult {
  readySeconds: number;
  projectionLine?: string;
  peakRssMb: number | null;
  rssAfterStartMb: number | null;
}

function vm(pid: number, key: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(key));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : null;
  } catch {
    return null;
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function measureStart(
  env: Record<string, string>,
  port: number,
  heavy: Array<{ query: string; variables: Record<string, unknown> }>,
  timeoutMs = 180_000,
): Promise<StartResult> {
  const root = resolve(__dirname, '..');
  const started = nowMs();
  const child = spawn(process.execPath, [...serviceV8Flags(), '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED: 'none',
      NODE_ENV: 'production',
      ADMIN_API_KEY: BENCH_ADMIN_KEY,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  try {
    while (!(await ready(`http://127.0.0.1:${port}/readyz`))) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output.slice(-500)}`);
      if (nowMs() - started > timeoutMs)
        throw new Error(`server not ready after ${timeoutMs} ms: ${output.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const readySeconds = (nowMs() - started) / 1000;
    const rssAfterStartMb = vm(child.pid!, 'VmRSS');
    const client = graphqlClient(`http://127.0.0.1:${port}/graphql`, 64, {
      authorization: `Bearer ${BENCH_ADMIN_KEY}`,
    });
    for (const h of heavy) await client.request(h.query, h.variables).catch(() => undefined);
    // a little concurrency, as under load
    await Promise.all(heavy.map((h) => client.request(h.query, h.variables).catch(() => undefined)));
    client.close();
    return {
      readySeconds,
      projectionLine: output.split('\n').find((l) => l.startsWith('Projection built')),
      peakRssMb: vm(child.pid!, 'VmHWM'),
      rssAfterStartMb,
    };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
