/**
 * The bulk import's write phases alone (no runImport around them), in variants, alternating, each
 * into an emptied Neo4j: wall time, Neo4j CPU and transactions run (more than batches = retries)
 * per phase. `nestedN`: bulk-import.ts's statements with N sessions (`big`/`mid`: 50k/25k writes per
 * batch); `splitN`: nodes first, then every relationship as raw-style UNWIND MATCH MATCH CREATE.
 *   NEO4J_URI=bolt://127.0.0.1:7697 NEO4J_HOME_DIR=/work/neo4j-x npx tsx bench/import-variants-neo4j.ts 100000 <rounds> nested2,nested3
 * **It empties that database** (bench/neo4j-admin.ts `wipe`).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { generateNetwork } from '../seed/generate';
import { exportDocument } from '../server/src/features/transfer/export-document';
import { runImport } from '../server/src/features/transfer/import-job';
import { writeJson } from '../server/src/features/transfer/json-write';
import { planImport, type ImportGraph } from '../server/src/features/transfer/import-rules';
import { createNeo4jStore } from '../server/src/store/neo4j';
import * as B from '../server/src/store/neo4j/bulk-import';
import { driverFor, wipe } from './neo4j-admin';

const pid = Number(readFileSync(join(process.env.NEO4J_HOME_DIR!, 'neo4j.pid'), 'utf8').trim());
const cpu = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const empty = () => ({
  topics: new Map(),
  actors: new Map(),
  collaborations: new Map(),
  interests: new Map(),
  collaborationTopics: new Set<string>(),
  participations: new Map(),
  topicSlugs: new Map(),
});

type Params = Record<string, unknown>;
let tries = 0;
async function pool(driver: Driver, stmt: string, batches: Params[][], conc: number, extra: Params = {}) {
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const rows = batches[next++];
      const s = driver.session();
      try {
        await s.executeWrite(async (tx) => {
          tries++;
          return tx.run(stmt, { ...extra, rows, run: 'x' });
        });
      } finally {
        await s.close();
      }
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
}
/** Batches of about `size` writes (row + its relationships). */
function cut<T>(rows: T[], weight: (r: T) => number, size: number): T[][] {
  const out: T[][] = [];
  let b: T[] = [];
  let w = 0;
  for (const r of rows) {
    const x = 1 + weight(r);
    if (w > 0 && w + x > size) {
      out.push(b);
      b = [];
      w = 0;
    }
    b.push(r);
    w += x;
  }
  if (b.length) out.push(b);
  return out;
}

const NODES_A = 'UNWIND $rows AS r CREATE (a:Actor) SET a = r.props, a.importRun = $run';
const NODES_C = 'UNWIND $rows AS r CREATE (c:Collaboration) SET c = r.props, c.importRun = $run';
const INTEREST =
  'UNWIND $rows AS r MATCH (a:Actor {id: r.a}) MATCH (t:Topic {id: r.t}) CREATE (a)-[:INTERESTED_IN {weight: r.w}]->(t)';
const ABOUT = 'UNWIND $rows AS r MATCH (c:Collaboration {id: r.c}) MATCH (t:Topic {id: r.t}) CREATE (c)-[:ABOUT]->(t)';
const PART =
  'UNWIND $rows AS r MATCH (a:Actor {id: r.a}) MATCH (c:Collaboration {id: r.c}) CREATE (a)-[:PARTICIPATED_IN {role: r.role}]->(c)';

