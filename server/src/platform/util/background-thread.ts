/**
 * Lowers the scheduling priority of the calling thread (nice +10): for worker threads whose work
 * may wait (an export, an insight computation) while the event loop of the main thread answers
 * health checks and requests. On Linux the nice value belongs to a thread, and `os.setPriority`
 * without a pid sets the caller's: the main thread keeps its priority. On a machine whose cores
 * are busy (2 cores shared with other processes in CI) a worker at the same priority takes turns
 * with the main thread and stretches every pause of its event loop. Raising a nice value needs no
 * privileges; where the system refuses it, the thread runs as before.
 */
import { setPriority } from 'node:os';

export const BACKGROUND_NICE = 10;

export function lowerThreadPriority(): boolean {
  try {
    setPriority(BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
