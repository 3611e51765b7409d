/**
 * The NetworkStore contract (actors.test.ts: embedded, actors.neo4j.test.ts: Neo4j): lifecycle and
 * counts; creating, reading, updating and deleting actors.
 */
import type { Actor, Collaboration } from '../../../src/domain/model';
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import {
  expectIsoTimestamp,
  sleep,
  ids,
  ZERO_COUNTS,
  COLLABORATION_ORDER,
  FIXTURE_COUNTS,
  buildNetwork,
  useFreshStore,
} from './fixture';

export function describeActorContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    // -------------------------------------------------------------------------------------------
    describe('lifecycle and counts', () => {
      test('init() is idempotent and ping() resolves', async () => {
        await expect(store.init()).resolves.toBeUndefined();
        await expect(store.init()).resolves.toBeUndefined();
        await expect(store.ping()).resolves.toBeUndefined();
        expect(typeof store.name).toBe('string');
        expect(store.name.length).toBeGreaterThan(0);
      });

      test('counts() is all zeros on an empty store', async () => {
        expect(await store.counts()).toEqual(ZERO_COUNTS);
      });

      test('counts() counts nodes and relationships after writes', async () => {
        await buildNetwork(store);
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });

      test('init() on a store holding data keeps the data', async () => {
        await buildNetwork(store);
        await store.init();
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('actors', () => {
      test('createActor: every field round-trips, timestamps are ISO, version is 1', async () => {
        const created = await store.createActor({
          id: 'act-1',
          name: 'Quartiersmanagement Süd',
          kind: 'AGENCY',
          description: 'Koordiniert das Quartier',
          district: 'Süd',
          website: 'https://qm-sued.example',
          contact: 'info@qm-sued.example, 030 123',
        });
        expect(created).toEqual({
          id: 'act-1',
          name: 'Quartiersmanagement Süd',
          kind: 'AGENCY',
          description: 'Koordiniert das Quartier',
          district: 'Süd',
          website: 'https://qm-sued.example',
          contact: 'info@qm-sued.example, 030 123',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          version: 1,
        });
        expectIsoTimestamp(created.createdAt);
        expectIsoTimestamp(created.updatedAt);
        expect(await store.getActors(['act-1'])).toEqual([created]);
      });

      test('createActor: absent optional fields read back as null', async () => {
        const created = await store.createActor({ id: 'act-2', name: 'Nur Name', kind: 'PERSON' });
        const [read] = await store.getActors(['act-2']);
        for (const a of [created, read]) {
          expect(a).toMatchObject({
            id: 'act-2',
            name: 'Nur Name',
            kind: 'PERSON',
            description: null,
            district: null,
            website: null,
            contact: null,
            version: 1,
          });
        }
        expect(read).toEqual(created);
      });

      test('createActor: explicit null optional fields read back as null', async () => {
        await store.createActor({
          id: 'act-3',
          name: 'Mit Nullen',
          kind: 'GROUP',
          description: null,
          district: null,
          website: null,
          contact: null,
        });
        const [read] = await store.getActors(['act-3']);
        expect(read).toMatchObject({ description: null, district: null, website: null, contact: null });
      });

      test('createActor: generates a distinct non-empty id when none is given', async () => {
        const a = await store.createActor({ name: 'Ohne Id', kind: 'INITIATIVE' });
        const b = await store.createActor({ id: null, name: 'Auch ohne Id', kind: 'INITIATIVE' });
        for (const x of [a, b]) {
          expect(typeof x.id).toBe('string');
          expect(x.id.length).toBeGreaterThan(0);
        }
        expect(a.id).not.toBe(b.id);
        expect(ids((await store.getActors([a.id, b.id])) as Actor[])).toEqual([a.id, b.id]);
      });

      test('createActor: an existing id is a CONFLICT and the existing actor is unchanged', async () => {
        const original = await store.createActor({ id: 'dup', name: 'Erster', kind: 'PERSON' });
        await expect(store.createActor({ id: 'dup', name: 'Zweiter', kind: 'BUSINESS' })).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        expect(await store.getActors(['dup'])).toEqual([original]);
        expect((await store.counts()).actors).toBe(1);
      });

      test('getActors: answers in key order, repeats keys, null for missing, [] for []', async () => {
        const { actors } = await buildNetwork(store);
        expect(await store.getActors(['a3', 'missing', 'a1', 'a3'])).toEqual([actors.a3, null, actors.a1, actors.a3]);
        expect(await store.getActors([])).toEqual([]);
        expect(await store.getActors(['nope'])).toEqual([null]);
      });

      test("actorNames: the names alone, as getActors' records have them, in key order", async () => {
        const { actors } = await buildNetwork(store);
        const renamed = await store.updateActor(actors.a1.id, { name: 'Umbenannt' });
        expect(await store.actorNames(['a3', 'missing', 'a1', 'a3'])).toEqual([
          actors.a3.name,
          null,
          'Umbenannt',
          actors.a3.name,
        ]);
        expect(renamed.name).toBe('Umbenannt');
        expect(await store.actorNames([])).toEqual([]);
        expect(await store.actorNames(['nope'])).toEqual([null]);
      });

      test('updateActor: only given fields change, null clears, version and updatedAt move', async () => {
        const created = await store.createActor({
          id: 'u1',
          name: 'Alter Name',
          kind: 'ASSOCIATION',
          description: 'Beschreibung',
          district: 'Nord',
          website: 'https://alt.example',
          contact: 'alt@example.org',
        });
        await sleep(15);
        const updated = await store.updateActor('u1', { district: 'Süd', website: null });
        expect(updated).toEqual({
          ...created,
          district: 'Süd',
          website: null,
          version: 2,
          updatedAt: expect.any(String),
        });
        expectIsoTimestamp(updated.updatedAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
        expect(Date.parse(updated.createdAt)).toBe(Date.parse(created.createdAt));
        expect(await store.getActors(['u1'])).toEqual([updated]);

        const renamed = await store.updateActor('u1', { name: 'Neuer Name', kind: 'INITIATIVE' }, 2);
        expect(renamed).toMatchObject({
          name: 'Neuer Name',
          kind: 'INITIATIVE',
          description: 'Beschreibung',
          district: 'Süd',
          website: null,
          contact: 'alt@example.org',
          version: 3,
        });
      });

      test('updateActor: an empty patch still bumps the version', async () => {
        await store.createActor({ id: 'u0', name: 'Leer', kind: 'PERSON' });
        const updated = await store.updateActor('u0', {});
        expect(updated).toMatchObject({ id: 'u0', name: 'Leer', kind: 'PERSON', version: 2 });
      });

      test('updateActor: a new name is what lists sort by and search', async () => {
        await buildNetwork(store);
        await store.updateActor('a1', { name: 'Aaron Zentrum' });
        const page = await store.listActors({}, { first: 10 });
        expect(ids(page.items)).toEqual(['a1', 'a6', 'a4', 'a5', 'a2', 'a3']);
        expect(ids((await store.listActors({ nameContains: 'aaron' }, { first: 10 })).items)).toEqual(['a1']);
        expect((await store.listActors({ nameContains: 'zentrum ost' }, { first: 10 })).items).toEqual([]);
      });

      test('updateActor: unknown id is NOT_FOUND', async () => {
        await expect(store.updateActor('ghost', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.updateActor('ghost', { name: 'x' }, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      test('updateActor: a stale expectedVersion is a CONFLICT and nothing changes', async () => {
        await store.createActor({ id: 'v1', name: 'Versioniert', kind: 'GROUP' });
        const second = await store.updateActor('v1', { district: 'West' }, 1);
        expect(second.version).toBe(2);
        await expect(store.updateActor('v1', { district: 'Ost', name: 'Überschrieben' }, 1)).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        await expect(store.updateActor('v1', { district: 'Ost' }, 3)).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await store.getActors(['v1'])).toEqual([second]);
      });

      test('deleteActor: removes its interests and participations, keeps other actors and collaborations', async () => {
        await buildNetwork(store);
        await expect(store.deleteActor('a3')).resolves.toBeUndefined();
        expect(await store.getActors(['a3', 'a1'])).toEqual([null, expect.objectContaining({ id: 'a1' })]);
        expect(await store.counts()).toEqual({
          actors: 5,
          topics: 4,
          collaborations: 6,
          participations: 11 - 4,
          interests: 5 - 1,
        });
        expect(await store.interestsOfActors(['a3'])).toEqual([[]]);
        expect(await store.participationsOfActors(['a3'])).toEqual([[]]);
        const [k1, k0] = await store.participationsOfCollaborations(['k1', 'k0']);
        expect(k1.map((p) => p.actorId)).toEqual(['a2', 'a1']);
        expect(k0.map((p) => p.actorId)).toEqual(['a1']);
        expect(await store.interestsInTopics(['urban-gardening'])).toEqual([
          [{ actorId: 'a2', topicId: 'urban-gardening', weight: 1 }],
        ]);
        expect(await store.collaboratorsOfActors(['a1'])).toEqual([
          [{ actorId: 'a1', partnerId: 'a2', collaborationIds: ['k1'] }],
        ]);
        expect(ids((await store.getCollaborations(COLLABORATION_ORDER)) as Collaboration[])).toEqual(
          COLLABORATION_ORDER,
        );
      });

      test('deleteActor: unknown id is NOT_FOUND', async () => {
        await buildNetwork(store);
        await expect(store.deleteActor('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });
    });
  });
}
