/**
 * `npx tsx bench/write-floors.ts`: what of our Neo4j write's time above the floor is the history and
 * the change feed. `npm run bench`'s write (createCollaboration with 5 participants, random actors)
 * on its network of BENCH_SIZES (first, default 100000) actors, five ways in turn, round by round
 * (BENCH_ROUNDS, default 5, of BENCH_SAMPLES, default 60, each after 3 unmeasured; WRITE_WAYS=ours,floor…
 * for some of them only):
 *
 * - `ours`: the mutation through our server over HTTP (as `npm run bench` times it);
 * - `service`: the service's own call (`NetworkService.createCollaboration`), no GraphQL and no HTTP:
 *   the store's one statement and the projection taking the write in;
 * - `thin`: the thin GraphQL server over the floor's statement (thin-server.ts);
 * - `floor`: the bench's Cypher floor (requests.ts, `neo4jData` + `canonical`);
 * - `floor+records`: the floor's statement, and in it what every write of ours must also commit: a
 *   `Change` (the history: who changed what, for an entity's history and GDPR erasure) and a
 *   `FeedEvent` (the change feed other instances follow), numbered from the `ChangeSequence` counter
 *   as the store numbers them — records of the same content as ours (history-rules.ts).
 *
 * Prints each way's p50 and p95 per round and the median over the rounds, and whether ours is within
 * max(1.3 × floor, floor + 1 ms) of the floor and of the floor with the records, with the load.
 * BENCH_REUSE=1 keeps a Neo4j that holds the network (bench/open-bench-store.ts).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import { collaborationCreated } from '../server/src/features/history/history-rules';
import { changeParameters } from '../server/src/store/neo4j/history';
import { toCollaboration } from '../server/src/store/neo4j/records';
import { loadBenchConfig } from './config';
import { driverFor } from './neo4j-admin';
import { benchNetwork, inputFor } from './network-data';
import { openBenchStore, serveBenchStore } from './open-bench-store';
import { FLOOR_PARTICIPATIONS, REQUESTS, type RequestInput } from './requests';
import { middleValue, serial } from './stats';
import { startThinServer } from './thin-server';
import { withinFloor } from './targets';

const log = (...args: unknown[]) => console.error(`[write-floors ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** The floor's statement and, in the same statement, the Change and FeedEvent of the new collaboration. */
const FLOOR_WITH_RECORDS = `
CREATE (c:Collaboration {id: $id, title: $title, kind: 'MEETING', startDate: '2026-05-04',
                          createdAt: $at, updatedAt: $at})
WITH c
${FLOOR_PARTICIPATIONS}
MERGE (s:ChangeSequence {id: 'changes'})
ON CREATE SET s.value = 0
SET s.value = s.value + 1
WITH c, participants, s.value AS seq
CREATE (ch:Change)
SET ch = $records[0], ch.seq = seq, ch.at = $at, ch.author = $author
CREATE (:FeedEvent {seq: seq, at: $at, author: $author, entityType: 'Collaboration', entityId: $id,
  operation: 'CREATE', fields: $fields[0]})
RETURN c.title AS title, participants`;

const write = REQUESTS.find((s) => s.kind === 'write')!;

