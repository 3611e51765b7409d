/**
 * A helper thread of `paths-pool.ts` (started through `paths-helper.cjs`): per message, takes
 * sampled sources from the shared counter and walks them into their slots; a failure sets the
 * shared flag, which fails the computation in the calling thread.
 */
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../../platform/util/background-thread';
import { FAILED, walkTaken, type PathsTask } from './paths-pool';

if (parentPort) {
  // Like the insight worker: the main thread's event loop goes first when the cores are busy.
  lowerThreadPriority();
  parentPort.on('message', (task: PathsTask) => {
    try {
      walkTaken(task);
    } catch (error) {
      Atomics.store(task.control, FAILED, 1);
      Atomics.notify(task.control, 1);
      console.error('sampled paths helper:', error);
    }
  });
}
