/**
 * `bench/import-throughput.ts --store=neo4j`: the generated network's JSON export through runImport
 * (read, validate, resolve, plan, write) into an emptied Neo4j (NEO4J_URI, else BENCH_NEO4J_URI,
 * else bolt://127.0.0.1:7687), alternating the one-transaction path (`single`: `minWrites:
 * Infinity`), the bulk path (`bulk`: store/neo4j/bulk-import.ts with its defaults; `bulk2`: with two
 * sessions) and the raw
 * floor (`raw`: the same rows as plain UNWIND CREATE batches, bench/neo4j-admin.ts), `--runs` (3)
 * times each (`--modes=raw,bulk`: those only). Per run: the whole time, the write ("apply") phase and
 * each bulk phase with Neo4j's CPU in it, participations/s, CPU seconds of Neo4j (its pid from
 * NEO4J_HOME_DIR) and of Node, the load average; then the medians and each mode's ratio to the raw
 * floor of the same runs. A run that fails (Neo4j's transaction memory) is reported.
 * **It empties that database** (bench/neo4j-admin.ts `wipe`: refuses foreign data unless BENCH_WIPE=1).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateNetwork } from '../seed/generate';
import { exportDocument } from '../server/src/features/transfer/export-document';
import { runImport } from '../server/src/features/transfer/import-job';
import { writeJson } from '../server/src/features/transfer/json-write';
import type { ImportFile } from '../server/src/features/transfer/model';
import { createNeo4jStore } from '../server/src/store/neo4j';
import { BULK_IMPORT_DEFAULTS, type BulkImportSettings } from '../server/src/store/neo4j/bulk-import';
import { Neo4jConnection } from '../server/src/store/neo4j/connection';
import { neo4jTransfer } from '../server/src/store/neo4j/transfer';
import { driverFor, rawUnwindImport, wipe } from './neo4j-admin';
import { middleValue } from './stats';

interface Timing {
  mode: string;
  seconds: number;
  applySeconds: number;
  load: number;
  /** CPU seconds of the Neo4j server during the run (null without its pid). */
  neo4jCpu: number | null;
  nodeCpu: number;
}

