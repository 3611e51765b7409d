import { spanningForest, strongestPerActor, tiesPerActor, tiesToDraw } from './strongest-ties-rules';

// Actors a..e as 0..4; rank = id order.
const ties = [
  [0, 1, 5], // a–b
  [0, 2, 1], // a–c
  [0, 3, 3], // a–d
  [1, 2, 1], // b–c
  [2, 3, 1], // c–d
  [4, 0, 1], // e–a
];
const arrays = {
  sources: ties.map((t) => t[0]),
  targets: ties.map((t) => t[1]),
  weights: ties.map((t) => t[2]),
};
const rank = [0, 1, 2, 3, 4];

describe('strongest ties per actor', () => {
  test("each actor keeps its k heaviest; a tie stays when either end keeps it; equal weights by the other end's rank", () => {
    // a: a–b (5); b: a–b; c: c–a, c–b, c–d weigh 1, a ranks first; d: a–d (3); e: e–a (its only tie).
    expect(strongestPerActor(arrays, 5, 1, rank)).toEqual([0, 1, 2, 5]);
    // Two each: c keeps c–a and c–b (d ranks last), but d has only two ties and keeps c–d.
    expect(strongestPerActor(arrays, 5, 2, rank)).toEqual([0, 1, 2, 3, 4, 5]);
    // Another ranking decides c's single tie: d first.
    expect(strongestPerActor(arrays, 5, 1, [4, 3, 2, 0, 1])).toEqual([0, 2, 4, 5]);
    expect(strongestPerActor(arrays, 5, 6, rank)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a budget is shared out per actor, at least one each', () => {
    expect(tiesPerActor(6000, 5000)).toBe(1);
    expect(tiesPerActor(6000, 20000)).toBe(1);
    expect(tiesPerActor(6000, 1000)).toBe(6);
    expect(tiesPerActor(10, 0)).toBe(10);
  });
});

describe('the pieces joined', () => {
  // Two pieces by strongest ties alone: {a, b} (a–b 5) and {c, d} (c–d 4); a–c 2 and b–d 1 join them.
  const four = { sources: [0, 2, 0, 1], targets: [1, 3, 2, 3], weights: [5, 4, 2, 1] };
  const byId = [0, 1, 2, 3];

  test('a maximum spanning forest: heaviest first, a tie only when it joins two pieces', () => {
    expect(strongestPerActor(four, 4, 1, byId)).toEqual([0, 1]);
    expect(spanningForest(four, 4, byId)).toEqual([0, 1, 2]);
    // Equal weights: the tie whose ends rank first.
    expect(spanningForest({ sources: [0, 1, 0], targets: [1, 2, 2], weights: [1, 1, 1] }, 3, [2, 1, 0])).toEqual([
      1, 2,
    ]);
    // Separate pieces stay separate: two ties among five actors.
    expect(spanningForest({ sources: [0, 3], targets: [1, 4], weights: [1, 1] }, 5, [0, 1, 2, 3, 4])).toEqual([0, 1]);
  });

  test("what a map draws: every tie within the budget, else each actor's strongest and the forest", () => {
    expect(tiesToDraw(four, 4, 4, byId)).toEqual([0, 1, 2, 3]);
    expect(tiesToDraw(four, 4, 2, byId)).toEqual([0, 1, 2]);
    expect(tiesToDraw(arrays, 5, 5, rank)).toEqual([0, 1, 2, 5]);
  });
});
