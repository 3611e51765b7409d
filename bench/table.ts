/** The printed table (Markdown, also pasted into the README) and the summary JSON. */
import {
  EMBEDDED_LOAD_TARGET_S,
  IMPORT_TARGET_PER_S,
  P95_TARGET_MS,
  READY_TARGET_S,
  RSS_TARGET_MB,
  withinFloor,
} from './targets';
import type { SizeRun } from './run';

interface FullRun {
  when: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; nodeEnv: string };
  seconds: number;
  notes: string[];
  sizes: SizeRun[];
}

const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`;
const short: Record<string, string> = {
  fixedCost: 'fixed cost: { __typename }',
  actorPage: 'actor page',
  actorPanel: 'actor panel (map page)',
  actorList: 'actor list (50)',
  collaborators: 'top collaborators',
  egoNetwork: 'ego network d2 ≤300',
  nameSearch: 'name search',
  write: 'write (5 participants)',
  suggestions: 'suggestions',
};

export function printTable(run: FullRun): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${run.machine.cpus} cores (${run.machine.cpuModel}), ${run.machine.memoryGb} GB, Node ${run.machine.node} (NODE_ENV=${run.machine.nodeEnv || 'unset'}), ${run.machine.platform}; run ${run.when}, ${run.seconds.toFixed(0)} s.`,
    '',
  );
  for (const size of run.sizes) {
    lines.push(
      `### ${size.size.toLocaleString('en')} actors (load average ${size.loadAverage.map((l) => l.toFixed(1)).join(' → ')} on ${run.machine.cpus} cores)`,
      '',
      `${size.size.toLocaleString('en')} actors, ${size.collaborations.toLocaleString('en')} collaborations, ${size.participations.toLocaleString('en')} participations (busiest actor: ${size.busiest.degree} collaborations; busy = top 5 %, ≥ ${size.busyThreshold})`,
      '',
      '| store | request | actors | p50 ms | p95 ms | p99 ms | floor p50 | × floor | peer p50 | × peer | thin p50 | × thin | req/s c8 (err) | req/s c32 (err) | store calls (random / busiest) | p95 target |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const store of size.stores) {
      for (const r of store.requests) {
        const target = P95_TARGET_MS[r.kind];
        const c8 = r.load.find((l) => l.concurrency === 8);
        const c32 = r.load.find((l) => l.concurrency === 32);
        const floorMark = r.floor ? (withinFloor(r.graphql.p50, r.floor.p50) ? '' : ' ✗') : '';
        const peerMark = r.peer ? (r.graphql.p50 <= r.peer.p50 ? '' : ' ✗') : '';
        const agree = [
          r.floorAgrees && r.floorAgrees !== true ? 'floor≠' : '',
          r.peerAgrees && r.peerAgrees !== true ? 'peer≠' : '',
          r.thinAgrees && r.thinAgrees !== true ? 'thin≠' : '',
        ]
          .filter(Boolean)
          .join(' ');
        lines.push(
          `| ${store.store} | ${short[r.kind] ?? r.kind}${agree ? ` (${agree})` : ''} | ${r.actorClass} | ${ms(r.graphql.p50)} | ${ms(r.graphql.p95)} | ${ms(r.graphql.p99)} | ${ms(r.floor?.p50)} | ${ratio(r.graphql.p50, r.floor?.p50)}${floorMark} | ${ms(r.peer?.p50)} | ${ratio(r.graphql.p50, r.peer?.p50)}${peerMark} | ${ms(r.thin?.p50)} | ${ratio(r.graphql.p50, r.thin?.p50)} | ${c8 ? `${c8.perSecond.toFixed(0)} (${c8.errors})` : ''} | ${c32 ? `${c32.perSecond.toFixed(0)} (${c32.errors})` : ''} | ${r.storeCalls ? `${r.storeCalls.random} / ${r.storeCalls.busiest}` : ''} | ${target ? `< ${target}${r.graphql.p95 < target ? ' ✓' : ' ✗'}` : ''} |`,
        );
      }
    }
    lines.push('');
    const load: string[] = [];
    for (const store of size.stores) {
      const importTarget =
        store.store === 'neo4j'
          ? ` (target ≥ ${IMPORT_TARGET_PER_S / 1000}k/s${store.participationsPerSecond >= IMPORT_TARGET_PER_S ? ' ✓' : ' ✗'})`
          : ` (target < ${EMBEDDED_LOAD_TARGET_S} s${store.loadSeconds < EMBEDDED_LOAD_TARGET_S ? ' ✓' : ' ✗'})`;
      load.push(
        `- ${store.store}: load through store.mergeGraph ${store.loadSeconds.toFixed(1)} s = ${(store.participationsPerSecond / 1000).toFixed(1)}k participations/s${importTarget}; projection built in ${(store.projectionSeconds * 1000).toFixed(0)} ms` +
          (store.start
            ? `; server ready ${store.start.readySeconds.toFixed(1)} s after spawn (target < ${READY_TARGET_S} s${store.start.readySeconds < READY_TARGET_S ? ' ✓' : ' ✗'}), RSS ${store.start.rssAfterStartMb?.toFixed(0)} MB at ready, peak ${store.start.peakRssMb?.toFixed(0)} MB after heavy requests (target < ${RSS_TARGET_MB} MB${(store.start.peakRssMb ?? Infinity) < RSS_TARGET_MB ? ' ✓' : ' ✗'})`
            : '') +
          (store.errors.length ? `; errors: ${store.errors.join(' | ')}` : '; no errors'),
      );
    }
    if (size.importPath) {
      const ip = size.importPath;
      load.push(
        'error' in ip
          ? `- neo4j import path (the JSON export through \`npm run import\`'s runImport into an empty Neo4j): failed: ${ip.error}`
          : `- neo4j import path (the JSON export through \`npm run import\`'s runImport into an empty Neo4j; its bulk mode from 50k writes): ${ip.seconds.toFixed(1)} s = ${(ip.participationsPerSecond / 1000).toFixed(1)}k participations/s (target ≥ ${IMPORT_TARGET_PER_S / 1000}k/s${ip.participationsPerSecond >= IMPORT_TARGET_PER_S ? ' ✓' : ' ✗'}); write phase ${ip.applySeconds.toFixed(1)} s`,
      );
    }
    if (size.rawUnwind) {
      load.push(
        `- neo4j raw floor: plain \`UNWIND … CREATE\` batches of 10k: ${(size.size > 0 ? size.participations / size.rawUnwind.participationSeconds / 1000 : 0).toFixed(1)}k participations/s in their participation phase; whole network ${size.rawUnwind.seconds.toFixed(1)} s = ${(size.participations / size.rawUnwind.seconds / 1000).toFixed(1)}k participations/s`,
      );
    }
    lines.push(...load, '');
    const mismatches = size.stores.flatMap((s) =>
      s.requests.flatMap((r) => [
        ...(typeof r.floorAgrees === 'string' ? [`${s.store} ${r.kind} ${r.actorClass} floor: ${r.floorAgrees}`] : []),
        ...(typeof r.peerAgrees === 'string' ? [`${s.store} ${r.kind} ${r.actorClass} peer: ${r.peerAgrees}`] : []),
        ...(typeof r.thinAgrees === 'string' ? [`${s.store} ${r.kind} ${r.actorClass} thin: ${r.thinAgrees}`] : []),
      ]),
    );
    if (mismatches.length) lines.push('Answers that differ:', ...mismatches.map((m) => `- ${m}`), '');
  }
  if (run.notes.length) lines.push(...run.notes.map((n) => `Note: ${n}`));
  return lines.join('\n');
}

