/**
 * The longest event-loop blocks around write → answer cycles (brokers, then clusters), with marks
 * of what ran: a 5 ms ticker records every gap > 40 ms; the engine's timings say how long the
 * main thread's parts (masks, result) took. Runs on a copy of an embedded store's file:
 *
 *   cp <a preloaded 100k store>/quartiernetz.sqlite /tmp/insight/d100k/   (the service writes to it)
 *   node -r tsx/cjs bench/insight-blocks.ts [path to the .sqlite copy]
 */
import 'reflect-metadata';
import { NetworkService } from '../server/src/service/network-service';
import { createEmbeddedStore } from '../server/src/store/embedded';
async function main() {
  const store = createEmbeddedStore({ filename: process.argv[2] ?? '/tmp/insight/d100k/quartiernetz.sqlite' });
  await store.init();
  const service = await NetworkService.start(store, { insight: { waitMs: 3_600_000, staleWaitMs: 3_600_000 } });
  const marks: Array<[number, string]> = [];
  const mark = (s: string) => marks.push([performance.now(), s]);
  const gaps: Array<[number, number]> = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - last > 40) gaps.push([last, now - last]);
    last = now;
  }, 5);
  await service.insight.brokers();
  await service.insight.clusters();
  const collabs = [...service.projection.collaborations.entries()]
    .slice(0, 10)
    .map(([id, c]) => ({ id, members: [...c.actors] }));
  const actors = [...service.projection.actors.keys()];
  for (let round = 0; round < 3; round++) {
    const c = collabs[round];
    const members = new Set(c.members);
    const actor = actors.find((a, i) => i > round * 11 && !members.has(a))!;
    mark(`write ${round} start`);
    await service.addParticipant(c.id, actor, 'PARTICIPANT');
    mark(`write ${round} end; brokers asked`);
    const b = await service.insight.brokers();
    mark(`brokers answered v${b.version} ${JSON.stringify(service.insight.timings.get('brokers'))}`);
    await service.addParticipant(collabs[round + 5].id, actor, 'PARTICIPANT').catch(() => undefined);
    mark(`write2 ${round}; clusters asked`);
    const k = await service.insight.clusters();
    mark(
      `clusters answered provisional=${k.value.provisional} ${JSON.stringify(service.insight.timings.get('clusters'))}`,
    );
    await new Promise((r) => setTimeout(r, 200));
  }
  clearInterval(ticker);
  const t0 = marks[0][0];
  for (const [t, s] of marks) console.log(`${Math.round(t - t0)} ms: ${s}`);
  for (const [t, d] of gaps
    .filter(([t]) => t >= t0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12))
    console.log(`gap ${Math.round(d)} ms at ${Math.round(t - t0)}`);
  await service.close();
  await store.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