/** The Neo4j server's pid from NEO4J_HOME_DIR/neo4j.pid (neo4j/neo4j.sh), when readable. */
function neo4jPid(): number | null {
  try {
    return Number(readFileSync(join(process.env.NEO4J_HOME_DIR ?? 'neo4j/home', 'neo4j.pid'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** utime + stime of a process in seconds (/proc/<pid>/stat, clock ticks of 100 Hz). */
function cpuSeconds(pid: number | null): number | null {
  if (pid == null) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const median = middleValue;

export async function neo4jThroughput(actors: number, argv: readonly string[]): Promise<void> {
  const uri = process.env.NEO4J_URI ?? process.env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const runs = Number(argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
  const data = generateNetwork({ actors, hubs: 5, seed: 42 });
  const participations = data.collaborations.reduce((n, c) => n + (c.participants?.length ?? 0), 0);
  const files: ImportFile[] = [{ name: 'network.json', content: writeJson(exportDocument(data, true)) }];
  console.log(`network: ${actors} actors, ${participations} participations; Neo4j at ${uri}`);

  const auth = { user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'neo4j' };
  const store = createNeo4jStore({ uri, ...auth });
  const db = new Neo4jConnection({ uri, ...auth });
  const driver = driverFor(uri);
  const only = argv
    .find((a) => a.startsWith('--modes='))
    ?.slice('--modes='.length)
    .split(',');
  const modes = (
    [
      ['single', { ...BULK_IMPORT_DEFAULTS, minWrites: Number.POSITIVE_INFINITY }],
      ['bulk', BULK_IMPORT_DEFAULTS],
      // The bulk path with two sessions (the default until three were measured faster), for a side-by-side run.
      ['bulk2', { ...BULK_IMPORT_DEFAULTS, concurrency: 2 }],
      // The floor: the same rows with plain UNWIND CREATE batches (bench/neo4j-admin.ts), no import path.
      ['raw', BULK_IMPORT_DEFAULTS],
    ] as Array<[string, BulkImportSettings]>
  ).filter(([mode]) => !only || only.includes(mode));
  const timings: Timing[] = [];
  const raws: number[] = [];
  const pid = neo4jPid();
  try {
    await store.init();
    for (let i = 0; i < runs; i++) {
      for (const [mode, settings] of modes) {
        await wipe(driver, process.env.BENCH_WIPE === '1');
        if (mode === 'raw') {
          const c0 = cpuSeconds(pid);
          const r = await rawUnwindImport(driver, data);
          const c1 = cpuSeconds(pid);
          raws.push(r.seconds);
          console.log(
            `run ${i + 1} raw             ${r.seconds.toFixed(1)} s = ${Math.round(participations / r.seconds).toLocaleString('en')} participations/s; ` +
              `participation phase ${r.participationSeconds.toFixed(1)} s = ${Math.round(participations / r.participationSeconds).toLocaleString('en')}/s; ` +
              `CPU Neo4j ${c0 != null && c1 != null ? (c1 - c0).toFixed(1) : '?'} s; load ${loadavg()[0].toFixed(2)}`,
          );
          continue;
        }
        // When each bulk phase starts (the hook runs before every batch), with Neo4j's CPU then.
        const phaseStarts = new Map<string, number>();
        const phaseCpu = new Map<string, number | null>();
        const transfer = neo4jTransfer(db, {
          ...settings,
          beforeBatch: (phase) => {
            if (phaseStarts.has(phase)) return;
            phaseStarts.set(phase, performance.now());
            phaseCpu.set(phase, cpuSeconds(pid));
          },
        });
        let applyStart = 0;
        const cpu0 = cpuSeconds(pid);
        const node0 = process.cpuUsage();
        const started = performance.now();
        const report = await runImport(
          files,
          { store, apply: (graph, options) => transfer.importGraph(graph, options) },
          {
            format: 'JSON',
            onProgress: (p) => {
              if (p.phase === 'apply' && applyStart === 0) applyStart = performance.now();
            },
          },
        ).catch((error: Error) => {
          // e.g. the one transaction exceeding Neo4j's transaction memory: recorded, the run goes on.
          console.log(
            `run ${i + 1} ${mode}: FAILED after ${((performance.now() - started) / 1000).toFixed(1)} s (load ${loadavg()[0].toFixed(2)}): ${error.message.slice(0, 200)}`,
          );
          return null;
        });
        if (!report) continue;
        const end = performance.now();
        const cpu1 = cpuSeconds(pid);
        const node1 = process.cpuUsage(node0);
        if (!report.counts) throw new Error(`rejected: ${JSON.stringify(report.rejected.slice(0, 3))}`);
        if (report.counts.participations.created !== participations) throw new Error('not every participation created');
        const t: Timing = {
          mode,
          seconds: (end - started) / 1000,
          applySeconds: (end - (applyStart || started)) / 1000,
          load: loadavg()[0],
          neo4jCpu: cpu0 != null && cpu1 != null ? cpu1 - cpu0 : null,
          nodeCpu: (node1.user + node1.system) / 1e6,
        };
        const marks = [...phaseStarts, ['end', end] as [string, number]];
        const cpus = [...phaseCpu.values(), cpu1];
        const phases = marks
          .slice(0, -1)
          .map(([name, at], k) => {
            const c =
              cpus[k + 1] != null && cpus[k] != null ? ` (Neo4j CPU ${(cpus[k + 1]! - cpus[k]!).toFixed(1)} s)` : '';
            return `${name} ${((marks[k + 1][1] - at) / 1000).toFixed(1)} s${c}`;
          })
          .join(', ');
        timings.push(t);
        console.log(
          `run ${i + 1} ${mode.padEnd(15)} ${t.seconds.toFixed(1)} s in all = ${Math.round(participations / t.seconds).toLocaleString('en')} participations/s; ` +
            `write phase ${t.applySeconds.toFixed(1)} s = ${Math.round(participations / t.applySeconds).toLocaleString('en')}/s; ` +
            `CPU Neo4j ${t.neo4jCpu?.toFixed(1) ?? '?'} s, Node ${t.nodeCpu.toFixed(1)} s; load ${t.load.toFixed(2)}` +
            (phases ? `\n    ${phases}` : ''),
        );
      }
    }
    if (raws.length > 0) {
      const floor = median(raws);
      console.log(
        `median raw floor ${floor.toFixed(1)} s = ${Math.round(participations / floor).toLocaleString('en')} participations/s`,
      );
      for (const [mode] of modes) {
        const mine = timings.filter((t) => t.mode === mode);
        if (mine.length > 0)
          console.log(
            `  ${mode}: ${(median(mine.map((t) => t.seconds)) / floor).toFixed(2)} × the raw floor (whole import)`,
          );
      }
    }
    for (const [mode] of modes) {
      const mine = timings.filter((t) => t.mode === mode);
      if (mine.length === 0) continue;
      const all = median(mine.map((t) => t.seconds));
      const apply = median(mine.map((t) => t.applySeconds));
      console.log(
        `median ${mode.padEnd(15)} ${all.toFixed(1)} s = ${Math.round(participations / all).toLocaleString('en')} participations/s in all; ` +
          `write phase ${apply.toFixed(1)} s = ${Math.round(participations / apply).toLocaleString('en')}/s; ` +
          `CPU Neo4j ${median(mine.map((t) => t.neo4jCpu ?? Number.NaN)).toFixed(1)} s ` +
          `(load ${mine.map((t) => t.load.toFixed(1)).join(', ')})`,
      );
    }
  } finally {
    await wipe(driver, process.env.BENCH_WIPE === '1');
    await driver.close();
    await db.close();
    await store.close();
  }
}
