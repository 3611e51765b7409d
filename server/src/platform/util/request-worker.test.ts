import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestWorker } from './request-worker';

// A thread that echoes `n * 2`, answers an error for a negative n and exits with code 3 for n = 13.
const ECHO = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, n }) => {
  if (n === 13) process.exit(3);
  parentPort.postMessage(n < 0 ? { id, error: 'negative' } : { id, doubled: n * 2 });
});
`;

describe('RequestWorker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qn-request-worker-'));
  const file = join(dir, 'echo.cjs');
  writeFileSync(file, ECHO);
  const thread = new RequestWorker<{ id: number; doubled: number }>(file, 'echo worker', 50);
  afterAll(async () => {
    await thread.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('settles each request by its reply, rejects an error reply, and starts again after a crash', async () => {
    const replies = await Promise.all([1, 2, 3].map((n) => thread.request((id) => ({ id, n }))));
    expect(replies.map((r) => r.doubled)).toEqual([2, 4, 6]);
    await expect(thread.request((id) => ({ id, n: -1 }))).rejects.toThrow('echo worker: negative');
    expect(thread.started).toBe(1);

    await expect(thread.request((id) => ({ id, n: 13 }))).rejects.toThrow('the echo worker stopped (exit code 3)');
    expect((await thread.request((id) => ({ id, n: 5 }))).doubled).toBe(10);
    expect(thread.started).toBe(2);
  });

  test('an idle thread is stopped after idleMs; the next request starts a new one', async () => {
    const before = thread.started;
    await thread.request((id) => ({ id, n: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await thread.request((id) => ({ id, n: 2 }))).doubled).toBe(4);
    expect(thread.started).toBe(before + 1);
  });
});
