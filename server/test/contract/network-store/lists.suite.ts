/**
 * The NetworkStore contract (lists.test.ts: embedded, lists.neo4j.test.ts: Neo4j): the paged lists:
 * order, filters, cursors, totals.
 */
import { actorSortKey, collaborationSortKey, topicSortKey } from '../../../src/domain/ordering';
import { encodeCursor } from '../../../src/domain/paging';
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { ids, walkPages, ACTOR_ORDER, COLLABORATION_ORDER, TOPIC_ORDER, buildNetwork, useFreshStore } from './fixture';

export function describeListContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    // -------------------------------------------------------------------------------------------
    describe('listActors', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      test('orders by nameKey (case and accents folded), then id', async () => {
        const page = await store.listActors({}, { first: 50 });
        expect(ids(page.items)).toEqual(ACTOR_ORDER);
        expect(page.totalCount).toBe(6);
        expect(page.hasNextPage).toBe(false);
      });

      test('items are whole actors', async () => {
        const page = await store.listActors({ nameContains: 'anna' }, { first: 5 });
        expect(page.items).toEqual([(await store.getActors(['a6']))[0]]);
        // Every field of every actor, also where the list reads its actors with their interests.
        const all = await store.listActors({}, { first: 50 });
        expect(all.items).toEqual(await store.getActors(ids(all.items)));
        expect((await store.listActorsWithInterests({}, { first: 50 })).page.items).toEqual(all.items);
      });

      test('nameContains is case- and accent-insensitive', async () => {
        const names = async (q: string) => ids((await store.listActors({ nameContains: q }, { first: 50 })).items);
        expect(await names('burger')).toEqual(['a2']);
        expect(await names('BÜRGER')).toEqual(['a2']);
        expect(await names('Bürgerhaus nord')).toEqual(['a2']);
        expect(await names('ÄRZTE')).toEqual(['a4', 'a5']);
        expect(await names('kollektiv')).toEqual(['a4', 'a5']);
        expect(await names('strasse')).toEqual(['a6']);
        expect(await names('Straße')).toEqual(['a6']);
        expect(await names('cafe m')).toEqual(['a3']);
        expect(await names('nichts')).toEqual([]);
        const page = await store.listActors({ nameContains: 'kollektiv' }, { first: 50 });
        expect(page.totalCount).toBe(2);
      });

      test('nameContains: short terms, search-syntax characters, pages, and the index follows every write', async () => {
        const names = async (q: string) => ids((await store.listActors({ nameContains: q }, { first: 50 })).items);
        await store.createActor({ id: 'q1', name: 'Chor "Die Frohen" & Co. (NEAR) OR*', kind: 'GROUP' });
        expect(await names('"die frohen"')).toEqual(['q1']);
        expect(await names('(near) or*')).toEqual(['q1']);
        expect(await names('or*')).toEqual(['q1']);
        expect(await names('e "')).toEqual([]);
        expect(await names('kol\u0000lektiv')).toEqual([]);
        // One and two characters: below the trigram length, still a substring match.
        expect(await names('ä')).toEqual(await names('a'));
        expect(await names('ll')).toEqual(['a4', 'a5']);
        // A page of a search, then the next.
        const paged = await walkPages(
          (after) => store.listActors({ nameContains: 'kollektiv' }, { first: 1, after }),
          actorSortKey,
          1,
          2,
        );
        expect(ids(paged)).toEqual(['a4', 'a5']);
        // Deleted and merged actors leave the search; the kept one stays findable.
        await store.deleteActor('q1');
        expect(await names('frohen')).toEqual([]);
        await store.mergeActors('a4', ['a5']);
        expect(await names('kollektiv')).toEqual(['a4']);
        await store.mergeGraph({
          topics: [],
          actors: [{ id: 'q2', name: 'Neue Kolleginnen', kind: 'GROUP' }],
          collaborations: [],
        });
        expect(await names('kolleg')).toEqual(['q2']);
      });

      test('kinds matches any of the kinds', async () => {
        const page = await store.listActors({ kinds: ['GROUP', 'BUSINESS', 'FUNDER'] }, { first: 50 });
        expect(ids(page.items)).toEqual(['a5', 'a3']);
        expect(page.totalCount).toBe(2);
      });

      test('topicIds matches actors interested in any of the topics, each once', async () => {
        const page = await store.listActors({ topicIds: ['urban-gardening', 'jugend-sport'] }, { first: 50 });
        expect(ids(page.items)).toEqual(['a6', 'a2', 'a3']);
        expect(page.totalCount).toBe(3);
        expect((await store.listActors({ topicIds: ['okologie'] }, { first: 50 })).items).toEqual([]);
      });

      test('filters combine (AND)', async () => {
        const both = await store.listActors(
          { kinds: ['BUSINESS', 'INSTITUTION', 'ASSOCIATION'], topicIds: ['urban-gardening', 'klima'] },
          { first: 50 },
        );
        expect(ids(both.items)).toEqual(['a2', 'a3', 'a1']);
        const all = await store.listActors(
          { nameContains: 'mitte', kinds: ['BUSINESS', 'INSTITUTION'], topicIds: ['urban-gardening', 'klima'] },
          { first: 50 },
        );
        expect(ids(all.items)).toEqual(['a3']);
        expect(all.totalCount).toBe(1);
        const none = await store.listActors({ nameContains: 'zentrum', kinds: ['BUSINESS'] }, { first: 50 });
        expect(none).toEqual({ items: [], totalCount: 0, hasNextPage: false });
      });

      test('null filter fields mean no filter', async () => {
        const page = await store.listActors({ nameContains: null, kinds: null, topicIds: null }, { first: 50 });
        expect(ids(page.items)).toEqual(ACTOR_ORDER);
      });

      test('paging with first=2 walks every actor once; totalCount is the filtered total', async () => {
        const walked = await walkPages((after) => store.listActors({}, { first: 2, after }), actorSortKey, 2, 6);
        expect(ids(walked)).toEqual(ACTOR_ORDER);
        expect(new Set(ids(walked)).size).toBe(6);

        const filtered = await walkPages(
          (after) => store.listActors({ topicIds: ['urban-gardening', 'jugend-sport'] }, { first: 2, after }),
          actorSortKey,
          2,
          3,
        );
        expect(ids(filtered)).toEqual(['a6', 'a2', 'a3']);
      });

      test('hasNextPage is exact at the boundary', async () => {
        const five = await store.listActors({}, { first: 5 });
        expect(five.hasNextPage).toBe(true);
        const six = await store.listActors({}, { first: 6 });
        expect(six.hasNextPage).toBe(false);
        const last = await store.listActors({}, { first: 3, after: encodeCursor(actorSortKey(six.items[2])) });
        expect(ids(last.items)).toEqual(['a2', 'a3', 'a1']);
        expect(last.hasNextPage).toBe(false);
        expect(last.totalCount).toBe(6);
        const after = await store.listActors({}, { first: 3, after: encodeCursor(actorSortKey(six.items[5])) });
        expect(after).toEqual({ items: [], totalCount: 6, hasNextPage: false });
      });

      test('a cursor is a sort key, not an item: keys between items work', async () => {
        // Between the two "arzte kollektiv" actors (a4, a5) by id:
        const mid = await store.listActors({}, { first: 10, after: encodeCursor(['arzte kollektiv', 'a4']) });
        expect(ids(mid.items)).toEqual(['a5', 'a2', 'a3', 'a1']);
        const fromB = await store.listActors({}, { first: 10, after: encodeCursor(['b', '']) });
        expect(ids(fromB.items)).toEqual(['a2', 'a3', 'a1']);
      });

      test('an invalid cursor is BAD_USER_INPUT', async () => {
        await expect(store.listActors({}, { first: 2, after: 'not a cursor' })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
        const notAPair = Buffer.from(JSON.stringify({ a: 1 }), 'utf8').toString('base64url');
        await expect(store.listActors({}, { first: 2, after: notAPair })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });

      test("listActorsWithInterests: the same page, with its actors' interests and topics as interestsAndTopicsOfActors", async () => {
        const cases: Array<Parameters<NetworkStore['listActors']>> = [
          [{}, { first: 50 }],
          [{}, { first: 2, after: encodeCursor(['b', '']) }],
          [{ nameContains: 'kollektiv' }, { first: 1 }],
          [{ topicIds: ['urban-gardening', 'jugend-sport'] }, { first: 2 }],
          [{ kinds: ['BUSINESS', 'ASSOCIATION'] }, { first: 50 }],
          [{ nameContains: 'zentrum', kinds: ['BUSINESS'] }, { first: 50 }],
        ];
        const sortedIds = (topics: Array<{ id: string }>) => topics.map((t) => t.id).sort();
        for (const [filter, request] of cases) {
          const { page, interests, topics } = await store.listActorsWithInterests(filter, request);
          expect(page).toEqual(await store.listActors(filter, request));
          const expected = await store.interestsAndTopicsOfActors(ids(page.items));
          expect(interests).toEqual(expected.interests);
          expect(sortedIds(topics)).toEqual(sortedIds(expected.topics));
          expect(topics).toEqual(expect.arrayContaining(expected.topics));
        }
        // By the topics' names within an actor; an actor without interests has an empty list.
        const { page, interests, topics } = await store.listActorsWithInterests({}, { first: 50 });
        const of = (id: string) => interests[ids(page.items).indexOf(id)].map((i) => [i.topicId, i.weight]);
        expect(of('a2')).toEqual([
          ['jugend-sport', 0.8],
          ['urban-gardening', 1],
        ]);
        expect(of('a4')).toEqual([]);
        expect(sortedIds(topics)).toEqual(['jugend-sport', 'klima', 'urban-gardening']);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('listTopics', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      test('orders by nameKey then id; items are whole topics', async () => {
        const page = await store.listTopics({}, { first: 50 });
        expect(ids(page.items)).toEqual(TOPIC_ORDER);
        expect(page.totalCount).toBe(4);
        expect(page.hasNextPage).toBe(false);
        expect(page.items[1]).toEqual({
          id: 'klima',
          name: 'Klimaschutz',
          slug: 'klimaschutz',
          aliases: ['Klima', 'Umwelt'],
        });
      });

      test('nameContains is case- and accent-insensitive', async () => {
        const topicIds = async (q: string | null) =>
          ids((await store.listTopics({ nameContains: q }, { first: 50 })).items);
        expect(await topicIds('ÖKO')).toEqual(['okologie']);
        expect(await topicIds('oko')).toEqual(['okologie']);
        expect(await topicIds('&')).toEqual(['jugend-sport']);
        expect(await topicIds('GARDEN')).toEqual(['urban-gardening']);
        expect(await topicIds('s')).toEqual(['jugend-sport', 'klima']);
        expect(await topicIds(null)).toEqual(TOPIC_ORDER);
      });

      test('paging walks every topic once', async () => {
        const walked = await walkPages((after) => store.listTopics({}, { first: 3, after }), topicSortKey, 3, 4);
        expect(ids(walked)).toEqual(TOPIC_ORDER);
        const firstPage = await store.listTopics({}, { first: 2 });
        expect(firstPage.hasNextPage).toBe(true);
        expect(firstPage.totalCount).toBe(4);
      });

      test('an invalid cursor is BAD_USER_INPUT', async () => {
        await expect(store.listTopics({}, { first: 2, after: '###' })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('listCollaborations', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      const list = async (filter: Parameters<NetworkStore['listCollaborations']>[0]) =>
        ids((await store.listCollaborations(filter, { first: 50 })).items);

      test('newest first: startDate desc, same date by id, no date last', async () => {
        const page = await store.listCollaborations({}, { first: 50 });
        expect(ids(page.items)).toEqual(COLLABORATION_ORDER);
        expect(page.totalCount).toBe(6);
        expect(page.hasNextPage).toBe(false);
        expect(page.items[2]).toEqual((await store.getCollaborations(['k2']))[0]);
      });

      test('no-date collaborations sort last among themselves by id', async () => {
        await store.createCollaboration({ id: 'a-undated', title: 'Ohne Datum', kind: 'MEETING' });
        await store.createCollaboration({ id: 'z-undated', title: 'Ohne Datum', kind: 'MEETING' });
        expect(await list({})).toEqual([...COLLABORATION_ORDER.slice(0, 5), 'a-undated', 'k3', 'z-undated']);
      });

      test('kinds and topicIds match any of, each collaboration once', async () => {
        expect(await list({ kinds: ['MEETING', 'JURY'] })).toEqual(['k0', 'k2']);
        expect(await list({ topicIds: ['klima', 'urban-gardening'] })).toEqual(['k1', 'k2', 'k5', 'k3']);
        expect(await list({ topicIds: ['okologie'] })).toEqual([]);
        expect(await list({ kinds: ['CONFERENCE', 'PROJECT'], topicIds: ['urban-gardening'] })).toEqual(['k5', 'k3']);
        expect(await list({ kinds: null, topicIds: null, from: null, to: null })).toEqual(COLLABORATION_ORDER);
      });

      test('date range: overlap with [from, to], bounds inclusive', async () => {
        expect(await list({ from: '2024-02-01', to: '2024-03-31' })).toEqual(['k0', 'k2', 'k5']);
        expect(await list({ from: '2024-02-15', to: '2024-02-15' })).toEqual(['k5']);
        expect(await list({ from: '2023-12-31', to: '2023-12-31' })).toEqual(['k5', 'k4']);
        expect(await list({ from: '2024-05-02', to: '2030-01-01' })).toEqual(['k1']);
        expect(await list({ from: '2024-05-03', to: '2030-01-01' })).toEqual([]);
      });

      test('date range: an open bound; endDate null counts as the startDate; no startDate never matches', async () => {
        // from only: ends (or, without end, starts) on or after from
        expect(await list({ from: '2024-03-01' })).toEqual(['k1', 'k0', 'k2']);
        expect(await list({ from: '2024-03-02' })).toEqual(['k1']);
        // to only: starts on or before to
        expect(await list({ to: '2023-11-15' })).toEqual(['k5', 'k4']);
        expect(await list({ to: '2023-11-14' })).toEqual(['k4']);
        expect(await list({ to: '2099-12-31' })).toEqual(['k1', 'k0', 'k2', 'k5', 'k4']);
        expect(await list({ from: '1900-01-01' })).toEqual(['k1', 'k0', 'k2', 'k5', 'k4']);
      });

      test('filters combine (AND) and totalCount counts the filtered list', async () => {
        const page = await store.listCollaborations(
          { kinds: ['FUNDING', 'CONFERENCE', 'MEETING'], from: '2024-01-01' },
          { first: 1 },
        );
        expect(ids(page.items)).toEqual(['k2']);
        expect(page.totalCount).toBe(2);
        expect(page.hasNextPage).toBe(true);
        expect(
          await list({ kinds: ['FUNDING', 'CONFERENCE', 'MEETING'], topicIds: ['klima'], to: '2024-01-01' }),
        ).toEqual(['k5']);
      });

      test('paging with first=2 walks every collaboration once, across the no-date tail', async () => {
        const walked = await walkPages(
          (after) => store.listCollaborations({}, { first: 2, after }),
          collaborationSortKey,
          2,
          6,
        );
        expect(ids(walked)).toEqual(COLLABORATION_ORDER);
        const filtered = await walkPages(
          (after) => store.listCollaborations({ topicIds: ['urban-gardening'] }, { first: 2, after }),
          collaborationSortKey,
          2,
          3,
        );
        expect(ids(filtered)).toEqual(['k1', 'k5', 'k3']);
      });

      test('cursors are collaboration sort keys', async () => {
        // same date as k0/k2, after id "k1": k2 then the older ones
        expect(
          ids((await store.listCollaborations({}, { first: 10, after: encodeCursor(['2024-03-01', 'k1']) })).items),
        ).toEqual(['k2', 'k5', 'k4', 'k3']);
        // a cursor on the no-date tail
        expect(ids((await store.listCollaborations({}, { first: 10, after: encodeCursor(['', 'a']) })).items)).toEqual([
          'k3',
        ]);
        const afterLast = await store.listCollaborations({}, { first: 10, after: encodeCursor(['', 'k3']) });
        expect(afterLast).toEqual({ items: [], totalCount: 6, hasNextPage: false });
      });

      test('an invalid cursor is BAD_USER_INPUT', async () => {
        await expect(store.listCollaborations({}, { first: 2, after: 'bogus' })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });
    });
  });
}
