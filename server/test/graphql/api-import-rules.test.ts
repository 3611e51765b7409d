/**
 * One rule for the API and the import: a website given as a bare host (as spreadsheets and people
 * write it) gets https:// in both, other schemes are refused in both; a new actor's id is readable,
 * made from its name, and unique; an unknown participant is named by its place in the list.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import { embeddedHarness } from '../support/stores';
import { toGermanExcel } from '../../src/features/transfer/csv-excel';
import type { CsvFile } from '../../src/features/transfer/csv-write';

const CREATE = `mutation C($input: CreateActorInput!) { createActor(input: $input) { id website } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { website } }`;
const IMPORT = `mutation I($files: [ImportFileInput!]!) { importNetwork(format: CSV, files: $files) { applied rejected { row field reason } } }`;

describe('website: one rule for the API and the import', () => {
  let api: TestApi;
  useSeededApi(embeddedHarness(), batenbrock, (started) => (api = started));

  {
    test('createActor and updateActor add https:// to a bare host, as the import does', async () => {
      const { createActor } = await api.data(CREATE, {
        input: { name: 'Lesepaten Batenbrock', kind: 'INITIATIVE', website: 'lesepaten-batenbrock.de' },
      });
      expect(createActor.website).toBe('https://lesepaten-batenbrock.de');
      const { updateActor } = await api.data(UPDATE, {
        id: createActor.id,
        input: { website: 'www.lesepaten.de/kinder' },
      });
      expect(updateActor.website).toBe('https://www.lesepaten.de/kinder');

      const imported = await api.data(IMPORT, {
        files: [{ name: 'a.csv', content: 'Name;Art;Webseite\nLesepaten Süd;Initiative;lesepaten-sued.de\n' }],
      });
      expect(imported.importNetwork.applied).toBe(true);
      const { actor } = await api.data('{ actor(id: "lesepaten-sud") { website } }');
      expect(actor.website).toBe('https://lesepaten-sued.de');
    });

    test('another scheme or no host is refused by both', async () => {
      for (const website of ['javascript:alert(1)', 'ftp://example.org', 'nicht erreichbar']) {
        const response = await api.run(CREATE, { input: { name: 'X', kind: 'GROUP', website } });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].extensions?.field).toBe('website');
        const imported = await api.data(IMPORT, {
          files: [{ name: 'a.csv', content: `Name;Art;Webseite\nY;Gruppe;${website}\n` }],
        });
        expect(imported.importNetwork.rejected.map((r: { field: string }) => r.field)).toEqual(['Webseite']);
      }
    });
  }
});

describe('ids and references: readable ids from names, unknown participants by their place', () => {
  let api: TestApi;
  useSeededApi(embeddedHarness(), batenbrock, (started) => (api = started));

  test('createActor makes a readable, unique id from the name, as the import does', async () => {
    const first = (await api.data(CREATE, { input: { name: 'Lesepaten Großenbrock', kind: 'INITIATIVE' } }))
      .createActor;
    const second = (await api.data(CREATE, { input: { name: 'Lesepaten Großenbrock', kind: 'INITIATIVE' } }))
      .createActor;
    expect(first.id).toBe('lesepaten-grossenbrock');
    expect(second.id).toBe('lesepaten-grossenbrock-2');
    // The import's id for the same name is the same slug.
    const imported = await api.data(IMPORT, {
      files: [{ name: 'a.csv', content: 'Name;Art\nTafel Nord;Initiative\n' }],
    });
    expect(imported.importNetwork.applied).toBe(true);
    const created = (await api.data(CREATE, { input: { name: 'Tafel Nord', kind: 'INITIATIVE' } })).createActor;
    expect(created.id).toBe('tafel-nord-2');
    const symbols = (await api.data(CREATE, { input: { name: '???', kind: 'GROUP' } })).createActor;
    expect(symbols.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an unknown participant is named by its place: participants[2].actorId', async () => {
    const response = await api.run(
      `mutation($i: CreateCollaborationInput!) { createCollaboration(input: $i) { id } }`,
      {
        i: {
          title: 'Treffen',
          kind: 'MEETING',
          participants: [{ actorId: 'bobbie-ev' }, { actorId: 'stadt-bottrop' }, { actorId: 'niemand' }],
        },
      },
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.errors![0].extensions?.field).toBe('participants[2].actorId');
    expect(response.errors![0].message).toContain('niemand');
  });
});

describe('the German Excel CSV export reads back unchanged', () => {
  let api: TestApi;
  useSeededApi(embeddedHarness(), batenbrock, (started) => (api = started));

  test('export CSV → German Excel dialect (; BOM, German headers, kinds and dates) → import dry run: everything unchanged', async () => {
    const { exportNetwork } = await api.data('{ exportNetwork(format: CSV) { files { name content } } }');
    const files = exportNetwork.files.map((f: { name: string; content: string }) => {
      const excel = toGermanExcel({
        table: f.name.replace('.csv', '') as CsvFile['table'],
        name: f.name,
        content: f.content,
      });
      return { name: f.name, content: excel.content };
    });
    expect(files.find((f: { name: string }) => f.name === 'actors.csv').content).toMatch(/^\ufeffID;Name;Art;/);
    const { importNetwork } = await api.data(
      `mutation I($files: [ImportFileInput!]!) { importNetwork(format: CSV, files: $files, dryRun: true) { rejectedTotal counts { table created updated unchanged } } }`,
      { files },
    );
    expect(importNetwork.rejectedTotal).toBe(0);
    for (const c of importNetwork.counts)
      expect({ table: c.table, created: c.created, updated: c.updated }).toEqual({
        table: c.table,
        created: 0,
        updated: 0,
      });
  });
});
