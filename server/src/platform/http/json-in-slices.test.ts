import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringifyInSlices } from './json-in-slices';

/** A graphql-js-like answer: null-prototype objects, lists of lists. */
function answer(collaborations: number, participants: number) {
  const record = (fields: Record<string, unknown>) => Object.assign(Object.create(null) as object, fields);
  return {
    data: record({
      actor: record({
        id: 'a0',
        name: 'Bürgerhaus „Nord“ e.V.',
        collaborations: Array.from({ length: collaborations }, (_, i) =>
          record({
            role: 'ORGANISER',
            collaboration: record({
              id: `k${i}`,
              startDate: i % 2 ? null : '2024-05-01',
              participants: Array.from({ length: participants }, (_, j) =>
                record({ role: 'PARTICIPANT', actor: record({ id: `a${i}-${j}`, name: `Akteur ${j} 🌳` }) }),
              ),
            }),
          }),
        ),
      }),
    }),
    extensions: undefined,
  };
}

describe('stringifyInSlices', () => {
  test('writes the text JSON.stringify writes', async () => {
    const values: unknown[] = [
      answer(3, 2),
      answer(300, 40),
      { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', field: 'name' } }], data: null },
      { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), 1], d: new Date(0), e: {}, f: [] },
      [Array.from({ length: 10_000 }, (_, i) => ({ i, nested: { deep: [i, { x: `"${i}"\n` }] } }))],
      'text',
      42,
      null,
    ];
    for (const value of values) expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
  });

  test('a large answer is written over several turns of the event loop, a small one in one', async () => {
    const turnsWhile = async (writing: Promise<string>) => {
      let turns = 0;
      let done = false;
      void writing.then(() => (done = true));
      while (!done) {
        await nextTurn();
        turns++;
      }
      return turns;
    };
    // ~5 MB, about the busiest actor's page with every participant at 100k actors.
    expect(await turnsWhile(stringifyInSlices(answer(5000, 10), 1))).toBeGreaterThan(5);
    expect(await turnsWhile(stringifyInSlices(answer(3, 2), 1))).toBeLessThanOrEqual(1);
  });
});
