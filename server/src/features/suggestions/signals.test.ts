/**
 * The signals on tiny hand-made networks, against values computed by hand, and on a generated
 * network against a plain (Map-based) recomputation of the definitions.
 *
 *   a ── b        collaborations: c1 {a, b} (twice: c1 and c6), c2 {a, c}, c3 {b, d},
 *   │    │                        c4 {c, d}, c5 {d, e} about t2
 *   c ── d ── e   partners: a 2, b 2, c 2, d 3, e 1
 */
import { generateNetwork } from '../../../../seed/generate';
import { snapshotOf } from '../../../../seed/snapshot';
import { NetworkProjection } from '../../graph/projection';
import type { GraphData, GraphSnapshot } from '../../store/network-store';
import { degree, edgeIndex, STEP_EXPONENT, stepWeight } from './csr';
import { KATZ_BETA, WALK3_WEIGHT } from './signals';
import { buildSuggestionIndex } from './suggestion-index';
import { topicCosine } from './topic-profile';

function projectionOf(snapshot: Partial<GraphSnapshot>): NetworkProjection {
  return NetworkProjection.fromSnapshot({
    actors: [],
    collaborations: [],
    participations: [],
    interests: [],
    about: [],
    topics: [],
    ...snapshot,
  });
}

const collaboration = (id: string) => ({ id, kind: 'MEETING' as const, startDate: null, endDate: null });

const tiny = () =>
  projectionOf({
    actors: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, kind: 'ASSOCIATION' as const })),
    topics: [{ id: 't0' }, { id: 't1' }, { id: 't2' }],
    collaborations: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map(collaboration),
    participations: [
      ['a', 'c1'],
      ['b', 'c1'],
      ['a', 'c2'],
      ['c', 'c2'],
      ['b', 'c3'],
      ['d', 'c3'],
      ['c', 'c4'],
      ['d', 'c4'],
      ['d', 'c5'],
      ['e', 'c5'],
      ['a', 'c6'],
      ['b', 'c6'],
    ].map(([actorId, collaborationId]) => ({ actorId, collaborationId })),
    // t0 is everybody's (of those with topics): its IDF is 0 and it must not count.
    interests: [
      ['a', 't0'],
      ['a', 't1'],
      ['d', 't0'],
      ['d', 't1'],
      ['d', 't2'],
      ['e', 't0'],
      ['e', 't2'],
    ].map(([actorId, topicId]) => ({ actorId, topicId })),
    about: [{ collaborationId: 'c5', topicId: 't2' }],
  });

