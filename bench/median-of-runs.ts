/**
 * The medians of several full runs of `npm run bench`, for the headline figures the targets ask
 * as "median of at least three runs":
 *
 *   npx tsx bench/median-of-runs.ts bench/results/run-A.json bench/results/run-B.json bench/results/run-C.json [--size=100000]
 *
 * Per store, request and class of actors: the median over the runs of p50 and p95, the floor's,
 * the peer's and the thin server's p50, and the ratios to the peer and to the thin server (the
 * median of each run's own ratio: both were measured side by side in one run), with each run's
 * figure beside it; where the thin server ran (Neo4j), how far ours and it are above the floor
 * (the median of each run's own differences); then import speed, readiness and peak RSS. The
 * targets are bench/targets.ts's; a ✗ marks a median that misses one. Prints Markdown.
 */
import { readFileSync } from 'node:fs';
import { P95_TARGET_MS, READY_TARGET_S, RSS_TARGET_MB, IMPORT_TARGET_PER_S, withinFloor } from './targets';

interface Series {
  p50: number;
  p95: number;
}
interface RequestResult {
  kind: string;
  label: string;
  actorClass: string;
  graphql: Series;
  floor?: Series | null;
  peer?: Series | null;
  thin?: Series | null;
}
interface StoreResult {
  store: string;
  requests: RequestResult[];
  participationsPerSecond?: number;
  start?: { readySeconds?: number; peakRssMb?: number } | null;
}
interface SizeResult {
  size: number;
  participations: number;
  stores: StoreResult[];
  loadAverage: number[];
  rawUnwind?: { seconds: number; participationSeconds: number };
  importPath?: { participationsPerSecond?: number; error?: string };
}
interface Run {
  when: string;
  seconds: number;
  sizes: SizeResult[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const each = (xs: Array<number | undefined>) => xs.map(fmt).join(' / ');
const defined = (xs: Array<number | undefined>) => xs.filter((x): x is number => x !== undefined && Number.isFinite(x));

function main(): void {
  const args = process.argv.slice(2);
  const size = Number(args.find((a) => a.startsWith('--size='))?.slice(7) ?? 100_000);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length < 2) throw new Error('give at least two run-*.json files');
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Run);
  const sizes = runs.map((run) => {
    const found = run.sizes.find((s) => s.size === size);
    if (!found) throw new Error(`a run of ${run.when} has no size ${size}`);
    return found;
  });

