/**
 * Ranking by bounds (bounded-rank.ts) gives the same lists as the straightforward computation — the
 * full walk of three steps, every actor scored, all sorted — bit for bit: ids, scores and every part,
 * on a generated network with hubs, for hubs and ordinary actors, with filters, exclusions, a minimum
 * score, several list lengths and several walk-first models; and the precondition of its exact sums.
 */
import { generateNetwork } from '../../../../seed/generate';
import { snapshotOf } from '../../../../seed/snapshot';
import { NetworkProjection } from '../../graph/projection';
import { ACTOR_KINDS, type ActorKind } from '../../domain/model';
import { checkModel, scoreOf, scoreParts, singleSignalModel, type ScoringModel } from './model';
import { edgeIndex } from './csr';
import { hubsOf, lastHubsExact } from './bounded-rank';
import { SignalWorkspace } from './signals';
import { runNow } from '../../platform/util/run-in-slices';
import { scorer, suggestContacts, lastRanking, type SuggestOptions, type Suggestion } from './suggest';
import { buildSuggestionIndex, type SuggestionIndex } from './suggestion-index';
import { hasAnyTopic } from './topic-profile';
import { ACTIVITY_TERM, COLD_START_MODEL, DEFAULT_MODEL, TOPICS_TERM, WALK_TERM } from './weights';

/** Every eligible actor scored on the full signals, sorted (score desc, index asc), then filled up by activity. */
function straightforward(index: SuggestionIndex, actorId: string, options: SuggestOptions): Suggestion[] {
  const { graph, projection, profiles } = index;
  const q = graph.index.get(actorId)!;
  const signals = index.signals.compute(q, false);
  const score = scorer(options.model, signals, index);
  const topics = options.topicIds?.length ? new Set(options.topicIds.map((id) => profiles.topicIndex.get(id)!)) : null;
  const excluded = new Set([...(options.exclude ?? [])].map((id) => graph.index.get(id)!));
  const eligible = (b: number) =>
    b !== q &&
    !signals.isPartnerOrSelf(b) &&
    !excluded.has(b) &&
    (!options.kinds?.length || options.kinds.includes(projection.actors.get(graph.ids[b])!.kind)) &&
    (!topics || hasAnyTopic(profiles, b, topics));
  const floor = options.minScore ?? 0;
  const scored: { b: number; s: number }[] = [];
  for (let b = 0; b < graph.ids.length; b++) {
    if (!eligible(b)) continue;
    const s = score(b);
    if (s > 0 && s >= floor) scored.push({ b, s });
  }
  scored.sort((x, y) => y.s - x.s || x.b - y.b);
  const chosen = scored.slice(0, options.first).map((x) => x.b);
  for (let k = 0; k < graph.byActivity.length && chosen.length < options.first; k++) {
    const b = graph.byActivity[k];
    if (chosen.includes(b) || !eligible(b)) continue;
    if (options.minScore != null && score(b) < options.minScore) continue;
    chosen.push(b);
  }
  return chosen.map((b) => {
    const value = (s: Parameters<typeof signals.value>[0]) => signals.value(s, b);
    return { actorId: graph.ids[b], score: scoreOf(options.model, value), parts: scoreParts(options.model, value) };
  });
}

const data = generateNetwork({ actors: 3000, hubs: 4, hubShare: 0.2, seed: 11 });
const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
const index = buildSuggestionIndex(projection);
const { graph } = index;
const byDegree = [...graph.ids.keys()].sort(
  (a, b) => graph.offsets[b + 1] - graph.offsets[b] - (graph.offsets[a + 1] - graph.offsets[a]) || a - b,
);
const withPartners = byDegree.filter((i) => graph.offsets[i + 1] > graph.offsets[i]);
const queries = [
  ...byDegree.slice(0, 6), // the hubs and the next busiest
  ...Array.from({ length: 18 }, (_, k) => withPartners[Math.floor(((k + 0.5) * withPartners.length) / 18)]),
].map((i) => graph.ids[i]);

