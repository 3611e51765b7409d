/**
 * The NetworkStore contract (relation-reads.test.ts: embedded, relation-reads.neo4j.test.ts:
 * Neo4j): the batched relation reads the GraphQL loaders use (one answer per key, in key order).
 */
import { nameKey } from '../../../src/domain/text';
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { buildNetwork, useFreshStore } from './fixture';

export function describeRelationReadContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
    });

    // -------------------------------------------------------------------------------------------
    describe('relation reads', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      test('interestsOfActors: by topic nameKey then id, per key in key order', async () => {
        expect(await store.interestsOfActors(['a2', 'ghost', 'a1', 'a5', 'a2'])).toEqual([
          [
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
          ],
          [],
          [{ actorId: 'a1', topicId: 'klima', weight: 0.5 }],
          [],
          [
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
          ],
        ]);
        expect(await store.interestsOfActors([])).toEqual([]);
      });

      test('interestsInTopics: by actor nameKey then id', async () => {
        expect(await store.interestsInTopics(['urban-gardening', 'okologie', 'jugend-sport', 'ghost'])).toEqual([
          [
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
            { actorId: 'a3', topicId: 'urban-gardening', weight: 0.3 },
          ],
          [],
          [
            { actorId: 'a6', topicId: 'jugend-sport', weight: 1 },
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
          ],
          [],
        ]);
        expect(await store.interestsInTopics([])).toEqual([]);
      });

      test('participationsOfActors: newest collaboration first (no date last, ties by id)', async () => {
        const [a3, ghost, a4, a6] = await store.participationsOfActors(['a3', 'ghost', 'a4', 'a6']);
        expect(a3).toEqual([
          { actorId: 'a3', collaborationId: 'k1', role: 'PARTICIPANT' },
          { actorId: 'a3', collaborationId: 'k0', role: 'MEMBER' },
          { actorId: 'a3', collaborationId: 'k2', role: 'PARTICIPANT' },
          { actorId: 'a3', collaborationId: 'k3', role: 'PARTICIPANT' },
        ]);
        expect(ghost).toEqual([]);
        expect(a4).toEqual([
          { actorId: 'a4', collaborationId: 'k4', role: 'PARTICIPANT' },
          { actorId: 'a4', collaborationId: 'k3', role: 'ORGANISER' },
        ]);
        expect(a6).toEqual([]);
        expect(await store.participationsOfActors([])).toEqual([]);
      });

      test('participationsOfCollaborations: by actor nameKey then id', async () => {
        expect(await store.participationsOfCollaborations(['k1', 'k5', 'ghost', 'k3', 'k1'])).toEqual([
          [
            { actorId: 'a2', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a3', collaborationId: 'k1', role: 'PARTICIPANT' },
            { actorId: 'a1', collaborationId: 'k1', role: 'ORGANISER' },
          ],
          [],
          [],
          [
            { actorId: 'a4', collaborationId: 'k3', role: 'ORGANISER' },
            { actorId: 'a3', collaborationId: 'k3', role: 'PARTICIPANT' },
          ],
          [
            { actorId: 'a2', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a3', collaborationId: 'k1', role: 'PARTICIPANT' },
            { actorId: 'a1', collaborationId: 'k1', role: 'ORGANISER' },
          ],
        ]);
      });

      test('participationsAndCollaborationsOfActors: the same lists as participationsOfActors, with each of their collaborations once', async () => {
        const keys = ['a3', 'ghost', 'a4', 'a6', 'a3'];
        const { participations, collaborations } = await store.participationsAndCollaborationsOfActors(keys);
        expect(participations).toEqual(await store.participationsOfActors(keys));
        const ids = [...new Set(participations.flat().map((p) => p.collaborationId))].sort();
        expect(ids.length).toBeGreaterThan(1);
        expect(collaborations.map((c) => c.id).sort()).toEqual(ids);
        expect(collaborations.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(await store.getCollaborations(ids));
        expect(await store.participationsAndCollaborationsOfActors([])).toEqual({
          participations: [],
          collaborations: [],
        });
        expect(await store.participationsAndCollaborationsOfActors(['ghost'])).toEqual({
          participations: [[]],
          collaborations: [],
        });
      });

      test('interestsAndTopicsOfActors: the same lists as interestsOfActors, with each of their topics once', async () => {
        const keys = ['a3', 'ghost', 'a1', 'a2', 'a3'];
        const { interests, topics } = await store.interestsAndTopicsOfActors(keys);
        expect(interests).toEqual(await store.interestsOfActors(keys));
        const ids = [...new Set(interests.flat().map((i) => i.topicId))].sort();
        expect(ids.length).toBeGreaterThan(1);
        expect(topics.map((t) => t.id).sort()).toEqual(ids);
        expect([...topics].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(await store.getTopics(ids));
        expect(await store.interestsAndTopicsOfActors([])).toEqual({ interests: [], topics: [] });
        expect(await store.interestsAndTopicsOfActors(['ghost'])).toEqual({ interests: [[]], topics: [] });
      });

      test('participationsAndActorsOfCollaborations: the same lists as participationsOfCollaborations, with each participant once', async () => {
        const keys = ['k1', 'ghost', 'k0', 'k1'];
        const { participations, actors } = await store.participationsAndActorsOfCollaborations(keys);
        expect(participations).toEqual(await store.participationsOfCollaborations(keys));
        const ids = [...new Set(participations.flat().map((p) => p.actorId))].sort();
        expect(ids.length).toBeGreaterThan(1);
        expect(actors.map((a) => a.id).sort()).toEqual(ids);
        expect(actors.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(await store.getActors(ids));
        expect(await store.participationsAndActorsOfCollaborations([])).toEqual({ participations: [], actors: [] });
      });

      test('actorPages: the actors, their participations and everything the two joined reads answer for those collaborations', async () => {
        const keys = ['a3', 'ghost', 'a1', 'a3'];
        const page = await store.actorPages(keys);
        expect(page.actors).toEqual(await store.getActors(keys));
        const { participations, collaborations } = await store.participationsAndCollaborationsOfActors(keys);
        expect(page.participations).toEqual(participations);
        const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
        expect([...page.collaborations].sort(byId)).toEqual([...collaborations].sort(byId));
        const ids = page.collaborations.map((c) => c.id);
        expect(ids.length).toBeGreaterThan(1);
        expect(page.members).toEqual(await store.participationsOfCollaborations(ids));
        const people = [...new Set(page.members.flat().map((p) => p.actorId))].sort();
        // The actors asked for take part in their own collaborations: they are among the participants.
        expect(people).toEqual(expect.arrayContaining(['a1', 'a3']));
        expect([...page.participants].sort(byId)).toEqual(await store.getActors(people));
        expect(await store.actorPages([])).toEqual({
          actors: [],
          participations: [],
          collaborations: [],
          members: [],
          participants: [],
        });
        expect(await store.actorPages(['ghost'])).toEqual({
          actors: [null],
          participations: [[]],
          collaborations: [],
          members: [],
          participants: [],
        });
      });

      test('actorPanels: the actors, their interests with those topics and their participations with those collaborations', async () => {
        const keys = ['a3', 'ghost', 'a1', 'a3'];
        const panel = await store.actorPanels(keys);
        expect(panel.actors).toEqual(await store.getActors(keys));
        const interests = await store.interestsOfActors(keys);
        expect(panel.interests).toEqual(interests);
        const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
        const topicIds = [...new Set(interests.flat().map((i) => i.topicId))].sort();
        expect(topicIds.length).toBeGreaterThan(1);
        expect([...panel.topics].sort(byId)).toEqual(await store.getTopics(topicIds));
        const { participations, collaborations } = await store.participationsAndCollaborationsOfActors(keys);
        expect(panel.participations).toEqual(participations);
        expect(collaborations.length).toBeGreaterThan(1);
        expect([...panel.collaborations].sort(byId)).toEqual([...collaborations].sort(byId));
        const none = { actors: [], interests: [], topics: [], participations: [], collaborations: [] };
        expect(await store.actorPanels([])).toEqual(none);
        expect(await store.actorPanels(['ghost'])).toEqual({
          ...none,
          actors: [null],
          interests: [[]],
          participations: [[]],
        });
      });

      test('participationPagesOfActors: a page of participationsOfActors per actor, after a collaboration of it; null where it is not', async () => {
        const keys = ['a3', 'ghost', 'a2', 'a6', 'a3'];
        const full = await store.participationsOfActors(keys);
        const a3 = full[0]!;
        expect(a3.length).toBeGreaterThan(3);
        const collaborationsOf = async (lists: ReadonlyArray<ReadonlyArray<{ collaborationId: string }> | null>) =>
          store.getCollaborations([...new Set(lists.flatMap((l) => l ?? []).map((p) => p.collaborationId))].sort());
        const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);

        const heads = await store.participationPagesOfActors(keys, { first: 2, after: null });
        expect(heads.participations).toEqual(full.map((list) => list.slice(0, 2)));
        expect([...heads.collaborations].sort(byId)).toEqual(await collaborationsOf(heads.participations));

        // Continued after a3's second: its next two; an actor that did not take part in it has no page.
        const after = a3[1]!.collaborationId;
        const next = await store.participationPagesOfActors(keys, { first: 2, after });
        const expected = keys.map((key, i) =>
          full[i]!.some((p) => p.collaborationId === after)
            ? full[i]!.slice(full[i]!.findIndex((p) => p.collaborationId === after) + 1).slice(0, 2)
            : null,
        );
        expect(expected[0]).toEqual(a3.slice(2, 4));
        expect(expected).toContain(null);
        expect(next.participations).toEqual(expected);
        expect([...next.collaborations].sort(byId)).toEqual(await collaborationsOf(next.participations));
        // After the last: an empty page, not null.
        expect(
          (await store.participationPagesOfActors(['a3'], { first: 5, after: a3.at(-1)!.collaborationId }))
            .participations,
        ).toEqual([[]]);
        expect(await store.participationPagesOfActors([], { first: 5, after: null })).toEqual({
          participations: [],
          collaborations: [],
        });
      });

      test('actorPanelPages: actorPanels with a page of the participations', async () => {
        const keys = ['a3', 'ghost', 'a1', 'a3'];
        const panel = await store.actorPanels(keys);
        const pages = await store.actorPanelPages(keys, { first: 1, after: null });
        expect(pages.actors).toEqual(panel.actors);
        expect(pages.interests).toEqual(panel.interests);
        const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
        expect([...pages.topics].sort(byId)).toEqual([...panel.topics].sort(byId));
        expect(pages.participations).toEqual(panel.participations.map((list) => list.slice(0, 1)));
        const after = panel.participations[0]![0]!.collaborationId;
        const next = await store.actorPanelPages(keys, { first: 2, after });
        expect(next.participations).toEqual(
          (await store.participationPagesOfActors(keys, { first: 2, after })).participations,
        );
        expect(next.participations[0]).toEqual(panel.participations[0]!.slice(1, 3));
        expect(pages.withActors).toEqual([]);
        expect(await store.actorPanelPages(['ghost'], { first: 3, after: null })).toEqual({
          actors: [null],
          interests: [[]],
          topics: [],
          participations: [[]],
          collaborations: [],
          withActors: [],
        });
      });

      test('actorPanelPages: the records of other actors read with the panel, as getActors', async () => {
        // Repeats, unknown ids and one of the panel's own actors among them: one entry per id, in order.
        const others = ['a2', 'ghost', 'a1', 'a2', 'a4'];
        const keys = ['a1', 'a3'];
        const pages = await store.actorPanelPages(keys, { first: 2, after: null }, others);
        expect(pages.withActors).toEqual(await store.getActors(others));
        expect(pages.withActors.filter((a) => a !== null)).toHaveLength(4);
        // The panel itself is the same with or without them.
        const { withActors, ...panel } = pages;
        expect(withActors).toHaveLength(others.length);
        const { withActors: none, ...alone } = await store.actorPanelPages(keys, { first: 2, after: null });
        expect(none).toEqual([]);
        expect(panel).toEqual(alone);
        // Other actors alone (no panel asked): read all the same.
        expect(await store.actorPanelPages([], { first: 2, after: null }, ['a4', 'ghost'])).toEqual({
          actors: [],
          interests: [],
          topics: [],
          participations: [],
          collaborations: [],
          withActors: await store.getActors(['a4', 'ghost']),
        });
      });

      test('topicsOfCollaborations: topic ids by topic nameKey then id', async () => {
        expect(await store.topicsOfCollaborations(['k5', 'k0', 'ghost', 'k1'])).toEqual([
          ['klima', 'urban-gardening'],
          [],
          [],
          ['jugend-sport', 'urban-gardening'],
        ]);
        expect(await store.topicsOfCollaborations([])).toEqual([]);
      });

      test('collaborationsOfTopics: collaboration ids in collaboration order', async () => {
        expect(
          await store.collaborationsOfTopics(['urban-gardening', 'okologie', 'klima', 'ghost', 'jugend-sport']),
        ).toEqual([['k1', 'k5', 'k3'], [], ['k2', 'k5'], [], ['k1', 'k4']]);
        expect(await store.collaborationsOfTopics([])).toEqual([]);
      });

      test('topicStats: actor and collaboration counts; zeros for unused and unknown topics', async () => {
        expect(await store.topicStats(['urban-gardening', 'okologie', 'ghost', 'klima', 'jugend-sport'])).toEqual([
          { topicId: 'urban-gardening', actorCount: 2, collaborationCount: 3 },
          { topicId: 'okologie', actorCount: 0, collaborationCount: 0 },
          { topicId: 'ghost', actorCount: 0, collaborationCount: 0 },
          { topicId: 'klima', actorCount: 1, collaborationCount: 2 },
          { topicId: 'jugend-sport', actorCount: 2, collaborationCount: 2 },
        ]);
        expect(await store.topicStats([])).toEqual([]);
      });

      test('interestsInTopicPage: actor-id order after the cursor, at most `limit`, with the actor nameKey', async () => {
        const a2 = {
          interest: { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
          nameKey: nameKey('bürgerhaus Nord'),
        };
        const a6 = { interest: { actorId: 'a6', topicId: 'jugend-sport', weight: 1 }, nameKey: nameKey('Anna Straße') };
        expect(await store.interestsInTopicPage('jugend-sport', '', 10)).toEqual([a2, a6]);
        expect(await store.interestsInTopicPage('jugend-sport', '', 1)).toEqual([a2]);
        expect(await store.interestsInTopicPage('jugend-sport', 'a2', 1)).toEqual([a6]);
        expect(await store.interestsInTopicPage('jugend-sport', 'a6', 10)).toEqual([]);
        expect(await store.interestsInTopicPage('ghost', '', 10)).toEqual([]);
      });

      test('participationsOfActorPage: collaboration-id order after the cursor, at most `limit`, with the collaborations', async () => {
        const records = await store.getCollaborations(['k0', 'k1', 'k2', 'k3']);
        const roles = { k0: 'MEMBER', k1: 'PARTICIPANT', k2: 'PARTICIPANT', k3: 'PARTICIPANT' } as const;
        const all = records.map((collaboration) => ({
          participation: {
            actorId: 'a3',
            collaborationId: collaboration!.id,
            role: roles[collaboration!.id as keyof typeof roles],
          },
          collaboration,
        }));
        expect(await store.participationsOfActorPage('a3', '', 10)).toEqual(all);
        expect(await store.participationsOfActorPage('a3', '', 2)).toEqual(all.slice(0, 2));
        expect(await store.participationsOfActorPage('a3', 'k1', 10)).toEqual(all.slice(2));
        expect(await store.participationsOfActorPage('a6', '', 10)).toEqual([]);
      });

      test('collaborationsOfTopicPage: id order after the cursor, at most `limit`, with the start date', async () => {
        const k1 = { id: 'k1', startDate: '2024-05-01' };
        const k3 = { id: 'k3', startDate: null };
        const k5 = { id: 'k5', startDate: '2023-11-15' };
        expect(await store.collaborationsOfTopicPage('urban-gardening', '', 10)).toEqual([k1, k3, k5]);
        expect(await store.collaborationsOfTopicPage('urban-gardening', '', 2)).toEqual([k1, k3]);
        expect(await store.collaborationsOfTopicPage('urban-gardening', 'k3', 2)).toEqual([k5]);
        expect(await store.collaborationsOfTopicPage('okologie', '', 10)).toEqual([]);
      });

      test('collaboratorsOfActors: partners by shared count desc then id; shared ids in collaboration order', async () => {
        const [a1, a2, a3, a4, a5, ghost, a1again] = await store.collaboratorsOfActors([
          'a1',
          'a2',
          'a3',
          'a4',
          'a5',
          'ghost',
          'a1',
        ]);
        expect(a1).toEqual([
          { actorId: 'a1', partnerId: 'a3', collaborationIds: ['k1', 'k0', 'k2'] },
          { actorId: 'a1', partnerId: 'a2', collaborationIds: ['k1'] },
        ]);
        expect(a2).toEqual([
          { actorId: 'a2', partnerId: 'a1', collaborationIds: ['k1'] },
          { actorId: 'a2', partnerId: 'a3', collaborationIds: ['k1'] },
          { actorId: 'a2', partnerId: 'a4', collaborationIds: ['k4'] },
        ]);
        expect(a3).toEqual([
          { actorId: 'a3', partnerId: 'a1', collaborationIds: ['k1', 'k0', 'k2'] },
          { actorId: 'a3', partnerId: 'a2', collaborationIds: ['k1'] },
          { actorId: 'a3', partnerId: 'a4', collaborationIds: ['k3'] },
        ]);
        expect(a4).toEqual([
          { actorId: 'a4', partnerId: 'a2', collaborationIds: ['k4'] },
          { actorId: 'a4', partnerId: 'a3', collaborationIds: ['k3'] },
        ]);
        expect(a5).toEqual([]);
        expect(ghost).toEqual([]);
        expect(a1again).toEqual(a1);
        expect(await store.collaboratorsOfActors([])).toEqual([]);
      });

      test('collaboratorsOfActors: an actor alone in a collaboration has no collaborators', async () => {
        await store.createCollaboration({
          id: 'solo',
          title: 'Allein',
          kind: 'MEETING',
          participants: [{ actorId: 'a6', role: 'HOST' }],
        });
        expect(await store.collaboratorsOfActors(['a6'])).toEqual([[]]);
      });
    });
  });
}
