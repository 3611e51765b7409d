/**
 * Propagation latency: a write through replica A's API until replica B (1) sends the subscription
 * event and (2) answers a projection query with it. Per sample: a new actor is created on A
 * (untimed), then — after a random pause of 0–1000 ms, so the write falls anywhere in B's poll
 * interval — a collaboration between it and an existing actor (timed from the moment the mutation
 * is sent). B is asked `shortestPath(new, existing)` every 20 ms until it is non-null.
 */
import { random } from '../../seed/generate';
import { nowMs, percentiles, type Percentiles } from '../stats';
import { CREATE_ACTOR, CREATE_COLLABORATION, SHORTEST_PATH, sleep, type Replica } from './replicas';
import { arrival, subscribe } from './subscriber';

export interface PropagationResult {
  writes: number;
  /** The mutation's answer on A. */
  writeAnswered: Percentiles;
  /** The event on B's subscription. */
  event: Percentiles;
  /** B's projection query answering with the write (polled every 20 ms). */
  query: Percentiles;
  missed: number;
}

const QUERY_POLL_MS = 20;

export async function propagation(
  a: Replica,
  b: Replica,
  existing: string[],
  writes: number,
  tag: string,
  token: string,
): Promise<PropagationResult> {
  const rand = random(4242);
  const sub = subscribe(b.wsUrl, token);
  await sub.connected;
  await sleep(500); // the subscription is registered on B
  const answered: number[] = [];
  const events: number[] = [];
  const queries: number[] = [];
  let missed = 0;
  try {
    for (let i = 0; i < writes; i++) {
      const actorId = `feed-${tag}-${i}`;
      const other = existing[Math.floor(rand() * existing.length)]!;
      await a.client.request(CREATE_ACTOR, { input: { id: actorId, name: `Feed ${tag} ${i}`, kind: 'INITIATIVE' } });
      await sleep(rand() * 1000);
      const collaborationId = `feed-${tag}-c${i}`;
      const t0 = nowMs();
      const write = a.client
        .request(CREATE_COLLABORATION, {
          input: {
            id: collaborationId,
            title: `Feed ${tag} ${i}`,
            kind: 'MEETING',
            participants: [
              { actorId, role: 'HOST' },
              { actorId: other, role: 'MEMBER' },
            ],
          },
        })
        .then(() => nowMs());
      const seen = (async () => {
        const deadline = t0 + 10_000;
        while (nowMs() < deadline) {
          const found = await b.client
            .request<{ shortestPath: unknown }>(SHORTEST_PATH, { x: actorId, y: other })
            .then((d) => d.shortestPath !== null)
            .catch(() => false); // B may not know the new actor yet
          if (found) return nowMs();
          await sleep(QUERY_POLL_MS);
        }
        return null;
      })();
      const [tWrite, tEvent, tQuery] = await Promise.all([write, arrival(sub, collaborationId, 10_000), seen]);
      answered.push(tWrite - t0);
      if (tEvent === null || tQuery === null) missed++;
      if (tEvent !== null) events.push(tEvent - t0);
      if (tQuery !== null) queries.push(tQuery - t0);
    }
  } finally {
    await sub.dispose();
  }
  if (sub.errors.length) throw new Error(`propagation subscriber: ${sub.errors.join('; ')}`);
  return {
    writes,
    writeAnswered: percentiles(answered),
    event: percentiles(events),
    query: percentiles(queries),
    missed,
  };
}
