/**
 * The quick first arrangement of a big map (viewer/src/quick-layout.ts): every node placed, none
 * on another, each part of the network apart from the others, and a tie short next to the map.
 */
import { radialForest } from '../../../viewer/src/quick-layout';
import type { Tie } from '../../../viewer/src/ties';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** A random tree of `n` nodes (a fixed seed) with a few more ties, and a separate pair. */
function network(n: number): { ids: string[]; ties: Tie[] } {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const ties: Tie[] = [];
  for (let i = 1; i < n; i++)
    ties.push({ source: ids[Math.floor(rand() * i)], target: ids[i], weight: 1 + Math.floor(rand() * 5) });
  for (let k = 0; k < n / 10; k++)
    ties.push({ source: ids[Math.floor(rand() * n)], target: ids[Math.floor(rand() * n)], weight: 1 });
  ids.push('p1', 'p2');
  ties.push({ source: 'p1', target: 'p2', weight: 2 });
  return { ids, ties };
}

describe('radialForest', () => {
  const { ids, ties } = network(2000);
  const positions = radialForest(ids, ties);

  test('places every node, no two on the same spot', () => {
    expect(Object.keys(positions).sort()).toEqual([...ids].sort());
    const spots = new Set(ids.map((id) => `${positions[id].x},${positions[id].y}`));
    expect(spots.size).toBe(ids.length);
    for (const id of ids) expect(Number.isFinite(positions[id].x) && Number.isFinite(positions[id].y)).toBe(true);
  });

  test('the tree ties are short against the size of the map', () => {
    const xs = ids.map((id) => positions[id].x);
    const ys = ids.map((id) => positions[id].y);
    const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const lengths = ties.map((t) => dist(positions[t.source], positions[t.target])).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)];
    expect(median).toBeLessThan(extent / 8);
  });

  test('a separate part lies apart from the big one, its nodes next to each other', () => {
    const big = ids.filter((id) => !id.startsWith('p'));
    const nearestBig = Math.min(...big.map((id) => dist(positions[id], positions.p1)));
    expect(dist(positions.p1, positions.p2)).toBeLessThanOrEqual(150);
    expect(nearestBig).toBeGreaterThan(dist(positions.p1, positions.p2) / 2);
  });

  test('the best-connected actor is in the middle of its part', () => {
    const hub = radialForest(
      ['h', 'a', 'b', 'c'],
      [
        { source: 'h', target: 'a', weight: 3 },
        { source: 'h', target: 'b', weight: 3 },
        { source: 'h', target: 'c', weight: 3 },
      ],
    );
    for (const id of ['a', 'b', 'c']) expect(dist(hub[id], hub.h)).toBeCloseTo(110, 0);
  });

  test('is the same for the same input', () => {
    expect(radialForest(ids, ties)).toEqual(positions);
  });
});