/** Small, stable figures only: the file to keep under version control. */
export function summarise(run: FullRun) {
  const r2 = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 100) / 100);
  return {
    when: run.when,
    machine: run.machine,
    seconds: Math.round(run.seconds),
    notes: run.notes,
    sizes: run.sizes.map((size) => ({
      actors: size.size,
      collaborations: size.collaborations,
      participations: size.participations,
      busiest: size.busiest,
      loadAverage: size.loadAverage.map((l) => Math.round(l * 10) / 10),
      rawUnwindParticipationsPerSecond: size.rawUnwind ? Math.round(size.rawUnwind.participationsPerSecond) : undefined,
      rawUnwindWholeParticipationsPerSecond: size.rawUnwind
        ? Math.round(size.participations / size.rawUnwind.seconds)
        : undefined,
      importPath:
        size.importPath && !('error' in size.importPath)
          ? {
              seconds: r2(size.importPath.seconds),
              applySeconds: r2(size.importPath.applySeconds),
              participationsPerSecond: Math.round(size.importPath.participationsPerSecond),
            }
          : size.importPath,
      stores: size.stores.map((s) => ({
        store: s.store,
        loadSeconds: r2(s.loadSeconds),
        participationsPerSecond: Math.round(s.participationsPerSecond),
        projectionMs: Math.round(s.projectionSeconds * 1000),
        readySeconds: r2(s.start?.readySeconds),
        peakRssMb: s.start?.peakRssMb ? Math.round(s.start.peakRssMb) : undefined,
        errors: s.errors,
        requests: s.requests.map((r) => ({
          kind: r.kind,
          actors: r.actorClass,
          p50: r2(r.graphql.p50),
          p95: r2(r.graphql.p95),
          p99: r2(r.graphql.p99),
          floorP50: r2(r.floor?.p50),
          peerP50: r2(r.peer?.p50),
          thinP50: r2(r.thin?.p50),
          thinP95: r2(r.thin?.p95),
          load: r.load.map((l) => ({
            concurrency: l.concurrency,
            perSecond: Math.round(l.perSecond),
            errors: l.errors,
          })),
          storeCalls: r.storeCalls,
          floorAgrees: r.floorAgrees,
          peerAgrees: r.peerAgrees,
          thinAgrees: r.thinAgrees,
        })),
      })),
    })),
  };
}
