/**
 * GDPR through real GraphQL requests (in-process Apollo), run against every store: right of access
 * and right to erasure, also of merged duplicates, deleted persons and persons made a group.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes } from '../support/api';
import type { StoreHarness } from '../support/stores';
import { GOOD_FILES, importFiles, exportFiles, useTransferApi } from './transfer-setup';

const PERSONAL = `query Personal($id: ID!) { personalData(actorId: $id) {
  actor { id name kind contact }
  interests { weight topic { id } }
  participations { role collaboration { id title } }
  suggestionFeedback { verdict actor { id } suggested { id } }
  history { entityId operation changes { field before after } }
  document
} }`;
const ERASE = `mutation Erase($id: ID!) { eraseActor(id: $id) { pseudonym interestsDeleted participationsDeleted feedbackDeleted historyRedacted } }`;
const ERASE_ALL = `mutation Erase($id: ID!) { eraseActor(id: $id) { pseudonym historyRedacted mergedActorsErased feedbackNotesCleared } }`;

export function describeTransferGdprApi(label: string, harness: StoreHarness): void {
  describe(`GraphQL import, export and GDPR (${label})`, () => {
    const start = useTransferApi(harness);

    test('GDPR: a person gets everything stored about them, then is erased everywhere; others stay', async () => {
      const a = await start(batenbrock);
      await importFiles(a, 'CSV', GOOD_FILES);
      await a.data(
        `mutation { updateActor(id: "maria-muster", input: { description: "Nachbarin, Tel. 0171 123456" }) { version } }`,
      );
      await a.data(
        `mutation { giveSuggestionFeedback(actorId: "maria-muster", suggestedId: "bobbie-ev", verdict: INTRODUCED, note: "kennt Bobbie") { verdict } }`,
      );
      await a.data(
        `mutation { giveSuggestionFeedback(actorId: "tafel-batenbrock", suggestedId: "maria-muster", verdict: NOT_USEFUL) { verdict } }`,
      );
      const bobbieBefore = await a.data(
        `{ actor(id: "bobbie-ev") { name district version collaborations { role collaboration { id } } interests { topic { id } } } }`,
      );

      const personal = (await a.data(PERSONAL, { id: 'maria-muster' })).personalData;
      expect(personal.actor).toEqual({
        id: 'maria-muster',
        name: 'Maria Muster',
        kind: 'PERSON',
        contact: 'maria@example.org',
      });
      expect(personal.interests).toEqual([{ weight: 0.5, topic: { id: 'umwelt' } }]);
      expect(personal.participations).toEqual([
        { role: 'PARTICIPANT', collaboration: { id: 'reparaturtreff-2024-01-07', title: 'Reparaturtreff' } },
      ]);
      expect(personal.suggestionFeedback).toEqual([
        { verdict: 'NOT_USEFUL', actor: { id: 'tafel-batenbrock' }, suggested: { id: 'maria-muster' } },
        { verdict: 'INTRODUCED', actor: { id: 'maria-muster' }, suggested: { id: 'bobbie-ev' } },
      ]);
      expect(personal.history.map((r: { entityId: string; operation: string }) => [r.entityId, r.operation])).toEqual([
        ['maria-muster', 'UPDATE'],
        ['reparaturtreff-2024-01-07', 'IMPORT'],
        ['maria-muster', 'IMPORT'],
      ]);
      const document = JSON.parse(personal.document);
      expect(document).toMatchObject({
        format: 'quartiernetz-personal-data',
        actor: { id: 'maria-muster', contact: 'maria@example.org', description: 'Nachbarin, Tel. 0171 123456' },
        interests: [{ topicId: 'umwelt', topic: 'Umwelt', weight: 0.5 }],
        participations: [
          { role: 'PARTICIPANT', collaboration: { id: 'reparaturtreff-2024-01-07', title: 'Reparaturtreff' } },
        ],
      });
      expect(document.history).toHaveLength(3);

      expect(errorCodes(await a.run(PERSONAL, { id: 'nobody' }))).toEqual(['NOT_FOUND']);
      const refused = await a.run(ERASE, { id: 'bobbie-ev' });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].message).toContain('deleteActor');
      expect(errorCodes(await a.run(ERASE, { id: 'nobody' }))).toEqual(['NOT_FOUND']);

      const erased = (await a.data(ERASE, { id: 'maria-muster' })).eraseActor;
      expect(erased).toMatchObject({
        interestsDeleted: 1,
        participationsDeleted: 1,
        feedbackDeleted: 2,
        historyRedacted: 3,
      });

      const after = await a.data(
        `query($p: ID!) {
        actor(id: "maria-muster") { id }
        history(entityId: "maria-muster") { totalCount }
        erased: history(entityId: $p) { nodes { operation changes { field before after } } }
        treff: collaboration(id: "reparaturtreff-2024-01-07") { participants { actor { id } } }
        treffHistory: history(entityId: "reparaturtreff-2024-01-07") { nodes { changes { field after } } }
        actors(filter: { nameContains: "Muster" }) { totalCount }
        tafel: actor(id: "tafel-batenbrock") { suggestionFeedback { verdict } }
        bobbie: actor(id: "bobbie-ev") { name district version collaborations { role collaboration { id } } interests { topic { id } } }
        network { nodes { entityId } }
      }`,
        { p: erased.pseudonym },
      );
      expect(after.actor).toBeNull();
      expect(after.history.totalCount).toBe(0);
      expect(after.erased.nodes.map((r: { operation: string }) => r.operation)).toEqual(['ERASE', 'UPDATE', 'IMPORT']);
      expect(JSON.stringify(after.erased)).not.toMatch(/Maria|Muster|0171|maria@example/);
      expect(after.treff.participants.map((p: { actor: { id: string } }) => p.actor.id).sort()).toEqual([
        'bobbie-ev',
        'stadt-bottrop',
        'tafel-batenbrock',
      ]);
      const treffText = JSON.stringify(after.treffHistory);
      expect(treffText).not.toContain('maria');
      expect(treffText).toContain(`participant:${erased.pseudonym}`);
      expect(after.actors.totalCount).toBe(0);
      expect(after.tafel.suggestionFeedback).toEqual([]);
      expect(after.bobbie).toEqual(bobbieBefore.actor);
      expect(after.network.nodes.map((n: { entityId: string }) => n.entityId)).not.toContain('maria-muster');
      // The exports do not know her either.
      const [json] = await exportFiles(a, 'JSON');
      expect(json.content).not.toMatch(/maria|Maria/);
    });

    test('GDPR: erasure redacts merged duplicates and works for a deleted person or one made a GROUP; history shows none of them', async () => {
      const a = await start(batenbrock);
      const person =
        'kind: PERSON, name: "Jördis Quellmann", contact: "joerdis@example.org", description: "Tel. 0171 5550123"';
      await a.data(
        `mutation { a: createActor(input: { id: "joerdis", ${person} }) { id } b: createActor(input: { id: "joerdis-dup", ${person} }) { id } }`,
      );
      await a.data(`mutation { mergeActors(keepId: "joerdis", mergeIds: ["joerdis-dup"]) { id } }`);
      const HISTORY = `query($id: ID!) { history(entityId: $id) { totalCount nodes { entityId operation changes { field before after } } } }`;
      expect(JSON.stringify((await a.data(HISTORY, { id: 'joerdis-dup' })).history)).toContain('joerdis@example.org');
      expect(
        (await a.data(PERSONAL, { id: 'joerdis' })).personalData.history.map((r: { entityId: string }) => r.entityId),
      ).toContain('joerdis-dup');

      const erased = (await a.data(ERASE_ALL, { id: 'joerdis' })).eraseActor;
      expect(erased.mergedActorsErased).toBe(1);
      for (const id of ['joerdis', 'joerdis-dup']) expect((await a.data(HISTORY, { id })).history.totalCount).toBe(0);
      const pseudonymHistory = JSON.stringify((await a.data(HISTORY, { id: erased.pseudonym })).history);
      expect(pseudonymHistory).toContain('MERGED_INTO');
      expect(pseudonymHistory).not.toMatch(/Jördis|Quellmann|joerdis|0171/);

      // Deleted first, then asked for and erased from the history alone.
      await a.data(
        `mutation { createActor(input: { id: "paul", kind: PERSON, name: "Paul Beispiel", contact: "paul@example.org" }) { id } }`,
      );
      await a.data(`mutation { deleteActor(id: "paul") }`);
      const paul = (await a.data(PERSONAL, { id: 'paul' })).personalData;
      expect(paul.actor).toBeNull();
      expect(paul.history.map((r: { operation: string }) => r.operation)).toEqual(['DELETE', 'CREATE']);
      expect(JSON.parse(paul.document).actor).toBeNull();
      const paulErased = (await a.data(ERASE_ALL, { id: 'paul' })).eraseActor;
      expect((await a.data(HISTORY, { id: 'paul' })).history.totalCount).toBe(0);
      expect(JSON.stringify((await a.data(HISTORY, { id: paulErased.pseudonym })).history)).not.toMatch(/Paul|paul@/);
      expect(errorCodes(await a.run(PERSONAL, { id: 'paul' }))).toEqual(['NOT_FOUND']);

      // A person an editor turned into a GROUP was still a person.
      await a.data(`mutation { createActor(input: { id: "lea", kind: PERSON, name: "Lea Probe" }) { id } }`);
      await a.data(`mutation { updateActor(id: "lea", input: { kind: GROUP }) { kind } }`);
      await a.data(ERASE_ALL, { id: 'lea' });
      expect((await a.data(`{ actor(id: "lea") { id } }`)).actor).toBeNull();
      expect((await a.data(HISTORY, { id: 'lea' })).history.totalCount).toBe(0);
    });
  });
}
