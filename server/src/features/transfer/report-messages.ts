/**
 * Every message the import's row report can give for a spreadsheet (CSV or Excel), in English and
 * in German. The report speaks German when the files' headers do (vocabulary.ts headerLanguage:
 * more German-only headers than English-only ones, e.g. "Name;Art;Themen"), English otherwise
 * ("id;name;kind", a JSON document — its keys are English). `DE` has the type of `EN`, so a
 * message missing in one language does not compile.
 *
 * Field messages follow the column's name as the file writes it ("Art ist leer", "kind is empty"),
 * unless they start with a quoted value.
 */
import type { ParticipationRole } from '../../domain/model';
import { ROLE_WORDS, type TableName } from './vocabulary';

export type Language = 'de' | 'en';
export type WordKind = 'actorKind' | 'collaborationKind' | 'role';
export type RecordKind = 'topic' | 'actor' | 'collaboration';
export type RequiredField = 'name' | 'kind' | 'title';

const json = (value: unknown) => JSON.stringify(value);

export const EN = {
  // --- reading a file ------------------------------------------------------------------------
  notCsv: (detail: string) => `not readable as CSV: ${detail}`,
  notXlsx: (detail: string) => `not readable as an Excel workbook (.xlsx): ${detail}`,
  emptyFile: () => 'the file is empty: the first row must name the columns',
  noSheetWithData: () => 'the workbook has no sheet with data',
  noTable: () =>
    'the header row names no table: actors need a Name (or ID) column, topics a Thema, collaborations a Titel, ' +
    'participations the columns Kooperation and Akteur',
  tablesTie: (tables: readonly TableName[]) =>
    `the header row fits ${tables.join(' and ')} equally; add a column only one of them has (e.g. Art for actors, Aliase for topics)`,
  sameColumn: (first: string, second: string, _table: TableName, column: string) =>
    `columns "${first}" and "${second}" both mean ${column}`,
  tooManyCells: (cell: number) => `the row has more cells than the header row has columns (cell ${cell})`,
  columnNotRead: (file: string, header: string, table: TableName) =>
    `${file}: column "${header}" is not a column of ${table} and was not read`,
  sheetNotRead: (sheet: string, reasons: string) => `${sheet}: ${reasons} — the sheet was not read`,

  // --- one field -------------------------------------------------------------------------------
  notText: (value: unknown) => `must be text, not ${json(value)}`,
  tooLong: (max: number, length: number) => `is longer than ${max} characters (${length})`,
  notAnId: (text: string) =>
    `"${text}" is not an id: letters, digits and . _ : - only, starting with a letter or digit`,
  isEmpty: () => 'is empty',
  /** domain/validation.ts textProblem's messages are English already. */
  textProblem: (problem: string) => problem,
  notAWord: (value: string, kind: WordKind, guess: string | null, accepted: string) =>
    `"${value}" is not ${{ actorKind: 'a kind of actor', collaborationKind: 'a kind of collaboration', role: 'a role' }[kind]}${guess ? ` (did you mean "${guess}"?)` : ''}: use ${accepted}`,
  notADate: (value: string) => `"${value}" is not a date: write 31.12.2021 or 2021-12-31`,
  notAWebAddress: (value: string) => `"${value}" is not a web address (http or https)`,
  notAList: () => 'must be a list',
  tooManyEntries: (count: number, max: number) => `lists ${count} entries; at most ${max}`,
  listsTwice: (item: string) => `lists "${item}" twice`,
  badWeight: (value: unknown) => `weight must be a number in (0, 1], not ${json(value)}`,
  weightOnCollaborationTopic: (entry: string) => `"${entry}": topics of a collaboration have no weight`,
  notATopic: (entry: unknown, withWeight: boolean) =>
    `${json(entry)} is not a topic${withWeight ? ' (a name, an id, or {topicId, weight})' : ' (a name or an id)'}`,
  notAParticipant: (entry: unknown) => `${json(entry)} is not a participant (a name or an id, or {actorId, role})`,

  // --- one row ---------------------------------------------------------------------------------
  needsNameOrId: (kind: 'actor' | 'topic') => `a${kind === 'actor' ? 'n' : ''} ${kind} needs a name or an id`,
  needsTitleOrId: () => 'a collaboration needs a title or an id',
  endWithoutStart: () => 'is empty, but an end date needs a start date',
  endBeforeStart: (end: string, start: string) => `${end} is before the start ${start}`,

  // --- ids and references (against the file and the store) ----------------------------------
  noIdFrom: (name: string) => `cannot make an id from "${name}": add an id column`,
  storedActorsNamed: (count: number, name: string, ids: readonly string[]) =>
    `${count} stored actors are named "${name}" (${ids.join(', ')}): add an id column`,
  storedCollaborationsTitled: (count: number, title: string, ids: readonly string[]) =>
    `${count} stored collaborations are titled "${title}" (${ids.join(', ')}): add an id or a start date`,
  idTwice: (kind: RecordKind, id: string, file: string, row: number) =>
    `${kind} "${id}" is already in ${file} row ${row}`,
  storedTopic: (name: string, id: string) => `the stored topic "${name}" (${id})`,
  topicInFile: (name: string, file: string, row: number) => `"${name}" in ${file} row ${row}`,
  sameTopicName: (name: string, where: string) =>
    `"${name}" is the same topic name as ${where} (names differing only in capitals or accents are one): use that name or its id`,
  newNeeds: (kind: RecordKind, id: string, field: RequiredField) =>
    `a new ${kind} ("${id}") needs a ${{ name: kind === 'topic' ? 'name (column Thema)' : 'name (column Name)', kind: 'kind (column Art)', title: 'title (column Titel)' }[field]}`,
  unknownReference: (kind: RecordKind, ref: string, guess: string | null) =>
    `unknown ${kind} "${ref}": neither in the import nor stored${guess ? ` (did you mean "${guess}"?)` : ''}`,
  ambiguousReference: (kind: RecordKind, ref: string, ids: readonly string[]) =>
    `"${ref}" fits ${ids.length} ${kind}s (${ids.join(', ')}): use the id`,
  listedTwice: (kind: RecordKind, id: string) => `${kind} "${id}" is listed twice`,
  roleConflict: (
    actorId: string,
    collaborationId: string,
    before: ParticipationRole,
    file: string,
    row: number,
    role: ParticipationRole,
  ) => `actor "${actorId}" takes part in "${collaborationId}" as ${before} in ${file} row ${row}, here as ${role}`,
};

