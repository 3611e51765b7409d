/**
 * The import's row report speaks the language of the files' headers: German for "Name;Art;…",
 * English for "name,kind,…" (and for JSON). Every message exists in both languages (the catalogue's
 * types say so; here every one is called and the German one checked for English left in it), and
 * the same faulty files — read, checked and resolved against a real embedded store — are reported
 * in German with German headers and in English with English ones.
 */
import { runImport } from '../../src/features/transfer/import-job';
import { DE, EN, type ReportMessages } from '../../src/features/transfer/report-messages';
import { ACTOR_KIND_WORDS, acceptedWords, headersLanguage } from '../../src/features/transfer/vocabulary';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';

/** One call of every message (a key missing here does not compile). */
const SAMPLES: { [K in keyof ReportMessages]: Parameters<ReportMessages[K]> } = {
  notCsv: ['Invalid Closing Quote'],
  notXlsx: ['ZIP'],
  emptyFile: [],
  noSheetWithData: [],
  noTable: [],
  tablesTie: [['actors', 'topics']],
  sameColumn: ['Art', 'Typ', 'actors', 'kind'],
  tooManyCells: [5],
  columnNotRead: ['a.csv', 'Notiz', 'actors'],
  sheetNotRead: ['Netz.xlsx [Hinweise]', 'x'],
  notText: [42],
  tooLong: [200, 250],
  notAnId: ['a b'],
  isEmpty: [],
  textProblem: ['must not contain control characters or line breaks'],
  notAWord: ['Vereinn', 'actorKind', 'Verein', acceptedWords(ACTOR_KIND_WORDS)],
  notADate: ['32.1.2024'],
  notAWebAddress: ['kaputt'],
  notAList: [],
  tooManyEntries: [600, 500],
  listsTwice: ['Umwelt'],
  badWeight: [2],
  weightOnCollaborationTopic: ['Umwelt (0,5)'],
  notATopic: [{ x: 1 }, true],
  notAParticipant: [{ x: 1 }],
  needsNameOrId: ['actor'],
  needsTitleOrId: [],
  endWithoutStart: [],
  endBeforeStart: ['2024-01-01', '2024-02-01'],
  noIdFrom: ['!!!'],
  storedActorsNamed: [2, 'Tafel', ['tafel', 'tafel-2']],
  storedCollaborationsTitled: [2, 'Fest', ['fest', 'fest-2']],
  idTwice: ['actor', 'tafel', 'a.csv', 2],
  storedTopic: ['Garten', 'garten'],
  topicInFile: ['Garten', 't.csv', 2],
  sameTopicName: ['GARTEN', 'x'],
  newNeeds: ['collaboration', 'fest', 'kind'],
  unknownReference: ['actor', 'Tafl', 'Tafel'],
  ambiguousReference: ['topic', 'Garten', ['garten', 'garten-2']],
  listedTwice: ['topic', 'garten'],
  roleConflict: ['tafel', 'fest', 'HOST', 'k.csv', 2, 'ORGANISER'],
};

/** English words a German message must not contain (outside quoted values and {json}). */
const ENGLISH =
  /\b(is|not|the|needs?|column|row|use|add|and|or|was|read|file|unknown|listed|twice|stored|must|empty)\b/;
const call = (m: ReportMessages, key: keyof ReportMessages) =>
  (m[key] as (...args: unknown[]) => string)(...(SAMPLES[key] as unknown[]));

