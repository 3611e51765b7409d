/**
 * The NetworkStore contract for import, export reads and GDPR (importGraph, readGraph, the name
 * lookups, personalData, eraseActor), run against every store like the NetworkStore contract (network-store/).
 */
import type { ImportGraph, NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

const ADMIN = { author: 'admin@quartier' };

/** An import document with every table. */
function document(): ImportGraph {
  return {
    topics: [
      { id: 'garten', name: 'Garten', aliases: ['Urban Gardening'] },
      { id: 'jugend', name: 'Jugend' },
    ],
    actors: [
      {
        id: 'bobbie',
        name: 'Bobbie e.V.',
        kind: 'ASSOCIATION',
        website: 'https://bobbie.de',
        contact: 'info@bobbie.de',
      },
      { id: 'maria', name: 'Maria Muster', kind: 'PERSON', contact: 'maria@example.org', district: 'Batenbrock' },
      { id: 'kita', name: 'Kita Sonnenblume', kind: 'INSTITUTION' },
    ],
    collaborations: [
      { id: 'fest', title: 'Pflanzfest', kind: 'EVENT', startDate: '2023-05-01', location: 'Bürgerhaus' },
      { id: 'ag', title: 'Garten-AG', kind: 'WORKING_GROUP', startDate: '2022-01-01', endDate: '2022-12-31' },
    ],
    interests: [
      { actorId: 'bobbie', topicId: 'garten' },
      { actorId: 'maria', topicId: 'garten', weight: 0.5 },
    ],
    collaborationTopics: [{ collaborationId: 'fest', topicId: 'garten' }],
    participations: [
      { actorId: 'bobbie', collaborationId: 'fest', role: 'ORGANISER' },
      { actorId: 'maria', collaborationId: 'fest' },
      { actorId: 'maria', collaborationId: 'ag', role: 'MEMBER' },
      { actorId: 'kita', collaborationId: 'ag', role: 'HOST' },
    ],
  };
}

const empty = (): ImportGraph => ({
  topics: [],
  actors: [],
  collaborations: [],
  interests: [],
  collaborationTopics: [],
  participations: [],
});

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; field?: string };
    return { code: e.code, field: e.field };
  }
  throw new Error('expected the call to fail');
}

async function everything(store: NetworkStore) {
  return { graph: await store.readGraph(), counts: await store.counts() };
}

