/**
 * The NetworkStore contract (touched-reads.test.ts: embedded, touched-reads.neo4j.test.ts: Neo4j):
 * readTouched, what the feed follower re-reads of the entities some feed events touched — one
 * entry per requested id in the order of the ids (null when gone), id lists ascending, the same
 * structure loadSnapshot gives for those records.
 */
import type { NetworkStore, TouchedState } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { buildNetwork, useFreshStore } from './fixture';

export function describeTouchedReadContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: readTouched (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    test('nothing asked, nothing answered', async () => {
      await buildNetwork(store);
      expect(await store.readTouched({ actorIds: [], collaborationIds: [], topicIds: [] })).toEqual({
        actors: [],
        collaborations: [],
        topics: [],
      });
    });

    test('answers kinds, dates and both ends of every link, per id in the order asked, null when unknown', async () => {
      await buildNetwork(store);
      const a3 = {
        id: 'a3',
        kind: 'BUSINESS',
        topicIds: ['urban-gardening'],
        collaborationIds: ['k0', 'k1', 'k2', 'k3'],
      };
      expect(
        await store.readTouched({
          actorIds: ['a3', 'ghost', 'a5', 'a3'],
          collaborationIds: ['k1', 'k5', 'nope', 'k3'],
          topicIds: ['klima', 'nope', 'okologie'],
        }),
      ).toEqual({
        actors: [a3, null, { id: 'a5', kind: 'GROUP', topicIds: [], collaborationIds: [] }, a3],
        collaborations: [
          {
            id: 'k1',
            kind: 'EVENT',
            startDate: '2024-05-01',
            endDate: '2024-05-02',
            topicIds: ['jugend-sport', 'urban-gardening'],
            actorIds: ['a1', 'a2', 'a3'],
          },
          {
            id: 'k5',
            kind: 'CONFERENCE',
            startDate: '2023-11-15',
            endDate: '2024-02-15',
            topicIds: ['klima', 'urban-gardening'],
            actorIds: [],
          },
          null,
          {
            id: 'k3',
            kind: 'PROJECT',
            startDate: null,
            endDate: null,
            topicIds: ['urban-gardening'],
            actorIds: ['a3', 'a4'],
          },
        ],
        topics: [{ id: 'klima' }, null, { id: 'okologie' }],
      });
    });

    test('agrees with loadSnapshot on every record of the network', async () => {
      await buildNetwork(store);
      const s = await store.loadSnapshot();
      const ids = {
        actorIds: s.actors.map((a) => a.id),
        collaborationIds: s.collaborations.map((c) => c.id),
        topicIds: s.topics.map((t) => t.id),
      };
      const sorted = (xs: string[]) => [...xs].sort();
      const expected: TouchedState = {
        actors: s.actors.map((a) => ({
          ...a,
          topicIds: sorted(s.interests.filter((i) => i.actorId === a.id).map((i) => i.topicId)),
          collaborationIds: sorted(s.participations.filter((p) => p.actorId === a.id).map((p) => p.collaborationId)),
        })),
        collaborations: s.collaborations.map((c) => ({
          ...c,
          topicIds: sorted(s.about.filter((b) => b.collaborationId === c.id).map((b) => b.topicId)),
          actorIds: sorted(s.participations.filter((p) => p.collaborationId === c.id).map((p) => p.actorId)),
        })),
        topics: s.topics.map((t) => ({ id: t.id })),
      };
      expect(expected.actors.length).toBe(6);
      expect(await store.readTouched(ids)).toEqual(expected);
    });

    test('answers the state after later writes: deleted records null, links as they are now', async () => {
      await buildNetwork(store);
      await store.deleteActor('a4');
      await store.removeParticipant('k1', 'a2');
      await store.addParticipant('k5', 'a6', 'HOST');
      await store.updateCollaboration('k1', { kind: 'MEETING', endDate: null, topicIds: ['klima'] });
      await store.setActorInterests('a2', [{ topicId: 'okologie' }]);
      await store.deleteTopic('urban-gardening');
      expect(
        await store.readTouched({
          actorIds: ['a4', 'a2', 'a6'],
          collaborationIds: ['k1', 'k3', 'k5'],
          topicIds: ['urban-gardening', 'okologie'],
        }),
      ).toEqual({
        actors: [
          null,
          { id: 'a2', kind: 'ASSOCIATION', topicIds: ['okologie'], collaborationIds: ['k4'] },
          { id: 'a6', kind: 'PERSON', topicIds: ['jugend-sport'], collaborationIds: ['k5'] },
        ],
        collaborations: [
          {
            id: 'k1',
            kind: 'MEETING',
            startDate: '2024-05-01',
            endDate: null,
            topicIds: ['klima'],
            actorIds: ['a1', 'a3'],
          },
          { id: 'k3', kind: 'PROJECT', startDate: null, endDate: null, topicIds: [], actorIds: ['a3'] },
          {
            id: 'k5',
            kind: 'CONFERENCE',
            startDate: '2023-11-15',
            endDate: '2024-02-15',
            topicIds: ['klima'],
            actorIds: ['a6'],
          },
        ],
        topics: [null, { id: 'okologie' }],
      });
    });
  });
}
