/**
 * The self-fit's rules, on planted networks (seed/planted.ts) and on hand-made cases: deterministic
 * for a store state whatever the row order, falls back to the default on a short history, keeps
 * activity a capped term, refits only after enough change.
 */
import { plantedNetwork } from '../../../../seed/planted';
import { NetworkProjection } from '../../graph/projection';
import type { GraphData, GraphSnapshot } from '../../store/network-store';
import { clearGain } from './held-out';
import { buildIndexArrays } from './index-build';
import { buildSuggestionIndex } from './suggestion-index';
import {
  changedEnough,
  choiceSet,
  type ChoiceSet,
  fitGrid,
  fittedModel,
  FIT_RULES,
  FIT_TERMS,
  historySplit,
  queryFolds,
  selectPoint,
  selfFit,
  selfFitSteps,
} from './self-fit';
import { ACTIVITY_CAP, DEFAULT_MODEL, maxActivityWeight } from './weights';

function snapshotOf(data: GraphData, reverse = false): GraphSnapshot {
  const order = <T>(rows: T[]) => (reverse ? [...rows].reverse() : rows);
  return {
    topics: order(data.topics.map((t) => ({ id: t.id! }))),
    actors: order(data.actors.map((a) => ({ id: a.id, kind: a.kind }))),
    interests: order(
      data.actors.flatMap((a) => (a.interests ?? []).map((i) => ({ actorId: a.id, topicId: i.topicId }))),
    ),
    collaborations: order(
      data.collaborations.map((c) => ({
        id: c.id,
        kind: c.kind,
        startDate: c.startDate ?? null,
        endDate: c.endDate ?? null,
      })),
    ),
    participations: order(
      data.collaborations.flatMap((c) =>
        (c.participants ?? []).map((p) => ({ actorId: p.actorId, collaborationId: c.id })),
      ),
    ),
    about: order(
      data.collaborations.flatMap((c) => (c.topicIds ?? []).map((topicId) => ({ collaborationId: c.id, topicId }))),
    ),
  };
}

