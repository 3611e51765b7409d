import { strongestPerActor, tiesPerActor } from './strongest-ties-rules';

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