  console.log(`## Medians of ${runs.length} runs at ${size.toLocaleString('en')} actors\n`);
  for (const [k, run] of runs.entries())
    console.log(
      `- run ${k + 1}: ${run.when}, ${run.seconds.toFixed(0)} s, load average ${sizes[k].loadAverage.map((l) => l.toFixed(1)).join(' → ')}`,
    );
  console.log(
    "\nms; each run's figure in brackets (run 1 / 2 / 3 …). ✗: the median misses the p95 bound (bench/targets.ts) or is slower than the peer.\n",
  );
  console.log(
    '| store | request | actors | p50 | p95 | floor p50 | within floor | peer p50 | × peer | thin p50 | × thin | p95 target |',
  );
  console.log('| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |');
  const storeNames = [...new Set(sizes.flatMap((s) => s.stores.map((st) => st.store)))];
  const rows = storeNames.flatMap((store) =>
    (sizes[0].stores.find((st) => st.store === store)?.requests ?? []).map((request) => ({
      store,
      request,
      same: sizes.map((s) =>
        s.stores
          .find((st) => st.store === store)
          ?.requests.find((r) => r.kind === request.kind && r.actorClass === request.actorClass),
      ),
    })),
  );
  const name = (request: RequestResult) => request.label.split(':')[0].replace(/ \(.*\)$/, '');
  for (const { store, request, same } of rows) {
    const p50s = same.map((r) => r?.graphql.p50);
    const p95s = same.map((r) => r?.graphql.p95);
    const floors = same.map((r) => r?.floor?.p50);
    const peers = same.map((r) => r?.peer?.p50);
    const ratios = same.map((r) => (r?.peer ? r.graphql.p50 / r.peer.p50 : undefined));
    const thins = same.map((r) => r?.thin?.p50);
    const thinRatios = same.map((r) => (r?.thin ? r.graphql.p50 / r.thin.p50 : undefined));
    const p50 = median(defined(p50s));
    const p95 = median(defined(p95s));
    const floor = defined(floors).length ? median(defined(floors)) : undefined;
    const ratio = defined(ratios).length ? median(defined(ratios)) : undefined;
    const bound = P95_TARGET_MS[request.kind];
    const cells = [
      store,
      name(request),
      request.actorClass,
      `${fmt(p50)} (${each(p50s)})`,
      `${fmt(p95)} (${each(p95s)})`,
      floor === undefined ? '–' : fmt(floor),
      floor === undefined ? '–' : withinFloor(p50, floor) ? '✓' : '✗',
      defined(peers).length ? fmt(median(defined(peers))) : '–',
      ratio === undefined ? '–' : `${ratio.toFixed(2)}×${ratio > 1 ? ' ✗' : ''} (${each(ratios)})`,
      defined(thins).length ? `${fmt(median(defined(thins)))} (${each(thins)})` : '–',
      defined(thinRatios).length ? `${median(defined(thinRatios)).toFixed(2)}× (${each(thinRatios)})` : '–',
      bound === undefined ? '' : `< ${bound}${p95 < bound ? ' ✓' : ' ✗'}`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }

  // How far above the floor: ours and the thin GraphQL server over the floor's own Cypher.
  const withThin = rows.filter(({ same }) => same.some((r) => r?.thin && r.floor));
  if (withThin.length) {
    console.log(
      "\nAbove the floor, p50 ms: the median of each run's difference (each run's in brackets); \"thin within floor\": the thin server's median p50 within max(1.3 × floor, floor + 1 ms).\n",
    );
    console.log('| store | request | actors | ours − floor | thin − floor | ours − thin | thin within floor |');
    console.log('| --- | --- | --- | ---: | ---: | ---: | --- |');
    const difference = (same: Array<RequestResult | undefined>, a: (r: RequestResult) => number | undefined) => {
      const xs = same.map((r) => (r ? a(r) : undefined));
      return `${defined(xs).length ? fmt(median(defined(xs))) : '–'} (${each(xs)})`;
    };
    for (const { store, request, same } of withThin) {
      const floor = median(defined(same.map((r) => r?.floor?.p50)));
      const thin = median(defined(same.map((r) => r?.thin?.p50)));
      const cells = [
        store,
        name(request),
        request.actorClass,
        difference(same, (r) => (r.floor ? r.graphql.p50 - r.floor.p50 : undefined)),
        difference(same, (r) => (r.floor && r.thin ? r.thin.p50 - r.floor.p50 : undefined)),
        difference(same, (r) => (r.thin ? r.graphql.p50 - r.thin.p50 : undefined)),
        Number.isFinite(thin) && Number.isFinite(floor) ? (withinFloor(thin, floor) ? '✓' : '✗') : '–',
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
  }

  console.log('\n| store | load by store.mergeGraph, participations/s | ready, s | peak RSS, MB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const store of storeNames) {
    const results = sizes.map((s) => s.stores.find((st) => st.store === store));
    const imports = results.map((r) => r?.participationsPerSecond);
    const ready = results.map((r) => r?.start?.readySeconds ?? undefined);
    const rss = results.map((r) => r?.start?.peakRssMb ?? undefined);
    const mImport = defined(imports).length ? median(defined(imports)) : undefined;
    const mReady = defined(ready).length ? median(defined(ready)) : undefined;
    const mRss = defined(rss).length ? median(defined(rss)) : undefined;
    const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');
    console.log(
      `| ${store} | ${fmt(mImport)}${mark(store === 'neo4j' && mImport !== undefined ? mImport >= IMPORT_TARGET_PER_S : undefined)} (${each(imports)}) | ${fmt(mReady)}${mark(mReady === undefined ? undefined : mReady < READY_TARGET_S)} (${each(ready)}) | ${fmt(mRss)}${mark(mRss === undefined ? undefined : mRss < RSS_TARGET_MB)} (${each(rss)}) |`,
    );
  }

  // Into Neo4j three ways: the project's import path (runImport, bulk mode on an empty database),
  // store.mergeGraph (above) and the raw UNWIND floor, whole network and its participation phase.
  const neo4jRates = (rate: (s: SizeResult) => number | undefined) => {
    const xs = sizes.map(rate);
    const m = defined(xs).length ? median(defined(xs)) : undefined;
    return `${fmt(m)}${m === undefined ? '' : m >= IMPORT_TARGET_PER_S ? ' ✓' : ' ✗'} (${each(xs)})`;
  };
  if (sizes.some((s) => s.importPath || s.rawUnwind)) {
    console.log('\n| into Neo4j, participations/s | median (each run) |');
    console.log('| --- | ---: |');
    console.log(
      `| import path (\`npm run import\` into an empty Neo4j; bulk mode from 50k writes) | ${neo4jRates((s) => s.importPath?.participationsPerSecond)} |`,
    );
    console.log(
      `| raw \`UNWIND … CREATE\` floor, whole network | ${neo4jRates((s) => (s.rawUnwind ? s.participations / s.rawUnwind.seconds : undefined))} |`,
    );
    console.log(
      `| raw floor, its participation phase | ${neo4jRates((s) => (s.rawUnwind ? s.participations / s.rawUnwind.participationSeconds : undefined))} |`,
    );
  }
}

if (require.main === module) main();