describe('the self-fitted suggestion model', () => {
  const { data } = plantedNetwork({ actors: 1500, seed: 5 });

  test('is deterministic for a store state, whatever order the rows came in', () => {
    const one = selfFit(NetworkProjection.fromSnapshot(snapshotOf(data)));
    const two = selfFit(NetworkProjection.fromSnapshot(snapshotOf(data, true)));
    expect(two).toEqual(one);
    expect(one.heldOut).not.toBeNull();
    expect(one.heldOut!.queries).toBeGreaterThan(0);
    expect(one.cutoff).toMatch(/^20\d\d-\d\d-\d\d$/);
    // It serves the fitted model only when that beat the default on the held-out actors.
    if (one.source === 'FITTED') expect(one.heldOut!.fitted).toBeGreaterThan(one.heldOut!.default);
    else expect(one.model).toBe(DEFAULT_MODEL);
  });

  test('runs in steps: no step scores more than one query actor (a refit runs while the service serves)', () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const whole = selfFit(projection);
    const steps = selfFitSteps(projection);
    let count = 0;
    let next = steps.next();
    while (!next.done) {
      count++;
      // The index of the past is asked of the driver (the service builds it in the worker).
      if (next.value) next.value.built = buildIndexArrays(next.value.input);
      next = steps.next();
    }
    expect(next.value).toEqual(whole);
    // Per query actor one walk (its choice set and lists read from it) ending in a step of its own, and
    // the lists of the parts walked again (their point was not the default's) in steps of their own.
    expect(count).toBeGreaterThan(whole.fitQueries);
  });

  test('holds out each part of the query actors in turn: every actor it fitted on is held out once', () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const result = selfFit(projection);
    const split = historySplit(projection)!;
    const folds = queryFolds(split, buildSuggestionIndex(split.past));
    expect(folds).toHaveLength(FIT_RULES.folds);
    for (const part of folds) expect(part.length).toBeGreaterThan(0);
    const all = folds.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const a of all) expect(split.answers.get(a)!.size).toBeGreaterThan(0);
    expect(result.fitQueries).toBe(all.length);
    expect(result.heldOut!.queries).toBe(all.length);
  });

  test("a query actor's choice set holds its likeliest candidates only, not its real new partners beyond them", () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const split = historySplit(projection)!;
    const index = buildSuggestionIndex(split.past);
    const query = queryFolds(split, index)[0][0];
    const signals = index.signals.compute(index.graph.index.get(query)!, false);
    // An actor neither the walk nor a shared topic reaches, and among the least active.
    const { byActivity } = index.graph;
    let far = -1;
    for (let k = byActivity.length - 1; k >= 0 && far < 0; k--) {
      const b = byActivity[k];
      if (!signals.isPartnerOrSelf(b) && !signals.inPool(b)) far = b;
    }
    expect(far).toBeGreaterThanOrEqual(0);
    const set = choiceSet(index, query, new Set([index.graph.ids[far]]), FIT_TERMS, FIT_RULES.candidatesPerSignal);
    expect(set.rows).toBeGreaterThan(10);
    expect([...set.actors]).not.toContain(far);
    expect(set.positives).toHaveLength(0);
    expect(set.targets).toBe(1);
    // The real partners among the candidates are marked.
    const near = set.actors[0];
    const marked = choiceSet(index, query, new Set([index.graph.ids[near]]), FIT_TERMS, FIT_RULES.candidatesPerSignal);
    expect([...marked.positives]).toEqual([0]);
  });

  test('chooses a point only when its lists hold enough distinct actors and it beats the default by the margin', () => {
    // Two query actors; rows 0–9 are the same five-hit hubs for both (high activity), rows 10–19 each
    // one's own candidates, which the walk prefers. FIT_TERMS: walk, topics, activity.
    const set = (q: number): ChoiceSet => {
      const features = new Float64Array(20 * 3);
      for (let r = 0; r < 20; r++) {
        features[r * 3] = r < 10 ? 1 : 2;
        features[r * 3 + 2] = r < 10 ? 7 : 0;
      }
      return {
        features,
        rows: 20,
        actors: Int32Array.from({ length: 20 }, (_, r) => (r < 10 ? r : 100 + 10 * q + r)),
        positives: Int32Array.of(0, 1, 2, 3, 4),
        targets: 5,
      };
    };
    const run = <T>(g: Generator<void, T, void>): T => {
      for (;;) {
        const n = g.next();
        if (n.done) return n.value;
      }
    };
    const sets = [set(0), set(1)];
    const free = run(selectPoint(sets, 0));
    expect(free.base).toBe(0);
    expect(free.precision).toBeCloseTo(0.5, 10);
    expect(free.weights[2]).toBeGreaterThanOrEqual(0.25);
    // The hubs' lists hold 10 distinct actors, the default's 20: asked for 11, the default's point stays.
    const diverse = run(selectPoint(sets, 11));
    expect(diverse.weights).toEqual(fitGrid()[0]);
    expect(diverse.precision).toBe(0);
  });

  test('the history split: answers are new pairs after the cut-off, among actors of the past', () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const split = historySplit(projection)!;
    for (const [a, partners] of split.answers) {
      expect(split.past.actors.has(a)).toBe(true);
      for (const b of partners) {
        expect(split.past.actors.has(b)).toBe(true);
        const before = [...split.past.actors.get(a)!.collaborations].some((c) =>
          split.past.actors.get(b)!.collaborations.has(c),
        );
        expect(before).toBe(false);
      }
    }
    for (const c of split.past.collaborations.values()) if (c.startDate) expect(c.startDate < split.cutoff).toBe(true);
  });

  test('falls back to the default when the history is too short', () => {
    const small = plantedNetwork({ actors: 100, seed: 2, collaborations: 20 }).data;
    const result = selfFit(NetworkProjection.fromSnapshot(snapshotOf(small)));
    expect(result.source).toBe('DEFAULT');
    expect(result.model).toBe(DEFAULT_MODEL);
    expect(result.reason).toMatch(/^history too short/);
  });

  test('activity stays a capped term: its weight is at most a share of the walk weight', () => {
    // FIT_TERMS: walk, topics, activity.
    const model = fittedModel(FIT_TERMS, [1, 0.1, 5]);
    const activity = model.terms.find((t) => t.signal === 'activity')!;
    expect(activity.cap).toBe(ACTIVITY_CAP);
    expect(activity.weight).toBeCloseTo(maxActivityWeight(1), 3);
    expect(activity.weight).toBeLessThan(0.5);
    // Without a walk term activity gets no weight at all.
    expect(fittedModel(FIT_TERMS, [0, 1, 5]).terms.some((t) => t.signal === 'activity')).toBe(false);
    // The default keeps the rule too.
    const walk = DEFAULT_MODEL.terms.find((t) => t.signal === 'randomWalk')!;
    const defaultActivity = DEFAULT_MODEL.terms.find((t) => t.signal === 'activity')!;
    expect(defaultActivity.weight).toBeLessThanOrEqual(maxActivityWeight(walk.weight));
    // Every point of the grid keeps it, and the default's own point comes first.
    const grid = fitGrid();
    expect(grid[0]).toEqual(FIT_TERMS.map((t) => t.weight));
    expect(new Set(grid.map((w) => w.join())).size).toBe(grid.length);
    for (const w of grid) expect(w[2]).toBeLessThanOrEqual(maxActivityWeight(w[0]));
  });

  test('serves a fitted model only when it clearly beat the default and was more diverse than Katz on the held-out actors', () => {
    const result = selfFit(NetworkProjection.fromSnapshot(snapshotOf(data)));
    const h = result.heldOut!;
    expect(h.fittedCoverage).toBeGreaterThan(0);
    expect(h.katzCoverage).toBeGreaterThan(0);
    const diverse = h.fittedCoverage >= FIT_RULES.diversityMargin * h.katzCoverage;
    if (result.source === 'FITTED') expect(h.fitted > h.default && diverse).toBe(true);
    else if (diverse) expect(result.reason).toMatch(/did not clearly beat the default/);
    else expect(result.reason).toMatch(/less diverse than Katz's/);
  });

  test('a held-out gain counts only beyond 1.645 standard errors of the paired differences', () => {
    const same = Float64Array.from({ length: 100 }, (_, i) => (i % 5) / 10);
    // One more hit on 4 of 100 actors, the rest equal: a mean gain of 0.004, standard error 0.002.
    const fewHits = same.map((x, i) => (i < 4 ? x + 0.1 : x));
    expect(clearGain(fewHits, same, FIT_RULES.gainStandardErrors)).toBe(true);
    // The same mean gain with noise: 10 actors one hit better, 6 one hit worse.
    const noisy = same.map((x, i) => (i < 10 ? x + 0.1 : i < 16 ? x - 0.1 : x));
    expect(clearGain(noisy, same, FIT_RULES.gainStandardErrors)).toBe(false);
    expect(clearGain(same, same, FIT_RULES.gainStandardErrors)).toBe(false);
    expect(clearGain(same, fewHits, FIT_RULES.gainStandardErrors)).toBe(false);
    expect(clearGain(Float64Array.of(0.5), Float64Array.of(0), FIT_RULES.gainStandardErrors)).toBe(false);
  });

  test('refits when actors or collaborations changed by a tenth (at least 20)', () => {
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const at = { actorCount: projection.actors.size, collaborationCount: projection.collaborations.size };
    expect(changedEnough(at, projection)).toBe(false);
    expect(changedEnough({ ...at, collaborationCount: at.collaborationCount - 19 }, projection)).toBe(false);
    expect(changedEnough({ ...at, actorCount: Math.floor(at.actorCount * 0.89) }, projection)).toBe(true);
  });
});