describe('the import report speaks the language of the headers', () => {
  test('every message exists in German and English, and the German one has no English in it', () => {
    for (const key of Object.keys(EN) as Array<keyof ReportMessages>) {
      const en = call(EN, key);
      const de = call(DE, key);
      expect({ key, differs: key === 'sheetNotRead' || de !== en }).toEqual({ key, differs: true });
      const words = de.replace(/„[^“]*“|\{[^}]*\}|"[^"]*"|\([A-Z_, ]+\)/g, '');
      expect({ key, english: ENGLISH.exec(words)?.[0] ?? null }).toEqual({ key, english: null });
    }
  });

  test('the language of a header row', () => {
    expect(headersLanguage(['Name', 'Art', 'Themen'])).toBe('de');
    expect(headersLanguage(['name', 'kind', 'topics'])).toBe('en');
    expect(headersLanguage(['Titel', 'Beginn', 'Beteiligte'])).toBe('de');
    expect(headersLanguage(['title', 'startDate', 'participants'])).toBe('en');
    expect(headersLanguage(['ID', 'Name'])).toBeNull(); // both languages write these
  });

  describe('the same faulty files, reported in their language', () => {
    let store: NetworkStore;
    beforeEach(async () => {
      store = createEmbeddedStore({ filename: ':memory:' });
      await store.init();
    });
    afterEach(() => store.close());

    const importFiles = (files: Array<{ name: string; content: string }>) =>
      runImport(files, { store, apply: (graph, options) => store.importGraph(graph, options) }, { format: 'CSV' });

    test('German headers: German messages from reading, checking and resolving', async () => {
      const report = await importFiles([
        { name: 'akteure.csv', content: 'Name;Art;Webseite;Notiz\nA;Vereinn;kaputt;x\nB;Gruppe;;;zu viel\n' },
        {
          name: 'kooperationen.csv',
          content:
            'Titel;Art;Von;Bis;Beteiligte\nFest;Veranstaltung;32.1.2024;;A\nMarkt;Veranstaltung;02.02.2024;01.02.2024;A\nLauf;;03.03.2024;;Niemand\n',
        },
      ]);
      expect(report.language).toBe('de');
      expect(report.rejected.map((r) => `${r.file} ${r.row} ${r.field}: ${r.reason}`)).toEqual([
        'akteure.csv 2 Art: „Vereinn“ ist keine Art von Akteur (meinten Sie „Verein“?): möglich sind Verein, Agentur, Stadtverwaltung, Einrichtung, Initiative, Unternehmen, Förderer, Gruppe, Person (oder ASSOCIATION, AGENCY, CITY_DEPARTMENT, INSTITUTION, INITIATIVE, BUSINESS, FUNDER, GROUP, PERSON)',
        'akteure.csv 2 Webseite: „kaputt“ ist keine Webadresse (http oder https)',
        'akteure.csv 3 null: die Zeile hat mehr Zellen, als die Kopfzeile Spalten hat (Zelle 5)',
        'kooperationen.csv 2 Von: „32.1.2024“ ist kein Datum: bitte 31.12.2021 oder 2021-12-31 schreiben',
        'kooperationen.csv 3 Bis: Bis 2024-02-01 liegt vor dem Beginn 2024-02-02',
        // An empty cell is no value: a new collaboration without a kind, and an unknown participant.
        'kooperationen.csv 4 null: Eine neue Kooperation („lauf-2024-03-03“) braucht eine Art (Spalte Art)',
        'kooperationen.csv 4 Beteiligte: unbekannter Akteur „Niemand“: weder im Import noch gespeichert',
      ]);
      expect(report.warnings).toEqual(['akteure.csv: „Notiz“ ist keine Spalte der Akteure und wurde nicht gelesen']);

      // Against the store: a stored topic's name in other capitals.
      await store.createTopic({ id: 'garten', name: 'Garten' });
      const resolved = await importFiles([{ name: 'themen.csv', content: 'ID;Thema\ngarten-2;GARTEN\n' }]);
      expect(resolved.rejected.map((r) => r.reason)).toEqual([
        '„GARTEN“ ist derselbe Themenname wie das gespeicherte Thema „Garten“ (garten) (Namen, die sich nur in Groß- und Kleinschreibung oder Akzenten unterscheiden, sind einer): bitte diesen Namen oder seine ID verwenden',
      ]);
    });

    test('English headers: the same problems in English', async () => {
      const report = await importFiles([
        { name: 'actors.csv', content: 'name,kind,website,note\nA,Vereinn,kaputt,x\nB,group,,,too much\n' },
        {
          name: 'collaborations.csv',
          content:
            'title,kind,startDate,endDate,participants\nFest,EVENT,32.1.2024,,A\nMarkt,EVENT,2024-02-02,2024-02-01,A\nLauf,,2024-03-03,,Niemand\n',
        },
      ]);
      expect(report.language).toBe('en');
      expect(report.rejected.map((r) => `${r.file} ${r.row} ${r.field}: ${r.reason.split(': use')[0]}`)).toEqual([
        'actors.csv 2 kind: "Vereinn" is not a kind of actor (did you mean "Verein"?)',
        'actors.csv 2 website: "kaputt" is not a web address (http or https)',
        'actors.csv 3 null: the row has more cells than the header row has columns (cell 5)',
        'collaborations.csv 2 startDate: "32.1.2024" is not a date: write 31.12.2021 or 2021-12-31',
        'collaborations.csv 3 endDate: endDate 2024-02-01 is before the start 2024-02-02',
        'collaborations.csv 4 null: a new collaboration ("lauf-2024-03-03") needs a kind (column Art)',
        'collaborations.csv 4 participants: unknown actor "Niemand": neither in the import nor stored',
      ]);
      expect(report.warnings).toEqual(['actors.csv: column "note" is not a column of actors and was not read']);

      await store.createTopic({ id: 'garten', name: 'Garten' });
      const resolved = await importFiles([{ name: 'topics.csv', content: 'id,topic\ngarten-2,GARTEN\n' }]);
      expect(resolved.rejected.map((r) => r.reason)).toEqual([
        '"GARTEN" is the same topic name as the stored topic "Garten" (garten) (names differing only in capitals or accents are one): use that name or its id',
      ]);
    });

    test('a file whose header row names no table: told in the language of its headers', async () => {
      const german = await importFiles([{ name: 'notizen.csv', content: 'Notiz;Datum\nx;1.1.2024\n' }]);
      expect(german.rejected[0].reason).toMatch(/^die Kopfzeile passt zu keiner Tabelle/);
      const english = await importFiles([{ name: 'notes.csv', content: 'note,end\nx,2024-01-01\n' }]);
      expect(english.rejected[0].reason).toMatch(/^the header row names no table/);
    });
  });
});
