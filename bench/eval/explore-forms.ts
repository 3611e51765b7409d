/**
 * `npx tsx bench/eval/explore-forms.ts --data=DIR [--planted-seeds=2,3,6,7]
 * [--dates=2016-01-01,2015-10-01,2015-07-01]`: forms of the walk-first score, measured on every split
 * before any goes into the service. Each form is walk + t · topics + a · activity as in weights.ts,
 * with these choices (comma lists, every combination is measured):
 *
 * - `--gammas=0.75`: the step exponent (csr.ts STEP_EXPONENT) of the walk;
 * - `--walks=fixed,mean,inter,near,kind,kindw`: the walk's probability scaled by the fixed 10⁻⁴ (the
 *   service before kind mixing), by the mean of the query's own walk (scale-free); or fixed with the
 *   activity weight times the query's own ln(1 + partners) over the network's mean (busy actors meet
 *   busy actors), activity only for actors two steps away (near), κ · ln affinity(kinds) added
 *   (kind, `--kappa=1`), or the walk's probability times affinity(kinds) (kindw: kind-mixing.ts);
 * - `--as=0.125`, `--ts=0.1`: the activity and topic weights;
 * - `--acts=partners,collabs`: activity as partners or as collaborations;
 * - `--w3=5`: the three-step walk's weight (signal-types.ts WALK3_WEIGHT);
 * - `--pct=1`: activity stops counting at this percentile of the network's partner counts.
 *
 * Scores every reached or topic-sharing actor of the full walk (no bounds), ties by index, filled up
 * by popularity, as suggestContacts does; P@10 / Katz with the paired bootstrap 95 % interval, MRR,
 * coverage (distinct actors over all lists).
 */