const models: ScoringModel[] = [
  DEFAULT_MODEL,
  checkModel({
    name: 'fitted-like',
    terms: [WALK_TERM, { ...TOPICS_TERM, weight: 0.3 }, { ...ACTIVITY_TERM, weight: 0.375 }],
  }),
  checkModel({ name: 'walk alone', terms: [{ signal: 'randomWalk', weight: 1, transform: 'identity', scale: 1 }] }),
];

const topicIds = data.topics.slice(0, 3).map((t) => t.id!);
const variants: { name: string; options: Omit<SuggestOptions, 'model'> }[] = [
  { name: 'first 10', options: { first: 10 } },
  { name: 'first 1', options: { first: 1 } },
  { name: 'first 60', options: { first: 60 } },
  { name: 'kinds', options: { first: 10, kinds: ['ASSOCIATION', 'INITIATIVE'] as ActorKind[] } },
  { name: 'topics', options: { first: 15, topicIds } },
  { name: 'minScore', options: { first: 20, minScore: 2.5 } },
];

describe('ranking by bounds equals the straightforward computation', () => {
  test('tie strengths are the same float in both directions (what the exact pull relies on)', () => {
    let checked = 0;
    let different = 0;
    for (let i = 0; i < graph.ids.length; i++)
      for (let f = graph.offsets[i]; f < graph.offsets[i + 1]; f++) {
        const back = edgeIndex(graph, graph.neighbours[f], i);
        if (!Object.is(graph.tieStrengths[back], graph.tieStrengths[f])) different++;
        checked++;
      }
    expect(checked).toBeGreaterThan(10_000);
    expect(different).toBe(0);
  });

  test("the hubs summed in one pass over the walk's ends have the full loop's bits", () => {
    const hubs = hubsOf(graph);
    // At 3,000 actors: the 8 busiest (at least 1/16 of the network as partners).
    expect(hubs.length).toBe(8);
    const columns = new Float32Array(graph.ids.length * hubs.length);
    hubs.forEach((h, j) => {
      for (let f = graph.offsets[h]; f < graph.offsets[h + 1]; f++)
        columns[graph.neighbours[f] * hubs.length + j] = graph.tieStrengths[f];
    });
    const full = new SignalWorkspace(graph, index.profiles, undefined, index.signals.kindMixing);
    const twoSteps = new SignalWorkspace(graph, index.profiles, undefined, index.signals.kindMixing);
    let nonZero = 0;
    for (const actorId of queries) {
      const q = graph.index.get(actorId)!;
      const walked = full.compute(q, false).arrays.walkProbability3;
      const signals = twoSteps.computeTwoSteps(q);
      const p2 = signals.arrays.walkProbability2;
      const endWeights = Float64Array.from(signals.reached, (x) => p2[x] * graph.stepWeights[x]);
      runNow(twoSteps.exactWalk3ManySteps(hubs, columns, endWeights, 100));
      for (const h of hubs) {
        expect(Object.is(signals.arrays.walkProbability3[h], walked[h])).toBe(true);
        // Asked again, exactWalk3 answers the stored sum.
        expect(Object.is(twoSteps.exactWalk3(h), walked[h])).toBe(true);
        if (walked[h] > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(queries.length * 4);
  });

  test.each(models.map((m) => [m.name, m] as const))('model %s: every query and variant, bit for bit', (_, model) => {
    let boundedRuns = 0;
    let runs = 0;
    let hubPasses = 0;
    for (const actorId of queries) {
      for (const { options } of variants) {
        const full = { ...options, model, coldStart: COLD_START_MODEL };
        const bounded = suggestContacts(index, actorId, { ...full, boundAbove: 0 });
        if (options.minScore == null) {
          if (lastRanking === 'bounded') boundedRuns++;
          runs++;
        }
        if (lastRanking === 'bounded' && lastHubsExact) hubPasses++;
        expect(bounded).toEqual(straightforward(index, actorId, full));
        expect(bounded).toEqual(suggestContacts(index, actorId, { ...full, boundAbove: Infinity }));
      }
    }
    // Without a minimum score (which can leave fewer than `first` lower bounds above it: then the
    // full walk ranks), the bounds did the ranking in almost every case.
    expect(boundedRuns).toBeGreaterThan(0.9 * runs);
    // A hub could reach θ (and was summed in one pass) in many of them.
    expect(hubPasses).toBeGreaterThan(0.2 * runs);
  });

  test('hubs dismissed, of a filtered-out kind or partners of the query: the same lists', () => {
    const hubs = [...hubsOf(graph)].map((h) => graph.ids[h]);
    const hubKinds = new Set(hubs.map((id) => projection.actors.get(id)!.kind));
    const otherKinds = ACTOR_KINDS.filter((kind) => !hubKinds.has(kind));
    expect(otherKinds.length).toBeGreaterThan(0);
    const variantsWithHubs: Omit<SuggestOptions, 'model'>[] = [
      { first: 10, exclude: new Set(hubs.slice(0, 3)) },
      { first: 10, exclude: new Set(hubs) },
      { first: 25, exclude: new Set(hubs.slice(2)), minScore: 1 },
      { first: 10, kinds: otherKinds },
      { first: 15, topicIds, exclude: new Set([hubs[0]]) },
    ];
    // Hubs as queries (the other hubs their partners or not) and ordinary actors.
    let hubPasses = 0;
    for (const actorId of [...hubs.slice(0, 4), ...queries.slice(6, 16)]) {
      for (const options of variantsWithHubs) {
        const full = { ...options, model: models[1], coldStart: COLD_START_MODEL };
        const bounded = suggestContacts(index, actorId, { ...full, boundAbove: 0 });
        if (lastRanking === 'bounded' && lastHubsExact) hubPasses++;
        expect(bounded).toEqual(straightforward(index, actorId, full));
        for (const s of bounded) if (options.exclude) expect(options.exclude.has(s.actorId)).toBe(false);
      }
    }
    expect(hubPasses).toBeGreaterThan(0);
  });

  test('excluded actors (dismissed by feedback) stay out, and the next ones move up the same way', () => {
    for (const actorId of queries.slice(0, 8)) {
      const top = suggestContacts(index, actorId, { first: 5, model: DEFAULT_MODEL, boundAbove: Infinity });
      const exclude = new Set([top[0].actorId, top[2].actorId]);
      const options = { first: 10, model: DEFAULT_MODEL, exclude };
      const bounded = suggestContacts(index, actorId, { ...options, boundAbove: 0 });
      expect(lastRanking).toBe('bounded');
      expect(bounded.map((s) => s.actorId)).not.toContain(top[0].actorId);
      expect(bounded).toEqual(straightforward(index, actorId, options));
    }
  });

  test('lists ranked one after another from signals computed once with the counts (the self-fit) are the lists of their own walks', () => {
    const all = [...models, singleSignalModel('katz')];
    for (const actorId of queries) {
      const own = all.map((model) => suggestContacts(index, actorId, { first: 10, model, boundAbove: 0 }));
      const signals = index.signals.compute(graph.index.get(actorId)!, true);
      expect(all.map((model) => suggestContacts(index, actorId, { first: 10, model, signals }))).toEqual(own);
    }
    expect(() =>
      suggestContacts(index, queries[1], {
        first: 10,
        model: DEFAULT_MODEL,
        signals: index.signals.compute(graph.index.get(queries[0])!),
      }),
    ).toThrow();
  });

  test('a model the bounds cannot rank by (count signals) takes the full walk, with the same answers', () => {
    const katz = checkModel({ name: 'katz', terms: [{ signal: 'katz', weight: 1, transform: 'identity', scale: 1 }] });
    const list = suggestContacts(index, queries[0], { first: 10, model: katz, boundAbove: 0 });
    expect(lastRanking).toBe('full');
    expect(list.length).toBe(10);
  });
});
