/**
 * Map positions per view through the whole request pipeline on the Batenbrock seed: an editor
 * saves, a viewer reads the same positions (not who saved them) and cannot save; refusals are
 * coded with their field (scope syntax, more nodes than the largest view, non-finite numbers,
 * a stale version) and change nothing; one view's positions never answer for another.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { MAX_NETWORK_ACTORS } from '../../src/features/network/network.input';
import { errorCodes, keyHolder, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const READ = `query($scope: String!) { viewPositions(scope: $scope) { scope positions { id x y } savedAt version } }`;
const READ_BY = `query($scope: String!) { viewPositions(scope: $scope) { savedBy version } }`;
const SAVE = `mutation($scope: String!, $positions: [NodePositionInput!]!, $expectedVersion: Int) {
  saveViewPositions(scope: $scope, positions: $positions, expectedVersion: $expectedVersion) {
    scope positions { id x y } savedBy savedAt version
  }
}`;
const VIEWER = keyHolder('Beamer', 'VIEWER');
const EDITOR = keyHolder('Quartiersbüro', 'EDITOR');
const P = [
  { id: 'actor:bobbie-ev', x: 120.5, y: -40 },
  { id: 'topic:kinder', x: -3, y: 77.25 },
];

const field = (response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  response.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

export function describeViewPositions(label: string, harness: StoreHarness): void {
  describe(`map positions per view on the Batenbrock seed (${label})`, () => {
    let api: TestApi;
    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    test('an editor saves, a viewer reads the same positions but neither who saved them nor may save', async () => {
      const none = await api.runAs(VIEWER, READ, { scope: 'actors' });
      expect(none.errors).toBeUndefined();
      expect(none.data!.viewPositions).toBeNull();

      const saved = await api.runAs(EDITOR, SAVE, { scope: 'actors', positions: P, expectedVersion: 0 });
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.saveViewPositions).toMatchObject({
        scope: 'actors',
        positions: P,
        savedBy: 'key:Quartiersbüro',
        version: 1,
      });

      const read = await api.runAs(VIEWER, READ, { scope: 'actors' });
      expect(read.data!.viewPositions).toEqual({
        scope: 'actors',
        positions: P,
        savedAt: saved.data!.saveViewPositions.savedAt,
        version: 1,
      });
      expect(errorCodes(await api.runAs(VIEWER, READ_BY, { scope: 'actors' }))).toEqual(['FORBIDDEN']);
      expect((await api.runAs(EDITOR, READ_BY, { scope: 'actors' })).data!.viewPositions).toEqual({
        savedBy: 'key:Quartiersbüro',
        version: 1,
      });

      expect(errorCodes(await api.runAs(VIEWER, SAVE, { scope: 'actors', positions: [] }))).toEqual(['FORBIDDEN']);
      expect((await api.runAs(VIEWER, READ, { scope: 'actors' })).data!.viewPositions.positions).toEqual(P);
    });

    test('positions of one view never answer for another', async () => {
      await api.runAs(EDITOR, SAVE, { scope: 'actors:cluster:4', positions: P });
      for (const scope of ['actors', 'actors:all', 'topics', 'actors:cluster:4?kinds=ASSOCIATION', 'clusters'])
        expect((await api.data(READ, { scope })).viewPositions).toBeNull();
      expect((await api.data(READ, { scope: 'actors:cluster:4' })).viewPositions.positions).toEqual(P);
    });

    test('refusals name their field and store nothing', async () => {
      const topics = (await api.data<{ topics: { totalCount: number } }>('{ topics(first: 1) { totalCount } }')).topics
        .totalCount;
      const largest = MAX_NETWORK_ACTORS + topics;
      const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `actor:a${i}`, x: i, y: -i }));
      expect(field(await api.runAs(EDITOR, SAVE, { scope: 'actors', positions: many(largest + 1) }))).toEqual([
        ['BAD_USER_INPUT', 'positions'],
      ]);
      expect(field(await api.runAs(EDITOR, SAVE, { scope: 'people', positions: P }))).toEqual([
        ['BAD_USER_INPUT', 'scope'],
      ]);
      expect(field(await api.runAs(VIEWER, READ, { scope: 'clusters?kinds=DRAGON' }))).toEqual([
        ['BAD_USER_INPUT', 'scope'],
      ]);
      // JSON has no NaN or Infinity, but 1e400 parses as Infinity: refused while coercing the variables.
      const infinite = [P[0], { id: 'actor:x', x: Number.POSITIVE_INFINITY, y: 0 }];
      expect(field(await api.runAs(EDITOR, SAVE, { scope: 'actors', positions: infinite }))).toEqual([
        ['BAD_USER_INPUT', 'positions[1].x'],
      ]);
      expect(
        field(await api.runAs(EDITOR, SAVE, { scope: 'actors', positions: [{ id: 'actor:x', x: 0, y: 3e7 }] })),
      ).toEqual([['BAD_USER_INPUT', 'positions[0].y']]);
      expect(field(await api.runAs(EDITOR, SAVE, { scope: 'actors', positions: [P[0], P[0]] }))).toEqual([
        ['BAD_USER_INPUT', 'positions[1].id'],
      ]);
      expect((await api.data(READ, { scope: 'actors' })).viewPositions).toBeNull();

      // The largest view itself is taken.
      const full = await api.runAs(EDITOR, SAVE, { scope: 'actors:all', positions: many(largest) });
      expect(full.errors).toBeUndefined();
      expect(full.data!.saveViewPositions.positions).toHaveLength(largest);
    });

    test('a stale expectedVersion: CONFLICT on expectedVersion; without one the save wins', async () => {
      await api.runAs(EDITOR, SAVE, { scope: 'topics', positions: P, expectedVersion: 0 });
      await api.runAs(EDITOR, SAVE, { scope: 'topics', positions: P.slice(1), expectedVersion: 1 });
      expect(field(await api.runAs(EDITOR, SAVE, { scope: 'topics', positions: P, expectedVersion: 1 }))).toEqual([
        ['CONFLICT', 'expectedVersion'],
      ]);
      expect((await api.data(READ, { scope: 'topics' })).viewPositions).toMatchObject({
        version: 2,
        positions: P.slice(1),
      });
      const won = await api.runAs(EDITOR, SAVE, { scope: 'topics', positions: P });
      expect(won.data!.saveViewPositions.version).toBe(3);
    });
  });
}
