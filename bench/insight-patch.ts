/**
 * `node -r tsx/cjs bench/insight-patch.ts [--actors=100000] [--runs=5]`: after one write (an actor
 * joins a collaboration), the CPU time of making the projection's arrays and the scope's graph
 * anew (encodeProjectionNow, buildScopedGraph) against patching the last ones
 * (`arrays-patch.ts`, `graph-patch.ts`), alternating in one process; checks that both give the
 * same graph. CPU time of the process (one thread): steadier than wall time on a shared machine.
 */
import { generateNetwork } from '../seed/generate';
import { snapshotOf } from '../seed/snapshot';
import { NetworkProjection } from '../server/src/graph/projection';
import { patchProjectionArrays } from '../server/src/features/insight/arrays-patch';
import { patchScopedGraph } from '../server/src/features/insight/graph-patch';
import { encodeProjectionNow } from '../server/src/features/insight/projection-arrays';
import { graphSpec } from '../server/src/features/insight/scope-masks';
import { buildScopedGraph } from '../server/src/features/insight/scoped-graph';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const actors = Number(arg('actors', '100000'));
  const runs = Number(arg('runs', '5'));
  const projection = NetworkProjection.fromSnapshot(snapshotOf(generateNetwork({ actors, hubs: 5, seed: 42 })));
  let journal = projection.openJournal();
  let arrays = await encodeProjectionNow(projection);
  let spec = graphSpec(arrays, {});
  let graph = buildScopedGraph(arrays.shared, spec);
  const collaborationIds = [...projection.collaborations.keys()];
  const actorIds = [...projection.actors.keys()].sort();
  const rows: Record<string, number[]> = {};
  const note = (k: string, ms: number) => (rows[k] ??= []).push(Math.round(ms * 10) / 10);
  for (let r = 0; r < runs; r++) {
    const id = collaborationIds[(r * 997) % collaborationIds.length];
    const members = projection.collaborations.get(id)!.actors;
    projection.addParticipant(
      id,
      actorIds.find((a, i) => i > r * 31 && !members.has(a))!,
    );

    let s = cpu();
    const encoded = await encodeProjectionNow(projection);
    note('arrays: encoded anew', cpu() - s);
    s = cpu();
    const patchedArrays = patchProjectionArrays(arrays, projection, journal);
    note('arrays: patched (journal)', cpu() - s);
    if (!patchedArrays) throw new Error('the arrays were not patched');
    journal.close();
    journal = projection.openJournal();
    const nextSpec = graphSpec(encoded, {});
    s = cpu();
    const built = buildScopedGraph(encoded.shared, nextSpec);
    note('graph: built anew', cpu() - s);
    s = cpu();
    const patched = patchScopedGraph({ shared: arrays.shared, spec, graph }, patchedArrays.shared, nextSpec);
    note('graph: patched', cpu() - s);
    if (!patched || patched.neighbours.some((v, k) => v !== built.neighbours[k]) || patched.pairs !== built.pairs)
      throw new Error('the patched graph differs from the built one');
    arrays = patchedArrays;
    spec = nextSpec;
    graph = patched;
  }
  for (const [k, v] of Object.entries(rows)) {
    const sorted = [...v].sort((a, b) => a - b);
    console.log(`| ${k} (CPU) | ${sorted[Math.floor(sorted.length / 2)]} ms | ${v.join(', ')} |`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
