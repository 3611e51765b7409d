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
      const edited = await store.editActor(
        'a1',
        { patch: { district: 'Nord' }, interests: [{ topicId: 'kiez', weight: 0.5 }] },
        1,
        ALICE,
      );
      expect(edited).toMatchObject({ district: 'Nord', version: 2 });
      expect(await store.interestsOfActors(['a1'])).toEqual([[{ actorId: 'a1', topicId: 'kiez', weight: 0.5 }]]);
      expect((await store.history('a1', { first: 2 })).items.map((r) => r.operation)).toEqual([
        'SET_INTERESTS',
        'UPDATE',
      ]);

      expect(
        await refusal(store.editActor('a1', { patch: { district: 'Süd' }, interests: [{ topicId: 'nowhere' }] }, 2)),
      ).toMatchObject({
        code: 'NOT_FOUND',
        field: 'interests',
      });
      expect(await refusal(store.editActor('a1', { patch: { district: 'Süd' }, interests: [] }, 1))).toMatchObject({
        code: 'CONFLICT',
        field: 'expectedVersion',
      });
      expect((await store.getActors(['a1']))[0]).toMatchObject({ district: 'Nord', version: 2 });
      expect(await store.interestsOfActors(['a1'])).toEqual([[{ actorId: 'a1', topicId: 'kiez', weight: 0.5 }]]);
      expect((await store.history('a1', { first: 50 })).items).toHaveLength(3);
    });

    const ids = async () => ({
      topics: (await store.listTopics({}, { first: 100 })).items.map((t) => t.id).sort(),
      actors: (await store.listActors({}, { first: 100 })).items.map((a) => a.id).sort(),
    });
    const edit = {
      title: 'Pflanztag',
      kind: 'EVENT' as const,
      startDate: '2025-05-01',
      topicIds: ['garten'],
      participants: [
        { actorId: 'a1', role: 'ORGANISER' as const },
        { actorId: 'a2', role: 'PARTICIPANT' as const },
      ],
    };
    const creates = {
      topics: [{ id: 'lastenrad', name: 'Lastenrad' }],
      actors: [{ id: 'tafel', name: 'Tafel', kind: 'INITIATIVE' as const, website: 'https://tafel.example' }],
    };
    const withCreates = {
      ...edit,
      topicIds: ['garten', 'lastenrad'],
      participants: [...edit.participants, { actorId: 'tafel', role: 'HOST' as const }],
      creates,
    };

    test('editCollaboration creates its new topics and actors in the same transaction, each with a CREATE record', async () => {
      const edited = await store.editCollaboration('c1', withCreates, 1, ALICE);
      expect(edited.version).toBe(2);
      expect(await store.topicsOfCollaborations(['c1'])).toEqual([['garten', 'lastenrad']]);
      expect((await store.getActors(['tafel']))[0]).toMatchObject({ name: 'Tafel', website: 'https://tafel.example' });
      expect((await store.participationsOfCollaborations(['c1']))[0].find((p) => p.actorId === 'tafel')?.role).toBe(
        'HOST',
      );
      expect((await ids()).topics).toEqual(['garten', 'kiez', 'lastenrad']);
      const created = async (id: string) => (await store.history(id, { first: 5 })).items.map((r) => r.operation);
      expect(await created('lastenrad')).toEqual(['CREATE']);
      expect(await created('tafel')).toEqual(['ADD_PARTICIPANT', 'CREATE']);
    });

    test('a refused editCollaboration (stale version, unknown participant, id taken) creates no topic and no actor', async () => {
      const before = { ids: await ids(), state: await state() };
      await store.updateCollaboration('c1', { location: 'Hof' }, 1);
      const after = { ids: await ids(), state: await state() };
      expect(await refusal(store.editCollaboration('c1', withCreates, 1))).toMatchObject({
        code: 'CONFLICT',
        field: 'expectedVersion',
      });
      const unknown = {
        ...withCreates,
        participants: [...withCreates.participants, { actorId: 'nobody', role: 'MEMBER' as const }],
      };
      expect(await refusal(store.editCollaboration('c1', unknown, 2))).toMatchObject({ code: 'NOT_FOUND' });
      const taken = { ...withCreates, creates: { ...creates, actors: [{ ...creates.actors[0], id: 'a3' }] } };
      taken.participants = [...edit.participants, { actorId: 'a3', role: 'HOST' }];
      expect(await refusal(store.editCollaboration('c1', taken, 2))).toMatchObject({
        code: 'CONFLICT',
        field: 'newActors[0].id',
      });
      expect(await ids()).toEqual(before.ids);
      expect(await state()).toEqual(after.state);
    });

    test('editActor creates its new topics in the same transaction; they join the stored interests', async () => {
      await store.setActorInterests('a1', [{ topicId: 'garten', weight: 0.5 }]);
      const newTopics = [{ id: 'lastenrad', name: 'Lastenrad' }];
      expect(await refusal(store.editActor('a1', { patch: { district: 'Süd' }, newTopics }, 7))).toMatchObject({
        code: 'CONFLICT',
        field: 'expectedVersion',
      });
      expect((await ids()).topics).toEqual(['garten', 'kiez']);
      const edited = await store.editActor('a1', { patch: { district: 'Süd' }, newTopics }, 1, ALICE);
      expect(edited).toMatchObject({ district: 'Süd', version: 2 });
      expect(await store.interestsOfActors(['a1'])).toEqual([
        [
          { actorId: 'a1', topicId: 'garten', weight: 0.5 },
          { actorId: 'a1', topicId: 'lastenrad', weight: 1 },
        ],
      ]);
      expect((await store.history('lastenrad', { first: 5 })).items.map((r) => r.operation)).toEqual(['CREATE']);
      // With interests given, the new topics join those instead.
      await store.editActor(
        'a1',
        { patch: {}, interests: [{ topicId: 'kiez' }], newTopics: [{ id: 'lesen', name: 'Lesen' }] },
        2,
      );
      expect((await store.interestsOfActors(['a1']))[0].map((i) => i.topicId)).toEqual(['kiez', 'lesen']);
    });

    test('erasing a person raises the version of each collaboration it took part in', async () => {
      await store.createActor({ id: 'p1', name: 'Erika Muster', kind: 'PERSON' });
      await store.addParticipant('c1', 'p1', 'PARTICIPANT');
      await store.createCollaboration({
        id: 'c2',
        title: 'Ohne Erika',
        kind: 'MEETING',
        participants: [{ actorId: 'a1', role: 'HOST' }],
      });
      const before = { c1: await version('c1'), c2: await version('c2') };
      await store.eraseActor('p1');
      expect({ c1: await version('c1'), c2: await version('c2') }).toEqual({ c1: before.c1 + 1, c2: before.c2 });
      // An editor who opened c1 before the erasure gets CONFLICT instead of writing over it.
      expect(await refusal(store.editCollaboration('c1', edit, before.c1))).toMatchObject({
        code: 'CONFLICT',
        field: 'expectedVersion',
      });
    });
  });
}
