/**
 * The suggestion index worker thread (started by `index-worker.ts` through `suggestion-worker.cjs`):
 * builds the index's typed arrays from a flat input (`index-build.ts`) and posts them back
 * transferred (no copy). It keeps nothing between jobs.
 */
import { parentPort } from 'node:worker_threads';
import { buildIndexArrays, builtBuffers, type BuiltArrays } from './index-build';
import type { IndexInput } from './index-input';

export interface BuildMessage {
  id: number;
  input: IndexInput;
}

export type BuildReply = { id: number; built: BuiltArrays } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, input }: BuildMessage) => {
    let built: BuiltArrays;
    try {
      built = buildIndexArrays(input);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return;
    }
    port.postMessage({ id, built } satisfies BuildReply, builtBuffers(built));
  });
}
