/**
 * The NetworkStore contract for import and export reads (importGraph, readGraph, the name lookups),
 * run against every store like the NetworkStore contract (network-store/).
 */
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';
import { ADMIN, document, empty, codeOf, everything } from './transfer-setup';

export function describeTransferImportContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore import, export reads and GDPR (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
    });

    test('importGraph creates everything, counts it, and a second run changes nothing', async () => {
      const counts = await store.importGraph(document(), {}, ADMIN);
      expect(counts).toEqual({
        topics: { created: 2, updated: 0, unchanged: 0 },
        actors: { created: 3, updated: 0, unchanged: 0 },
        collaborations: { created: 2, updated: 0, unchanged: 0 },
        interests: { created: 2, updated: 0, unchanged: 0 },
        collaborationTopics: { created: 1, updated: 0, unchanged: 0 },
        participations: { created: 4, updated: 0, unchanged: 0 },
      });
      const [maria] = await store.getActors(['maria']);
      expect(maria).toMatchObject({
        name: 'Maria Muster',
        kind: 'PERSON',
        contact: 'maria@example.org',
        description: null,
        version: 1,
      });
      expect(await store.participationsOfCollaborations(['fest'])).toEqual([
        [
          { actorId: 'bobbie', collaborationId: 'fest', role: 'ORGANISER' },
          { actorId: 'maria', collaborationId: 'fest', role: 'PARTICIPANT' },
        ],
      ]);
      expect(await store.interestsOfActors(['bobbie', 'maria'])).toEqual([
        [{ actorId: 'bobbie', topicId: 'garten', weight: 1 }],
        [{ actorId: 'maria', topicId: 'garten', weight: 0.5 }],
      ]);

      const before = await everything(store);
      const again = await store.importGraph(document(), {}, ADMIN);
      for (const table of Object.values(again)) expect(table).toMatchObject({ created: 0, updated: 0 });
      expect(again.participations.unchanged).toBe(4);
      expect(await everything(store)).toEqual(before);
      expect((await store.getActors(['maria']))[0]!.version).toBe(1);
    });

    test('updates the fields the document carries, keeps the others, adds relationships and never removes any', async () => {
      await store.importGraph(document());
      const counts = await store.importGraph({
        ...empty(),
        actors: [{ id: 'maria', website: 'https://maria.example.org', district: null }],
        topics: [{ id: 'jugend', name: 'Jugendarbeit' }],
        interests: [
          { actorId: 'maria', topicId: 'garten', weight: 0.8 },
          { actorId: 'maria', topicId: 'jugend' },
        ],
        participations: [{ actorId: 'maria', collaborationId: 'fest', role: 'HOST' }],
      });
      expect(counts.actors).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(counts.topics).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(counts.interests).toEqual({ created: 1, updated: 1, unchanged: 0 });
      expect(counts.participations).toEqual({ created: 0, updated: 1, unchanged: 0 });
      const [maria] = await store.getActors(['maria']);
      expect(maria).toMatchObject({
        name: 'Maria Muster',
        contact: 'maria@example.org',
        website: 'https://maria.example.org',
        district: null,
        version: 2,
      });
      expect((await store.getTopics(['jugend']))[0]).toMatchObject({ name: 'Jugendarbeit', slug: 'jugendarbeit' });
      // bobbie's participation and maria's other one are still there.
      expect((await store.participationsOfActors(['maria']))[0].map((p) => [p.collaborationId, p.role])).toEqual([
        ['fest', 'HOST'],
        ['ag', 'MEMBER'],
      ]);
      expect((await store.counts()).participations).toBe(4);

      const history = (await store.history('maria', { first: 10 })).items;
      expect(history[0]).toMatchObject({ operation: 'IMPORT', author: 'system', entityType: 'Actor' });
      expect(history[0].changes).toEqual([
        { field: 'district', before: 'Batenbrock', after: null },
        { field: 'website', before: null, after: 'https://maria.example.org' },
        { field: 'interest:garten', before: 0.5, after: 0.8 },
        { field: 'interest:jugend', before: null, after: 1 },
      ]);
      const fest = (await store.history('fest', { first: 10 })).items[0];
      expect(fest.changes).toEqual([{ field: 'participant:maria', before: 'PARTICIPANT', after: 'HOST' }]);
      const network = (await store.history('network', { first: 10 })).items[0];
      expect(network).toMatchObject({ entityType: 'Network', operation: 'IMPORT' });
      expect(network.changes.find((c) => c.field === 'actors')?.after).toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
    });

    test('dryRun counts without writing; a bad document writes nothing', async () => {
      const dry = await store.importGraph(document(), { dryRun: true });
      expect(dry.actors.created).toBe(3);
      expect(await store.counts()).toEqual({
        actors: 0,
        topics: 0,
        collaborations: 0,
        participations: 0,
        interests: 0,
      });
      expect((await store.history('network', { first: 5 })).totalCount).toBe(0);

      const unknownActor = document();
      unknownActor.participations.push({ actorId: 'nobody', collaborationId: 'fest' });
      expect(await codeOf(store.importGraph(unknownActor))).toEqual({ code: 'NOT_FOUND', field: 'participants' });
      const newWithoutKind = document();
      newWithoutKind.actors.push({ id: 'neu', name: 'Neu' });
      expect(await codeOf(store.importGraph(newWithoutKind))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
      const endBeforeStart = document();
      endBeforeStart.collaborations[1].endDate = '2021-01-01';
      expect((await codeOf(store.importGraph(endBeforeStart))).code).toBe('BAD_USER_INPUT');
      expect(await store.counts()).toEqual({
        actors: 0,
        topics: 0,
        collaborations: 0,
        participations: 0,
        interests: 0,
      });

      await store.importGraph(document());
      const slugTaken = { ...empty(), topics: [{ id: 'garten-2', name: 'Garten' }] };
      expect(await codeOf(store.importGraph(slugTaken))).toEqual({ code: 'CONFLICT', field: 'name' });
      expect((await store.getTopics(['garten-2']))[0]).toBeNull();
    });

    test('readGraph answers the whole content in id order; names and titles find ids', async () => {
      await store.importGraph(document());
      await store.createActor({ id: 'bobbie-2', name: 'bobbie E.V.', kind: 'GROUP' });
      const graph = await store.readGraph();
      expect(graph.topics).toEqual([
        { id: 'garten', name: 'Garten', aliases: ['Urban Gardening'] },
        { id: 'jugend', name: 'Jugend', aliases: [] },
      ]);
      expect(graph.actors.map((a) => a.id)).toEqual(['bobbie', 'bobbie-2', 'kita', 'maria']);
      expect(graph.actors[3]).toEqual({
        id: 'maria',
        name: 'Maria Muster',
        kind: 'PERSON',
        description: null,
        district: 'Batenbrock',
        website: null,
        contact: 'maria@example.org',
        interests: [{ topicId: 'garten', weight: 0.5 }],
      });
      expect(graph.collaborations).toEqual([
        {
          id: 'ag',
          title: 'Garten-AG',
          kind: 'WORKING_GROUP',
          startDate: '2022-01-01',
          endDate: '2022-12-31',
          location: null,
          description: null,
          topicIds: [],
          participants: [
            { actorId: 'kita', role: 'HOST' },
            { actorId: 'maria', role: 'MEMBER' },
          ],
        },
        {
          id: 'fest',
          title: 'Pflanzfest',
          kind: 'EVENT',
          startDate: '2023-05-01',
          endDate: null,
          location: 'Bürgerhaus',
          description: null,
          topicIds: ['garten'],
          participants: [
            { actorId: 'bobbie', role: 'ORGANISER' },
            { actorId: 'maria', role: 'PARTICIPANT' },
          ],
        },
      ]);
      expect(await store.actorIdsByName(['Bobbie e.V.', 'maria muster', 'Niemand', 'Bobbie e.V.'])).toEqual([
        ['bobbie', 'bobbie-2'],
        ['maria'],
        [],
        ['bobbie', 'bobbie-2'],
      ]);
      expect(await store.collaborationIdsByTitle(['Pflanzfest', 'pflanzfest'])).toEqual([['fest'], []]);
    });
  });
}
