/**
 * The longest single event-loop block per kind of request, on a preloaded network (DATA_DIR, e.g.
 * a copy of a 100k-actor store — the service writes to it). Starts server/main.ts with the probe
 * (./event-loop-probe.cjs) and the supervisor's V8 flags, waits until /readyz answers (the
 * suggestion fit would otherwise run between the requests), then sends each kind of request alone,
 * RUNS times, one at a time, and prints per kind the longest block (wall), the main thread's CPU
 * time in that block (wall minus CPU is waiting for a core: the machine), the longest GC pause
 * and the request's wall time — the largest of the runs.
 *
 *   DATA_DIR=/tmp/copy-of-d100k [ADMIN_KEY=qn_…] npx tsx bench/event-loop-blocks.ts [--runs=3] [--only=name,name]
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR: a copy of a preloaded embedded store');
const runs = Number(/--runs=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 3);
const only = /--only=(\S+)/.exec(process.argv.join(' '))?.[1]?.split(',');
const probeFile = join(dataDir, 'event-loop-probe.jsonl');
/** An admin key stored in DATA_DIR (by default the one of the generated measurement data sets). */
const adminKey = process.env.ADMIN_KEY ?? 'qn_testadminkey0123456789abcdefABCDEF0123';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Probe {
  url: string;
  status: number;
  wallMs: number;
  maxBlockMs: number;
  maxBlockCpuMs: number;
  maxGcMs: number;
}

function busiest(): { actorId: string; collaborations: number } {
  const db = new Database(join(dataDir!, 'quartiernetz.sqlite'), { readonly: true });
  const top = db
    .prepare('SELECT actor_id AS id, COUNT(*) AS n FROM participation GROUP BY actor_id ORDER BY n DESC LIMIT 1')
    .get() as { id: string; n: number };
  db.close();
  return { actorId: top.id, collaborations: top.n };
}

