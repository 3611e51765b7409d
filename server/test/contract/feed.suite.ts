/**
 * The NetworkStore contract for the change feed (store/feed-rules.ts), run against every store:
 * every write appends its events in its own transaction, in seq order, without field values;
 * concurrent writers never leave a reader with a gap that fills later; pruning keeps the history.
 */
import type { FeedEvent, NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

const ALICE = { author: 'key:alice' };

/**
 * The seqs a reader sees that polls the feed from `after` (every 2 ms) while `writes` run, then
 * reads it to its end: a gapless feed shows each seq once, in order, never one filled in below it.
 */
async function seqsSeenWhile(store: NetworkStore, after: number, writes: Promise<unknown>): Promise<number[]> {
  const seen: number[] = [];
  let done = false;
  const stop = () => (done = true);
  writes.then(stop, stop);
  while (!done) {
    for (const e of await store.readFeed(after, 100)) {
      seen.push(e.seq);
      after = e.seq;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  for (const e of await all(store, after)) seen.push(e.seq);
  return seen;
}

async function all(store: NetworkStore, after = 0): Promise<FeedEvent[]> {
  const out: FeedEvent[] = [];
  for (;;) {
    const page = await store.readFeed(after, 7);
    if (page.length === 0) return out;
    out.push(...page);
    after = page[page.length - 1]!.seq;
  }
}

const brief = (events: FeedEvent[]) => events.map((e) => `${e.entityType}:${e.entityId}:${e.operation}`);

export function describeFeedContract(storeName: string, harness: StoreHarness): void {
  describe(`change feed contract: ${storeName}`, () => {
    let store: NetworkStore;
    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
    });

    test('an empty store has an empty feed at head 0', async () => {
      expect(await store.feedHead()).toEqual({ head: 0, prunedThrough: 0 });
      expect(await store.readFeed(0, 10)).toEqual([]);
    });

    test('every kind of write appends its events in order, seq strictly increasing, author as recorded', async () => {
      await store.createTopic({ id: 'garten', name: 'Garten' }, ALICE);
      await store.createActor(
        { id: 'maria', name: 'Maria Muster', kind: 'PERSON', contact: 'maria@example.org' },
        ALICE,
      );
      await store.createActor({ id: 'bobbie', name: 'Bobbie', kind: 'ASSOCIATION' });
      await store.createActor({ id: 'bob2', name: 'Bobbie e.V.', kind: 'ASSOCIATION' });
      const updated = await store.updateActor('bobbie', { district: 'Batenbrock' }, null, ALICE);
      await store.updateActor('bobbie', { district: null }, updated.version, { author: 'key:alice', undoes: 5 });
      await store.setActorInterests('maria', [{ topicId: 'garten' }]);
      await store.createCollaboration({
        id: 'fest',
        title: 'Fest',
        kind: 'EVENT',
        topicIds: ['garten'],
        participants: [{ actorId: 'maria', role: 'HOST' }],
      });
      await store.addParticipant('fest', 'bob2', 'MEMBER');
      await store.removeParticipant('fest', 'maria');
      await store.mergeActors('bobbie', ['bob2']);
      await store.importGraph({
        topics: [],
        actors: [{ id: 'kita', name: 'Kita', kind: 'INSTITUTION' }],
        collaborations: [],
        interests: [],
        collaborationTopics: [],
        participations: [{ actorId: 'kita', collaborationId: 'fest', role: 'MEMBER' }],
      });
      await store.mergeGraph({ topics: [{ id: 'jugend', name: 'Jugend' }], actors: [], collaborations: [] });
      await store.updateTopic('garten', { name: 'Gärten' });
      await store.deleteCollaboration('fest');
      await store.deleteTopic('jugend');
      const { pseudonym } = await store.eraseActor('maria');
      await store.deleteActor('kita');

      const events = await all(store);
      expect(brief(events.slice(0, 12))).toEqual([
        'Topic:garten:CREATE',
        `Actor:${pseudonym}:CREATE`, // maria, redacted by the erasure
        'Actor:bobbie:CREATE',
        'Actor:bob2:CREATE',
        'Actor:bobbie:UPDATE',
        'Actor:bobbie:UNDO',
        `Actor:${pseudonym}:SET_INTERESTS`,
        'Collaboration:fest:CREATE',
        'Collaboration:fest:ADD_PARTICIPANT',
        'Actor:bob2:ADD_PARTICIPANT',
        'Collaboration:fest:REMOVE_PARTICIPANT',
        `Actor:${pseudonym}:REMOVE_PARTICIPANT`,
      ]);
      const ops = brief(events.slice(12));
      expect(ops.slice(0, 2)).toEqual(['Actor:bobbie:MERGE', 'Actor:bob2:MERGED_INTO']);
      expect(ops).toEqual(
        expect.arrayContaining([
          'Actor:kita:IMPORT',
          'Network:network:IMPORT',
          'Topic:garten:UPDATE',
          'Collaboration:fest:DELETE',
          'Topic:jugend:DELETE',
          'Actor:kita:DELETE',
        ]),
      );
      expect(ops.filter((o) => o.endsWith(':ERASE'))).toEqual([`Actor:${pseudonym}:ERASE`]);
      expect(ops[ops.length - 1]).toBe('Actor:kita:DELETE');

      const seqs = events.map((e) => e.seq);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
      expect((await store.feedHead()).head).toBe(seqs[seqs.length - 1]);
      expect(events[0]!.author).toBe('key:alice');
      expect(events[2]!.author).toBe('system');
      expect(events[4]!.fields).toEqual(['district']);
      // the feed is the history's sequence: the same seq numbers as the records of the entity
      const history = (await store.history('bobbie', { first: 50 })).items.map((r) => r.seq).sort((a, b) => a - b);
      expect(events.filter((e) => e.entityId === 'bobbie').map((e) => e.seq)).toEqual(history);
      // reading after any seq answers exactly the rest
      expect(await all(store, seqs[9]!)).toEqual(events.slice(10));
    });

    test('events carry field names, never values; an erasure redacts the person from the feed', async () => {
      await store.createActor({ id: 'maria', name: 'Maria Muster', kind: 'PERSON', contact: 'maria@example.org' });
      await store.createCollaboration({
        id: 'fest',
        title: 'Fest',
        kind: 'EVENT',
        participants: [{ actorId: 'maria', role: 'HOST' }],
      });
      const before = JSON.stringify(await all(store));
      expect(before).not.toContain('maria@example.org');
      expect(before).not.toContain('Maria Muster');
      expect(before).toContain('maria');
      await store.eraseActor('maria');
      const after = JSON.stringify(await all(store));
      expect(after).not.toContain('maria');
      expect(after).toContain('ERASE');
    });

    test('a failed write appends nothing', async () => {
      await store.createActor({ id: 'kita', name: 'Kita', kind: 'INSTITUTION' });
      const head = await store.feedHead();
      await expect(store.createActor({ id: 'kita', name: 'Kita 2', kind: 'INSTITUTION' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(store.addParticipant('nope', 'kita', 'MEMBER')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await store.feedHead()).toEqual(head);
      expect(await all(store)).toHaveLength(1);
    });

    test('concurrent writers: the feed is a gapless prefix at every read, in commit order', async () => {
      const writes = Array.from({ length: 24 }, (_, i) =>
        store.createActor({ id: `a${i}`, name: `Akteur ${i}`, kind: 'GROUP' }),
      );
      // A reader polling while the writes run never sees a seq that a later read fills in below it.
      const writing = Promise.all(writes);
      const seen = await seqsSeenWhile(store, 0, writing);
      await writing;
      const events = await all(store);
      expect(seen).toEqual(events.map((e) => e.seq));
      expect(new Set(events.map((e) => e.entityId)).size).toBe(24);
    });

    test('concurrent collaboration writes on the same actors, in opposite orders: all written, the feed gapless', async () => {
      const people = Array.from({ length: 6 }, (_, i) => `p${i}`);
      for (const id of people) await store.createActor({ id, name: `Person ${id}`, kind: 'PERSON' });
      const before = (await store.feedHead()).head;
      // Each write takes its participants' locks in its own order (half of them reversed): on Neo4j
      // two such writes can deadlock, and the one Neo4j refuses is tried again.
      const writes = Array.from({ length: 24 }, (_, i) => {
        const order = i % 2 === 0 ? people : [...people].reverse();
        return store.createCollaboration({
          id: `c${i}`,
          title: `Treffen ${i}`,
          kind: 'MEETING',
          participants: order.map((actorId, k) => ({ actorId, role: k === 0 ? 'ORGANISER' : 'PARTICIPANT' })),
        });
      });
      const writing = Promise.all(writes);
      const seen = await seqsSeenWhile(store, before, writing);
      const written = await writing;
      const events = await all(store, before);
      expect(seen).toEqual(events.map((e) => e.seq));
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 24 }, (_, i) => before + i + 1));
      expect(new Set(brief(events))).toEqual(new Set(written.map((c) => `Collaboration:${c.id}:CREATE`)));
      const members = await store.participationsOfCollaborations(written.map((c) => c.id));
      expect(members.map((m) => m.length)).toEqual(written.map(() => people.length));
    });

    test('pruning deletes old events only, raises the watermark and keeps the history', async () => {
      await store.createActor({ id: 'kita', name: 'Kita', kind: 'INSTITUTION' });
      await store.updateActor('kita', { district: 'Batenbrock' });
      expect(await store.pruneFeed('2000-01-01T00:00:00.000Z')).toBe(0);
      expect((await store.feedHead()).prunedThrough).toBe(0);
      const head = (await store.feedHead()).head;
      expect(await store.pruneFeed(new Date(Date.now() + 60_000).toISOString())).toBe(2);
      expect(await store.feedHead()).toEqual({ head, prunedThrough: head });
      expect(await store.readFeed(0, 10)).toEqual([]);
      expect((await store.history('kita', { first: 10 })).totalCount).toBe(2);
      await store.deleteActor('kita');
      expect(brief(await all(store))).toEqual(['Actor:kita:DELETE']);
      expect((await store.readFeed(0, 10))[0]!.seq).toBe(head + 1);
    });

    test('readFeed pages are bounded', async () => {
      for (let i = 0; i < 5; i++) await store.createTopic({ id: `t${i}`, name: `Thema ${i}` });
      expect(await store.readFeed(0, 2)).toHaveLength(2);
      expect(await store.readFeed(0, 0)).toHaveLength(1);
      expect(await store.readFeed(3, 100)).toHaveLength(2);
    });
  });
}