export function describeTransferContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore import, export reads and GDPR (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
    });

    test('importGraph creates everything, counts it, and a second run changes nothing', async () => {
      const counts = await store.importGraph(document(), {}, ADMIN);
      expect(counts).toEqual({
        topics: { created: 2, updated: 0, unchanged: 0 },
        actors: { created: 3, updated: 0, unchanged: 0 },
        collaborations: { created: 2, updated: 0, unchanged: 0 },
        interests: { created: 2, updated: 0, unchanged: 0 },
        collaborationTopics: { created: 1, updated: 0, unchanged: 0 },
        participations: { created: 4, updated: 0, unchanged: 0 },
      });
      const [maria] = await store.getActors(['maria']);
      expect(maria).toMatchObject({
        name: 'Maria Muster',
        kind: 'PERSON',
        contact: 'maria@example.org',
        description: null,
        version: 1,
      });
      expect(await store.participationsOfCollaborations(['fest'])).toEqual([
        [
          { actorId: 'bobbie', collaborationId: 'fest', role: 'ORGANISER' },
          { actorId: 'maria', collaborationId: 'fest', role: 'PARTICIPANT' },
        ],
      ]);
      expect(await store.interestsOfActors(['bobbie', 'maria'])).toEqual([
        [{ actorId: 'bobbie', topicId: 'garten', weight: 1 }],
        [{ actorId: 'maria', topicId: 'garten', weight: 0.5 }],
      ]);

      const before = await everything(store);
      const again = await store.importGraph(document(), {}, ADMIN);
      for (const table of Object.values(again)) expect(table).toMatchObject({ created: 0, updated: 0 });
      expect(again.participations.unchanged).toBe(4);
      expect(await everything(store)).toEqual(before);
      expect((await store.getActors(['maria']))[0]!.version).toBe(1);
    });

    test('updates the fields the document carries, keeps the others, adds relationships and never removes any', async () => {
      await store.importGraph(document());
      const counts = await store.importGraph({
        ...empty(),
        actors: [{ id: 'maria', website: 'https://maria.example.org', district: null }],
        topics: [{ id: 'jugend', name: 'Jugendarbeit' }],
        interests: [
          { actorId: 'maria', topicId: 'garten', weight: 0.8 },
          { actorId: 'maria', topicId: 'jugend' },
        ],
        participations: [{ actorId: 'maria', collaborationId: 'fest', role: 'HOST' }],
      });
      expect(counts.actors).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(counts.topics).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(counts.interests).toEqual({ created: 1, updated: 1, unchanged: 0 });
      expect(counts.participations).toEqual({ created: 0, updated: 1, unchanged: 0 });
      const [maria] = await store.getActors(['maria']);
      expect(maria).toMatchObject({
        name: 'Maria Muster',
        contact: 'maria@example.org',
        website: 'https://maria.example.org',
        district: null,
        version: 2,
      });
      expect((await store.getTopics(['jugend']))[0]).toMatchObject({ name: 'Jugendarbeit', slug: 'jugendarbeit' });
      // bobbie's participation and maria's other one are still there.
      expect((await store.participationsOfActors(['maria']))[0].map((p) => [p.collaborationId, p.role])).toEqual([
        ['fest', 'HOST'],
        ['ag', 'MEMBER'],
      ]);
      expect((await store.counts()).participations).toBe(4);

      const history = (await store.history('maria', { first: 10 })).items;
      expect(history[0]).toMatchObject({ operation: 'IMPORT', author: 'system', entityType: 'Actor' });
      expect(history[0].changes).toEqual([
        { field: 'district', before: 'Batenbrock', after: null },
        { field: 'website', before: null, after: 'https://maria.example.org' },
        { field: 'interest:garten', before: 0.5, after: 0.8 },
        { field: 'interest:jugend', before: null, after: 1 },
      ]);
      const fest = (await store.history('fest', { first: 10 })).items[0];
      expect(fest.changes).toEqual([{ field: 'participant:maria', before: 'PARTICIPANT', after: 'HOST' }]);
      const network = (await store.history('network', { first: 10 })).items[0];
      expect(network).toMatchObject({ entityType: 'Network', operation: 'IMPORT' });
      expect(network.changes.find((c) => c.field === 'actors')?.after).toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
    });

    test('dryRun counts without writing; a bad document writes nothing', async () => {
      const dry = await store.importGraph(document(), { dryRun: true });
      expect(dry.actors.created).toBe(3);
      expect(await store.counts()).toEqual({
        actors: 0,
        topics: 0,
        collaborations: 0,
        participations: 0,
        interests: 0,
      });
      expect((await store.history('network', { first: 5 })).totalCount).toBe(0);

      const unknownActor = document();
      unknownActor.participations.push({ actorId: 'nobody', collaborationId: 'fest' });
      expect(await codeOf(store.importGraph(unknownActor))).toEqual({ code: 'NOT_FOUND', field: 'participants' });
      const newWithoutKind = document();
      newWithoutKind.actors.push({ id: 'neu', name: 'Neu' });
      expect(await codeOf(store.importGraph(newWithoutKind))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
      const endBeforeStart = document();
      endBeforeStart.collaborations[1].endDate = '2021-01-01';
      expect((await codeOf(store.importGraph(endBeforeStart))).code).toBe('BAD_USER_INPUT');
      expect(await store.counts()).toEqual({
        actors: 0,
        topics: 0,
        collaborations: 0,
        participations: 0,
        interests: 0,
      });

      await store.importGraph(document());
      const slugTaken = { ...empty(), topics: [{ id: 'garten-2', name: 'Garten' }] };
      expect(await codeOf(store.importGraph(slugTaken))).toEqual({ code: 'CONFLICT', field: 'name' });
      expect((await store.getTopics(['garten-2']))[0]).toBeNull();
    });

    test('readGraph answers the whole content in id order; names and titles find ids', async () => {
      await store.importGraph(document());
      await store.createActor({ id: 'bobbie-2', name: 'bobbie E.V.', kind: 'GROUP' });
      const graph = await store.readGraph();
      expect(graph.topics).toEqual([
        { id: 'garten', name: 'Garten', aliases: ['Urban Gardening'] },
        { id: 'jugend', name: 'Jugend', aliases: [] },
      ]);
      expect(graph.actors.map((a) => a.id)).toEqual(['bobbie', 'bobbie-2', 'kita', 'maria']);
      expect(graph.actors[3]).toEqual({
        id: 'maria',
        name: 'Maria Muster',
        kind: 'PERSON',
        description: null,
        district: 'Batenbrock',
        website: null,
        contact: 'maria@example.org',
        interests: [{ topicId: 'garten', weight: 0.5 }],
      });
      expect(graph.collaborations).toEqual([
        {
          id: 'ag',
          title: 'Garten-AG',
          kind: 'WORKING_GROUP',
          startDate: '2022-01-01',
          endDate: '2022-12-31',
          location: null,
          description: null,
          topicIds: [],
          participants: [
            { actorId: 'kita', role: 'HOST' },
            { actorId: 'maria', role: 'MEMBER' },
          ],
        },
        {
          id: 'fest',
          title: 'Pflanzfest',
          kind: 'EVENT',
          startDate: '2023-05-01',
          endDate: null,
          location: 'Bürgerhaus',
          description: null,
          topicIds: ['garten'],
          participants: [
            { actorId: 'bobbie', role: 'ORGANISER' },
            { actorId: 'maria', role: 'PARTICIPANT' },
          ],
        },
      ]);
      expect(await store.actorIdsByName(['Bobbie e.V.', 'maria muster', 'Niemand', 'Bobbie e.V.'])).toEqual([
        ['bobbie', 'bobbie-2'],
        ['maria'],
        [],
        ['bobbie', 'bobbie-2'],
      ]);
      expect(await store.collaborationIdsByTitle(['Pflanzfest', 'pflanzfest'])).toEqual([['fest'], []]);
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