import { singleSignalModel } from '../../server/src/features/suggestions/model';
import { WALK3_WEIGHT } from '../../server/src/features/suggestions/signals';
import { suggestContacts } from '../../server/src/features/suggestions/suggest';
import { buildSuggestionIndex, type SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { ACTIVITY_CAP } from '../../server/src/features/suggestions/weights';
import { TopK } from '../../server/src/features/suggestions/top-k';
import { bootstrapRatio } from './evaluate';
import { withStepExponent } from './step-variant';
import { arg, explorationSplits } from './exploration-splits';
import { actorsWithTies, type TemporalSplit } from './split';

const K = 10;

interface Ctx {
  p: (b: number) => number;
  deg: Float64Array;
  cos: Float64Array;
  col: Int32Array;
  /** Σ of the walk's values over the reached actors, and how many. */
  total: number;
  reached: number;
  max: number;
  /** ln(1 + partners of the query) / its mean over actors with partners. */
  qAct: number;
  /** ln of how much more often the query's kind ties to b's kind than degree-proportional mixing. */
  kindAffinity: (b: number) => number;
  p2: (b: number) => number;
  /** ln(1 + the network's CAP_PERCENTILE degree). */
  capLn: number;
}
interface Form {
  name: string;
  gamma: number;
  score: (b: number, c: Ctx) => number;
}

const meanLnDegree = new WeakMap<object, number>();
const capLnOf = new WeakMap<object, number>();
const kindTables = new WeakMap<object, { kinds: string[]; lnA: Map<string, number> }>();

function kindTable(index: SuggestionIndex) {
  const g = index.graph;
  let t = kindTables.get(g);
  if (t) return t;
  const kinds = g.ids.map((id) => index.projection.actors.get(id)!.kind as string);
  const ends = new Map<string, number>();
  const pairs = new Map<string, number>();
  let m2 = 0;
  for (let i = 0; i < g.ids.length; i++)
    for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
      const key = `${kinds[i]}|${kinds[g.neighbours[e]]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      ends.set(kinds[i], (ends.get(kinds[i]) ?? 0) + 1);
      m2++;
    }
  const lnA = new Map<string, number>();
  for (const [key, n] of pairs) {
    const [k1, k2] = key.split('|');
    lnA.set(key, Math.log(((n + 1) * m2) / (ends.get(k1)! * ends.get(k2)! + m2)));
  }
  kindTables.set(g, (t = { kinds, lnA }));
  return t;
}

function rankForm(index: SuggestionIndex, form: Form, id: string): string[] {
  const { graph } = index;
  const q = graph.index.get(id)!;
  const s = index.signals.compute(q, false);
  const a = s.arrays;
  const w3 = Number(arg('w3') ?? WALK3_WEIGHT);
  const p = (b: number) => a.walkProbability2[b] + w3 * a.walkProbability3[b];
  let total = 0;
  let max = 0;
  let reached = 0;
  for (const b of s.reached) {
    if (s.isPartnerOrSelf(b)) continue;
    const v = p(b);
    total += v;
    reached++;
    if (v > max) max = v;
  }
  let meanLn = meanLnDegree.get(graph);
  if (meanLn === undefined) {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < graph.ids.length; i++)
      if (a.degrees[i] > 0) {
        sum += Math.log1p(a.degrees[i]);
        n++;
      }
    meanLnDegree.set(graph, (meanLn = sum / n));
  }
  const qAct = Math.log1p(a.degrees[q]) / meanLn;
  let capLn = capLnOf.get(graph);
  if (capLn === undefined) {
    const ds = Array.from(a.degrees)
      .filter((d) => d > 0)
      .sort((x, y) => x - y);
    capLnOf.set(
      graph,
      (capLn = Math.log1p(ds[Math.min(ds.length - 1, Math.floor(ds.length * Number(arg('pct') ?? 1)))])),
    );
  }
  const kt = kindTable(index);
  const ctx: Ctx = {
    p,
    deg: a.degrees,
    cos: a.cosine,
    col: a.collaborations,
    total,
    reached,
    max,
    qAct,
    capLn,
    p2: (b) => a.walkProbability2[b],
    kindAffinity: (b) => kt.lnA.get(`${kt.kinds[q]}|${kt.kinds[b]}`) ?? 0,
  };
  const best = new TopK(K);
  const seen = new Set<number>();
  const offer = (b: number) => {
    if (seen.has(b) || s.isPartnerOrSelf(b)) return;
    seen.add(b);
    const v = form.score(b, ctx);
    if (v > 0) best.offer(b, v);
  };
  for (const b of s.reached) offer(b);
  for (const b of s.topicSharing) offer(b);
  const list = best.sorted().map((r) => r.index);
  for (let k = 0; k < graph.byActivity.length && list.length < K; k++) {
    const b = graph.byActivity[k];
    if (!s.isPartnerOrSelf(b) && !list.includes(b)) list.push(b);
  }
  return list.map((b) => graph.ids[b]);
}

const lg = Math.log1p;
const act = (d: number) => Math.min(lg(d), ACTIVITY_CAP);
const topic = (c: Ctx, b: number) => lg(c.cos[b] / 0.1);
function family(
  gamma: number,
  walk: 'fixed' | 'mean' | 'inter' | 'near' | 'kind' | 'kindw',
  a: number,
  t: number,
  activity: 'partners' | 'collabs' = 'partners',
): Form {
  return {
    name: `γ ${gamma}, walk ${walk}, a ${a}, t ${t}${activity === 'collabs' ? ', collaborations' : ''}`,
    gamma,
    score: (b, c) => {
      const pb = c.p(b);
      const w =
        walk === 'kindw'
          ? lg((pb * Math.exp(c.kindAffinity(b))) / 1e-4)
          : walk !== 'mean'
            ? lg(pb / 1e-4)
            : lg(pb / (c.total / Math.max(1, c.reached)));
      return (
        (walk === 'kind' ? Number(arg('kappa') ?? 1) * c.kindAffinity(b) : 0) +
        w +
        t * topic(c, b) +
        (walk === 'inter' ? a * c.qAct : walk === 'near' && !(c.p2(b) > 0) ? 0 : a) *
          Math.min(c.capLn, activity === 'partners' ? act(c.deg[b]) : act(c.col[b]))
      );
    },
  };
}

function forms(): Form[] {
  const out: Form[] = [];
  for (const g of (arg('gammas') ?? '0.75').split(',').map(Number))
    for (const walk of (arg('walks') ?? 'fixed,mean').split(',') as Array<
      'fixed' | 'mean' | 'inter' | 'near' | 'kind' | 'kindw'
    >)
      for (const a of (arg('as') ?? '0.125').split(',').map(Number))
        for (const t of (arg('ts') ?? '0.1').split(',').map(Number))
          for (const act of (arg('acts') ?? 'partners').split(',') as Array<'partners' | 'collabs'>)
            out.push(family(g, walk, a, t, act));
  return out;
}

function measure(split: TemporalSplit, name: string): void {
  const base = buildSuggestionIndex(split.projection);
  const queries = actorsWithTies(split);
  const hits = (list: string[], q: string) => list.filter((b) => split.targets.get(q)!.has(b)).length / K;
  const katzLists = queries.map((q) =>
    suggestContacts(base, q, { first: K, model: singleSignalModel('katz') }).map((x) => x.actorId),
  );
  const katz = katzLists.map((l, i) => hits(l, queries[i]));
  const kp = katz.reduce((x, y) => x + y, 0) / katz.length;
  console.log(
    `\n## ${name}: ${queries.length} query actors, Katz P@10 ${kp.toFixed(4)} coverage ${new Set(katzLists.flat()).size}`,
  );
  const byGamma = new Map<number, SuggestionIndex>();
  for (const form of forms()) {
    if (!byGamma.has(form.gamma)) byGamma.set(form.gamma, withStepExponent(base, form.gamma));
    const index = byGamma.get(form.gamma)!;
    const lists = queries.map((q) => rankForm(index, form, q));
    const per = lists.map((l, i) => hits(l, queries[i]));
    const mrr = lists.map((l, i) => {
      const at = l.findIndex((b) => split.targets.get(queries[i])!.has(b));
      return at < 0 ? 0 : 1 / (at + 1);
    });
    const p = per.reduce((x, y) => x + y, 0) / per.length;
    const [lo, hi] = bootstrapRatio(per, katz);
    const cov = new Set(lists.flat()).size;
    console.log(
      `${form.name.padEnd(52)} ${(p / kp).toFixed(3)} (${lo.toFixed(2)} … ${hi.toFixed(2)}) P@10 ${p.toFixed(4)} MRR ${(mrr.reduce((x, y) => x + y, 0) / mrr.length).toFixed(4)} c${cov}`,
    );
  }
}

for (const { split, label } of explorationSplits()) measure(split, label);
