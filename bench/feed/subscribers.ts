/**
 * Many idle subscribers on one server: `count` graphql-ws clients (each a viewer principal of its
 * own) subscribe to `networkChanged` on B, 50 connecting at a time. B's RSS before and after (after
 * a settle of 3 s), errors and unexpected closes, then one write on A: how many of them get its
 * event and when (from the mutation sent).
 */
import { nowMs, percentiles, type Percentiles } from '../stats';
import { CREATE_ACTOR, rssMb, sleep, viewerToken, type Replica } from './replicas';
import { subscribe, type Subscriber } from './subscriber';

export interface SubscribersResult {
  subscribers: number;
  connectSeconds: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  perSubscriberKb: number;
  errors: number;
  firstErrors: string[];
  /** Subscribers that got the event of the write made afterwards, and when. */
  received: number;
  arrival: Percentiles;
}

export async function manySubscribers(a: Replica, b: Replica, count: number, tag: string): Promise<SubscribersResult> {
  const pid = b.process.child.pid!;
  await sleep(2000);
  const rssBeforeMb = rssMb(pid);
  const subs: Subscriber[] = [];
  const connectErrors: string[] = [];
  const started = nowMs();
  try {
    for (let i = 0; i < count; i += 50) {
      const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) => subscribe(b.wsUrl, viewerToken(i + k)));
      subs.push(...batch);
      await Promise.all(batch.map((s) => s.connected.catch((e: Error) => void connectErrors.push(e.message))));
    }
    const connectSeconds = (nowMs() - started) / 1000;
    await sleep(3000);
    const rssAfterMb = rssMb(pid);
    const id = `subs-${tag}`;
    const t0 = nowMs();
    await a.client.request(CREATE_ACTOR, { input: { id, name: `Subscribers ${tag}`, kind: 'GROUP' } });
    const deadline = nowMs() + 15_000;
    while (nowMs() < deadline && subs.some((s) => !s.arrivals.has(id))) await sleep(20);
    const times = subs.flatMap((s) => (s.arrivals.has(id) ? [s.arrivals.get(id)! - t0] : []));
    const errors = [...connectErrors, ...subs.flatMap((s) => s.errors)];
    return {
      subscribers: count,
      connectSeconds,
      rssBeforeMb,
      rssAfterMb,
      perSubscriberKb: ((rssAfterMb - rssBeforeMb) * 1024) / count,
      errors: errors.length,
      firstErrors: [...new Set(errors)].slice(0, 5),
      received: times.length,
      arrival: percentiles(times),
    };
  } finally {
    await Promise.all(subs.map((s) => s.dispose()));
  }
}
