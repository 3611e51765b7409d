/**
 * `npx tsx bench/suggest-read-options.ts`: where to read what a `suggestContacts` answer names on
 * Neo4j, measured on the loaded bench network (100k; BENCH_REUSE=1 keeps it, NEO4J_BOLT_PORT /
 * BENCH_NEO4J_URI as for `npm run bench`, BENCH_NEO4J_PID for Neo4j's CPU time).
 *
 * For the bench's 20 random and 20 busy actors it makes the list (`first: 10`, no GraphQL) and
 * splits the ids the bench's query names into those known before the ranking ends (the actor's
 * partners, its collaborations, its topics) and the rest (`--ids` prints them per actor). Then it
 * times three ways to read them around 15 ms of work on this thread in 3 ms slices with a turn of
 * the event loop between them (the ranking), alternating, 5 rounds, each beyond those 15 ms:
 *   two-calls  dismissedSuggestionsOf sent before the work, getRecords of every named id after it;
 *   prefetch   dismissedSuggestionsOf and getRecords of the actor's partners, collaborations and
 *              topics (at most 200 of each) before it, getRecords of what is still missing after it;
 *   one-call   getRecords of every named id after it, the dismissed pairs not read (in the measured
 *              version, 0ad74f7, a store method read them in the same statement: one index seek more).
 * The one call was tried in the service and not kept: docs/performance.md, "Suggestions on Neo4j:
 * two store calls kept".
 */
import 'reflect-metadata';
import os from 'node:os';
import { NetworkService } from '../server/src/service/network-service';
import type { RecordIds } from '../server/src/store/port/reads';
import { loadBenchConfig } from './config';
import { benchNetwork } from './network-data';
import { openBenchStore } from './open-bench-store';
import { procCpuMs } from './process-probes';
import { nowMs, percentiles } from './stats';

const WORK_MS = 15;
const PREFETCH_MAX = 200;

interface Case {
  id: string;
  named: RecordIds;
  known: RecordIds;
  missing: RecordIds;
}

async function main(): Promise<void> {
  const config = loadBenchConfig([]);
  const size = 100_000;
  const net = benchNetwork(size, config.hubs, config.seed);
  const pid = process.env.BENCH_NEO4J_PID ? Number(process.env.BENCH_NEO4J_PID) : null;
  const opened = await openBenchStore('neo4j', size, undefined);
  const store = opened.store;
  const service = await NetworkService.start(store);
  const projection = service.projection;
  const cases: Case[] = [];
  for (const [cls, pool] of Object.entries({ random: net.randomActors, busy: net.busyActors }))
    for (const id of pool) {
      const list = await service.suggestions.suggestExplained(id, { first: 10 }, []);
      const me = projection.actors.get(id)!;
      const partners = new Set<string>();
      for (const c of me.collaborations)
        for (const p of projection.collaborations.get(c)!.actors) if (p !== id) partners.add(p);
      const actors = new Set<string>();
      const topics = new Set<string>();
      const collaborations = new Set<string>();
      for (const { suggestion, explanation } of list) {
        actors.add(suggestion.actorId);
        for (const t of explanation.sharedTopics) topics.add(t.topicId);
        for (const m of explanation.mutualCollaborators) {
          actors.add(m.actorId);
          for (const c of [...m.withActor, ...m.withSuggested]) collaborations.add(c);
        }
      }
      const known: RecordIds = {
        actors: [...partners].slice(0, PREFETCH_MAX),
        topics: [...me.topics].slice(0, PREFETCH_MAX),
        collaborations: [...me.collaborations].slice(0, PREFETCH_MAX),
      };
      const unknown = (all: Set<string>, k: readonly string[]) => [...all].filter((x) => !k.includes(x));
      const named = { actors: [...actors], topics: [...topics], collaborations: [...collaborations] };
      const missing = {
        actors: unknown(actors, known.actors),
        topics: unknown(topics, known.topics),
        collaborations: unknown(collaborations, known.collaborations),
      };
      cases.push({ id, named, known, missing });
      if (process.argv.includes('--ids'))
        console.log(
          `${cls} ${id}: partners ${partners.size}, collaborations ${me.collaborations.size}, topics ${me.topics.size}; named: actors ${actors.size}, topics ${topics.size}, collaborations ${collaborations.size}; not known before the list: actors ${missing.actors.length}, topics ${missing.topics.length}, collaborations ${missing.collaborations.length}`,
        );
    }

  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const work = async () => {
    const until = nowMs() + WORK_MS;
    while (nowMs() < until) {
      const slice = Math.min(until, nowMs() + 3);
      while (nowMs() < slice);
      await turn();
    }
  };
  const ways: Record<string, (c: Case) => Promise<unknown>> = {
    'two-calls': async (c) => {
      const dismissed = store.dismissedSuggestionsOf(c.id);
      await turn();
      await work();
      await dismissed;
      await store.getRecords(c.named);
    },
    prefetch: async (c) => {
      const dismissed = store.dismissedSuggestionsOf(c.id);
      const known = store.getRecords(c.known);
      await turn();
      await work();
      await Promise.all([dismissed, known]);
      await store.getRecords(c.missing);
    },
    'one-call': async (c) => {
      await work();
      await store.getRecords(c.named);
    },
  };
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, { db: number; own: number; n: number }>();
  for (let round = 0; round < 5; round++)
    for (const [name, way] of Object.entries(ways)) {
      const times = wall.get(name) ?? [];
      const spent = cpu.get(name) ?? { db: 0, own: 0, n: 0 };
      const db = procCpuMs(pid);
      const own = process.cpuUsage();
      for (const c of cases) {
        const t = nowMs();
        await way(c);
        times.push(nowMs() - t - WORK_MS);
      }
      const used = process.cpuUsage(own);
      spent.db += procCpuMs(pid) - db;
      spent.own += (used.user + used.system) / 1000;
      spent.n += cases.length;
      wall.set(name, times);
      cpu.set(name, spent);
    }
  for (const [name, times] of wall) {
    const p = percentiles(times);
    const spent = cpu.get(name)!;
    console.log(
      `${name}: beyond the ${WORK_MS} ms of work p50 ${p.p50.toFixed(2)} / p95 ${p.p95.toFixed(2)} ms; CPU per request: Neo4j ${(spent.db / spent.n).toFixed(2)} ms, this process ${(spent.own / spent.n).toFixed(2)} ms (the work included); load ${os.loadavg()[0].toFixed(2)}`,
    );
  }
  await service.drain();
  await opened.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