async function main(): Promise<void> {
  const { actorId } = busiest();
  rmSync(probeFile, { force: true });
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--require',
      join(__dirname, 'event-loop-probe.cjs'),
      `--max-old-space-size=${process.env.HEAP_LIMIT_MB ?? 2048}`,
      ...(process.env.SERVICE_V8_FLAGS ?? '--max-semi-space-size=32').split(' ').filter(Boolean),
      join(__dirname, '..', 'server', 'main.ts'),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        SEED: 'none',
        NEO4J_URI: '',
        ADMIN_API_KEY: adminKey,
        EVENT_LOOP_PROBE: probeFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  try {
    while (!/GraphQL at (http:\/\/[^\s/]+)\/graphql/.test(output)) {
      if (child.exitCode !== null) throw new Error(output);
      await sleep(200);
    }
    const base = /GraphQL at (http:\/\/[^\s/]+)\/graphql/.exec(output)![1];
    const readySince = Date.now();
    while ((await fetch(`${base}/readyz`)).status !== 200) await sleep(1000);
    console.log(`ready after ${Math.round((Date.now() - readySince) / 1000)} s more; busiest actor ${actorId}`);
    const auth = { authorization: `Bearer ${adminKey}` };
    const gql =
      (query: string, variables: Record<string, unknown> = {}) =>
      async () => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        return { status: response.status, bytes: text.length, errors: response.ok ? '' : text.slice(0, 160) };
      };
    const get = (path: string) => async () => {
      const response = await fetch(`${base}${path}`, { headers: auth });
      const text = await response.text();
      return { status: response.status, bytes: text.length, errors: response.ok ? '' : text.slice(0, 160) };
    };
    // A partner of the busiest actor, for "collaborators of collaborators".
    const partner = JSON.parse(
      await (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ query: `{ actor(id: "${actorId}") { collaborators(first: 1) { actor { id } } } }` }),
        })
      ).text(),
    ).data.actor.collaborators[0].actor.id as string;
    const COLLAB = 'id title kind startDate endDate';
    let written = 0;
    const kinds: Array<[string, () => Promise<{ status: number; bytes: number; errors: string }>]> = [
      [
        'busy actor page (viewer: all collaborations, first 30 collaborators)',
        gql(
          `query($id: ID!) { actor(id: $id) { id name kind description district website contact collaborationCount topics { id name } collaborations { role collaboration { ${COLLAB} } } collaborators(first: 30) { sharedCount actor { id name kind } } } }`,
          { id: actorId },
        ),
      ],
      [
        'busy actor page with all participants',
        gql(
          `query($id: ID!) { actor(id: $id) { id name collaborations { role collaboration { ${COLLAB} participants { role actor { id name kind } } } } } }`,
          { id: actorId },
        ),
      ],
      [
        'busy actor page with participants paged (participantPage first 20)',
        gql(
          `query($id: ID!) { actor(id: $id) { id name collaborations { role collaboration { ${COLLAB} participantCount participantPage(first: 20) { nodes { role actor { id name kind } } } } } } }`,
          { id: actorId },
        ),
      ],
      [
        'collaborators of a hub (all)',
        gql(`query($id: ID!) { actor(id: $id) { collaborators { sharedCount actor { id name kind } } } }`, {
          id: actorId,
        }),
      ],
      [
        'collaborators of collaborators (hub, first 30 × first 30)',
        gql(
          `query($id: ID!) { actor(id: $id) { collaborators(first: 30) { actor { id collaborators(first: 30) { sharedCount actor { id name } } } } } }`,
          { id: actorId },
        ),
      ],
      [
        'collaborators of a hub partner (all)',
        gql(`query($id: ID!) { actor(id: $id) { collaborators { sharedCount actor { id name kind } } } }`, {
          id: partner,
        }),
      ],
      [
        'ego network of a hub (depth 1, maxActors 1000)',
        gql(
          `query($id: ID!) { network(filter: { centreActorId: $id, depth: 1 }) { nodes { id } edges { source target } } }`,
          { id: actorId },
        ),
      ],
      [
        'ego network of a hub (depth 2, maxActors 5000)',
        gql(
          `query($id: ID!) { network(filter: { centreActorId: $id, depth: 2, maxActors: 5000 }) { nodes { id } edges { source target } } }`,
          { id: actorId },
        ),
      ],
      [
        'name search',
        gql('query($t: String!) { actors(filter: { nameContains: $t }, first: 12) { nodes { id name kind } } }', {
          t: 'berg',
        }),
      ],
      [
        'history of the busiest actor (first 100)',
        gql(`query($id: ID!) { history(entityId: $id, first: 100) { totalCount nodes { seq at operation } } }`, {
          id: actorId,
        }),
      ],
      [
        'compactNetwork (map), whole network, all ties',
        gql(
          '{ compactNetwork { truncated tieCount actorIds actorNames actorKinds actorSizes tieSources tieTargets tieWeights topicIds topicNames topicSizes interestActors interestTopics } }',
        ),
      ],
      [
        'compactNetwork (map), whole network, maxTies 20000',
        gql(
          '{ compactNetwork(maxTies: 20000) { truncated tieCount actorIds actorNames actorKinds actorSizes tieSources tieTargets tieWeights } }',
        ),
      ],
      ['exportNetwork JSON (GraphQL)', gql('{ exportNetwork(format: JSON) { files { name content } } }')],
      ['exportNetwork CSV (GraphQL)', gql('{ exportNetwork(format: CSV) { files { name content } } }')],
      ['exportNetwork GRAPHML (GraphQL)', gql('{ exportNetwork(format: GRAPHML) { files { name content } } }')],
      ['GET /export/network.json', get('/export/network.json')],
      ['GET /export/network.graphml', get('/export/network.graphml')],
      [
        'personalData of the busiest actor',
        gql(`query($id: ID!) { personalData(actorId: $id) { __typename } }`, { id: actorId }),
      ],
      [
        'import of a small CSV (3 actors)',
        () =>
          gql(
            'mutation($files: [ImportFileInput!]!) { importNetwork(format: CSV, files: $files) { applied rejectedTotal } }',
            {
              files: [
                {
                  name: 'actors.csv',
                  content: `Name;Art;Stadtteil\nProbe Eins ${written};Initiative;Batenbrock\nProbe Zwei ${written};Verein;Batenbrock\nProbe Drei ${written++};Person;Batenbrock\n`,
                },
              ],
            },
          )(),
      ],
      [
        'a write (createActor)',
        () =>
          gql('mutation($n: String!) { createActor(input: { name: $n, kind: ASSOCIATION }) { id } }', {
            n: `Probe ${written++}`,
          })(),
      ],
    ];
    const rows: string[] = [];
    for (const [name, send] of kinds) {
      if (only && !only.some((o) => name.includes(o))) continue;
      const probes: Probe[] = [];
      let last = { status: 0, bytes: 0, errors: '' };
      for (let i = 0; i < runs; i++) {
        const before = readProbes().length;
        last = await send();
        await sleep(300); // the probe writes its line when the response has closed
        probes.push(...readProbes().slice(before));
        await sleep(500);
      }
      const max = (key: keyof Probe) => Math.max(...probes.map((p) => Number(p[key])));
      const worst = probes.reduce((a, b) => (b.maxBlockMs > a.maxBlockMs ? b : a), probes[0]!);
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const row = `| ${name} | ${worst?.maxBlockMs ?? '?'} | ${worst?.maxBlockCpuMs ?? '?'} | ${max('maxGcMs')} | ${max('wallMs')} | ${last.status} ${(last.bytes / 1e6).toFixed(1)} MB | ${load} |`;
      console.log(row + (last.errors ? `  ${last.errors}` : ''));
      rows.push(row);
    }
    console.log('\n| request | longest block ms | its main-thread CPU ms | longest GC ms | wall ms | answer | load |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
  } finally {
    child.kill('SIGKILL');
  }
}

function readProbes(): Probe[] {
  try {
    return readFileSync(probeFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Probe)
      .filter((p) => p.url !== '/readyz');
  } catch {
    return [];
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
