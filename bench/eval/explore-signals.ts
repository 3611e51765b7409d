/**
 * `npx tsx bench/eval/explore-signals.ts [--data=DIR]`: candidate signals measured on their own,
 * outside the service, on the same temporal splits as eval-suggestions.ts — to find which carry to
 * real collaboration networks before any of them goes into the model. Each scorer ranks, for every
 * query actor with ties, all actors it has not worked with (ties by index, lists filled up by
 * partners), and its P@10 is compared with Katz's (paired bootstrap 95 % interval).
 */
import { plantedNetwork } from '../../seed/planted';
import { bootstrapRatio } from './evaluate';
import { h2020Available, loadH2020 } from './h2020';
import { fromGraphData, type EvalNetwork } from './network';
import { actorsWithTies, temporalSplit, type TemporalSplit } from './split';

const K = 10;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** A weighted graph in adjacency lists: per actor, partner → weight. */
type Adjacency = Array<Map<number, number>>;

interface Prepared {
  ids: string[];
  index: Map<string, number>;
  /** Per training collaboration: member indexes, years before the cut-off (start), years (end). */
  collaborations: Array<{ members: number[]; ageStart: number; ageEnd: number }>;
  partners: Array<Set<number>>;
  degree: Float64Array;
}

function years(from: string | null, to: string): number {
  if (!from) return 3;
  return (Date.parse(to) - Date.parse(from)) / (365.25 * 86400000);
}

