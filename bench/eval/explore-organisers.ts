/**
 * `npx tsx bench/eval/explore-organisers.ts --data=DIR [--dates=…] [--planted-seeds=…] [--ws=0.5,1,2,4]`:
 * the served default's walk with steps through organisers weighted up — a step through x times
 * (1 + w · min(k_x, 3) / 3), k_x = the collaborations of the split's past that x organised (H2020:
 * the project's coordinator, read here from participations.csv, as the evaluation's network has no
 * roles; planted networks: the participants with the role ORGANISER) — measured through
 * `suggestContacts` (full walk) on the exploration splits, before anything goes into the service:
 * P@10 / Katz with the paired bootstrap 95 % interval, and coverage (distinct actors over all top-ten
 * lists). w = 0 with the default is the served default itself; `--family=a:t,…` adds the default's
 * family with activity weight a and topics weight t.
 */
import { join } from 'node:path';
import { plantedNetwork } from '../../seed/planted';
import type { CollaborationGraph } from '../../server/src/features/suggestions/csr';
import { checkModel, singleSignalModel, type ScoringModel } from '../../server/src/features/suggestions/model';
import { SignalWorkspace } from '../../server/src/features/suggestions/signals';
import { buildSuggestionIndex, type SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { DEFAULT_MODEL, DEFAULT_TERMS } from '../../server/src/features/suggestions/weights';
import { readCsvObjects } from './csv';
import { bootstrapRatio, fullWalkLists } from './evaluate';
import { arg, explorationSplits } from './exploration-splits';
import { actorsWithTies, type TemporalSplit } from './split';

const WS = (arg('ws') ?? '0.5,1,2,4').split(',').map(Number);

/** The default's family with other activity and topic weights (`--family=a:t,a:t`; the default alone without). */
const FAMILY: ScoringModel[] = [
  DEFAULT_MODEL,
  ...(arg('family') ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [a, t] = pair.split(':').map(Number);
      return checkModel({
        name: `activity ${a}, topics ${t}`,
        terms: DEFAULT_TERMS.map((x) => ({
          ...x,
          weight: x.signal === 'activity' ? a : x.signal === 'topics' ? t : x.weight,
        })),
      });
    }),
];

/**
 * Per collaboration id, the actors that organised it, for the split of `label`: H2020 from its
 * participations.csv, a planted network from its own generated data (their ids repeat across seeds).
 */
function organisersOf(label: string): Map<string, Set<string>> {
  const byCollaboration = new Map<string, Set<string>>();
  const add = (collaborationId: string, actorId: string) => {
    const set = byCollaboration.get(collaborationId) ?? new Set<string>();
    set.add(actorId);
    byCollaboration.set(collaborationId, set);
  };
  const planted = /^planted seed (\d+)$/.exec(label);
  if (planted) {
    for (const c of plantedNetwork({ actors: 5000, seed: Number(planted[1]) }).data.collaborations)
      for (const p of c.participants ?? []) if (p.role === 'ORGANISER') add(c.id, p.actorId);
  } else {
    for (const p of readCsvObjects(join(arg('data')!, 'participations.csv')))
      if (p.role === 'coordinator') add(p.collaboration_id, p.actor_id);
  }
  return byCollaboration;
}

/** The index with each step through x weighted (1 + w · min(k_x, 3) / 3) more. */
function throughOrganisers(base: SuggestionIndex, organised: Float64Array, w: number): SuggestionIndex {
  if (w === 0) return base;
  const g = base.graph;
  const stepWeights = Float64Array.from(g.stepWeights, (s, x) => s * (1 + (w * Math.min(organised[x], 3)) / 3));
  const graph: CollaborationGraph = { ...g, stepWeights };
  return { ...base, graph, signals: new SignalWorkspace(graph, base.profiles, undefined, base.signals.kindMixing) };
}

function measure(split: TemporalSplit, label: string): void {
  const organisers = organisersOf(label);
  const base = buildSuggestionIndex(split.projection);
  const organised = new Float64Array(base.graph.ids.length);
  // Only the split's past counts (its projection holds the collaborations before the cut-off).
  for (const id of split.projection.collaborations.keys())
    for (const a of organisers.get(id) ?? []) {
      const x = base.graph.index.get(a);
      if (x !== undefined) organised[x]++;
    }
  const queries = actorsWithTies(split);
  const run = (index: SuggestionIndex, model = DEFAULT_MODEL) => fullWalkLists(index, split, queries, model);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const katz = run(base, singleSignalModel('katz'));
  const organisersSeen = organised.filter((k) => k > 0).length;
  console.log(
    `\n## ${label}: ${queries.length} query actors, ${organisersSeen} actors organised something before the cut-off; Katz P@10 ${mean(katz.scores).toFixed(4)}, coverage ${katz.coverage}`,
  );
  console.log('| model | w | P@10 / Katz (95 % interval) | coverage |');
  console.log('| --- | --- | --- | --- |');
  for (const model of FAMILY)
    for (const w of [0, ...WS]) {
      const r = run(throughOrganisers(base, organised, w), model);
      const [lo, hi] = bootstrapRatio(r.scores, katz.scores);
      const mark = r.coverage < katz.coverage ? ' ✗' : '';
      console.log(
        `| ${model.name} | ${w} | ${(mean(r.scores) / mean(katz.scores)).toFixed(3)} (${lo.toFixed(3)} … ${hi.toFixed(3)}) | ${r.coverage}${mark} |`,
      );
    }
}

for (const { split, label } of explorationSplits()) measure(split, label);