export type ReportMessages = typeof EN;

const TABLE_DE: Record<TableName, string> = {
  actors: 'Akteure',
  topics: 'Themen',
  collaborations: 'Kooperationen',
  participations: 'Teilnahmen',
};
/** The German column names (the headers the German Excel export writes). */
const COLUMN_DE: Record<string, string> = {
  id: 'ID',
  name: 'Name',
  kind: 'Art',
  description: 'Beschreibung',
  district: 'Stadtteil',
  website: 'Webseite',
  contact: 'Kontakt',
  topics: 'Themen',
  aliases: 'Aliase',
  title: 'Titel',
  startDate: 'Beginn',
  endDate: 'Ende',
  location: 'Ort',
  participants: 'Beteiligte',
  collaboration: 'Kooperation',
  actor: 'Akteur',
  role: 'Rolle',
};
/** domain/validation.ts textProblem's messages, in German. */
const TEXT_PROBLEMS_DE: Record<string, string> = {
  'must not contain control characters other than line breaks and tabs':
    'darf außer Zeilenumbrüchen und Tabulatoren keine Steuerzeichen enthalten',
  'must not contain control characters or line breaks': 'darf keine Steuerzeichen und keine Zeilenumbrüche enthalten',
  'must not contain bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069)':
    'darf keine Steuerzeichen für die Schreibrichtung enthalten (U+202A–U+202E, U+2066–U+2069)',
  'must be valid Unicode text': 'muss gültiger Unicode-Text sein',
  'must not consist of invisible characters only': 'darf nicht nur aus unsichtbaren Zeichen bestehen',
};
/** A record kind in German: the noun, its plural, and with the adjectives' endings its gender asks for. */
const KIND_DE: Record<RecordKind, { noun: string; plural: string; unknown: string; new: string }> = {
  topic: { noun: 'Thema', plural: 'Themen', unknown: 'unbekanntes Thema', new: 'Ein neues Thema' },
  actor: { noun: 'Akteur', plural: 'Akteure', unknown: 'unbekannter Akteur', new: 'Ein neuer Akteur' },
  collaboration: {
    noun: 'Kooperation',
    plural: 'Kooperationen',
    unknown: 'unbekannte Kooperation',
    new: 'Eine neue Kooperation',
  },
};
const roleDe = (role: ParticipationRole) => ROLE_WORDS[role][0];
const rowDe = (file: string, row: number) => `${file}, Zeile ${row}`;

