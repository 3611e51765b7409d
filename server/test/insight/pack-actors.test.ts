import { packActorsSteps } from '../../src/features/insight/jobs';
import type { DuplicateInput } from '../../src/domain/duplicates';

const actors = (n: number): DuplicateInput[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    name: `Verein „${i}“ e.V., Straße ${i}`,
    website: i % 3 ? `https://verein-${i}.de` : null,
    contact: i % 5 ? null : `kontakt${i}@example.org`,
  }));

const wholeString = (list: DuplicateInput[]) => JSON.stringify(list.map((a) => [a.id, a.name, a.website, a.contact]));

describe('packing actors for the duplicates job', () => {
  it.each([0, 1, 1999, 2000, 2001, 4001])('gives the one-go string in steps for %i actors', (n) => {
    const list = actors(n);
    const steps = packActorsSteps(list);
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields += 1;
      next = steps.next();
    }
    expect(next.value).toBe(wholeString(list));
    // One step per 2,000 actors, so at 100k no single step holds the event loop for long.
    expect(yields).toBe(Math.ceil(n / 2000));
    expect(JSON.parse(next.value)).toHaveLength(n);
  });
});
