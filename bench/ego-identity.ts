/**
 * `npx tsx bench/ego-identity.ts --store=neo4j|embedded --out=FILE`: ego networks through the real
 * server (HTTP, admin JWT, as `npm run bench`), one line per centre and query with the sha256 of
 * the answer's data, to compare two versions of the code with `cmp`. Centres: the bench's random
 * and busy actors and every `--every`th actor (default 97). Queries: the bench's (labels, edges'
 * weights), every node and edge field with the edges' collaborations and topics as nodes, an
 * actor-kind filter at depth 1, the nodes' ids alone (no labels), and `compactNetwork`.
 *
 *   --db=FILE (embedded: a SQLite file of the bench network, loaded when new)   --every=97
 *   BENCH_REUSE=1, NEO4J_BOLT_PORT / BENCH_NEO4J_URI as for `npm run bench`.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadBenchConfig } from './config';
import { benchNetwork } from './network-data';
import { openBenchStore, serveBenchStore } from './open-bench-store';
import { EGO, REQUESTS } from './requests';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const QUERIES: Record<string, string> = {
  bench: REQUESTS.find((r) => r.kind === 'egoNetwork')!.query,
  everyField: `query($id: ID!) { network(filter: { centreActorId: $id, depth: ${EGO.depth}, maxActors: ${EGO.maxActors}, includeTopics: true }) {
    truncated nodes { id type entityId actorKind collaborationKind size label }
    edges { id type source target weight collaborations { id title } } } }`,
  kindFilter: `query($id: ID!) { network(filter: { centreActorId: $id, depth: 1, maxActors: 50, actorKinds: [ASSOCIATION, INITIATIVE] }) {
    truncated nodes { id label size } edges { source target weight } } }`,
  idsOnly: `query($id: ID!) { network(filter: { centreActorId: $id, depth: ${EGO.depth}, maxActors: ${EGO.maxActors} }) { nodes { id } } }`,
  compact: `query($id: ID!) { compactNetwork(filter: { centreActorId: $id, depth: ${EGO.depth}, maxActors: ${EGO.maxActors} }) {
    actorIds actorNames actorKinds actorSizes tieSources tieTargets tieWeights tieCount truncated } }`,
};

async function main(): Promise<void> {
  const storeKind = arg('store') ?? 'neo4j';
  const out = arg('out');
  if (!out) throw new Error('--out=FILE: where the lines go');
  const every = Number(arg('every') ?? 97);
  const config = loadBenchConfig([]);
  const size = process.env.BENCH_SIZES ? config.sizes[0] : 100_000;
  const net = benchNetwork(size, config.hubs, config.seed);
  const opened = await openBenchStore(storeKind, size, arg('db'));
  const served = await serveBenchStore(opened.store, () => opened.close());
  const { client } = served;
  const centres = [...net.randomActors, ...net.busyActors, ...net.allIds.filter((_, i) => i % every === 0)];
  const lines: string[] = [];
  try {
    for (const id of centres)
      for (const [name, query] of Object.entries(QUERIES)) {
        const text = JSON.stringify(await client.request(query, { id }).catch((e) => ({ error: String(e) })));
        lines.push(`${id} ${name} ${text.length} ${createHash('sha256').update(text).digest('hex')}`);
      }
    writeFileSync(out, lines.join('\n') + '\n');
    console.log(
      `${lines.length} answers (${centres.length} centres × ${Object.keys(QUERIES).length} queries) to ${out}`,
    );
  } finally {
    await served.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
