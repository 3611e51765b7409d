/**
 * The NetworkStore contract (topics.test.ts: embedded, topics.neo4j.test.ts: Neo4j): topics and the
 * interests of actors in them.
 */
import { slugify } from '../../../src/domain/text';
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { ids, FIXTURE_COUNTS, buildNetwork, useFreshStore } from './fixture';

export function describeTopicContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    // -------------------------------------------------------------------------------------------
    describe('topics', () => {
      test('createTopic: id defaults to the slug of the name; fields round-trip', async () => {
        const t = await store.createTopic({ name: 'Grünflächen & Bäume' });
        expect(slugify('Grünflächen & Bäume')).toBe('grunflachen-baume');
        expect(t).toEqual({
          id: 'grunflachen-baume',
          name: 'Grünflächen & Bäume',
          slug: 'grunflachen-baume',
          aliases: [],
        });
        expect(await store.getTopics(['grunflachen-baume'])).toEqual([t]);
      });

      test('createTopic: explicit id and aliases; slug still follows the name', async () => {
        const t = await store.createTopic({ id: 'T-42', name: 'Jugend & Sport', aliases: ['Jugendarbeit', 'Sport'] });
        expect(t).toEqual({
          id: 'T-42',
          name: 'Jugend & Sport',
          slug: 'jugend-sport',
          aliases: ['Jugendarbeit', 'Sport'],
        });
        expect(await store.getTopics(['T-42'])).toEqual([t]);
      });

      test('createTopic: a duplicate id (explicit or by slug) is a CONFLICT', async () => {
        const first = await store.createTopic({ name: 'Jugend & Sport' });
        await expect(store.createTopic({ name: 'Jugend  und Sport', id: 'jugend-sport' })).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        await expect(store.createTopic({ name: 'JUGEND – Sport!' })).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await store.getTopics(['jugend-sport'])).toEqual([first]);
        expect((await store.counts()).topics).toBe(1);
      });

      test('getTopics: answers in key order, repeats keys, null for missing, [] for []', async () => {
        const { topics } = await buildNetwork(store);
        expect(await store.getTopics(['klima', 'nope', 'jugend-sport', 'klima'])).toEqual([
          topics.klima,
          null,
          topics['jugend-sport'],
          topics.klima,
        ]);
        expect(await store.getTopics([])).toEqual([]);
      });

      test('updateTopic: a new name changes the slug, the id stays; aliases replace; absent fields stay', async () => {
        await store.createTopic({ name: 'Urban Gardening', aliases: ['Gärtnern'] });
        const renamed = await store.updateTopic('urban-gardening', { name: 'Gemeinschafts Gärten' });
        expect(renamed).toEqual({
          id: 'urban-gardening',
          name: 'Gemeinschafts Gärten',
          slug: 'gemeinschafts-garten',
          aliases: ['Gärtnern'],
        });
        const realiased = await store.updateTopic('urban-gardening', { aliases: ['Garten', 'Beete'] });
        expect(realiased).toEqual({ ...renamed, aliases: ['Garten', 'Beete'] });
        expect(await store.getTopics(['urban-gardening', 'gemeinschafts-garten'])).toEqual([realiased, null]);
        expect(ids((await store.listTopics({ nameContains: 'garten' }, { first: 10 })).items)).toEqual([
          'urban-gardening',
        ]);
        expect((await store.listTopics({ nameContains: 'urban' }, { first: 10 })).items).toEqual([]);
      });

      test('updateTopic: unknown id is NOT_FOUND', async () => {
        await expect(store.updateTopic('ghost', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      test('deleteTopic: removes the topic with its INTERESTED_IN and ABOUT relations, nothing else', async () => {
        await buildNetwork(store);
        await expect(store.deleteTopic('urban-gardening')).resolves.toBeUndefined();
        expect(await store.getTopics(['urban-gardening'])).toEqual([null]);
        expect(await store.counts()).toEqual({
          actors: 6,
          topics: 3,
          collaborations: 6,
          participations: 11,
          interests: 5 - 2,
        });
        const [a2, a3] = await store.interestsOfActors(['a2', 'a3']);
        expect(a2.map((i) => i.topicId)).toEqual(['jugend-sport']);
        expect(a3).toEqual([]);
        expect(await store.topicsOfCollaborations(['k1', 'k3', 'k5'])).toEqual([['jugend-sport'], [], ['klima']]);
        expect(await store.collaborationsOfTopics(['urban-gardening'])).toEqual([[]]);
        const snapshot = await store.loadSnapshot();
        expect(snapshot.about.filter((a) => a.topicId === 'urban-gardening')).toEqual([]);
        expect(snapshot.interests.filter((i) => i.topicId === 'urban-gardening')).toEqual([]);
      });

      test('deleteTopic: unknown id is NOT_FOUND', async () => {
        await expect(store.deleteTopic('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('interests', () => {
      test('setActorInterests: replaces, weight defaults to 1, answers in interestsOfActors order', async () => {
        await buildNetwork(store);
        const answered = await store.setActorInterests('a2', [
          { topicId: 'urban-gardening', weight: 0.25 },
          { topicId: 'klima' },
          { topicId: 'okologie', weight: null },
        ]);
        const expected = [
          { actorId: 'a2', topicId: 'klima', weight: 1 },
          { actorId: 'a2', topicId: 'okologie', weight: 1 },
          { actorId: 'a2', topicId: 'urban-gardening', weight: 0.25 },
        ];
        expect(answered).toEqual(expected);
        expect(await store.interestsOfActors(['a2'])).toEqual([expected]);
        expect((await store.counts()).interests).toBe(5 - 2 + 3);
        expect(await store.setActorInterests('a2', [])).toEqual([]);
        expect(await store.interestsOfActors(['a2'])).toEqual([[]]);
        expect((await store.counts()).interests).toBe(3);
      });

      test('setActorInterests: an unknown topic is NOT_FOUND and nothing changes', async () => {
        await buildNetwork(store);
        await expect(
          store.setActorInterests('a2', [{ topicId: 'klima' }, { topicId: 'no-such-topic', weight: 0.5 }]),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.interestsOfActors(['a2'])).toEqual([
          [
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
          ],
        ]);
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });

      test('setActorInterests: an unknown actor is NOT_FOUND', async () => {
        await buildNetwork(store);
        await expect(store.setActorInterests('ghost', [{ topicId: 'klima' }])).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });
    });
  });
}