async function floorWithRecords(driver: Driver, input: RequestInput) {
  const { input: mutation } = write.variables(input) as {
    input: { title: string; participants: Array<{ actorId: string; role: string }> };
  };
  const id = randomUUID();
  const at = new Date().toISOString();
  const collaboration = toCollaboration({
    id,
    title: mutation.title,
    kind: 'MEETING',
    startDate: '2026-05-04',
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  const records = changeParameters(
    undefined,
    [collaborationCreated({ collaboration, topicIds: [], participants: mutation.participants as never })],
    at,
  );
  const { records: rows } = await driver.executeQuery(
    FLOOR_WITH_RECORDS,
    { id, title: mutation.title, participants: mutation.participants, ...records },
    { routing: 'WRITE' },
  );
  const row = rows[0];
  return {
    title: row.get('title'),
    participants: (row.get('participants') as Array<[string, string]>).map(([a, role]) => [a, role]),
  };
}

async function main() {
  const config = loadBenchConfig([]);
  const size = config.sizes[0] ?? 100_000;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const only = (process.env.WRITE_WAYS ?? '').split(',').filter(Boolean);
  const net = benchNetwork(size, config.hubs, config.seed);
  log(`${size} actors: loading (BENCH_REUSE=${process.env.BENCH_REUSE ?? ''})`);
  const { store, close } = await openBenchStore('neo4j', size, undefined);
  const served = await serveBenchStore(store, close);
  const driver = driverFor(config.neo4jUri);
  const thin = await startThinServer(driver);
  let seq = 1_000_000;
  const input = () => inputFor(net.randomActors, net.allIds, seq++);
  const ways: Record<string, () => Promise<unknown>> = {
    ours: async () => {
      const i = input();
      return write.canonical(await served.client.request(write.query, write.variables(i)));
    },
    service: async () => {
      const { input: mutation } = write.variables(input()) as { input: never };
      return served.service.createCollaborationWithParticipants(mutation);
    },
    thin: () => thin.call('write', input()),
    floor: () => write.cypherFloor!(driver, input()),
    'floor+records': () => floorWithRecords(driver, input()),
  };

  // The answers of ours, the thin server and both floors agree (the canonical form has no id).
  const probe = inputFor(net.randomActors, net.allIds, 0);
  const expected = JSON.stringify(write.canonical(await served.client.request(write.query, write.variables(probe))));
  for (const [name, got] of [
    ['floor', await write.cypherFloor!(driver, probe)],
    ['floor+records', await floorWithRecords(driver, probe)],
    ['thin', await thin.call('write', probe)],
  ] as const) {
    if (JSON.stringify(got) !== expected) throw new Error(`${name} answers otherwise: ${JSON.stringify(got)}`);
  }

  const p50s: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  const p95s: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  const loads: number[] = [os.loadavg()[0]];
  for (let round = 0; round < rounds; round++) {
    // Each round in another order, so that no way always follows the same one.
    const names = Object.keys(ways);
    const order = names.map((_, k) => names[(k + round) % names.length]);
    for (const name of order.filter((n) => only.length === 0 || only.includes(n))) {
      const p = await serial(() => ways[name](), config.samples);
      p50s[name].push(p.p50);
      p95s[name].push(p.p95);
    }
    loads.push(os.loadavg()[0]);
    log(
      `round ${round + 1}: ${order
        .filter((n) => p50s[n].length > round)
        .map((n) => `${n} ${p50s[n][round].toFixed(2)}`)
        .join(', ')}`,
    );
  }

  const fmt = (x: number) => x.toFixed(2);
  console.log(
    `\n${size} actors, write (createCollaboration, 5 participants, random actors), Neo4j; ${rounds} rounds × ${config.samples}; load ${loads.map((l) => l.toFixed(1)).join(' → ')}\n`,
  );
  console.log('| way | p50 ms, median of rounds (each round) | p95 ms, median of rounds |');
  console.log('| --- | --- | --- |');
  const ran = (name: string) => p50s[name].length > 0;
  for (const name of Object.keys(ways).filter(ran)) {
    console.log(
      `| ${name} | ${fmt(middleValue(p50s[name]))} (${p50s[name].map(fmt).join(' / ')}) | ${fmt(middleValue(p95s[name]))} |`,
    );
  }
  const ours = middleValue(p50s.ours);
  for (const floor of ['floor', 'floor+records'].filter((f) => ran(f) && ran('ours'))) {
    const f = middleValue(p50s[floor]);
    console.log(
      `ours within max(1.3 × ${floor}, ${floor} + 1 ms): ${withinFloor(ours, f) ? 'yes' : 'no'} (ours ${fmt(ours)}, bound ${fmt(Math.max(1.3 * f, f + 1))}; per round ${p50s.ours.map((o, k) => (withinFloor(o, p50s[floor][k]) ? '✓' : '✗')).join('')})`,
    );
  }
  const perRound = (a: string, b: string) => p50s[a].map((x, k) => x - p50s[b][k]);
  for (const [a, b] of [
    ['floor+records', 'floor'],
    ['ours', 'floor+records'],
    ['ours', 'service'],
    ['ours', 'thin'],
    ['thin', 'floor'],
  ].filter(([a, b]) => ran(a) && ran(b))) {
    const d = perRound(a, b);
    console.log(`${a} − ${b}: ${fmt(middleValue(d))} ms (${d.map(fmt).join(' / ')})`);
  }
  await thin.close();
  await driver.close();
  await served.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
