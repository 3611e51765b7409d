/**
 * The NetworkStore contract for map positions per view scope (viewPositions, saveViewPositions),
 * run against every store like the NetworkStore contract (network-store/).
 */
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

const A = [
  { id: 'actor:bobbie', x: 10, y: -20.5 },
  { id: 'topic:kinder', x: 0, y: 0 },
  { id: 'cluster:3', x: 1e6, y: -1e6 },
];

export function describeViewPositionsContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: map positions per view (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => (store = await harness.fresh()));

    test('none saved: null; a save answers and reads back the positions in their order, author, time and version 1', async () => {
      expect(await store.viewPositions('actors')).toBeNull();
      const saved = await store.saveViewPositions({ scope: 'actors', positions: A, author: 'key:büro' });
      expect(saved).toEqual({
        scope: 'actors',
        positions: A,
        author: 'key:büro',
        savedAt: expect.any(String),
        version: 1,
      });
      expect(Number.isNaN(Date.parse(saved.savedAt))).toBe(false);
      expect(await store.viewPositions('actors')).toEqual(saved);
    });

    test('a save replaces the positions of its scope only; versions count per scope', async () => {
      await store.saveViewPositions({ scope: 'actors', positions: A });
      await store.saveViewPositions({ scope: 'actors:cluster:3', positions: [{ id: 'actor:x', x: 1, y: 2 }] });
      const again = await store.saveViewPositions({
        scope: 'actors',
        positions: [{ id: 'actor:bobbie', x: 5, y: 6 }],
        expectedVersion: 1,
      });
      expect(again).toMatchObject({ version: 2, author: 'system', positions: [{ id: 'actor:bobbie', x: 5, y: 6 }] });
      expect(await store.viewPositions('actors')).toEqual(again);
      expect(await store.viewPositions('actors:cluster:3')).toMatchObject({
        version: 1,
        positions: [{ id: 'actor:x', x: 1, y: 2 }],
      });
      expect(await store.viewPositions('topics')).toBeNull();
      expect(await store.viewPositions('clusters?kinds=ASSOCIATION')).toBeNull();
    });

    test('a stale expectedVersion: CONFLICT on expectedVersion, nothing stored; left out, the save wins', async () => {
      await expect(
        store.saveViewPositions({ scope: 'topics', positions: A, expectedVersion: 1 }),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
      expect(await store.viewPositions('topics')).toBeNull();
      await store.saveViewPositions({ scope: 'topics', positions: A, expectedVersion: 0 });
      await expect(
        store.saveViewPositions({ scope: 'topics', positions: [], expectedVersion: 0 }),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
      expect((await store.viewPositions('topics'))!.positions).toEqual(A);
      expect((await store.saveViewPositions({ scope: 'topics', positions: [] })).version).toBe(2);
    });

    test.each([
      ['', 'scope'],
      ['people', 'scope'],
      ['actors:cluster:', 'scope'],
      ['actors:cluster:a b', 'scope'],
      ['clusters?kinds=SCHOOL', 'scope'],
      ['clusters?kinds=INITIATIVE,ASSOCIATION', 'scope'],
      ['clusters?from=2024-02-30', 'scope'],
      ['clusters?to=2024-12-31&from=2024-01-01', 'scope'],
      ['clusters?colour=red', 'scope'],
    ])('scope %j: BAD_USER_INPUT on %s, for reads and saves alike', async (scope, field) => {
      await expect(store.viewPositions(scope)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
      await expect(store.saveViewPositions({ scope, positions: A })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    });

    test('scopes of every view and filter are taken', async () => {
      for (const scope of [
        'topics:all',
        'topics:cluster:c%2012',
        'clusters?topics=kinder,sport&kinds=ASSOCIATION,INITIATIVE&from=2023-01-01&to=2024-12-31',
        'actors:cluster:7?to=2024-12-31',
      ]) {
        expect((await store.saveViewPositions({ scope, positions: A })).scope).toBe(scope);
        expect((await store.viewPositions(scope))!.positions).toEqual(A);
      }
    });

    test.each([
      [{ id: 'bobbie', x: 1, y: 1 }, 'positions[1].id'],
      [{ id: 'actor:bobbie', x: 1, y: 1 }, 'positions[1].id'],
      [{ id: 'actor:y', x: Number.NaN, y: 1 }, 'positions[1].x'],
      [{ id: 'actor:y', x: 1, y: Number.POSITIVE_INFINITY }, 'positions[1].y'],
      [{ id: 'actor:y', x: 2e7, y: 1 }, 'positions[1].x'],
    ])('node %j: BAD_USER_INPUT on %s, nothing stored', async (node, field) => {
      await expect(
        store.saveViewPositions({ scope: 'actors', positions: [{ id: 'actor:bobbie', x: 0, y: 0 }, node] }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await store.viewPositions('actors')).toBeNull();
    });

    test('erasing a person takes its node out of every saved view (its id can be made from its name); others stay', async () => {
      await store.createActor({ id: 'paula-beispiel', name: 'Paula Beispiel', kind: 'PERSON' }, { author: 'key:büro' });
      const withPaula = [...A, { id: 'actor:paula-beispiel', x: 3, y: 4 }];
      await store.saveViewPositions({ scope: 'actors', positions: withPaula });
      await store.saveViewPositions({ scope: 'topics', positions: [{ id: 'actor:paula-beispiel', x: 1, y: 1 }] });
      await store.saveViewPositions({ scope: 'actors:all', positions: A });
      await store.eraseActor('paula-beispiel', { author: 'key:admin' });
      expect(await store.viewPositions('actors')).toMatchObject({ positions: A, version: 2 });
      expect(await store.viewPositions('topics')).toMatchObject({ positions: [], version: 2 });
      expect(await store.viewPositions('actors:all')).toMatchObject({ positions: A, version: 1 });
    });
  });
}