function prepare(split: TemporalSplit): Prepared {
  const ids = [...split.projection.actors.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const cutoff = split.options.cutoff;
  const collaborations = [...split.projection.collaborations.values()]
    .map((c) => ({
      members: [...c.actors].map((a) => index.get(a)!).sort((a, b) => a - b),
      ageStart: Math.max(0, years(c.startDate, cutoff)),
      ageEnd: Math.max(0, c.endDate ? years(c.endDate, cutoff) : years(c.startDate, cutoff)),
    }))
    .filter((c) => c.members.length >= 2);
  const partners = ids.map(() => new Set<number>());
  for (const c of collaborations) for (const a of c.members) for (const b of c.members) if (a !== b) partners[a].add(b);
  const degree = Float64Array.from(partners, (p) => p.size);
  return { ids, index, collaborations, partners, degree };
}

/** Tie weight of a collaboration: size^-alpha (per partner) times a recency decay. */
function adjacency(p: Prepared, alpha: number, tau: number, byEnd = false): Adjacency {
  const adj: Adjacency = p.ids.map(() => new Map());
  for (const c of p.collaborations) {
    const age = byEnd ? c.ageEnd : c.ageStart;
    const w = Math.pow(c.members.length - 1, -alpha) * (tau > 0 ? Math.exp(-age / tau) : 1);
    for (const a of c.members) for (const b of c.members) if (a !== b) adj[a].set(b, (adj[a].get(b) ?? 0) + w);
  }
  return adj;
}

function strengths(adj: Adjacency): Float64Array {
  return Float64Array.from(adj, (row) => {
    let s = 0;
    for (const w of row.values()) s += w;
    return s;
  });
}

type Scorer = (q: number, out: Float64Array) => void;

/** Σ_m W_qm W_mb / s_m^gamma (gamma 0: weighted common neighbours; 1: resource allocation), + beta·walks 3. */
function walkScorer(adj: Adjacency, gamma: number, beta3: number): Scorer {
  const s = strengths(adj);
  const two = new Float64Array(adj.length);
  return (q, out) => {
    two.fill(0);
    for (const [m, wqm] of adj[q]) {
      const f = wqm / Math.pow(s[m], gamma);
      for (const [b, wmb] of adj[m]) two[b] += f * wmb;
    }
    for (let b = 0; b < out.length; b++) out[b] = two[b];
    if (beta3 > 0) {
      for (let x = 0; x < adj.length; x++) {
        if (two[x] === 0) continue;
        const f = (beta3 * two[x]) / Math.pow(s[x], gamma);
        for (const [b, w] of adj[x]) out[b] += f * w;
      }
    }
  };
}

/** Personalised PageRank from q on the weighted graph (restart r, iterations it). */
function pprScorer(
  adj: Adjacency,
  restart: number,
  iterations: number,
  degreePower = 0,
  degree?: Float64Array,
): Scorer {
  const s = strengths(adj);
  const n = adj.length;
  const off = new Int32Array(n + 1);
  adj.forEach((row, a) => (off[a + 1] = off[a] + row.size));
  const nb = new Int32Array(off[n]);
  const wt = new Float64Array(off[n]);
  adj.forEach((row, a) => {
    let k = off[a];
    for (const [b, w] of row) {
      nb[k] = b;
      wt[k++] = w / s[a];
    }
  });
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  return (q, out) => {
    x.fill(0);
    x[q] = 1;
    for (let it = 0; it < iterations; it++) {
      y.fill(0);
      y[q] = restart;
      for (let a = 0; a < n; a++) {
        if (x[a] === 0) continue;
        const f = (1 - restart) * x[a];
        for (let k = off[a]; k < off[a + 1]; k++) y[nb[k]] += f * wt[k];
      }
      [x, y] = [y, x];
    }
    for (let b = 0; b < out.length; b++) out[b] = x[b] * (degree && degreePower ? Math.pow(degree[b], degreePower) : 1);
  };
}

function rankTop(p: Prepared, q: number, scores: Float64Array, byActivity: Int32Array): number[] {
  const cands: number[] = [];
  for (let b = 0; b < scores.length; b++) if (b !== q && !p.partners[q].has(b) && scores[b] > 0) cands.push(b);
  cands.sort((a, b) => scores[b] - scores[a] || a - b);
  const top = cands.slice(0, K);
  for (let k = 0; top.length < K && k < byActivity.length; k++) {
    const b = byActivity[k];
    if (b !== q && !p.partners[q].has(b) && !top.includes(b)) top.push(b);
  }
  return top;
}

function run(name: string, network: EvalNetwork, cutoff: string, actors: 'present' | 'all'): void {
  const split = temporalSplit(network, { cutoff, actors });
  const p = prepare(split);
  const n = p.ids.length;
  const byActivity = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => p.degree[b] - p.degree[a] || a - b);
  const queries = actorsWithTies(split).map((id) => p.index.get(id)!);
  const targets = queries.map((q) => new Set([...split.targets.get(p.ids[q])!].map((id) => p.index.get(id)!)));
  const plain = adjacency(p, 0, 0);
  const binary: Adjacency = plain.map((row) => new Map([...row.keys()].map((b) => [b, 1])));
  const scorers: Array<[string, Scorer]> = [
    ['katz', walkScorer(binary, 0, 0.005)],
    ['RA (binary)', walkScorer(binary, 1, 0)],
  ];
  if (arg('rw')) {
    const adj = adjacency(p, 1, 0);
    const st = strengths(adj);
    const norm: Adjacency = adj.map((row, a) => new Map([...row].map(([b, w]) => [b, w / st[a]])));
    for (const c3 of [0.7, 2, 5])
      for (const dp of [0, 0.25, 0.5, 0.75]) {
        const walk = walkScorer(norm, 0, c3);
        scorers.push([
          `rw3 c=${c3} d^${dp}`,
          (q, out) => {
            walk(q, out);
            for (let b = 0; b < n; b++) out[b] *= Math.pow(p.degree[b], dp);
          },
        ]);
      }
    for (const dp of [0.25, 0.5, 0.75]) scorers.push([`ppr.3*d^${dp}`, pprScorer(adj, 0.3, 6, dp, p.degree)]);
  }
  for (const alpha of arg('rw') ? [] : [0, 1]) {
    for (const tau of [0, 0.5, 1, 2]) {
      const adj = adjacency(p, alpha, tau);
      const tag = `a=${alpha} tau=${tau}`;
      scorers.push([`wCN ${tag}`, walkScorer(adj, 0, 0)]);
      scorers.push([`wKatz ${tag}`, walkScorer(adj, 0, 0.005)]);
      scorers.push([`wRA ${tag}`, walkScorer(adj, 1, 0)]);
      scorers.push([`wRA+3 ${tag}`, walkScorer(adj, 1, 0.05)]);
      scorers.push([`wg.5 ${tag}`, walkScorer(adj, 0.5, 0)]);
      scorers.push([`ppr.3 ${tag}`, pprScorer(adj, 0.3, 6)]);
      scorers.push([`ppr.3*d.5 ${tag}`, pprScorer(adj, 0.3, 6, 0.5, p.degree)]);
    }
  }
  const extra = arg('only');
  const out = new Float64Array(n);
  const results: Array<{ name: string; per: number[]; coverage: number }> = [];
  for (const [label, scorer] of scorers) {
    if (extra && label !== 'katz' && !label.includes(extra)) continue;
    const shown = new Set<number>();
    const per = queries.map((q, i) => {
      scorer(q, out);
      const top = rankTop(p, q, out, byActivity);
      top.forEach((b) => shown.add(b));
      return top.filter((b) => targets[i].has(b)).length / K;
    });
    results.push({ name: label, per, coverage: shown.size });
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const katz = results[0].per;
  console.log(`\n## ${name} (${queries.length} queries)`);
  for (const r of results) {
    const [lo, hi] = bootstrapRatio(r.per, katz, 1000);
    console.log(
      `${r.name.padEnd(24)} P@10 ${mean(r.per).toFixed(4)}  x Katz ${(mean(r.per) / mean(katz)).toFixed(3)} [${lo.toFixed(2)}, ${hi.toFixed(2)}] coverage ${r.coverage}`,
    );
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
