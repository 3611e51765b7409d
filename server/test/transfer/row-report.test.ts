/**
 * Every refusal of an import is a row of the report, found before anything is written: topic
 * names that differ only in capitals, a collaboration with an end date and an empty start date,
 * a misspelled kind (with "meinten Sie …?"). Real import job on a real embedded store.
 */
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { runImport } from '../../src/features/transfer/import-job';

describe('import: every refusal names its row, before anything is written', () => {
  let store: NetworkStore;
  beforeEach(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    await store.createTopic({ id: 'garten', name: 'Garten' });
  });
  afterEach(() => store.close());

  const importCsv = (name: string, content: string) =>
    runImport(
      [{ name, content }],
      { store, apply: (graph, options) => store.importGraph(graph, options) },
      { format: 'CSV' },
    );

  test('topic names differing only in capitals: the second row is refused (in the file and against the store)', async () => {
    const before = await store.counts();
    const report = await importCsv('themen.csv', 'id;Thema\nsp1;SPACE\nsp2;Space\ngarten-2;GARTEN\nkultur;Kultur\n');
    expect(report.counts).toBeNull();
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'Thema'],
      [4, 'Thema'],
    ]);
    // German headers (Thema): the report in German.
    expect(report.rejected[0].reason).toContain('„Space“ ist derselbe Themenname wie „SPACE“ in themen.csv, Zeile 2');
    expect(report.rejected[1].reason).toContain('das gespeicherte Thema „Garten“ (garten)');
    expect(await store.counts()).toEqual(before);
  });

  test('an end date with an empty or absent start date is refused with its row; a stored start date is kept', async () => {
    const before = await store.counts();
    const empty = await importCsv(
      'k.csv',
      'Titel;Art;Von;Bis\nTreffen;Treffen;;2024-01-02\nFest;Veranstaltung;01.05.2024;02.05.2024\n',
    );
    expect(empty.rejected).toEqual([
      {
        file: 'k.csv',
        table: 'collaborations',
        row: 2,
        field: 'Von',
        reason: 'ist leer, aber ein Enddatum braucht ein Anfangsdatum',
      },
    ]);
    const absent = await importCsv('k2.csv', 'Titel;Art;Bis\nTreffen;Treffen;2024-01-02\n');
    expect(absent.rejected.map((r) => [r.row, r.field])).toEqual([[2, 'startDate']]);
    expect(await store.counts()).toEqual(before);

    await store.createCollaboration({
      id: 'fest',
      title: 'Fest',
      kind: 'EVENT',
      startDate: '2024-05-01',
      participants: [],
    });
    const update = await importCsv('k3.csv', 'id;Bis\nfest;2024-05-03\n');
    expect(update.rejected).toEqual([]);
    expect((await store.getCollaborations(['fest']))[0]).toMatchObject({
      startDate: '2024-05-01',
      endDate: '2024-05-03',
    });
  });

  test('a misspelled kind: "meinten Sie …?"', async () => {
    const report = await importCsv('a.csv', 'Name;Art\nX;Vereinn\nY;Inititive\nZ;Quatsch\n');
    expect(report.rejected.map((r) => r.reason.split(':')[0])).toEqual([
      '„Vereinn“ ist keine Art von Akteur (meinten Sie „Verein“?)',
      '„Inititive“ ist keine Art von Akteur (meinten Sie „Initiative“?)',
      '„Quatsch“ ist keine Art von Akteur',
    ]);
  });

  test('a misspelled actor name in the participants: "meinten Sie …?" naming the file\'s actor', async () => {
    const report = await runImport(
      [
        { name: 'akteure.csv', content: 'Name;Art\nBürgerverein Süd;Verein\nTafel Nord;Initiative\n' },
        {
          name: 'kooperationen.csv',
          content:
            'Titel;Art;Von;Beteiligte\nFest;Veranstaltung;01.05.2024;"Burgerverein Sud; Tafl Nord; Niemand Bekanntes"\n',
        },
      ],
      { store, apply: (graph, options) => store.importGraph(graph, options) },
      { format: 'CSV' },
    );
    expect(report.counts).toBeNull();
    const reasons = report.rejected.map((r) => r.reason);
    expect(reasons).toContain(
      'unbekannter Akteur „Tafl Nord“: weder im Import noch gespeichert (meinten Sie „Tafel Nord“?)',
    );
    expect(reasons).toContain('unbekannter Akteur „Niemand Bekanntes“: weder im Import noch gespeichert');
  });
});
