/**
 * One website rule for createActor, updateActor and the import: a bare host as spreadsheets and
 * people write it gets https:// in both; other schemes are refused in both.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import { embeddedHarness } from '../support/stores';

const CREATE = `mutation C($input: CreateActorInput!) { createActor(input: $input) { id website } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { website } }`;
const IMPORT = `mutation I($files: [ImportFileInput!]!) { importNetwork(format: CSV, files: $files) { applied rejected { row field reason } } }`;

describe('website: one rule for the API and the import', () => {
  let api: TestApi;
  useSeededApi(embeddedHarness(), batenbrock, (started) => (api = started));

  {
    test('createActor and updateActor add https:// to a bare host, as the import does', async () => {
      const { createActor } = await api.data(CREATE, { input: { name: 'Lesepaten Batenbrock', kind: 'INITIATIVE', website: 'lesepaten-batenbrock.de' } });
      expect(createActor.website).toBe('https://lesepaten-batenbrock.de');
      const { updateActor } = await api.data(UPDATE, { id: createActor.id, input: { website: 'www.lesepaten.de/kinder' } });
      expect(updateActor.website).toBe('https://www.lesepaten.de/kinder');

      const imported = await api.data(IMPORT, { files: [{ name: 'a.csv', content: 'Name;Art;Webseite\nLesepaten Süd;Initiative;lesepaten-sued.de\n' }] });
      expect(imported.importNetwork.applied).toBe(true);
      const { actor } = await api.data('{ actor(id: "lesepaten-sud") { website } }');
      expect(actor.website).toBe('https://lesepaten-sued.de');
    });

    test('another scheme or no host is refused by both', async () => {
      for (const website of ['javascript:alert(1)', 'ftp://example.org', 'nicht erreichbar']) {
        const response = await api.run(CREATE, { input: { name: 'X', kind: 'GROUP', website } });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].extensions?.field).toBe('website');
        const imported = await api.data(IMPORT, { files: [{ name: 'a.csv', content: `Name;Art;Webseite\nY;Gruppe;${website}\n` }] });
        expect(imported.importNetwork.rejected.map((r: { field: string }) => r.field)).toEqual(['Webseite']);
      }
    });
  }
});
