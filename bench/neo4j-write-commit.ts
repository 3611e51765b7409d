/**
 * `npx tsx bench/neo4j-write-commit.ts`: createCollaboration's one statement (CREATE_COLLABORATION_RECORDED,
 * 5 participants) sent the two ways the store could send it, alternating: in `executeWrite` (BEGIN,
 * RUN/PULL, COMMIT) and as an auto-commit transaction (`session.run`: RUN/PULL, committed by the
 * server; connection.ts writeStatement). Needs a loaded network at BENCH_NEO4J_URI (e.g. after
 * bench/neo4j-read-ahead.ts); the collaborations it writes, with their Change and FeedEvent records,
 * are deleted at the end. BENCH_SAMPLES (40) per way and round, BENCH_ROUNDS (6).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import * as H from '../server/src/features/history/history-rules';
import { CREATE_COLLABORATION_RECORDED, feedParameters } from '../server/src/store/neo4j/collaboration-writes';
import { changeParameters } from '../server/src/store/neo4j/history';
import { toCollaboration } from '../server/src/store/neo4j/records';

const uri = process.env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7698';
const samples = Number(process.env.BENCH_SAMPLES ?? 40);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const PREFIX = 'commit-bench-';
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];

async function main(): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  const bookmarkManager = neo4j.bookmarkManager();
  const setup = driver.session();
  const actorIds = (await setup.run('MATCH (a:Actor) RETURN a.id AS id ORDER BY a.id SKIP 1000 LIMIT 500')).records.map(
    (r) => String(r.get('id')),
  );
  await setup.close();
  let n = 0;
  const parameters = () => {
    const at = new Date().toISOString();
    const id = `${PREFIX}${Date.now()}-${n++}`;
    const props = {
      id,
      title: 'Bench-Treffen',
      kind: 'MEETING',
      startDate: '2026-05-04',
      endDate: null,
      location: null,
      description: null,
      createdAt: at,
      updatedAt: at,
    };
    const start = (n * 5) % (actorIds.length - 5);
    const participants = actorIds
      .slice(start, start + 5)
      .map((actorId, i) => ({ actorId, role: i === 0 ? ('ORGANISER' as const) : ('PARTICIPANT' as const) }));
    const collaboration = toCollaboration({ ...props, version: 1 });
    const changes = changeParameters(
      undefined,
      [H.collaborationCreated({ collaboration, topicIds: [], participants })],
      at,
    );
    return { id, props, topicIds: [], participants, ...changes, ...feedParameters() };
  };
  const session = () => driver.session({ defaultAccessMode: neo4j.session.WRITE, bookmarkManager });
  const ways: Record<string, () => Promise<unknown>> = {
    executeWrite: async () => {
      const s = session();
      try {
        return await s.executeWrite((tx) => tx.run(CREATE_COLLABORATION_RECORDED, parameters()));
      } finally {
        await s.close();
      }
    },
    autoCommit: async () => {
      const s = session();
      try {
        return await s.run(CREATE_COLLABORATION_RECORDED, parameters());
      } finally {
        await s.close();
      }
    },
  };
  const times: Record<string, number[]> = { executeWrite: [], autoCommit: [] };
  const load = [os.loadavg()[0].toFixed(2)];
  try {
    for (let i = 0; i < 10; i++) for (const way of Object.values(ways)) await way();
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? Object.entries(ways) : Object.entries(ways).reverse();
      for (const [name, way] of order) {
        for (let i = 0; i < samples; i++) {
          const t = performance.now();
          await way();
          times[name]!.push(performance.now() - t);
        }
      }
    }
    load.push(os.loadavg()[0].toFixed(2));
    console.log(
      `${samples} × ${rounds} samples per way, load average ${load.join(' → ')} on ${os.cpus().length} cores`,
    );
    for (const [name, xs] of Object.entries(times)) {
      console.log(`${name.padEnd(13)} p50 ${quantile(xs, 0.5).toFixed(2)} ms  p90 ${quantile(xs, 0.9).toFixed(2)} ms`);
    }
  } finally {
    const cleanup = driver.session();
    await cleanup.run(
      `MATCH (n) WHERE (n:Collaboration AND n.id STARTS WITH $prefix)
         OR ((n:Change OR n:FeedEvent) AND n.entityId STARTS WITH $prefix)
       DETACH DELETE n`,
      { prefix: PREFIX },
    );
    await cleanup.close();
    await driver.close();
  }
}

main().catch((error) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
