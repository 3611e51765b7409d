/**
 * `npx tsx bench/eval/explore-ties.ts [--data=DIR] [--planted-seeds=2,3] [--only=name]`: variants of
 * the random walk's tie strengths and steps, measured through `suggestContacts` itself (full walk)
 * on the same temporal splits as eval-suggestions.ts, before any of them goes into the service:
 *
 * - recency: each collaboration's share 1 / (members − 1) times 2^(−age / half-life), age = years
 *   from its start (or its end: a project still running has age 0) to the latest start date of the
 *   network; the half-life as a share of the network's dated span, or in years;
 * - repetition: tie strength (Σ shares)^ρ — ρ > 1 favours repeated collaborators;
 * - intermediate penalty: a step through x weighted strength(x)^−γ (γ = 1: a random walk's
 *   probability, as resource allocation discounts a shared partner; γ > 1 penalises busy
 *   intermediates more, γ < 1 less). The service's is csr.ts STEP_EXPONENT; every other variant
 *   keeps it.
 *
 * Each variant is scored alone (the walk) and inside the default's family (walk + 0.1 topics +
 * a · partners, a = ⅛ and ¼); P@10 / Katz with the paired bootstrap 95 % interval, coverage.
 */
import { plantedNetwork } from '../../seed/planted';
import { edgeIndex, STEP_EXPONENT, type CollaborationGraph } from '../../server/src/features/suggestions/csr';
import { checkModel, singleSignalModel, type ScoringModel } from '../../server/src/features/suggestions/model';
import { SignalWorkspace } from '../../server/src/features/suggestions/signals';
import { buildSuggestionIndex, type SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { ACTIVITY_TERM, TOPICS_TERM, WALK_TERM } from '../../server/src/features/suggestions/weights';
import { bootstrapRatio, fullWalkLists } from './evaluate';
import { h2020Available, loadH2020 } from './h2020';
import { fromGraphData, type EvalNetwork } from './network';
import { actorsWithTies, temporalSplit } from './split';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const YEAR = 365.25 * 86400000;

interface Variant {
  name: string;
  /** Multiplier of a collaboration's share, from its start and end (ms) and the reference (ms). */
  decay?: (start: number | null, end: number | null) => number;
  /** Share per partner (members − 1)^−alpha instead of 1 / (members − 1). */
  alpha?: number;
  /** Activity read as partners from collaborations weighted by this decay (recent activity). */
  activityDecay?: (start: number | null, end: number | null) => number;
  rho?: number;
  gamma?: number;
}

function variantIndex(base: SuggestionIndex, v: Variant): SuggestionIndex {
  const g = base.graph;
  const p = base.projection;
  const strengths = new Float64Array(g.neighbours.length);
  for (const id of [...p.collaborations.keys()].sort()) {
    const c = p.collaborations.get(id)!;
    const members = [...c.actors].map((a) => g.index.get(a)).filter((x): x is number => x !== undefined);
    if (members.length < 2) continue;
    const start = c.startDate ? Date.parse(c.startDate) : null;
    const end = c.endDate ? Date.parse(c.endDate) : null;
    const share = Math.pow(members.length - 1, -(v.alpha ?? 1)) * (v.decay ? v.decay(start, end) : 1);
    for (const i of members) for (const j of members) if (i !== j) strengths[edgeIndex(g, i, j)] += share;
  }
  const tieStrengths = Float32Array.from(strengths, (s) => (v.rho ? Math.pow(s, v.rho) : s));
  const inverseStrengths = new Float64Array(g.ids.length);
  const stepWeights = new Float64Array(g.ids.length);
  for (let i = 0; i < g.ids.length; i++) {
    let s = 0;
    for (let k = g.offsets[i]; k < g.offsets[i + 1]; k++) s += tieStrengths[k];
    inverseStrengths[i] = s > 0 ? 1 / s : 0;
    stepWeights[i] = s > 0 ? Math.pow(s, -(v.gamma ?? STEP_EXPONENT)) : 0;
  }
  const graph: CollaborationGraph = { ...g, tieStrengths, inverseStrengths, stepWeights };
  const signals = new SignalWorkspace(graph, base.profiles, undefined, base.signals.kindMixing);
  if (v.activityDecay) {
    const degrees = signals.degreesArray();
    degrees.fill(0);
    for (const c of p.collaborations.values()) {
      const members = [...c.actors].map((a) => g.index.get(a)).filter((x): x is number => x !== undefined);
      if (members.length < 2) continue;
      const w = v.activityDecay(c.startDate ? Date.parse(c.startDate) : null, c.endDate ? Date.parse(c.endDate) : null);
      for (const i of members) degrees[i] += w * (members.length - 1);
    }
  }
  return { ...base, graph, signals };
}

const family = (a: number): ScoringModel =>
  checkModel({ name: `walk+a${a}`, terms: [WALK_TERM, TOPICS_TERM, { ...ACTIVITY_TERM, weight: a }] });

function run(name: string, network: EvalNetwork, cutoff: string, actors: 'present' | 'all'): void {
  const split = temporalSplit(network, { cutoff, actors });
  const base = buildSuggestionIndex(split.projection);
  const dates = [...split.projection.collaborations.values()]
    .map((c) => c.startDate)
    .filter((d): d is string => d !== null)
    .map((d) => Date.parse(d));
  const latest = Math.max(...dates);
  const span = (latest - Math.min(...dates)) / YEAR;
  const byStart = (h: number) => (s: number | null) => (s === null ? 1 : Math.pow(2, -(latest - s) / YEAR / h));
  const byEnd = (h: number) => (s: number | null, e: number | null) => {
    const t = e ?? s;
    return t === null ? 1 : Math.pow(2, -Math.max(0, latest - t) / YEAR / h);
  };
  const set = arg('set') ?? 'first';
  const variants: Variant[] =
    set === 'first'
      ? [
          { name: `walk (gamma=${STEP_EXPONENT})` },
          { name: 'intermediate gamma=1 (random walk)', gamma: 1 },
          { name: `recency start h=span/4 (${(span / 4).toFixed(2)} y)`, decay: byStart(span / 4) },
          { name: `recency start h=span/2`, decay: byStart(span / 2) },
          { name: `recency start h=span`, decay: byStart(span) },
          { name: `recency end h=span/4`, decay: byEnd(span / 4) },
          { name: `recency end h=span/2`, decay: byEnd(span / 2) },
          { name: 'repetition rho=0.5', rho: 0.5 },
          { name: 'repetition rho=1.5', rho: 1.5 },
          { name: 'repetition rho=2', rho: 2 },
          { name: 'intermediate gamma=0.5', gamma: 0.5 },
          { name: 'intermediate gamma=1.5', gamma: 1.5 },
          { name: 'intermediate gamma=2', gamma: 2 },
        ]
      : [
          { name: `walk (gamma=${STEP_EXPONENT})` },
          { name: 'size share alpha=0.5', alpha: 0.5 },
          { name: 'size share alpha=1.5', alpha: 1.5 },
          { name: 'intermediate gamma=1 (random walk)', gamma: 1 },
          { name: 'recent activity h=span/2', activityDecay: byStart(span / 2) },
          { name: 'recent activity h=span/4', activityDecay: byStart(span / 4) },
          { name: 'running activity (end) h=span/4', activityDecay: byEnd(span / 4) },
          { name: 'recency start span/2 + rho=0.5', decay: byStart(span / 2), rho: 0.5 },
        ];
  const queries = actorsWithTies(split);
  const katzIndex = base;
  const per = (index: SuggestionIndex, model: ScoringModel) => fullWalkLists(index, split, queries, model);
  const katz = per(katzIndex, singleSignalModel('katz'));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    `\n## ${name} (${queries.length} queries, span ${span.toFixed(2)} y) Katz P@10 ${mean(katz.scores).toFixed(4)} coverage ${katz.coverage}`,
  );
  const only = arg('only');
  for (const v of variants) {
    if (only && !v.name.includes(only) && v !== variants[0]) continue;
    const index = variantIndex(base, v);
    const cells = [singleSignalModel('randomWalk'), family(0.125), family(0.25)].map((m) => {
      const r = per(index, m);
      const [lo, hi] = bootstrapRatio(r.scores, katz.scores);
      return `${(mean(r.scores) / mean(katz.scores)).toFixed(3)} [${lo.toFixed(2)}, ${hi.toFixed(2)}] c${r.coverage}`;
    });
    console.log(`${v.name.padEnd(40)} | ${cells.join(' | ')}`);
  }
}

const dir = arg('data');
if (dir && h2020Available(dir)) {
  const h = loadH2020(dir);
  for (const cutoff of (arg('cutoffs') ?? '2016-01-01,2015-10-01').split(','))
    run(`h2020 ${cutoff}`, h, cutoff, 'present');
}
for (const seed of (arg('planted-seeds') ?? '2').split(',').filter(Boolean).map(Number)) {
  const { data } = plantedNetwork({ actors: 5000, seed });
  run(`planted seed ${seed}`, fromGraphData(`planted-${seed}`, data), '2023-01-01', 'all');
}