describe('the collaborates-with CSR', () => {
  const index = buildSuggestionIndex(tiny());
  const { graph } = index;
  const i = (id: string) => graph.index.get(id)!;

  test('indexes actors in id order, rows sorted, weights = shared collaborations', () => {
    expect(graph.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    const row = (id: string) =>
      [...graph.neighbours.subarray(graph.offsets[i(id)], graph.offsets[i(id) + 1])].map((j) => graph.ids[j]);
    expect(row('a')).toEqual(['b', 'c']);
    expect(row('d')).toEqual(['b', 'c', 'e']);
    expect(graph.weights[edgeIndex(graph, i('a'), i('b'))]).toBe(2);
    expect(graph.weights[edgeIndex(graph, i('d'), i('e'))]).toBe(1);
    expect(edgeIndex(graph, i('a'), i('d'))).toBe(-1);
    expect([...graph.ids].map((id) => degree(graph, i(id)))).toEqual([2, 2, 2, 3, 1]);
    expect([...graph.collaborationCounts]).toEqual([3, 3, 2, 3, 1]);
  });

  test('tie strength: Σ 1 / (members − 1) over the shared collaborations, so a consortium is a weak tie', () => {
    const consortium = buildSuggestionIndex(
      projectionOf({
        actors: ['p', 'q', 'r', 's'].map((id) => ({ id, kind: 'ASSOCIATION' as const })),
        collaborations: ['x', 'y'].map(collaboration),
        participations: [
          ['p', 'x'],
          ['q', 'x'],
          ['r', 'x'],
          ['s', 'x'],
          ['p', 'y'],
          ['q', 'y'],
        ].map(([actorId, collaborationId]) => ({ actorId, collaborationId })),
      }),
    ).graph;
    const at = (a: string, b: string) =>
      consortium.tieStrengths[edgeIndex(consortium, consortium.index.get(a)!, consortium.index.get(b)!)];
    expect(at('p', 'q')).toBeCloseTo(1 / 3 + 1, 6);
    expect(at('q', 'p')).toBeCloseTo(1 / 3 + 1, 6);
    expect(at('p', 'r')).toBeCloseTo(1 / 3, 6);
    expect(at('r', 's')).toBeCloseTo(1 / 3, 6);
    // Totals are summed from the stored (Float32) strengths: 6 digits.
    expect(consortium.inverseStrengths[consortium.index.get('p')!]).toBeCloseTo(1 / (4 / 3 + 1 / 3 + 1 / 3), 6);
    expect(consortium.inverseStrengths[consortium.index.get('r')!]).toBeCloseTo(1, 6);
    // A step through p: its total strength 2 to the power −STEP_EXPONENT.
    expect(consortium.stepWeights[consortium.index.get('p')!]).toBeCloseTo(2 ** -STEP_EXPONENT, 6);
  });

  test('a step through an intermediate weighs strength^−0.75: busy ones count less, but less steeply than 1 / strength', () => {
    expect(STEP_EXPONENT).toBe(0.75);
    expect(stepWeight(0)).toBe(0);
    expect(stepWeight(1)).toBe(1);
    expect(stepWeight(16)).toBeCloseTo(1 / 8, 15);
    expect(stepWeight(1 / 16)).toBeCloseTo(8, 15);
    // Decreasing in the strength …
    expect(stepWeight(4)).toBeLessThan(stepWeight(2));
    // … while what a busy intermediate passes on in all (strength × weight) still grows with it.
    expect(4 * stepWeight(4)).toBeGreaterThan(2 * stepWeight(2));
  });

  test('orders actors by activity: most partners first, ties by id', () => {
    expect([...graph.byActivity].map((j) => graph.ids[j])).toEqual(['d', 'a', 'b', 'c', 'e']);
  });
});

describe('signals for actor a (hand-computed)', () => {
  const index = buildSuggestionIndex(tiny());
  const i = (id: string) => index.graph.index.get(id)!;
  const signals = index.signals.compute(i('a'));
  const v = (signal: Parameters<typeof signals.value>[0], id: string) => signals.value(signal, i(id));
  const beta = KATZ_BETA;

  test('common neighbours = walks of length 2 on the unweighted graph', () => {
    expect(v('commonNeighbours', 'd')).toBe(2); // via b and c
    expect(v('commonNeighbours', 'e')).toBe(0);
  });

  test('Adamic–Adar: each mutual partner counts 1 / ln(its partners)', () => {
    expect(v('adamicAdar', 'd')).toBeCloseTo(2 / Math.log(2), 12);
    expect(v('adamicAdar', 'e')).toBe(0);
  });

  test('Katz: β² · walks of length 2 + β³ · walks of length 3', () => {
    // walks of length 3 a→…→e: a-b-d-e, a-c-d-e; to b: a-b-a-b, a-c-a-b, a-b-d-b, a-c-d-b.
    expect(v('katz', 'e')).toBeCloseTo(2 * beta ** 3, 15);
    expect(v('katz', 'd')).toBeCloseTo(2 * beta ** 2, 15);
    expect(v('katz', 'b')).toBeCloseTo(0 * beta ** 2 + 4 * beta ** 3, 15);
  });

  test('random walk: 2 steps + WALK3_WEIGHT × 3 steps; the first step by tie strength, each further one through x weighted strength(x)^−0.75', () => {
    // From a: to b with 2/3 (two shared collaborations), to c with 1/3. b's ties: a 2, d 1 (total
    // 3); c's: a 1, d 1 (total 2); d's: b 1, c 1, e 1 (total 3).
    const g = STEP_EXPONENT;
    const toD = (2 / 3) * 3 ** -g * 1 + (1 / 3) * 2 ** -g * 1;
    expect(v('randomWalk', 'd')).toBeCloseTo(toD, 6);
    // e only in three steps, through d.
    expect(v('randomWalk', 'e')).toBeCloseTo(WALK3_WEIGHT * toD * 3 ** -g * 1, 6);
    // A random walk (exponent 1) would give d (2/3)·(1/3) + (1/3)·(1/2) = 7/18: the busier b (total
    // 3) now passes on relatively more than c (total 2).
    expect(v('randomWalk', 'd')).toBeGreaterThan(7 / 18);
  });

  test('activity = partners, collaborations = collaborations taken part in', () => {
    expect(v('activity', 'd')).toBe(3);
    expect(v('collaborations', 'd')).toBe(3);
    expect(v('activity', 'e')).toBe(1);
  });

  test('reach: everyone a walk of length 2 or 3 ends at', () => {
    expect([...signals.reached].sort().map((j) => index.graph.ids[j])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('IDF-weighted topic cosine (hand-computed)', () => {
  const index = buildSuggestionIndex(tiny());
  const p = index.profiles;
  const i = (id: string) => index.graph.index.get(id)!;
  const t = (id: string) => p.topicIndex.get(id)!;

  test('IDF = ln(actors with topics / actors with the topic); a topic everybody has weighs 0', () => {
    // actors with topics: a, d, e (N = 3); t0: all 3; t1: a, d; t2: d, e.
    expect(p.idf[t('t0')]).toBe(0);
    expect(p.idf[t('t1')]).toBeCloseTo(Math.log(3 / 2), 12);
    expect(p.idf[t('t2')]).toBeCloseTo(Math.log(3 / 2), 12);
  });

  test('term frequency counts interests and collaborations; vectors are normalised', () => {
    // a = (t1: 1); d = (t1: 1, t2: 1 interest + 1 collaboration c5) ∝ (1, 2); e = (t2: 2) ∝ (0, 1).
    expect(topicCosine(p, i('a'), i('d'))).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(topicCosine(p, i('d'), i('e'))).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(topicCosine(p, i('a'), i('e'))).toBe(0);
    expect(topicCosine(p, i('a'), i('b'))).toBe(0);
    const signals = index.signals.compute(i('a'));
    expect(signals.value('topics', i('d'))).toBeCloseTo(1 / Math.sqrt(5), 12);
  });
});

describe('signals on a generated network equal a plain recomputation of the definitions', () => {
  const data: GraphData = generateNetwork({ actors: 300, seed: 5 });
  const projection = projectionOf(snapshotOf(data));
  const index = buildSuggestionIndex(projection);

  test('tie strengths are the same bits whatever order the store returned collaborations and members in', () => {
    const reversed = buildSuggestionIndex(
      projectionOf({
        actors: [...data.actors].reverse().map((a) => ({ id: a.id, kind: a.kind })),
        collaborations: [...data.collaborations]
          .reverse()
          .map((c) => ({ id: c.id, kind: c.kind, startDate: c.startDate ?? null, endDate: c.endDate ?? null })),
        participations: [...data.collaborations]
          .reverse()
          .flatMap((c) => [...c.participants!].reverse().map((p) => ({ actorId: p.actorId, collaborationId: c.id }))),
      }),
    ).graph;
    expect([...reversed.neighbours]).toEqual([...index.graph.neighbours]);
    expect(Buffer.from(reversed.tieStrengths.buffer).equals(Buffer.from(index.graph.tieStrengths.buffer))).toBe(true);
    expect(Buffer.from(reversed.inverseStrengths.buffer).equals(Buffer.from(index.graph.inverseStrengths.buffer))).toBe(
      true,
    );
    expect(Buffer.from(reversed.stepWeights.buffer).equals(Buffer.from(index.graph.stepWeights.buffer))).toBe(true);
  });

  // Plain definitions over Maps.
  const partners = new Map<string, Set<string>>();
  for (const c of data.collaborations) {
    for (const a of c.participants!)
      for (const b of c.participants!) {
        if (a.actorId === b.actorId) continue;
        if (!partners.has(a.actorId)) partners.set(a.actorId, new Set());
        partners.get(a.actorId)!.add(b.actorId);
      }
  }
  const N = (x: string) => partners.get(x) ?? new Set<string>();
  // Tie strength: Σ over shared collaborations of 1 / (members − 1); the first step goes q → b with
  // strength(q, b) / Σ_b' strength(q, b'), every further step x → b weighs strength(x, b) ·
  // (Σ_b' strength(x, b'))^−0.75.
  const strength = new Map<string, Map<string, number>>();
  for (const c of data.collaborations) {
    const members = [...new Set(c.participants!.map((p) => p.actorId))];
    for (const a of members)
      for (const b of members) {
        if (a === b) continue;
        if (!strength.has(a)) strength.set(a, new Map());
        strength.get(a)!.set(b, (strength.get(a)!.get(b) ?? 0) + 1 / (members.length - 1));
      }
  }
  const step = (a: string, exponent: number) => {
    const row = strength.get(a) ?? new Map<string, number>();
    const total = [...row.values()].reduce((x, y) => x + y, 0);
    return new Map([...row].map(([b, w]) => [b, w * total ** -exponent]));
  };

  // Kind mixing: (ties between the kinds + 1) / (their partner counts' product / all partner counts + 1).
  const kindOf = new Map(data.actors.map((a) => [a.id, a.kind as string]));
  const kindTies = new Map<string, number>();
  const kindEnds = new Map<string, number>();
  let allEnds = 0;
  for (const [a, row] of partners)
    for (const b of row) {
      const key = `${kindOf.get(a)}|${kindOf.get(b)}`;
      kindTies.set(key, (kindTies.get(key) ?? 0) + 1);
      kindEnds.set(kindOf.get(a)!, (kindEnds.get(kindOf.get(a)!) ?? 0) + 1);
      allEnds++;
    }
  const affinity = (a: string, b: string) =>
    ((kindTies.get(`${kindOf.get(a)}|${kindOf.get(b)}`) ?? 0) + 1) /
    (((kindEnds.get(kindOf.get(a)!) ?? 0) * (kindEnds.get(kindOf.get(b)!) ?? 0)) / allEnds + 1);

  test.each(['a000000', 'a000017', 'a000123', 'a000299'])('actor %s', (q) => {
    const walks2 = new Map<string, number>();
    for (const m of N(q)) for (const b of N(m)) walks2.set(b, (walks2.get(b) ?? 0) + 1);
    const walks3 = new Map<string, number>();
    for (const [x, w] of walks2) for (const b of N(x)) walks3.set(b, (walks3.get(b) ?? 0) + w);
    const p2 = new Map<string, number>();
    for (const [m, pm] of step(q, 1)) for (const [b, pb] of step(m, 0.75)) p2.set(b, (p2.get(b) ?? 0) + pm * pb);
    const p3 = new Map<string, number>();
    for (const [x, px] of p2) for (const [b, pb] of step(x, 0.75)) p3.set(b, (p3.get(b) ?? 0) + px * pb);
    const signals = index.signals.compute(index.graph.index.get(q)!);
    for (const b of ['a000001', 'a000050', 'a000100', 'a000200', ...[...walks2.keys()].slice(0, 20)]) {
      const j = index.graph.index.get(b)!;
      const mutual = [...N(q)].filter((m) => N(b).has(m));
      expect(signals.value('commonNeighbours', j)).toBe(mutual.length);
      expect(signals.value('adamicAdar', j)).toBeCloseTo(
        mutual.reduce((s, m) => s + 1 / Math.log(N(m).size), 0),
        10,
      );
      expect(signals.value('katz', j)).toBeCloseTo(
        KATZ_BETA ** 2 * (walks2.get(b) ?? 0) + KATZ_BETA ** 3 * (walks3.get(b) ?? 0),
        14,
      );
      expect(signals.value('activity', j)).toBe(N(b).size);
      // Float32 tie strengths: 6 significant digits.
      const walk = ((p2.get(b) ?? 0) + WALK3_WEIGHT * (p3.get(b) ?? 0)) * affinity(q, b);
      expect(Math.abs(signals.value('randomWalk', j) - walk)).toBeLessThan(1e-6 * Math.max(walk, 1e-3));
    }
    // Without Katz's three-step counts: the same reach and the same walk (what a walk-only model reads).
    const reached = [...signals.reached].sort((x, y) => x - y);
    const walkValues = [...reached].map((j) => signals.value('randomWalk', j));
    const lean = index.signals.compute(index.graph.index.get(q)!, false);
    expect([...lean.reached].sort((x, y) => x - y)).toEqual(reached);
    expect(reached.map((j) => lean.value('randomWalk', j))).toEqual(walkValues);
  });
});
