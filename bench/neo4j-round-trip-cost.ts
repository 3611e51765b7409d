/**
 * `npx tsx bench/neo4j-round-trip-cost.ts`: what one read statement costs on Neo4j by the ways a
 * request could send it — a session of its own per statement (auto-commit, as the store does), one
 * session shared by the request, `executeRead` (BEGIN … COMMIT), three statements in one shared
 * read transaction against three auto-commit ones, and `driver.executeQuery` (what the bench's
 * Cypher floor and the peer use). An index lookup that finds nothing, so the round trip is all
 * that is timed. BENCH_NEO4J_URI (default bolt://127.0.0.1:7687), N (samples, default 1500).
 * Two passes; the second is the one to read (the first warms the JIT and the server).
 */
import neo4j from 'neo4j-driver';

const uri = process.env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7687';
const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'), { userAgent: 'quartiernetz-bench' });
const bm = neo4j.bookmarkManager();
const N = Number(process.env.N ?? 1500);
async function time(label: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f();
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    await f();
    t.push(performance.now() - s);
  }
  const cpu = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  console.log(
    label.padEnd(40),
    'p50',
    t[N >> 1].toFixed(3),
    'p95',
    t[Math.floor(N * 0.95)].toFixed(3),
    'cpu/call ms',
    ((cpu.user + cpu.system) / 1000 / N).toFixed(3),
  );
}
const q = 'MATCH (a:Actor {id: $id}) RETURN a{.*} AS actor';
const p = { id: 'nobody' };
const shared = driver.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: bm });
async function main() {
  for (let round = 0; round < 2; round++) {
    await time('session.run per call (bm)', async () => {
      const s = driver.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: bm });
      try {
        await s.run(q, p);
      } finally {
        await s.close();
      }
    });
    await time('session.run per call (no bm)', async () => {
      const s = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        await s.run(q, p);
      } finally {
        await s.close();
      }
    });
    await time('executeRead per call (bm)', async () => {
      const s = driver.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: bm });
      try {
        await s.executeRead((tx) => tx.run(q, p));
      } finally {
        await s.close();
      }
    });
    await time('shared session run (bm)', async () => {
      await shared.run(q, p);
    });
    await time('3 runs in one executeRead', async () => {
      const s = driver.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: bm });
      try {
        await s.executeRead(async (tx) => {
          await tx.run(q, p);
          await tx.run(q, p);
          await tx.run(q, p);
        });
      } finally {
        await s.close();
      }
    });
    await time('3 session.run per call (bm)', async () => {
      for (let i = 0; i < 3; i++) {
        const s = driver.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: bm });
        try {
          await s.run(q, p);
        } finally {
          await s.close();
        }
      }
    });
    await time('3 runs shared session (bm)', async () => {
      for (let i = 0; i < 3; i++) await shared.run(q, p);
    });
    await time('executeQuery', async () => {
      await driver.executeQuery(q, p, { routing: neo4j.routing.READ });
    });
  }
  await shared.close();
  await driver.close();
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
