/**
 * `npx tsx bench/neo4j-write-steps.ts`: where the time of one `createCollaboration` (the bench's
 * write, 5 participants) goes on Neo4j: (1) each store call of the service's write, timed; (2) the
 * statements of the store's transaction run one after the other in a transaction of their own,
 * timed each (the client's wait per round trip), then rolled back. Medians of BENCH_SAMPLES (40).
 * Needs a loaded network (e.g. after bench/neo4j-read-ahead.ts) at BENCH_NEO4J_URI.
 */
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { NetworkService } from '../server/src/service/network-service';
import { createNeo4jStore } from '../server/src/store/neo4j';
import type { NetworkStore } from '../server/src/store/network-store';
import * as Q from '../server/src/store/neo4j/cypher';
import * as W from '../server/src/store/neo4j/cypher-writes';
import { APPEND_CHANGES } from '../server/src/store/neo4j/history';
import { middleValue } from './stats';

const uri = process.env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7698';
const samples = Number(process.env.BENCH_SAMPLES ?? 40);
const median = middleValue;
const times = new Map<string, number[]>();
const note = (k: string, ms: number) => times.set(k, [...(times.get(k) ?? []), ms]);

function timedStore(store: NetworkStore): NetworkStore {
  return new Proxy(store, {
    get(target, name, receiver) {
      const v = Reflect.get(target, name, receiver);
      if (typeof v !== 'function') return v;
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await v.apply(target, args);
        } finally {
          note(`store ${String(name)}`, performance.now() - t);
        }
      };
    },
  });
}

async function main() {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  const ids = (await driver.executeQuery('MATCH (a:Actor) RETURN a.id AS id LIMIT 2000')).records.map((r) =>
    String(r.get('id')),
  );
  const store = createNeo4jStore({ uri, user: 'neo4j', password: 'neo4j' });
  const service = await NetworkService.start(timedStore(store));
  const participantsFor = (i: number) =>
    [0, 1, 2, 3, 4].map((k) => ({
      actorId: ids[(i * 7 + k * 131) % ids.length],
      role: k === 0 ? 'ORGANISER' : 'PARTICIPANT',
    }));
  for (let i = 0; i < samples + 5; i++) {
    const t = performance.now();
    await service.createCollaboration({
      title: `Steps ${i}`,
      kind: 'MEETING',
      startDate: '2026-05-04',
      topicIds: [],
      participants: participantsFor(i) as never,
    });
    note('service createCollaboration', performance.now() - t);
    const t2 = performance.now();
    const c = await driver.executeQuery(Q.PARTICIPATIONS_AND_ACTORS_OF_COLLABORATIONS, { ids: ['x'] });
    void c;
    note('answer read (participations of 1)', performance.now() - t2);
  }
  // The transaction's statements one after the other.
  const session = driver.session();
  for (let i = 0; i < samples + 5; i++) {
    const tx = session.beginTransaction();
    const step = async (k: string, q: string, p: Record<string, unknown>) => {
      const t = performance.now();
      await tx.run(q, p);
      note(`tx ${k}`, performance.now() - t);
    };
    const id = `steps-${Date.now()}-${i}`;
    const parts = participantsFor(i + 1000);
    const t0 = performance.now();
    await step('requireNew', Q.EXISTING_COLLABORATION_IDS, { ids: [id] });
    await step('requireAll actors', Q.EXISTING_ACTOR_IDS, { ids: parts.map((p) => p.actorId) });
    await step('CREATE_COLLABORATION', W.CREATE_COLLABORATION, {
      props: { id, title: 't', kind: 'MEETING', createdAt: 'x', updatedAt: 'x' },
    });
    await step('SET_PARTICIPATIONS', W.SET_PARTICIPATIONS, { id, participants: parts });
    await step('APPEND_CHANGES', APPEND_CHANGES, {
      records: [{ entityType: 'Collaboration', entityId: id, operation: 'CREATE', changes: '[]', undoes: null }],
      fields: ['[]'],
      at: 'x',
      author: 'bench',
    });
    const t1 = performance.now();
    await tx.rollback();
    note('tx rollback', performance.now() - t1);
    note('tx whole (sequential, rolled back)', performance.now() - t0);
  }
  await session.close();
  console.log(
    `${samples} samples, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [k, xs] of times)
    console.log(`${k.padEnd(40)} p50 ${median(xs.length > 10 ? xs.slice(5) : xs).toFixed(2)} ms (n ${xs.length})`);
  await service.close();
  await store.close();
  await driver.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