export const DE: ReportMessages = {
  notCsv: (detail) => `nicht als CSV lesbar: ${detail}`,
  notXlsx: (detail) => `nicht als Excel-Mappe (.xlsx) lesbar: ${detail}`,
  emptyFile: () => 'die Datei ist leer: die erste Zeile muss die Spalten benennen',
  noSheetWithData: () => 'die Mappe hat kein Blatt mit Daten',
  noTable: () =>
    'die Kopfzeile passt zu keiner Tabelle: Akteure brauchen eine Spalte Name (oder ID), Themen eine Spalte Thema, ' +
    'Kooperationen eine Spalte Titel, Teilnahmen die Spalten Kooperation und Akteur',
  tablesTie: (tables) =>
    `die Kopfzeile passt gleich gut zu ${tables.map((t) => TABLE_DE[t]).join(' und ')}; bitte eine Spalte ergänzen, die nur eine davon hat (z. B. Art für Akteure, Aliase für Themen)`,
  sameColumn: (first, second, _table, column) =>
    `die Spalten „${first}“ und „${second}“ meinen beide ${COLUMN_DE[column] ?? column}`,
  tooManyCells: (cell) => `die Zeile hat mehr Zellen, als die Kopfzeile Spalten hat (Zelle ${cell})`,
  columnNotRead: (file, header, table) =>
    `${file}: „${header}“ ist keine Spalte der ${TABLE_DE[table]} und wurde nicht gelesen`,
  sheetNotRead: (sheet, reasons) => `${sheet}: ${reasons} – das Blatt wurde nicht gelesen`,

  notText: (value) => `muss Text sein, nicht ${json(value)}`,
  tooLong: (max, length) => `ist länger als ${max} Zeichen (${length})`,
  notAnId: (text) =>
    `„${text}“ ist keine ID: nur Buchstaben, Ziffern und . _ : -, am Anfang ein Buchstabe oder eine Ziffer`,
  isEmpty: () => 'ist leer',
  textProblem: (problem) => TEXT_PROBLEMS_DE[problem] ?? problem,
  notAWord: (value, kind, guess, accepted) =>
    `„${value}“ ist ${{ actorKind: 'keine Art von Akteur', collaborationKind: 'keine Art von Kooperation', role: 'keine Rolle' }[kind]}${guess ? ` (meinten Sie „${guess}“?)` : ''}: möglich sind ${accepted.replace(' (or ', ' (oder ')}`,
  notADate: (value) => `„${value}“ ist kein Datum: bitte 31.12.2021 oder 2021-12-31 schreiben`,
  notAWebAddress: (value) => `„${value}“ ist keine Webadresse (http oder https)`,
  notAList: () => 'muss eine Liste sein',
  tooManyEntries: (count, max) => `nennt ${count} Einträge; höchstens ${max}`,
  listsTwice: (item) => `nennt „${item}“ zweimal`,
  badWeight: (value) => `das Gewicht muss eine Zahl größer 0 und höchstens 1 sein, nicht ${json(value)}`,
  weightOnCollaborationTopic: (entry) => `„${entry}“: Themen einer Kooperation haben kein Gewicht`,
  notATopic: (entry, withWeight) =>
    `${json(entry)} ist kein Thema${withWeight ? ' (ein Name, eine ID oder {topicId, weight})' : ' (ein Name oder eine ID)'}`,
  notAParticipant: (entry) => `${json(entry)} ist keine Beteiligung (ein Name oder eine ID, oder {actorId, role})`,

  needsNameOrId: (kind) => `${kind === 'actor' ? 'ein Akteur' : 'ein Thema'} braucht einen Namen oder eine ID`,
  needsTitleOrId: () => 'eine Kooperation braucht einen Titel oder eine ID',
  endWithoutStart: () => 'ist leer, aber ein Enddatum braucht ein Anfangsdatum',
  endBeforeStart: (end, start) => `${end} liegt vor dem Beginn ${start}`,

  noIdFrom: (name) => `aus „${name}“ lässt sich keine ID bilden: bitte eine Spalte ID ergänzen`,
  storedActorsNamed: (count, name, ids) =>
    `${count} gespeicherte Akteure heißen „${name}“ (${ids.join(', ')}): bitte eine Spalte ID ergänzen`,
  storedCollaborationsTitled: (count, title, ids) =>
    `${count} gespeicherte Kooperationen heißen „${title}“ (${ids.join(', ')}): bitte eine ID oder ein Anfangsdatum angeben`,
  idTwice: (kind, id, file, row) => `${KIND_DE[kind].noun} „${id}“ steht schon in ${rowDe(file, row)}`,
  storedTopic: (name, id) => `das gespeicherte Thema „${name}“ (${id})`,
  topicInFile: (name, file, row) => `„${name}“ in ${rowDe(file, row)}`,
  sameTopicName: (name, where) =>
    `„${name}“ ist derselbe Themenname wie ${where} (Namen, die sich nur in Groß- und Kleinschreibung oder Akzenten unterscheiden, sind einer): bitte diesen Namen oder seine ID verwenden`,
  newNeeds: (kind, id, field) =>
    `${KIND_DE[kind].new} („${id}“) braucht ${{ name: kind === 'topic' ? 'einen Namen (Spalte Thema)' : 'einen Namen (Spalte Name)', kind: 'eine Art (Spalte Art)', title: 'einen Titel (Spalte Titel)' }[field]}`,
  unknownReference: (kind, ref, guess) =>
    `${KIND_DE[kind].unknown} „${ref}“: weder im Import noch gespeichert${guess ? ` (meinten Sie „${guess}“?)` : ''}`,
  ambiguousReference: (kind, ref, ids) =>
    `„${ref}“ passt auf ${ids.length} ${KIND_DE[kind].plural} (${ids.join(', ')}): bitte die ID verwenden`,
  listedTwice: (kind, id) => `${KIND_DE[kind].noun} „${id}“ ist zweimal genannt`,
  roleConflict: (actorId, collaborationId, before, file, row, role) =>
    `Akteur „${actorId}“ nimmt an „${collaborationId}“ in ${rowDe(file, row)} als ${roleDe(before)} teil, hier als ${roleDe(role)}`,
};

export const reportMessages = (language: Language): ReportMessages => (language === 'de' ? DE : EN);
