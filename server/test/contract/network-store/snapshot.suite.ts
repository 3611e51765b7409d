/**
 * The NetworkStore contract (snapshot.test.ts: embedded, snapshot.neo4j.test.ts: Neo4j):
 * loadSnapshot (the structure the projection is built from) and mergeGraph.
 */
import type { GraphData, NetworkStore, StoreCounts } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { expectIsoTimestamp, ZERO_COUNTS, sortedSnapshot, buildNetwork, useFreshStore } from './fixture';

export function describeSnapshotContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    // -------------------------------------------------------------------------------------------
    describe('loadSnapshot', () => {
      test('an empty store has an empty snapshot', async () => {
        expect(await store.loadSnapshot()).toEqual({
          actors: [],
          collaborations: [],
          participations: [],
          interests: [],
          about: [],
          topics: [],
        });
      });

      test('returns exactly the structure of the network', async () => {
        await buildNetwork(store);
        expect(sortedSnapshot(await store.loadSnapshot())).toEqual({
          actors: [
            { id: 'a1', kind: 'INSTITUTION' },
            { id: 'a2', kind: 'ASSOCIATION' },
            { id: 'a3', kind: 'BUSINESS' },
            { id: 'a4', kind: 'INITIATIVE' },
            { id: 'a5', kind: 'GROUP' },
            { id: 'a6', kind: 'PERSON' },
          ],
          collaborations: [
            { id: 'k0', kind: 'JURY', startDate: '2024-03-01', endDate: '2024-03-01' },
            { id: 'k1', kind: 'EVENT', startDate: '2024-05-01', endDate: '2024-05-02' },
            { id: 'k2', kind: 'MEETING', startDate: '2024-03-01', endDate: null },
            { id: 'k3', kind: 'PROJECT', startDate: null, endDate: null },
            { id: 'k4', kind: 'FUNDING', startDate: '2023-01-01', endDate: '2023-12-31' },
            { id: 'k5', kind: 'CONFERENCE', startDate: '2023-11-15', endDate: '2024-02-15' },
          ],
          participations: [
            { actorId: 'a1', collaborationId: 'k0' },
            { actorId: 'a1', collaborationId: 'k1' },
            { actorId: 'a1', collaborationId: 'k2' },
            { actorId: 'a2', collaborationId: 'k1' },
            { actorId: 'a2', collaborationId: 'k4' },
            { actorId: 'a3', collaborationId: 'k0' },
            { actorId: 'a3', collaborationId: 'k1' },
            { actorId: 'a3', collaborationId: 'k2' },
            { actorId: 'a3', collaborationId: 'k3' },
            { actorId: 'a4', collaborationId: 'k3' },
            { actorId: 'a4', collaborationId: 'k4' },
          ],
          interests: [
            { actorId: 'a1', topicId: 'klima' },
            { actorId: 'a2', topicId: 'jugend-sport' },
            { actorId: 'a2', topicId: 'urban-gardening' },
            { actorId: 'a3', topicId: 'urban-gardening' },
            { actorId: 'a6', topicId: 'jugend-sport' },
          ],
          about: [
            { collaborationId: 'k1', topicId: 'jugend-sport' },
            { collaborationId: 'k1', topicId: 'urban-gardening' },
            { collaborationId: 'k2', topicId: 'klima' },
            { collaborationId: 'k3', topicId: 'urban-gardening' },
            { collaborationId: 'k4', topicId: 'jugend-sport' },
            { collaborationId: 'k5', topicId: 'klima' },
            { collaborationId: 'k5', topicId: 'urban-gardening' },
          ],
          topics: [{ id: 'jugend-sport' }, { id: 'klima' }, { id: 'okologie' }, { id: 'urban-gardening' }],
        });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('mergeGraph', () => {
      const graph = (): GraphData => ({
        topics: [{ name: 'Urban Gardening' }, { id: 'klima', name: 'Klimaschutz', aliases: ['Klima'] }],
        actors: [
          {
            id: 'm1',
            name: 'Gemeinschaftsgarten',
            kind: 'INITIATIVE',
            description: 'Gärtnern im Kiez',
            interests: [{ topicId: 'urban-gardening' }, { topicId: 'klima', weight: 0.5 }],
          },
          { id: 'm2', name: 'Umweltamt', kind: 'CITY_DEPARTMENT', district: 'Mitte' },
          { id: 'm3', name: 'Stiftung Grün', kind: 'FUNDER', interests: [{ topicId: 'klima' }] },
        ],
        collaborations: [
          {
            id: 'mc1',
            title: 'Pflanzaktion',
            kind: 'EVENT',
            startDate: '2024-04-20',
            topicIds: ['urban-gardening'],
            participants: [
              { actorId: 'm1', role: 'ORGANISER' },
              { actorId: 'm2', role: 'PARTICIPANT' },
            ],
          },
          {
            id: 'mc2',
            title: 'Förderaufruf',
            kind: 'FUNDING',
            startDate: '2024-01-01',
            endDate: '2024-12-31',
            location: 'online',
            topicIds: ['klima', 'urban-gardening'],
            participants: [
              { actorId: 'm3', role: 'FUNDER' },
              { actorId: 'm1', role: 'PARTICIPANT' },
            ],
          },
        ],
      });
      const MERGED_COUNTS: StoreCounts = { actors: 3, topics: 2, collaborations: 2, participations: 4, interests: 3 };
      const NOTHING = {
        actorsCreated: 0,
        topicsCreated: 0,
        collaborationsCreated: 0,
        interestsCreated: 0,
        participationsCreated: 0,
        aboutCreated: 0,
      };

      test('creates everything of a nested GraphData and reports the counts', async () => {
        expect(await store.mergeGraph(graph())).toEqual({
          actorsCreated: 3,
          topicsCreated: 2,
          collaborationsCreated: 2,
          interestsCreated: 3,
          participationsCreated: 4,
          aboutCreated: 3,
        });
        expect(await store.counts()).toEqual(MERGED_COUNTS);

        const [m1, m2] = await store.getActors(['m1', 'm2']);
        expect(m1).toEqual({
          id: 'm1',
          name: 'Gemeinschaftsgarten',
          kind: 'INITIATIVE',
          description: 'Gärtnern im Kiez',
          district: null,
          website: null,
          contact: null,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          version: 1,
        });
        expectIsoTimestamp(m1!.createdAt);
        expect(m2).toMatchObject({ district: 'Mitte', description: null, version: 1 });
        expect(await store.getTopics(['urban-gardening', 'klima'])).toEqual([
          { id: 'urban-gardening', name: 'Urban Gardening', slug: 'urban-gardening', aliases: [] },
          { id: 'klima', name: 'Klimaschutz', slug: 'klimaschutz', aliases: ['Klima'] },
        ]);
        const [mc2] = await store.getCollaborations(['mc2']);
        expect(mc2).toMatchObject({
          id: 'mc2',
          title: 'Förderaufruf',
          kind: 'FUNDING',
          startDate: '2024-01-01',
          endDate: '2024-12-31',
          location: 'online',
          description: null,
        });
        expectIsoTimestamp(mc2!.updatedAt);
        expect(await store.interestsOfActors(['m1', 'm3'])).toEqual([
          [
            { actorId: 'm1', topicId: 'klima', weight: 0.5 },
            { actorId: 'm1', topicId: 'urban-gardening', weight: 1 },
          ],
          [{ actorId: 'm3', topicId: 'klima', weight: 1 }],
        ]);
        expect(await store.participationsOfCollaborations(['mc2'])).toEqual([
          [
            { actorId: 'm1', collaborationId: 'mc2', role: 'PARTICIPANT' },
            { actorId: 'm3', collaborationId: 'mc2', role: 'FUNDER' },
          ],
        ]);
        expect(await store.collaborationsOfTopics(['urban-gardening', 'klima'])).toEqual([['mc1', 'mc2'], ['mc2']]);
      });

      test('a second identical merge creates nothing', async () => {
        await store.mergeGraph(graph());
        const snapshot = sortedSnapshot(await store.loadSnapshot());
        expect(await store.mergeGraph(graph())).toEqual(NOTHING);
        expect(await store.counts()).toEqual(MERGED_COUNTS);
        expect(sortedSnapshot(await store.loadSnapshot())).toEqual(snapshot);
      });

      test('existing records and relationships are left untouched', async () => {
        await store.mergeGraph(graph());
        const m2 = await store.updateActor('m2', { name: 'Umweltamt Mitte', district: null });
        await store.updateTopic('klima', { name: 'Klima & Energie', aliases: [] });
        await store.updateCollaboration('mc1', { title: 'Große Pflanzaktion' });
        await store.setActorInterests('m3', [{ topicId: 'klima', weight: 0.7 }]);
        await store.addParticipant('mc1', 'm2', 'HOST');

        expect(await store.mergeGraph(graph())).toEqual(NOTHING);
        expect(await store.getActors(['m2'])).toEqual([m2]);
        expect(m2.version).toBe(2);
        expect(await store.getTopics(['klima'])).toEqual([
          { id: 'klima', name: 'Klima & Energie', slug: 'klima-energie', aliases: [] },
        ]);
        expect((await store.getCollaborations(['mc1']))[0]).toMatchObject({ title: 'Große Pflanzaktion' });
        expect(await store.interestsOfActors(['m3'])).toEqual([[{ actorId: 'm3', topicId: 'klima', weight: 0.7 }]]);
        expect((await store.participationsOfCollaborations(['mc1']))[0]).toContainEqual({
          actorId: 'm2',
          collaborationId: 'mc1',
          role: 'HOST',
        });
        expect(await store.counts()).toEqual(MERGED_COUNTS);
      });

      test('missing relationships of existing records are created', async () => {
        await store.mergeGraph(graph());
        await store.removeParticipant('mc1', 'm2');
        await store.setActorInterests('m1', [{ topicId: 'klima', weight: 0.5 }]);
        await store.updateCollaboration('mc2', { topicIds: ['klima'] });
        expect(await store.mergeGraph(graph())).toEqual({
          ...NOTHING,
          interestsCreated: 1,
          participationsCreated: 1,
          aboutCreated: 1,
        });
        expect(await store.counts()).toEqual(MERGED_COUNTS);
      });

      test('references may point at records already in the store', async () => {
        await store.createTopic({ id: 'alt', name: 'Altes Thema' });
        await store.createActor({ id: 'old', name: 'Alter Verein', kind: 'ASSOCIATION' });
        const report = await store.mergeGraph({
          topics: [],
          actors: [{ id: 'new', name: 'Neu', kind: 'GROUP', interests: [{ topicId: 'alt' }] }],
          collaborations: [
            {
              id: 'nc',
              title: 'Zusammen',
              kind: 'MEETING',
              topicIds: ['alt'],
              participants: [
                { actorId: 'old', role: 'HOST' },
                { actorId: 'new', role: 'PARTICIPANT' },
              ],
            },
          ],
        });
        expect(report).toEqual({
          actorsCreated: 1,
          topicsCreated: 0,
          collaborationsCreated: 1,
          interestsCreated: 1,
          participationsCreated: 2,
          aboutCreated: 1,
        });
        expect(await store.collaboratorsOfActors(['old'])).toEqual([
          [{ actorId: 'old', partnerId: 'new', collaborationIds: ['nc'] }],
        ]);
      });

      test('a reference to an unknown id is NOT_FOUND and nothing is written', async () => {
        const badParticipant = graph();
        badParticipant.collaborations[1].participants!.push({ actorId: 'ghost', role: 'MEMBER' });
        await expect(store.mergeGraph(badParticipant)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(ZERO_COUNTS);

        const badInterest = graph();
        badInterest.actors[2].interests = [{ topicId: 'ghost-topic' }];
        await expect(store.mergeGraph(badInterest)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(ZERO_COUNTS);

        const badAbout = graph();
        badAbout.collaborations[0].topicIds = ['urban-gardening', 'ghost-topic'];
        await expect(store.mergeGraph(badAbout)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(ZERO_COUNTS);
        expect(await store.getActors(['m1'])).toEqual([null]);
      });

      test('a record listed twice: its first row wins and each relationship is written once', async () => {
        const report = await store.mergeGraph({
          topics: [
            { id: 'k', name: 'Kultur' },
            { id: 'k', name: 'Kultur' },
          ],
          actors: [
            { id: 'd1', name: 'Erste', kind: 'GROUP', interests: [{ topicId: 'k', weight: 0.5 }] },
            { id: 'd1', name: 'Zweite', kind: 'PERSON', interests: [{ topicId: 'k', weight: 0.9 }] },
            { id: 'd2', name: 'Andere', kind: 'GROUP' },
          ],
          collaborations: [
            {
              id: 'dc',
              title: 'Treffen',
              kind: 'MEETING',
              topicIds: ['k'],
              participants: [{ actorId: 'd1', role: 'HOST' }],
            },
            {
              id: 'dc',
              title: 'Anders',
              kind: 'EVENT',
              topicIds: ['k'],
              participants: [
                { actorId: 'd2', role: 'PARTICIPANT' },
                { actorId: 'd1', role: 'MEMBER' },
              ],
            },
          ],
        });
        expect(report).toEqual({
          topicsCreated: 1,
          actorsCreated: 2,
          collaborationsCreated: 1,
          interestsCreated: 1,
          participationsCreated: 2,
          aboutCreated: 1,
        });
        expect(await store.counts()).toEqual({
          actors: 2,
          topics: 1,
          collaborations: 1,
          participations: 2,
          interests: 1,
        });
        expect((await store.getActors(['d1']))[0]).toMatchObject({ name: 'Erste', kind: 'GROUP' });
        expect((await store.getCollaborations(['dc']))[0]).toMatchObject({ title: 'Treffen', kind: 'MEETING' });
        expect(await store.interestsOfActors(['d1'])).toEqual([[{ actorId: 'd1', topicId: 'k', weight: 0.5 }]]);
        const [dc] = await store.participationsOfCollaborations(['dc']);
        expect([...dc].sort((a, b) => a.actorId.localeCompare(b.actorId))).toEqual([
          { actorId: 'd1', collaborationId: 'dc', role: 'HOST' },
          { actorId: 'd2', collaborationId: 'dc', role: 'PARTICIPANT' },
        ]);
      });

      test('new and stored records in one merge: relationships of a new record are added, stored ones kept', async () => {
        await store.mergeGraph(graph());
        const again = graph();
        again.actors.push({ id: 'm4', name: 'Neue Initiative', kind: 'INITIATIVE', interests: [{ topicId: 'klima' }] });
        again.collaborations[0].participants!.push({ actorId: 'm4', role: 'MEMBER' });
        again.collaborations[0].participants![1].role = 'HOST';
        expect(await store.mergeGraph(again)).toEqual({
          ...NOTHING,
          actorsCreated: 1,
          interestsCreated: 1,
          participationsCreated: 1,
        });
        const [mc1] = await store.participationsOfCollaborations(['mc1']);
        expect([...mc1].sort((a, b) => a.actorId.localeCompare(b.actorId))).toEqual([
          { actorId: 'm1', collaborationId: 'mc1', role: 'ORGANISER' },
          { actorId: 'm2', collaborationId: 'mc1', role: 'PARTICIPANT' },
          { actorId: 'm4', collaborationId: 'mc1', role: 'MEMBER' },
        ]);
        expect(await store.counts()).toEqual({ ...MERGED_COUNTS, actors: 4, participations: 5, interests: 4 });
      });

      test('a write that fails after records were written leaves nothing, not even the history record', async () => {
        const bad = graph();
        // The last participation holds a value no store can keep: the write fails late, after the
        // topics, actors, collaborations and interests of the same transaction.
        (bad.collaborations[1].participants![1] as { role: unknown }).role = { not: 'a role' };
        await expect(store.mergeGraph(bad)).rejects.toThrow();
        expect(await store.counts()).toEqual(ZERO_COUNTS);
        expect(await store.getActors(['m1', 'm2', 'm3'])).toEqual([null, null, null]);
        expect((await store.history('network', { first: 5 })).items).toEqual([]);
        // The store is usable afterwards: the same document without the fault is merged whole.
        expect((await store.mergeGraph(graph())).participationsCreated).toBe(4);
        expect(await store.counts()).toEqual(MERGED_COUNTS);
      });

      test('an empty GraphData changes nothing', async () => {
        expect(await store.mergeGraph({ topics: [], actors: [], collaborations: [] })).toEqual(NOTHING);
        expect(await store.counts()).toEqual(ZERO_COUNTS);
      });
    });
  });
}
