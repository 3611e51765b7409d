/**
 * The NetworkStore contract for edits in one write, run against every store: a collaboration's
 * version (starts at 1, +1 on every change of its fields, topics or participants), editCollaboration
 * (fields, topics and the complete participant list in one transaction, planned by
 * planCollaborationEdit in update-rules.ts) and editActor (fields and interests in one transaction).
 * A refused edit changes nothing and records nothing.
 */
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; field?: string; message?: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, field, message } = error as { code?: string; field?: string; message?: string };
    return { code, field, message };
  }
  throw new Error('expected the write to be refused');
}

const ALICE = { author: 'key:alice' };

export function describeEditContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: edits in one write (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
      await store.createTopic({ id: 'garten', name: 'Garten' });
      await store.createTopic({ id: 'kiez', name: 'Kiez' });
      for (const [id, name] of [
        ['a1', 'Gartenverein'],
        ['a2', 'Kiezbüro'],
        ['a3', 'Schule am Park'],
      ]) {
        await store.createActor({ id, name, kind: 'GROUP' });
      }
      await store.createCollaboration({
        id: 'c1',
        title: 'Pflanztag',
        kind: 'EVENT',
        startDate: '2025-05-01',
        topicIds: ['garten'],
        participants: [
          { actorId: 'a1', role: 'ORGANISER' },
          { actorId: 'a2', role: 'PARTICIPANT' },
        ],
      });
    });

    const version = async (id: string) => (await store.getCollaborations([id]))[0]!.version;
    const state = async () => ({
      collaboration: (await store.getCollaborations(['c1']))[0],
      topics: await store.topicsOfCollaborations(['c1']),
      participants: await store.participationsOfCollaborations(['c1']),
      history: (await store.history('c1', { first: 50 })).items.length,
    });

    test('a collaboration starts at version 1; every change of fields, topics or participants adds 1', async () => {
      expect(await version('c1')).toBe(1);
      expect((await store.updateCollaboration('c1', { location: 'Hof' })).version).toBe(2);
      expect((await store.updateCollaboration('c1', { topicIds: ['kiez'] }, 2)).version).toBe(3);
      await store.addParticipant('c1', 'a3', 'HOST');
      expect(await version('c1')).toBe(4);
      await store.addParticipant('c1', 'a3', 'MEMBER');
      expect(await version('c1')).toBe(5);
      await store.addParticipant('c1', 'a3', 'MEMBER'); // the same role again changes nothing
      expect(await version('c1')).toBe(5);
      await store.removeParticipant('c1', 'a3');
      expect(await version('c1')).toBe(6);
      await store.removeParticipant('c1', 'a3'); // not in it: nothing changes
      expect(await version('c1')).toBe(6);
    });

    test('a participant deleted with its actor or merged into another changes the collaboration: version +1', async () => {
      await store.deleteActor('a2');
      expect(await version('c1')).toBe(2);
      await store.addParticipant('c1', 'a3', 'HOST');
      expect(await version('c1')).toBe(3);
      await store.mergeActors('a1', ['a3']);
      expect(await version('c1')).toBe(4);
    });

    test('updateCollaboration with a stale expectedVersion: CONFLICT in the actors’ words; nothing changes', async () => {
      await store.updateCollaboration('c1', { location: 'Hof' }, 1);
      const before = await state();
      expect(await refusal(store.updateCollaboration('c1', { location: 'Garten' }, 1))).toEqual({
        code: 'CONFLICT',
        field: 'expectedVersion',
        message: 'Collaboration "c1" has changed: its version is 2, not 1; reload and retry',
      });
      expect(await state()).toEqual(before);
    });

    test('editCollaboration replaces fields, topics and participants in one write with one history step', async () => {
      const edited = await store.editCollaboration(
        'c1',
        {
          title: 'Pflanztag im Kiez',
          kind: 'EVENT',
          startDate: '2025-05-01',
          location: 'Hof',
          topicIds: ['kiez', 'garten'],
          participants: [
            { actorId: 'a1', role: 'HOST' },
            { actorId: 'a3', role: 'PARTICIPANT' },
          ],
        },
        1,
        ALICE,
      );
      expect(edited).toMatchObject({ title: 'Pflanztag im Kiez', location: 'Hof', version: 2 });
      expect((await store.getCollaborations(['c1']))[0]).toEqual(edited);
      expect([...(await store.topicsOfCollaborations(['c1']))[0]!].sort()).toEqual(['garten', 'kiez']);
      const participants = (await store.participationsOfCollaborations(['c1']))[0]!;
      expect(participants.map((p) => [p.actorId, p.role]).sort()).toEqual([
        ['a1', 'HOST'],
        ['a3', 'PARTICIPANT'],
      ]);

      const [update] = (await store.history('c1', { first: 50 })).items;
      expect(update).toMatchObject({ operation: 'UPDATE', author: 'key:alice' });
      expect(update!.changes).toEqual([
        { field: 'title', before: 'Pflanztag', after: 'Pflanztag im Kiez' },
        { field: 'location', before: null, after: 'Hof' },
        { field: 'topicIds', before: ['garten'], after: ['garten', 'kiez'] },
        { field: 'participant:a1', before: 'ORGANISER', after: 'HOST' },
        { field: 'participant:a2', before: 'PARTICIPANT', after: null },
        { field: 'participant:a3', before: null, after: 'PARTICIPANT' },
      ]);
      expect((await store.history('a2', { first: 1 })).items[0]).toMatchObject({
        operation: 'REMOVE_PARTICIPANT',
        changes: [{ field: 'participation:c1', before: 'PARTICIPANT', after: null }],
      });
      expect((await store.history('a3', { first: 1 })).items[0]).toMatchObject({ operation: 'ADD_PARTICIPANT' });
    });

    test('editCollaboration that changes nothing keeps the version and records nothing', async () => {
      const before = await state();
      const same = await store.editCollaboration(
        'c1',
        {
          title: 'Pflanztag',
          kind: 'EVENT',
          startDate: '2025-05-01',
          topicIds: ['garten'],
          participants: [
            { actorId: 'a2', role: 'PARTICIPANT' },
            { actorId: 'a1', role: 'ORGANISER' },
          ],
        },
        1,
      );
      expect(same.version).toBe(1);
      expect(await state()).toEqual(before);
    });

    test.each([
      ['an unknown participant, named by its place', { participants: 'ghost' }, 'NOT_FOUND', 'participants[1].actorId'],
      ['an unknown topic', { topicIds: ['nowhere'] }, 'NOT_FOUND', 'topicIds'],
      ['a stale version', { expectedVersion: 7 }, 'CONFLICT', 'expectedVersion'],
      ['an unknown collaboration', { id: 'ghost' }, 'NOT_FOUND', 'id'],
    ])('editCollaboration refuses %s; nothing changes, nothing is recorded', async (_name, bad, code, field) => {
      const before = await state();
      const b = bad as { participants?: string; topicIds?: string[]; expectedVersion?: number; id?: string };
      const answer = await refusal(
        store.editCollaboration(
          b.id ?? 'c1',
          {
            title: 'Neu',
            kind: 'MEETING',
            topicIds: b.topicIds ?? ['kiez'],
            participants: [
              { actorId: 'a3', role: 'HOST' },
              { actorId: b.participants ?? 'a1', role: 'MEMBER' },
            ],
          },
          b.expectedVersion ?? 1,
        ),
      );
      expect(answer).toMatchObject({ code, field });
      expect(await state()).toEqual(before);
      expect((await store.history('a3', { first: 5 })).items.map((r) => r.operation)).toEqual(['CREATE']);
    });

    test('editActor sets fields and interests in one write; a missing topic leaves both unchanged', async () => {
      const edited = await store.editActor('a1', { district: 'Nord' }, [{ topicId: 'kiez', weight: 0.5 }], 1, ALICE);
      expect(edited).toMatchObject({ district: 'Nord', version: 2 });
      expect(await store.interestsOfActors(['a1'])).toEqual([[{ actorId: 'a1', topicId: 'kiez', weight: 0.5 }]]);
      expect((await store.history('a1', { first: 2 })).items.map((r) => r.operation)).toEqual([
        'SET_INTERESTS',
        'UPDATE',
      ]);

      expect(await refusal(store.editActor('a1', { district: 'Süd' }, [{ topicId: 'nowhere' }], 2))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'interests',
      });
      expect(await refusal(store.editActor('a1', { district: 'Süd' }, [], 1))).toMatchObject({
        code: 'CONFLICT',
        field: 'expectedVersion',
      });
      expect((await store.getActors(['a1']))[0]).toMatchObject({ district: 'Nord', version: 2 });
      expect(await store.interestsOfActors(['a1'])).toEqual([[{ actorId: 'a1', topicId: 'kiez', weight: 0.5 }]]);
      expect((await store.history('a1', { first: 50 })).items).toHaveLength(3);
    });
  });
}
