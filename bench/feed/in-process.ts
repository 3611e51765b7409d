/**
 * Measured in the bench's own process, on the projection code itself: a NetworkService built on
 * the loaded store (a counting proxy around it), then
 * - the apply time of an ordinary write: the store takes a write (a collaboration of two existing
 *   actors), then `service.followFeed()` is timed — read the feed with the touched entities
 *   (readFeedPage: one round trip on Neo4j), reconcile the projection — and, apart, one bare
 *   `readFeed`, one `floor()` (the machine's round-trip floor: `RETURN 1` auto-commit on Neo4j) and the time after
 *   the last store read answered until followFeed returned (the in-memory share: the projection's
 *   update, publishing to subscribers, the write queue);
 * - a batch: `batch` writes taken by the store at once, then one followFeed() applies them all
 *   (events per second the projection sustains, store reads included);
 * - idle: the service follows the feed as a server does (`startFollowing`, the replicas' FEED_POLL_MS) and
 *   the store calls are counted while nothing is written.
 */
import { random } from '../../seed/generate';
import { NetworkService } from '../../server/src/service/network-service';
import type { NetworkStore } from '../../server/src/store/network-store';
import { countingStore } from '../../server/test/support/counting-store';
import { nowMs, percentiles, type Percentiles } from '../stats';
import { sleep } from './replicas';

export interface ApplyResult {
  samples: number;
  /** service.followFeed() after one write (feed read + entity reads + projection update), ms. */
  followFeed: Percentiles;
  /** readFeed alone, ms. */
  readFeed: Percentiles;
  /** floor(): one bare round trip (`RETURN 1` auto-commit on Neo4j), ms — what followFeed cannot go below. */
  floor: Percentiles;
  /** From the last store read answered until followFeed returned, ms. */
  inMemory: Percentiles;
  batch: { events: number; seconds: number; eventsPerSecond: number };
  projectionSeconds: number;
}

export interface IdleQueries {
  seconds: number;
  pollMs: number;
  storeCalls: Record<string, number>;
  perPoll: number;
}

export interface InProcess {
  apply(samples: number, batch: number, tag: string): Promise<ApplyResult>;
  idle(seconds: number, pollMs: number): Promise<IdleQueries>;
  close(): Promise<void>;
}

export async function inProcess(
  store: NetworkStore,
  existing: string[],
  roundTrip: () => Promise<unknown>,
): Promise<InProcess> {
  const counting = countingStore(store);
  // When the last store call answered (the reads of followFeed run before the projection's update).
  let lastAnswered = 0;
  const timed = new Proxy(counting.store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out = value.apply(target, args);
        return out instanceof Promise ? out.finally(() => (lastAnswered = nowMs())) : out;
      };
    },
  });
  const t = nowMs();
  const service = await NetworkService.start(timed);
  const projectionSeconds = (nowMs() - t) / 1000;
  await service.followFeed();
  return {
    async apply(samples, batch, tag) {
      const rand = random(99);
      const follow: number[] = [];
      const read: number[] = [];
      const floor: number[] = [];
      const inMemory: number[] = [];
      for (let i = 0; i < samples + 3; i++) {
        const x = existing[Math.floor(rand() * existing.length)]!;
        let y = existing[Math.floor(rand() * existing.length)]!;
        if (y === x) y = existing[(existing.indexOf(x) + 1) % existing.length]!;
        const seq = service.feed.seq;
        await store.createCollaboration({
          id: `apply-${tag}-${i}`,
          title: `Apply ${i}`,
          kind: 'MEETING',
          participants: [
            { actorId: x, role: 'HOST' },
            { actorId: y, role: 'MEMBER' },
          ],
        });
        let t0 = nowMs();
        await store.readFeed(seq, 1000);
        const readMs = nowMs() - t0;
        t0 = nowMs();
        await roundTrip();
        const floorMs = nowMs() - t0;
        t0 = nowMs();
        const applied = await service.followFeed();
        const end = nowMs();
        const followMs = end - t0;
        if (applied < 1) throw new Error('the write produced no feed event');
        if (!service.projection.collaborations.get(`apply-${tag}-${i}`)?.actors.has(y))
          throw new Error('the projection does not hold the write after followFeed');
        if (i >= 3) {
          follow.push(followMs);
          read.push(readMs);
          floor.push(floorMs);
          inMemory.push(end - lastAnswered);
        }
      }
      const seq = service.feed.seq;
      for (let i = 0; i < batch; i++) {
        await store.createActor({ id: `batch-${tag}-${i}`, name: `Batch ${i}`, kind: 'GROUP' });
      }
      const t0 = nowMs();
      await service.followFeed();
      const seconds = (nowMs() - t0) / 1000;
      const events = service.feed.seq - seq;
      return {
        samples,
        followFeed: percentiles(follow),
        readFeed: percentiles(read),
        floor: percentiles(floor),
        inMemory: percentiles(inMemory),
        batch: { events, seconds, eventsPerSecond: events / seconds },
        projectionSeconds,
      };
    },
    async idle(seconds, pollMs) {
      counting.reset();
      service.startFollowing({ pollMs, retentionHours: 48 });
      await sleep(seconds * 1000);
      service.stopFollowing();
      const storeCalls = Object.fromEntries(counting.calls);
      const total = Object.values(storeCalls).reduce((a, b) => a + b, 0);
      return { seconds, pollMs, storeCalls, perPoll: total / ((seconds * 1000) / pollMs) };
    },
    close: () => service.close(),
  };
}
