import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE } from './background-thread';

/** The nice value of each thread of this process, from /proc (field 19 of a task's stat). */
function niceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('lowerThreadPriority', () => {
  test('lowers the priority of the worker thread that calls it, not of the main thread', async () => {
    const before = niceValues().filter((n) => n === BACKGROUND_NICE).length;
    const worker = new Worker(
      `require('tsx/cjs/api').register();
       const { parentPort } = require('node:worker_threads');
       const lowered = require(${JSON.stringify(join(__dirname, 'background-thread.ts'))}).lowerThreadPriority();
       parentPort.on('message', () => undefined); // stays until terminated
       parentPort.postMessage(lowered);`,
      { eval: true },
    );
    try {
      const lowered = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(lowered).toBe(true);
      expect(niceValues().filter((n) => n === BACKGROUND_NICE).length).toBe(before + 1);
      expect(getPriority()).toBe(0);
    } finally {
      await worker.terminate();
    }
  });
});
