/**
 * The NetworkStore contract (collaborations.test.ts: embedded, collaborations.neo4j.test.ts:
 * Neo4j): collaborations and their participants.
 */
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { expectIsoTimestamp, sleep, ids, FIXTURE_COUNTS, buildNetwork, useFreshStore } from './fixture';

export function describeCollaborationContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    // -------------------------------------------------------------------------------------------
    describe('collaborations', () => {
      test('createCollaboration: fields, topics and participants in one go', async () => {
        await store.createTopic({ name: 'Urban Gardening' });
        await store.createTopic({ name: 'Klimaschutz' });
        await store.createActor({ id: 'p1', name: 'Beta', kind: 'INITIATIVE' });
        await store.createActor({ id: 'p2', name: 'Alpha', kind: 'FUNDER' });
        const c = await store.createCollaboration({
          id: 'c-1',
          title: 'Pflanzaktion im Park',
          kind: 'EVENT',
          startDate: '2024-04-20',
          endDate: '2024-04-21',
          location: 'Stadtpark',
          description: 'Beete anlegen',
          topicIds: ['urban-gardening', 'klimaschutz'],
          participants: [
            { actorId: 'p1', role: 'ORGANISER' },
            { actorId: 'p2', role: 'FUNDER' },
          ],
        });
        expect(c).toEqual({
          id: 'c-1',
          title: 'Pflanzaktion im Park',
          kind: 'EVENT',
          startDate: '2024-04-20',
          endDate: '2024-04-21',
          location: 'Stadtpark',
          description: 'Beete anlegen',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          version: 1,
        });
        expectIsoTimestamp(c.createdAt);
        expectIsoTimestamp(c.updatedAt);
        expect(await store.getCollaborations(['c-1'])).toEqual([c]);
        expect(await store.topicsOfCollaborations(['c-1'])).toEqual([['klimaschutz', 'urban-gardening']]);
        expect(await store.participationsOfCollaborations(['c-1'])).toEqual([
          [
            { actorId: 'p2', collaborationId: 'c-1', role: 'FUNDER' },
            { actorId: 'p1', collaborationId: 'c-1', role: 'ORGANISER' },
          ],
        ]);
        expect(await store.counts()).toEqual({
          actors: 2,
          topics: 2,
          collaborations: 1,
          participations: 2,
          interests: 0,
        });
      });

      test('createCollaboration: minimal input, generated id, nulls, no relations', async () => {
        const c = await store.createCollaboration({ title: 'Treffen', kind: 'MEETING' });
        expect(typeof c.id).toBe('string');
        expect(c.id.length).toBeGreaterThan(0);
        expect(c).toMatchObject({
          title: 'Treffen',
          kind: 'MEETING',
          startDate: null,
          endDate: null,
          location: null,
          description: null,
        });
        expect(await store.getCollaborations([c.id])).toEqual([c]);
        expect(await store.topicsOfCollaborations([c.id])).toEqual([[]]);
        expect(await store.participationsOfCollaborations([c.id])).toEqual([[]]);
        const other = await store.createCollaboration({
          title: 'Treffen',
          kind: 'MEETING',
          id: null,
          topicIds: null,
          participants: null,
        });
        expect(other.id).not.toBe(c.id);
      });

      test('createCollaboration: an existing id is a CONFLICT', async () => {
        const first = await store.createCollaboration({ id: 'same', title: 'Eins', kind: 'MEETING' });
        await expect(store.createCollaboration({ id: 'same', title: 'Zwei', kind: 'EVENT' })).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        expect(await store.getCollaborations(['same'])).toEqual([first]);
      });

      test('createCollaboration: an unknown topic is NOT_FOUND (field topicIds) and nothing is written', async () => {
        await buildNetwork(store);
        await expect(
          store.createCollaboration({
            id: 'bad-topic',
            title: 'Fehler',
            kind: 'PROJECT',
            topicIds: ['klima', 'no-such-topic'],
            participants: [{ actorId: 'a1', role: 'ORGANISER' }],
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND', field: expect.stringMatching(/^topicIds/) });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
        expect(await store.getCollaborations(['bad-topic'])).toEqual([null]);
        expect(await store.participationsOfActors(['a1'])).toEqual([
          expect.not.arrayContaining([expect.objectContaining({ collaborationId: 'bad-topic' })]),
        ]);
      });

      test('createCollaboration: an unknown actor is NOT_FOUND (field participants) and nothing is written', async () => {
        await buildNetwork(store);
        await expect(
          store.createCollaboration({
            id: 'bad-actor',
            title: 'Fehler',
            kind: 'PROJECT',
            topicIds: ['klima'],
            participants: [
              { actorId: 'a1', role: 'ORGANISER' },
              { actorId: 'ghost', role: 'PARTICIPANT' },
            ],
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND', field: expect.stringMatching(/^participants/) });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
        expect(await store.getCollaborations(['bad-actor'])).toEqual([null]);
        expect(await store.collaborationsOfTopics(['klima'])).toEqual([['k2', 'k5']]);
      });

      test('createCollaboration: an actor listed twice is BAD_USER_INPUT and nothing is written', async () => {
        await buildNetwork(store);
        await expect(
          store.createCollaboration({
            id: 'twice',
            title: 'Doppelt',
            kind: 'MEETING',
            participants: [
              { actorId: 'a1', role: 'ORGANISER' },
              { actorId: 'a2', role: 'HOST' },
              { actorId: 'a1', role: 'PARTICIPANT' },
            ],
          }),
        ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
        expect(await store.getCollaborations(['twice'])).toEqual([null]);
      });

      test('getCollaborations: answers in key order, repeats keys, null for missing, [] for []', async () => {
        const { collaborations } = await buildNetwork(store);
        expect(await store.getCollaborations(['k3', 'zz', 'k1', 'k3'])).toEqual([
          collaborations.k3,
          null,
          collaborations.k1,
          collaborations.k3,
        ]);
        expect(await store.getCollaborations([])).toEqual([]);
      });

      test('getRecords: what getActors, getTopics and getCollaborations answer, in one call', async () => {
        await buildNetwork(store);
        const ids = {
          actors: ['a2', 'ghost', 'a1', 'a2'],
          topics: ['klima', 'nope', 'jugend-sport'],
          collaborations: ['k3', 'zz', 'k1', 'k3'],
        };
        const records = await store.getRecords(ids);
        expect(records).toEqual({
          actors: await store.getActors(ids.actors),
          topics: await store.getTopics(ids.topics),
          collaborations: await store.getCollaborations(ids.collaborations),
        });
        expect(records.actors.map((a) => a?.id ?? null)).toEqual(['a2', null, 'a1', 'a2']);
        expect(records.topics.map((t) => t?.id ?? null)).toEqual(['klima', null, 'jugend-sport']);
        expect(records.collaborations.map((c) => c?.id ?? null)).toEqual(['k3', null, 'k1', 'k3']);
        expect(await store.getRecords({ actors: [], topics: ['klima'], collaborations: [] })).toEqual({
          actors: [],
          topics: await store.getTopics(['klima']),
          collaborations: [],
        });
        expect(await store.getRecords({ actors: [], topics: [], collaborations: [] })).toEqual({
          actors: [],
          topics: [],
          collaborations: [],
        });
      });

      test('updateCollaboration: patch semantics (absent stays, null clears), topicIds replace', async () => {
        const { collaborations } = await buildNetwork(store);
        const before = collaborations.k1;
        await sleep(15);
        const updated = await store.updateCollaboration('k1', { location: null, description: 'Mit Musik' });
        expect(updated).toEqual({
          ...before,
          location: null,
          description: 'Mit Musik',
          updatedAt: expect.any(String),
          version: before.version + 1,
        });
        expectIsoTimestamp(updated.updatedAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
        expect(await store.getCollaborations(['k1'])).toEqual([updated]);
        // topics untouched when topicIds is absent
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([['jugend-sport', 'urban-gardening']]);

        await store.updateCollaboration('k1', { topicIds: ['klima'] });
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([['klima']]);
        expect(await store.collaborationsOfTopics(['klima', 'urban-gardening'])).toEqual([
          ['k1', 'k2', 'k5'],
          ['k5', 'k3'],
        ]);
        await store.updateCollaboration('k1', { topicIds: [] });
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([[]]);
        // participants are not touched by updates
        expect((await store.participationsOfCollaborations(['k1']))[0]).toHaveLength(3);
      });

      test('updateCollaboration: a new startDate moves it in the collaboration order', async () => {
        await buildNetwork(store);
        await store.updateCollaboration('k3', { startDate: '2025-01-01', title: 'Gartenprojekt 2025' });
        const page = await store.listCollaborations({}, { first: 10 });
        expect(ids(page.items)).toEqual(['k3', 'k1', 'k0', 'k2', 'k5', 'k4']);
        expect(page.items[0]).toMatchObject({ title: 'Gartenprojekt 2025', startDate: '2025-01-01', endDate: null });
      });

      test('updateCollaboration: unknown id or unknown topic is NOT_FOUND and nothing changes', async () => {
        const { collaborations } = await buildNetwork(store);
        await expect(store.updateCollaboration('ghost', { title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(
          store.updateCollaboration('k1', { title: 'Neu', topicIds: ['klima', 'no-such-topic'] }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND', field: expect.stringMatching(/^topicIds/) });
        expect(await store.getCollaborations(['k1'])).toEqual([collaborations.k1]);
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([['jugend-sport', 'urban-gardening']]);
      });

      test('deleteCollaboration: removes participations and ABOUT, keeps actors and topics', async () => {
        await buildNetwork(store);
        await expect(store.deleteCollaboration('k1')).resolves.toBeUndefined();
        expect(await store.getCollaborations(['k1'])).toEqual([null]);
        expect(await store.counts()).toEqual({
          actors: 6,
          topics: 4,
          collaborations: 5,
          participations: 8,
          interests: 5,
        });
        expect(await store.collaborationsOfTopics(['urban-gardening', 'jugend-sport'])).toEqual([['k5', 'k3'], ['k4']]);
        expect((await store.participationsOfActors(['a1']))[0].map((p) => p.collaborationId)).toEqual(['k0', 'k2']);
        expect(await store.participationsOfCollaborations(['k1'])).toEqual([[]]);
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([[]]);
      });

      test('deleteCollaboration: unknown id is NOT_FOUND', async () => {
        await expect(store.deleteCollaboration('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      test('addParticipant: adds, or changes the role of an existing participant', async () => {
        await buildNetwork(store);
        const added = await store.addParticipant('k5', 'a6', 'PARTICIPANT');
        expect(added).toEqual({ actorId: 'a6', collaborationId: 'k5', role: 'PARTICIPANT' });
        expect((await store.counts()).participations).toBe(12);
        const changed = await store.addParticipant('k1', 'a3', 'HOST');
        expect(changed).toEqual({ actorId: 'a3', collaborationId: 'k1', role: 'HOST' });
        expect((await store.counts()).participations).toBe(12);
        expect(await store.participationsOfCollaborations(['k1', 'k5'])).toEqual([
          [
            { actorId: 'a2', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a3', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a1', collaborationId: 'k1', role: 'ORGANISER' },
          ],
          [{ actorId: 'a6', collaborationId: 'k5', role: 'PARTICIPANT' }],
        ]);
      });

      test('addParticipant: unknown actor or collaboration is NOT_FOUND and nothing changes', async () => {
        await buildNetwork(store);
        await expect(store.addParticipant('k1', 'ghost', 'HOST')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.addParticipant('ghost', 'a1', 'HOST')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });

      test('removeParticipant: true when removed, false when the actor did not take part', async () => {
        await buildNetwork(store);
        await expect(store.removeParticipant('k1', 'a2')).resolves.toBe(true);
        expect((await store.participationsOfCollaborations(['k1']))[0].map((p) => p.actorId)).toEqual(['a3', 'a1']);
        expect((await store.counts()).participations).toBe(10);
        await expect(store.removeParticipant('k1', 'a2')).resolves.toBe(false);
        await expect(store.removeParticipant('k5', 'a1')).resolves.toBe(false);
        expect(await store.counts()).toEqual({ ...FIXTURE_COUNTS, participations: 10 });
        expect(await store.getActors(['a2'])).toEqual([expect.objectContaining({ id: 'a2' })]);
      });
    });
  });
}
