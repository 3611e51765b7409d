/**
 * The NetworkStore contract (feed-page.test.ts: embedded, feed-page.neo4j.test.ts: Neo4j):
 * readFeedPage, one step of following the feed — exactly what readFeed, then feedHead, then
 * readTouched of the ids the events touch (feed-rules.ts touchedIds) answer, in one call.
 */
import { touchedIds } from '../../../src/features/live/feed-rules';
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { buildNetwork, useFreshStore } from './fixture';

export function describeFeedPageContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: readFeedPage (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    test('an empty store: no events, head 0, nothing touched', async () => {
      expect(await store.readFeedPage(0, 10)).toEqual({
        events: [],
        head: { head: 0, prunedThrough: 0 },
        ids: { actorIds: [], collaborationIds: [], topicIds: [] },
        touched: { actors: [], collaborations: [], topics: [] },
      });
    });

    test('a participation removed: both ends touched, read as they are now', async () => {
      await buildNetwork(store);
      const { head } = await store.feedHead();
      await store.removeParticipant('k1', 'a2');
      const page = await store.readFeedPage(head, 100);
      expect(page.events.map((e) => `${e.entityType}:${e.entityId}:${e.fields.join(',')}`)).toEqual([
        'Collaboration:k1:participant:a2',
        'Actor:a2:participation:k1',
      ]);
      expect(page.head).toEqual({ head: head + 2, prunedThrough: 0 });
      expect(page.ids).toEqual({ actorIds: ['a2'], collaborationIds: ['k1'], topicIds: [] });
      expect(page.touched.actors).toEqual([expect.objectContaining({ id: 'a2', collaborationIds: ['k4'] })]);
      expect(page.touched.collaborations).toEqual([expect.objectContaining({ id: 'k1', actorIds: ['a1', 'a3'] })]);
      expect(page.touched.topics).toEqual([]);
    });

    test('agrees with readFeed, feedHead and readTouched after every seq and page size', async () => {
      await buildNetwork(store);
      await store.deleteActor('a4');
      await store.removeParticipant('k1', 'a2');
      await store.addParticipant('k5', 'a6', 'HOST');
      await store.updateCollaboration('k1', { kind: 'MEETING', endDate: null, topicIds: ['klima'] });
      await store.setActorInterests('a2', [{ topicId: 'okologie' }]);
      await store.deleteTopic('urban-gardening');
      await store.mergeActors('a1', ['a5']);
      const head = await store.feedHead();
      let touchedSome = 0;
      // Windows of three events from every seq (every mix of neighbours), and long pages.
      const steps = [
        ...Array.from({ length: head.head + 1 }, (_, after) => ({ after, limit: 3 })),
        { after: 0, limit: 1000 },
        { after: Math.floor(head.head / 2), limit: 1000 },
      ];
      for (const { after, limit } of steps) {
        const page = await store.readFeedPage(after, limit);
        const events = await store.readFeed(after, limit);
        const ids = touchedIds(events);
        expect(page).toEqual({ events, head, ids, touched: await store.readTouched(ids) });
        if (page.touched.actors.some(Boolean) && page.touched.collaborations.some(Boolean)) touchedSome++;
      }
      expect(touchedSome).toBeGreaterThan(10);
    }, 120_000);

    test('after a prune: no events, the watermark at the head; pages are bounded', async () => {
      for (let i = 0; i < 5; i++) await store.createTopic({ id: `t${i}`, name: `Thema ${i}` });
      expect((await store.readFeedPage(0, 0)).events).toHaveLength(1);
      expect((await store.readFeedPage(3, 100)).ids.topicIds).toEqual(['t3', 't4']);
      await store.pruneFeed(new Date(Date.now() + 60_000).toISOString());
      expect(await store.readFeedPage(0, 10)).toEqual({
        events: [],
        head: { head: 5, prunedThrough: 5 },
        ids: { actorIds: [], collaborationIds: [], topicIds: [] },
        touched: { actors: [], collaborations: [], topics: [] },
      });
    });
  });
}
