/**
 * A collaboration write through the service leaves its projection holding the write, and every event
 * of others committed before it, before it answers — on Neo4j from the feed page the write itself
 * read (store/neo4j/collaboration-writes.ts), without a feed read after the commit, as long as few
 * enough events lie between; otherwise, and on the embedded store, from the read after it. Either
 * way events are applied once each, in seq order, without a gap, also while others write at the
 * same time; a refused write writes nothing and answers its error as before.
 */
import type { FeedEvent } from '../../src/features/live/feed-rules';
import { projectionSnapshot } from '../../src/features/live/feed-follower';
import { snapshotFingerprint } from '../../src/graph/snapshot-fingerprint';
import { NetworkService } from '../../src/service/network-service';
import type { NetworkStore } from '../../src/store/network-store';
import { FEED_IN_WRITE_LIMIT } from '../../src/store/neo4j/collaboration-writes';
import { countingStore, type CountingStore } from '../support/counting-store';
import type { StoreHarness } from '../support/stores';

const PEOPLE = Array.from({ length: 6 }, (_, i) => `p${i}`);

function meeting(id: string, actorIds: readonly string[]) {
  return {
    id,
    title: `Treffen ${id}`,
    kind: 'MEETING' as const,
    participants: actorIds.map((actorId, k) => ({
      actorId,
      role: k === 0 ? ('ORGANISER' as const) : ('PARTICIPANT' as const),
    })),
  };
}

export function describeWriteFeed(label: string, harness: StoreHarness): void {
  describe(`a collaboration write applies the feed up to itself before it answers (${label})`, () => {
    let store: NetworkStore;
    let counting: CountingStore;
    let service: NetworkService;
    let published: number[];
    let stopListening: () => void;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
      for (const id of PEOPLE) await store.createActor({ id, name: `Person ${id}`, kind: 'PERSON' });
      counting = countingStore(store);
      service = await NetworkService.start(counting.store, { firstFitWaitMs: 0 });
      published = [];
      stopListening = service.changes.listen((events: readonly FeedEvent[]) =>
        published.push(...events.map((e) => e.seq)),
      );
    });
    afterEach(async () => {
      stopListening();
      await service.close();
    });

    /** The projection equals the store, and every seq after `from` up to the head was applied once, in order. */
    async function expectCaughtUp(from: number): Promise<void> {
      const { head } = await store.feedHead();
      expect(service.feed.seq).toBe(head);
      expect(published).toEqual(Array.from({ length: head - from }, (_, i) => from + i + 1));
      expect(snapshotFingerprint(projectionSnapshot(service.projection))).toBe(
        snapshotFingerprint(await store.loadSnapshot()),
      );
    }

    test("other writers' events before the write and its own are applied before it answers", async () => {
      const from = service.feed.seq;
      // Written beside the service (another process on the same store): its projection has not seen them.
      await store.createActor({ id: 'x', name: 'Neu', kind: 'GROUP' });
      await store.createCollaboration(meeting('other', ['p0', 'x']));
      counting.reset();
      const created = await service.createCollaborationWithParticipants(meeting('mine', ['x', 'p1', 'p2']));
      expect(Object.keys(created).sort()).toEqual(['actors', 'collaboration', 'participations']);
      const calls = Object.fromEntries(counting.calls);
      // Neo4j: the feed page came with the write (no read after it); embedded: read after it.
      expect(calls).toEqual(
        label === 'neo4j'
          ? { createCollaborationWithParticipants: 1 }
          : { createCollaborationWithParticipants: 1, readFeedPage: 1 },
      );
      expect([...service.projection.actors.get('x')!.collaborations].sort()).toEqual(['mine', 'other']);
      await expectCaughtUp(from);
    });

    test('more events between than the write reads itself: read after it, all applied', async () => {
      const from = service.feed.seq;
      const beside = Array.from({ length: FEED_IN_WRITE_LIMIT + 3 }, (_, i) => `g${i}`);
      for (const id of beside) await store.createActor({ id, name: `Gruppe ${id}`, kind: 'GROUP' });
      counting.reset();
      await service.createCollaborationWithParticipants(meeting('mine', ['p0', 'g0']));
      expect(counting.calls.get('readFeedPage')).toBe(1);
      expect(service.projection.actors.has(beside[beside.length - 1]!)).toBe(true);
      await expectCaughtUp(from);
    });

    test('a refused write writes nothing and answers its error as before', async () => {
      const from = service.feed.seq;
      await service.createCollaborationWithParticipants(meeting('mine', ['p0', 'p1']));
      const { head } = await store.feedHead();
      await expect(service.createCollaborationWithParticipants(meeting('mine', ['p0']))).rejects.toMatchObject({
        code: 'CONFLICT',
        field: 'id',
      });
      await expect(
        service.createCollaborationWithParticipants(meeting('again', ['p0', 'ghost', 'p1'])),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'participants[1].actorId' });
      await expect(
        service.createCollaborationWithParticipants({ ...meeting('again', ['p0']), topicIds: ['nirgends'] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'topicIds' });
      expect(await store.feedHead()).toMatchObject({ head });
      expect(await store.getCollaborations(['again'])).toEqual([null]);
      await expectCaughtUp(from);
    });

    test('concurrent writes through the service and beside it, in opposite lock orders: each event applied once, in order', async () => {
      const from = service.feed.seq;
      const reversed = [...PEOPLE].reverse();
      const writes = Array.from({ length: 12 }, (_, i) => [
        service.createCollaborationWithParticipants(meeting(`s${i}`, i % 2 === 0 ? PEOPLE : reversed)),
        store.createCollaboration(meeting(`o${i}`, i % 2 === 0 ? reversed : PEOPLE)),
      ]).flat();
      await Promise.all(writes);
      // What was written beside the service after its last write arrives with the next read.
      await service.followFeed();
      expect(service.projection.actors.get('p0')!.collaborations.size).toBe(24);
      await expectCaughtUp(from);
    });
  });
}
