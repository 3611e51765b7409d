/**
 * The bench's side of Neo4j: start the project's server when it is not running (neo4j/neo4j.sh,
 * which reads NEO4J_BOLT_PORT / NEO4J_HOME_DIR), empty the database, and the raw `UNWIND` import
 * that is the floor of the project's own import path.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { nameKey, slugify } from '../server/src/domain/text';
import type { GraphData } from '../server/src/store/network-store';
import { nowMs } from './stats';

/** Nodes the bench writes carry no marker; this one says the database is the bench's to empty. */
const MARKER = 'BenchOwned';
const FOREIGN_DATA_LIMIT = 5_000;

/**
 * Starts the project's Neo4j unless it runs. Started here, it gets a 4 GB heap (NEO4J_JAVA_OPTS
 * overrides): the project's import path writes 100k actors in one transaction, which the
 * launcher's default 1 GB heap cannot hold (its transaction memory pool is 70 % of the heap).
 */
export function ensureNeo4jRunning(): void {
  const script = resolve(__dirname, '../neo4j/neo4j.sh');
  const env = { ...process.env, NEO4J_JAVA_OPTS: process.env.NEO4J_JAVA_OPTS ?? '-Xmx4g' };
  execFileSync('bash', [script, 'start'], { stdio: ['ignore', 'inherit', 'inherit'], env });
}

export function driverFor(uri: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'), {
    userAgent: 'quartiernetz-bench',
  });
}

/** Empties the database in batches (a small or bench-owned one; BENCH_WIPE=1 for anything else). */
export async function wipe(driver: Driver, force: boolean): Promise<void> {
  const session = driver.session();
  try {
    const marked = (await session.run(`MATCH (m:${MARKER}) RETURN count(m) AS n`)).records[0].get('n').toNumber() > 0;
    const nodes = (await session.run('MATCH (n) RETURN count(n) AS n')).records[0].get('n').toNumber();
    if (!marked && !force && nodes > FOREIGN_DATA_LIMIT) {
      throw new Error(
        `the Neo4j database holds ${nodes} nodes that the bench did not write; it would empty it. ` +
          'Point the bench at another instance (NEO4J_BOLT_PORT, NEO4J_HOME_DIR) or set BENCH_WIPE=1.',
      );
    }
    // Relationships first, then nodes, in small transactions: one DETACH DELETE batch that holds a
    // hub and its thousands of relationships exceeds the 1 GB heap's transaction memory.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    await session.run(`CREATE (:${MARKER})`);
  } finally {
    await session.close();
  }
}

/**
 * The floor of an import: the same rows written with plain `UNWIND … CREATE` batches of 10k, one
 * transaction per batch, nothing checked, no MERGE (the database must be empty, with the
 * project's constraints in place for the lookups). Answers seconds per phase.
 */
export async function rawUnwindImport(
  driver: Driver,
  data: GraphData,
  batch = 10_000,
): Promise<{ seconds: number; participationSeconds: number; participations: number }> {
  const at = new Date().toISOString();
  const rows = {
    topics: data.topics.map((t) => ({
      id: t.id!,
      name: t.name,
      nameKey: nameKey(t.name),
      slug: slugify(t.name),
      aliases: [],
    })),
    actors: data.actors.map((a) => ({
      id: a.id,
      name: a.name,
      nameKey: nameKey(a.name),
      kind: a.kind,
      district: a.district ?? null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    })),
    collaborations: data.collaborations.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
      createdAt: at,
      updatedAt: at,
    })),
    interests: data.actors.flatMap((a) =>
      (a.interests ?? []).map((i) => ({ a: a.id, t: i.topicId, w: i.weight ?? 1 })),
    ),
    participations: data.collaborations.flatMap((c) =>
      (c.participants ?? []).map((p) => ({ a: p.actorId, c: c.id, role: p.role })),
    ),
    about: data.collaborations.flatMap((c) => (c.topicIds ?? []).map((t) => ({ c: c.id, t }))),
  };
  const session = driver.session();
  const run = async (statement: string, all: unknown[]) => {
    for (let i = 0; i < all.length; i += batch) {
      await session.executeWrite((tx) => tx.run(statement, { rows: all.slice(i, i + batch) }));
    }
  };
  try {
    const started = nowMs();
    await run('UNWIND $rows AS r CREATE (t:Topic) SET t = r', rows.topics);
    await run('UNWIND $rows AS r CREATE (a:Actor) SET a = r', rows.actors);
    await run('UNWIND $rows AS r CREATE (c:Collaboration) SET c = r', rows.collaborations);
    await run(
      'UNWIND $rows AS r MATCH (a:Actor {id: r.a}) MATCH (t:Topic {id: r.t}) CREATE (a)-[:INTERESTED_IN {weight: r.w}]->(t)',
      rows.interests,
    );
    const p0 = nowMs();
    await run(
      'UNWIND $rows AS r MATCH (a:Actor {id: r.a}) MATCH (c:Collaboration {id: r.c}) CREATE (a)-[:PARTICIPATED_IN {role: r.role}]->(c)',
      rows.participations,
    );
    const participationSeconds = (nowMs() - p0) / 1000;
    await run(
      'UNWIND $rows AS r MATCH (c:Collaboration {id: r.c}) MATCH (t:Topic {id: r.t}) CREATE (c)-[:ABOUT]->(t)',
      rows.about,
    );
    return { seconds: (nowMs() - started) / 1000, participationSeconds, participations: rows.participations.length };
  } finally {
    await session.close();
  }
}