type Rows = ReturnType<typeof B.recordRows>;
type Phase = [string, (d: Driver, rows: Rows) => Promise<void>];
const nested = (conc: number, size: number): Phase[] => [
  [
    'actors',
    (d, r) =>
      pool(
        d,
        B.BULK_CREATE_ACTORS,
        cut(r.actors, (x) => x.relationships, size).map((b) => b.map((x) => x.row)),
        conc,
      ),
  ],
  [
    'collabs',
    (d, r) =>
      pool(
        d,
        B.BULK_CREATE_COLLABORATIONS,
        cut(r.collaborations, (x) => x.relationships, size).map((b) => b.map((x) => x.row)),
        conc,
      ),
  ],
];
const split = (conc: number, relConc: number, size: number): Phase[] => [
  [
    'actorNodes',
    (d, r) =>
      pool(
        d,
        NODES_A,
        cut(r.actors, () => 0, size).map((b) => b.map((x) => x.row)),
        conc,
      ),
  ],
  [
    'collabNodes',
    (d, r) =>
      pool(
        d,
        NODES_C,
        cut(r.collaborations, () => 0, size).map((b) => b.map((x) => x.row)),
        conc,
      ),
  ],
  [
    'interests',
    (d, r) =>
      pool(
        d,
        INTEREST,
        cut(
          r.actors.flatMap((x) =>
            (x.row.interests as any[]).map((i) => ({ a: (x.row.props as any).id, t: i.topicId, w: i.weight })),
          ),
          () => 0,
          size,
        ),
        relConc,
      ),
  ],
  [
    'about',
    (d, r) =>
      pool(
        d,
        ABOUT,
        cut(
          r.collaborations.flatMap((x) => (x.row.topicIds as string[]).map((t) => ({ c: (x.row.props as any).id, t }))),
          () => 0,
          size,
        ),
        relConc,
      ),
  ],
  [
    'parts',
    (d, r) =>
      pool(
        d,
        PART,
        cut(
          r.collaborations.flatMap((x) =>
            (x.row.participants as any[]).map((p) => ({ a: p.actorId, c: (x.row.props as any).id, role: p.role })),
          ),
          () => 0,
          size,
        ),
        relConc,
      ),
  ],
];

async function main() {
  const actors = Number(process.argv[2] ?? 100000);
  const rounds = Number(process.argv[3] ?? 2);
  const which = (process.argv[4] ?? 'nested2,nested1,split2,split1').split(',');
  const uri = process.env.NEO4J_URI!;
  const data = generateNetwork({ actors, hubs: 5, seed: 42 });
  const store = createNeo4jStore({ uri, user: 'neo4j', password: 'neo4j' });
  await store.init();
  const driver = driverFor(uri);
  let doc: ImportGraph | null = null;
  await runImport(
    [{ name: 'n.json', content: writeJson(exportDocument(data, true)) }],
    {
      store,
      apply: async (g) => {
        doc = g;
        return planImport(g, empty(), new Date().toISOString()).counts;
      },
    },
    { format: 'JSON' },
  );
  const variants: Record<string, Phase[]> = {
    nested2: nested(2, 10000),
    nested1: nested(1, 10000),
    nested2big: nested(2, 50000),
    nested2mid: nested(2, 25000),
    nested3: nested(3, 10000),
    nested4: nested(4, 10000),
    split2: split(2, 2, 10000),
    split1: split(1, 1, 10000),
    split21: split(2, 1, 10000),
    split2big: split(2, 1, 50000),
  };
  try {
    for (let k = 0; k < rounds; k++)
      for (const v of which) {
        await wipe(driver, false);
        const plan = planImport(doc!, empty(), new Date().toISOString());
        const rows = B.recordRows(plan);
        await pool(driver, B.BULK_CREATE_TOPICS, [rows.topics.map((t) => t.row)], 1);
        tries = 0;
        const t0 = performance.now();
        const c0 = cpu();
        const parts: string[] = [];
        for (const [name, f] of variants[v]) {
          const a = performance.now();
          const ca = cpu();
          const ta = tries;
          await f(driver, rows);
          parts.push(
            `${name} ${((performance.now() - a) / 1000).toFixed(1)}s/${(cpu() - ca).toFixed(1)}cpu/${tries - ta}tx`,
          );
        }
        console.log(
          `round ${k + 1} ${v.padEnd(10)} ${((performance.now() - t0) / 1000).toFixed(1)} s, Neo4j CPU ${(cpu() - c0).toFixed(1)} s, load ${loadavg()[0].toFixed(2)} | ${parts.join(', ')}`,
        );
      }
  } finally {
    await wipe(driver, false);
    await driver.close();
    await store.close();
  }
}
void main();
