/**
 * Idle cost of following the feed: nothing is written for `seconds`; the CPU time of both replica
 * processes (and of the Neo4j server, when its pid file is known) is read from /proc before and
 * after. Meanwhile the in-process service counts the store calls its own feed polling makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoreName } from '../config';
import type { IdleQueries, InProcess } from './in-process';
import { cpuSeconds, type Replica } from './replicas';

export interface IdleResult {
  seconds: number;
  /** CPU seconds per second (1.0 = one core busy), per process. */
  cpuShare: Record<string, number>;
  queries: IdleQueries;
}

function neo4jPid(): number | null {
  const home = resolve(process.env.NEO4J_HOME_DIR ?? join(__dirname, '../../neo4j/home'));
  const file = join(home, 'neo4j.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && existsSync(`/proc/${pid}/stat`) ? pid : null;
}

export async function idle(
  replicas: Replica[],
  store: StoreName,
  inProcess: InProcess,
  seconds: number,
  pollMs: number,
): Promise<IdleResult> {
  const pids: Array<[string, number]> = replicas.map((r) => [`replica ${r.name}`, r.process.child.pid!]);
  const neo = store === 'neo4j' && !process.env.BENCH_NEO4J_URI ? neo4jPid() : null;
  if (neo) pids.push(['neo4j', neo]);
  const before = pids.map(([, pid]) => cpuSeconds(pid));
  const queries = await inProcess.idle(seconds, pollMs);
  const after = pids.map(([, pid]) => cpuSeconds(pid));
  return {
    seconds,
    cpuShare: Object.fromEntries(pids.map(([name], i) => [name, (after[i]! - before[i]!) / seconds])),
    queries,
  };
}
