/**
 * The NetworkStore contract for GDPR (personalData, eraseActor), run against every store like the
 * NetworkStore contract (network-store/).
 */
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';
import { ADMIN, document, codeOf } from './transfer-setup';

export function describeTransferGdprContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore import, export reads and GDPR (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
    });

    test('personalData holds the record, relationships, feedback both ways and every history record naming the actor', async () => {
      await store.importGraph(document(), {}, ADMIN);
      await store.updateActor('maria', { description: 'Nachbarin' }, null, ADMIN);
      await store.recordSuggestionFeedback({
        actorId: 'maria',
        suggestedId: 'kita',
        verdict: 'INTRODUCED',
        note: 'kennt die Leitung',
      });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'maria', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'kita', verdict: 'NOT_USEFUL' });
      await store.createCollaboration({
        id: 'treffen',
        title: 'Treffen',
        kind: 'MEETING',
        participants: [{ actorId: 'maria', role: 'ORGANISER' }],
      });

      expect(await store.personalData('nobody')).toBeNull();
      const data = (await store.personalData('maria'))!;
      expect(data.actor).toMatchObject({
        id: 'maria',
        contact: 'maria@example.org',
        description: 'Nachbarin',
        version: 2,
      });
      expect(data.interests).toEqual([{ actorId: 'maria', topicId: 'garten', weight: 0.5 }]);
      expect(data.participations.map((p) => [p.collaborationId, p.role])).toEqual([
        ['fest', 'PARTICIPANT'],
        ['ag', 'MEMBER'],
        ['treffen', 'ORGANISER'],
      ]);
      expect(data.collaborations.map((c) => c.title)).toEqual(['Pflanzfest', 'Garten-AG', 'Treffen']);
      expect(data.suggestionFeedback.map((f) => [f.actorId, f.suggestedId, f.verdict])).toEqual([
        ['bobbie', 'maria', 'NOT_USEFUL'],
        ['maria', 'kita', 'INTRODUCED'],
      ]);
      // Its own records, the collaborations naming it (import, create) — not bobbie's or kita's.
      expect(data.history.map((r) => [r.entityId, r.operation])).toEqual([
        ['treffen', 'CREATE'],
        ['maria', 'UPDATE'],
        ['ag', 'IMPORT'],
        ['fest', 'IMPORT'],
        ['maria', 'IMPORT'],
      ]);
      expect(data.history.map((r) => r.seq)).toEqual([...data.history.map((r) => r.seq)].sort((a, b) => b - a));
    });

    test('eraseActor deletes a person everywhere and redacts the history; others stay as they were', async () => {
      await store.importGraph(document(), {}, ADMIN);
      await store.updateActor('maria', { description: 'Nachbarin, Tel. 0123' }, null, ADMIN);
      await store.recordSuggestionFeedback({ actorId: 'maria', suggestedId: 'kita', verdict: 'INTRODUCED' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'maria', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'kita', verdict: 'INTRODUCED' });
      await store.addParticipant('ag', 'bobbie', 'MEMBER', ADMIN);
      const bobbieBefore = (await store.personalData('bobbie'))!;

      expect(await codeOf(store.eraseActor('bobbie', ADMIN))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(await codeOf(store.eraseActor('nobody', ADMIN))).toEqual({ code: 'NOT_FOUND', field: 'id' });

      const report = await store.eraseActor('maria', ADMIN);
      expect(report).toMatchObject({
        actorId: 'maria',
        interestsDeleted: 1,
        participationsDeleted: 2,
        feedbackDeleted: 2,
        historyRedacted: 4,
      });
      expect(report.pseudonym).toMatch(/^erased-[0-9a-f-]{36}$/);

      expect(await store.getActors(['maria'])).toEqual([null]);
      expect(await store.personalData('maria')).toBeNull();
      expect(
        (await store.participationsOfCollaborations(['fest', 'ag'])).map((ps) => ps.map((p) => p.actorId)),
      ).toEqual([['bobbie'], ['bobbie', 'kita']]);
      expect(await store.suggestionFeedback(['bobbie'])).toEqual([[expect.objectContaining({ suggestedId: 'kita' })]]);
      expect(await store.counts()).toEqual({
        actors: 2,
        topics: 2,
        collaborations: 2,
        participations: 3,
        interests: 1,
      });

      // Nothing in the history names maria or holds what was recorded about her.
      expect((await store.history('maria', { first: 50 })).totalCount).toBe(0);
      const texts: string[] = [];
      for (const id of ['fest', 'ag', 'bobbie', 'kita', 'network', report.pseudonym]) {
        for (const r of (await store.history(id, { first: 50 })).items) texts.push(JSON.stringify(r));
      }
      const all = texts.join('\n');
      expect(all).not.toContain('maria');
      expect(all).not.toContain('Maria Muster');
      expect(all).not.toContain('0123');
      expect(all).toContain(`participant:${report.pseudonym}`);
      const own = (await store.history(report.pseudonym, { first: 50 })).items;
      expect(own[0]).toMatchObject({ operation: 'ERASE', author: 'admin@quartier', entityType: 'Actor' });
      expect(own[0].changes).toContainEqual({ field: 'historyRedacted', before: null, after: 4 });
      expect(own.find((r) => r.operation === 'UPDATE')!.changes).toEqual([
        { field: 'description', before: null, after: '[erased]' },
      ]);

      // bobbie keeps everything that is not about maria.
      const bobbieAfter = (await store.personalData('bobbie'))!;
      expect(bobbieAfter.actor).toEqual(bobbieBefore.actor);
      expect(bobbieAfter.participations).toEqual(bobbieBefore.participations);
      expect(bobbieAfter.interests).toEqual(bobbieBefore.interests);
      expect(bobbieAfter.suggestionFeedback.map((f) => f.suggestedId)).toEqual(['kita']);
    });

    /** Every history record of the network, as one text (what any editor can page through). */
    async function allHistory(ids: readonly string[]): Promise<string> {
      const texts: string[] = [];
      for (const id of ids)
        for (const r of (await store.history(id, { first: 200 })).items) texts.push(JSON.stringify(r));
      return texts.join('\n');
    }

    test('eraseActor follows merges: duplicates merged into the person (recursively) are redacted, nothing links them to the pseudonym', async () => {
      await store.importGraph(document(), {}, ADMIN);
      const person = {
        name: 'Maria Muster',
        kind: 'PERSON' as const,
        contact: 'maria@example.org',
        description: 'Tel. 0171 555',
      };
      await store.createActor({ id: 'dup1', ...person }, ADMIN);
      await store.createActor({ id: 'dup2', ...person, contact: 'm.muster@example.net' }, ADMIN);
      await store.addParticipant('ag', 'dup2', 'MEMBER', ADMIN);
      // dup2 into dup1, then dup1 into maria: maria's duplicates are dup1 and, through it, dup2.
      await store.mergeActors('dup1', ['dup2'], ADMIN);
      await store.mergeActors('maria', ['dup1'], ADMIN);
      expect((await store.history('dup1', { first: 50 })).items[0].changes).toContainEqual({
        field: 'mergedInto',
        before: null,
        after: 'maria',
      });

      // Access covers the duplicates' records too.
      const data = (await store.personalData('maria'))!;
      const entities = new Set(data.history.map((r) => r.entityId));
      expect([...entities].sort()).toEqual(['ag', 'dup1', 'dup2', 'fest', 'maria']);

      const report = await store.eraseActor('maria', ADMIN);
      expect(report).toMatchObject({ mergedActorsErased: 2 });
      for (const id of ['dup1', 'dup2', 'maria']) expect((await store.history(id, { first: 50 })).totalCount).toBe(0);
      const own = (await store.history(report.pseudonym, { first: 50 })).items;
      // maria's records and both duplicates' (CREATE, MERGED_INTO, the participation) under the one pseudonym.
      expect(own.filter((r) => r.operation === 'MERGED_INTO')).toHaveLength(2);
      for (const r of own.filter((r) => r.operation === 'MERGED_INTO')) {
        expect(r.changes).toContainEqual({ field: 'mergedInto', before: null, after: '[erased]' });
      }
      const all = await allHistory([
        'fest',
        'ag',
        'bobbie',
        'kita',
        'network',
        'maria',
        'dup1',
        'dup2',
        report.pseudonym,
      ]);
      for (const erased of ['maria', 'dup1', 'dup2', 'Muster', '0171', 'example.net'])
        expect(all).not.toContain(erased);
      expect(all).toContain(`participant:${report.pseudonym}`);
    });

    test('a deleted person is accessible and erasable from its history; so is one whose kind was changed; never-persons are refused', async () => {
      await store.importGraph(document(), {}, ADMIN);
      await store.updateActor('maria', { description: 'Tel. 0171 555' }, null, ADMIN);
      await store.deleteActor('maria', ADMIN);

      const data = (await store.personalData('maria'))!;
      expect(data.actor).toBeNull();
      expect(data.history.map((r) => [r.entityId, r.operation])).toEqual([
        ['maria', 'DELETE'],
        ['maria', 'UPDATE'],
        ['ag', 'IMPORT'],
        ['fest', 'IMPORT'],
        ['maria', 'IMPORT'],
      ]);
      expect(data.history[0].changes).toContainEqual({ field: 'contact', before: 'maria@example.org', after: null });

      const report = await store.eraseActor('maria', ADMIN);
      expect(report).toMatchObject({
        interestsDeleted: 0,
        participationsDeleted: 0,
        feedbackDeleted: 0,
        historyRedacted: 5,
      });
      expect(await store.personalData('maria')).toBeNull();
      expect(await codeOf(store.eraseActor('maria', ADMIN))).toEqual({ code: 'NOT_FOUND', field: 'id' });
      const all = await allHistory(['fest', 'ag', 'bobbie', 'kita', 'network', 'maria', report.pseudonym]);
      for (const erased of ['maria', 'Muster', '0171']) expect(all).not.toContain(erased);

      // An editor made a person a GROUP: it still was a PERSON, so it can be erased.
      await store.createActor(
        { id: 'paul', name: 'Paul Beispiel', kind: 'PERSON', contact: 'paul@example.org' },
        ADMIN,
      );
      await store.updateActor('paul', { kind: 'GROUP', name: 'Pauls Runde' }, null, ADMIN);
      const paul = await store.eraseActor('paul', ADMIN);
      expect(await store.getActors(['paul'])).toEqual([null]);
      expect(await allHistory(['paul', paul.pseudonym])).not.toMatch(/Paul|paul/);

      // A deleted organisation never was a person.
      await store.deleteActor('kita', ADMIN);
      expect((await store.personalData('kita'))!.actor).toBeNull();
      expect(await codeOf(store.eraseActor('kita', ADMIN))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    });

    test('eraseActor clears feedback notes of others that quote the person; other notes stay', async () => {
      await store.importGraph(document(), {}, ADMIN);
      await store.recordSuggestionFeedback({
        actorId: 'bobbie',
        suggestedId: 'kita',
        verdict: 'INTRODUCED',
        note: 'über maria muster kennengelernt',
      });
      await store.recordSuggestionFeedback({
        actorId: 'kita',
        suggestedId: 'bobbie',
        verdict: 'INTRODUCED',
        note: 'Mail an MARIA@example.org',
      });
      await store.recordSuggestionFeedback({
        actorId: 'kita',
        suggestedId: 'bobbie',
        verdict: 'NOT_USEFUL',
        note: 'passt nicht',
      });
      const report = await store.eraseActor('maria', ADMIN);
      expect(report.feedbackNotesCleared).toBe(2);
      const [bobbie, kita] = await store.suggestionFeedback(['bobbie', 'kita']);
      expect(bobbie.map((f) => f.note)).toEqual(['[erased]']);
      expect(kita.map((f) => f.note)).toEqual(['passt nicht', '[erased]']);
      const own = (await store.history(report.pseudonym, { first: 5 })).items[0];
      expect(own.changes).toContainEqual({ field: 'feedbackNotesCleared', before: null, after: 2 });
    });
  });
}
