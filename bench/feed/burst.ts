/**
 * Events per second the feed and a projection sustain: a burst of writes on A (concurrency 8);
 * B's `projectionStatus.feedSeq` polled every 20 ms until it reaches A's. Reports how fast A took
 * the writes, how fast B applied their events, and B's lag after A's last answer.
 */
import { nowMs } from '../stats';
import { sleep, status, type Replica } from './replicas';
import { writeMany, type WriteRun } from './writes';

export interface BurstResult extends WriteRun {
  events: number;
  /** From the first write sent until B applied the last event. */
  applySeconds: number;
  eventsPerSecond: number;
  /** B's lag behind A's last answer (ms). */
  lagMs: number;
}

export async function burst(
  a: Replica,
  b: Replica,
  writes: number,
  existing: string[],
  tag: string,
): Promise<BurstResult> {
  const before = (await status(a)).feedSeq;
  const started = nowMs();
  const run = await writeMany(a, writes, existing, tag);
  const answered = nowMs();
  const head = (await status(a)).feedSeq;
  for (;;) {
    if ((await status(b)).feedSeq >= head) break;
    if (nowMs() - answered > 60_000) throw new Error(`B did not reach seq ${head} within 60 s after the burst`);
    await sleep(20);
  }
  const done = nowMs();
  const events = head - before;
  const applySeconds = (done - started) / 1000;
  return { ...run, events, applySeconds, eventsPerSecond: events / applySeconds, lagMs: done - answered };
}
