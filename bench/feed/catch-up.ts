/**
 * Catch-up: B is stopped (SIGTERM), A takes a day's writes (writes.ts), B is started again on the
 * same store. Measured: the writes on A, and from B's start until it answers like A — its
 * `projectionStatus` (feedSeq, actor and collaboration counts of the projection) equal to A's.
 */
import { nowMs } from '../stats';
import { sleep, startReplica, status, stopReplica, type Replica, type StoreEnv } from './replicas';
import { writeMany, type WriteRun } from './writes';

export interface CatchUpResult {
  day: WriteRun;
  events: number;
  /** From spawning B until its HTTP port answers (projection built from the store). */
  startSeconds: number;
  /** From spawning B until it answers like A. */
  sameAnswersSeconds: number;
  feedRebuilds: number;
}

export async function catchUp(
  a: Replica,
  b: Replica,
  storeEnv: StoreEnv,
  dayWrites: number,
  existing: string[],
  tag: string,
): Promise<{ result: CatchUpResult; b: Replica }> {
  await stopReplica(b);
  const before = (await status(a)).feedSeq;
  const day = await writeMany(a, dayWrites, existing, tag, 4);
  const want = await status(a);
  const started = nowMs();
  const restarted = await startReplica('B', storeEnv);
  const startSeconds = (nowMs() - started) / 1000;
  for (;;) {
    const got = await status(restarted);
    if (
      got.feedSeq >= want.feedSeq &&
      got.actorCount === want.actorCount &&
      got.collaborationCount === want.collaborationCount
    ) {
      return {
        b: restarted,
        result: {
          day,
          events: want.feedSeq - before,
          startSeconds,
          sameAnswersSeconds: (nowMs() - started) / 1000,
          feedRebuilds: got.feedRebuilds,
        },
      };
    }
    if (nowMs() - started > 600_000) throw new Error('B did not answer like A within 10 minutes of its start');
    await sleep(20);
  }
}
