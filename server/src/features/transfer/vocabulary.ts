/**
 * The words an import understands: column headers (German and English) per table, and the German
 * (and English) words for actor kinds, collaboration kinds and roles. Everything is compared after
 * `wordKey`: case, umlauts, accents, spaces, punctuation and gender endings (*in, :innen, …) ignored,
 * so "Art", "ART", "Akteur*in", "E-Mail" and "e mail" all match.
 */
import {
  ACTOR_KINDS,
  COLLABORATION_KINDS,
  PARTICIPATION_ROLES,
  type ActorKind,
  type CollaborationKind,
  type ParticipationRole,
} from '../../domain/model';
import { nameKey } from '../../domain/text';

/** The folded form words are compared in. */
export function wordKey(word: string): string {
  return nameKey(word)
    .replace(/[*:_/]-?in(nen)?\b/g, '') // Akteur*in, Teilnehmer:innen, Veranstalter/-in
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Tables and their columns

export const TABLES = ['actors', 'topics', 'collaborations', 'participations'] as const;
export type TableName = (typeof TABLES)[number];

export const COLUMNS = {
  actors: ['id', 'name', 'kind', 'description', 'district', 'website', 'contact', 'topics'],
  topics: ['id', 'name', 'aliases'],
  collaborations: ['id', 'title', 'kind', 'startDate', 'endDate', 'location', 'description', 'topics', 'participants'],
  participations: ['collaboration', 'actor', 'role'],
} as const satisfies Record<TableName, readonly string[]>;

export type Column<T extends TableName = TableName> = (typeof COLUMNS)[T][number];

/** Header words per table and column (the column's own name is always accepted too). */
const HEADERS: { [T in TableName]: { [C in Column<T>]: readonly string[] } } = {
  actors: {
    id: ['ID', 'Kennung', 'Akteur-ID', 'actorId'],
    name: ['Name', 'Akteur', 'Akteurin', 'Organisation', 'Bezeichnung'],
    kind: ['Art', 'Typ', 'Akteursart', 'Akteurstyp', 'type'],
    description: ['Beschreibung'],
    district: ['Stadtteil', 'Quartier', 'Bezirk', 'Ortsteil'],
    website: ['Webseite', 'Website', 'Homepage', 'Internetseite', 'Internet', 'URL'],
    contact: ['Kontakt', 'E-Mail', 'Email', 'Ansprechpartner', 'Ansprechperson'],
    topics: ['Themen', 'Interessen', 'interests', 'topicIds'],
  },
  topics: {
    id: ['ID', 'Kennung', 'Themen-ID', 'topicId'],
    name: ['Thema', 'Name', 'topic'],
    aliases: ['Aliase', 'Alias', 'Aliasse', 'Synonyme', 'Schlagworte', 'Stichworte'],
  },
  collaborations: {
    id: ['ID', 'Kennung', 'Kooperations-ID', 'collaborationId'],
    title: ['Titel', 'Zusammenarbeit', 'Vorhaben'],
    kind: ['Art', 'Typ', 'Format', 'type'],
    startDate: ['Beginn', 'Von', 'Start', 'Datum', 'Startdatum', 'start', 'date', 'from'],
    endDate: ['Ende', 'Bis', 'Enddatum', 'end', 'to'],
    location: ['Ort', 'Veranstaltungsort'],
    description: ['Beschreibung'],
    topics: ['Themen', 'topicIds'],
    participants: ['Beteiligte', 'Teilnehmende', 'Akteure', 'Partner'],
  },
  participations: {
    collaboration: ['Kooperation', 'Zusammenarbeit', 'Kooperations-ID', 'collaborationId', 'Veranstaltung'],
    actor: ['Akteur', 'Akteurin', 'Teilnehmer', 'Teilnehmende', 'actorId', 'Organisation'],
    role: ['Rolle', 'Funktion'],
  },
};

/** The German header of a column (the first of its words): what the German Excel export writes. */
export function germanHeader(table: TableName, column: string): string {
  return (HEADERS[table] as Record<string, readonly string[]>)[column]?.[0] ?? column;
}

/** wordKey(header) → column, per table. */
const HEADER_INDEX = new Map<TableName, Map<string, string>>(
  TABLES.map((table) => {
    const index = new Map<string, string>();
    for (const [column, words] of Object.entries(HEADERS[table] as Record<string, readonly string[]>)) {
      for (const word of [column, ...words]) index.set(wordKey(word), column);
    }
    return [table, index];
  }),
);

/** The column a header names in `table`, if any. */
export function columnOf(table: TableName, header: string): string | undefined {
  return HEADER_INDEX.get(table)!.get(wordKey(header));
}

/** Header words that are English (besides the columns' own names, e.g. startDate). */
const ENGLISH_HEADERS = [
  'type',
  'interests',
  'topicIds',
  'topicId',
  'topic',
  'actorId',
  'collaborationId',
  'start',
  'date',
  'from',
  'end',
  'to',
];
/** Header words German and English files both write: they tell no language. */
const NEUTRAL_HEADERS = [
  'ID',
  'Name',
  'Website',
  'Homepage',
  'Internet',
  'URL',
  'Email',
  'E-Mail',
  'Start',
  'Format',
  'Partner',
  'Alias',
  'Institution',
  'Organisation',
];
const NEUTRAL_KEYS = new Set(NEUTRAL_HEADERS.map(wordKey));
const ENGLISH_KEYS = new Set([...TABLES.flatMap((t) => [...COLUMNS[t]]), ...ENGLISH_HEADERS].map(wordKey));
const GERMAN_KEYS = new Set(
  TABLES.flatMap((t) => Object.values(HEADERS[t] as Record<string, readonly string[]>).flat()).map(wordKey),
);

/** The language a header is written in: 'de' ("Art", "Themen"), 'en' ("kind", "topics"), or null ("ID", "Name", unknown words). */
export function headerLanguage(header: string): 'de' | 'en' | null {
  const key = wordKey(header);
  if (NEUTRAL_KEYS.has(key)) return null;
  if (ENGLISH_KEYS.has(key)) return 'en';
  return GERMAN_KEYS.has(key) ? 'de' : null;
}

/** The language of a header row: the one more of its headers are written in; null when neither is more. */
export function headersLanguage(headers: readonly string[]): 'de' | 'en' | null {
  let de = 0;
  let en = 0;
  for (const header of headers) {
    const language = headerLanguage(header);
    if (language === 'de') de++;
    else if (language === 'en') en++;
  }
  return de > en ? 'de' : en > de ? 'en' : null;
}

/** The columns that identify a row of the table: a file without them is not that table. */
export const IDENTITY: Record<TableName, ReadonlyArray<readonly string[]>> = {
  actors: [['id', 'name']],
  topics: [['id', 'name']],
  collaborations: [['id', 'title']],
  participations: [['collaboration'], ['actor']],
};

// ---------------------------------------------------------------------------------------------
// Values

function index<T extends string>(values: readonly T[], words: { [K in T]: readonly string[] }): Map<string, T> {
  const out = new Map<string, T>();
  for (const value of values) {
    for (const word of [value, value.replace(/_/g, ' '), ...words[value]]) {
      const key = wordKey(word);
      // Feminine and plural forms: Teilnehmerin, Veranstalterinnen, Mitglieder.
      for (const form of [key, `${key}in`, `${key}innen`, `${key}er`]) if (!out.has(form)) out.set(form, value);
    }
  }
  return out;
}

/** German words for the actor kinds (with the enum value and its English words). */
export const ACTOR_KIND_WORDS: { [K in ActorKind]: readonly string[] } = {
  ASSOCIATION: ['Verein', 'Verband', 'e.V.', 'Vereinigung', 'Association'],
  AGENCY: ['Agentur', 'Stadtteilagentur', 'Quartiersmanagement', 'Stadtteilbüro', 'Quartiersbüro', 'Agency'],
  CITY_DEPARTMENT: [
    'Stadtverwaltung',
    'Verwaltung',
    'Amt',
    'Fachbereich',
    'Behörde',
    'Stadt',
    'Kommune',
    'City department',
  ],
  INSTITUTION: ['Einrichtung', 'Institution', 'Schule', 'Kita', 'Kirchengemeinde'],
  INITIATIVE: ['Initiative', 'Bürgerinitiative', 'Elterninitiative'],
  BUSINESS: ['Unternehmen', 'Firma', 'Gewerbe', 'Betrieb', 'Geschäft', 'Wohnungsgesellschaft', 'Business'],
  FUNDER: ['Förderer', 'Fördermittelgeber', 'Geldgeber', 'Stiftung', 'Funder'],
  GROUP: ['Gruppe', 'Gremium', 'Group'],
  PERSON: ['Person', 'Privatperson', 'Einzelperson', 'Bewohner', 'Anwohner'],
};

export const COLLABORATION_KIND_WORDS: { [K in CollaborationKind]: readonly string[] } = {
  CONFERENCE: ['Konferenz', 'Stadtteilkonferenz', 'Tagung', 'Conference'],
  MEETING: ['Treffen', 'Sitzung', 'Besprechung', 'Netzwerktreffen', 'Meeting'],
  PROJECT: ['Projekt', 'Maßnahme', 'Project'],
  EVENT: ['Veranstaltung', 'Fest', 'Aktion', 'Event'],
  FUNDING: ['Förderung', 'Finanzierung', 'Fonds', 'Funding'],
  WORKING_GROUP: ['Arbeitskreis', 'Arbeitsgruppe', 'AG', 'Runder Tisch', 'Working group'],
  JURY: ['Jury', 'Vergabegremium'],
  COOPERATION: ['Kooperation', 'Zusammenarbeit', 'Partnerschaft', 'Cooperation'],
};

export const ROLE_WORDS: { [K in ParticipationRole]: readonly string[] } = {
  ORGANISER: ['Veranstalter', 'Organisator', 'Ausrichter', 'Leitung', 'Organizer', 'Organiser'],
  HOST: ['Gastgeber', 'Host'],
  PARTICIPANT: ['Teilnehmer', 'Teilnehmende', 'Teilnahme', 'Beteiligt', 'Participant'],
  FUNDER: ['Förderer', 'Förderin', 'Fördergeber', 'Geldgeber', 'Finanzierer', 'Funder'],
  MEMBER: ['Mitglied', 'Member'],
};

const ACTOR_KIND_INDEX = index(ACTOR_KINDS, ACTOR_KIND_WORDS);
const COLLABORATION_KIND_INDEX = index(COLLABORATION_KINDS, COLLABORATION_KIND_WORDS);
const ROLE_INDEX = index(PARTICIPATION_ROLES, ROLE_WORDS);

export const actorKindOf = (word: string): ActorKind | undefined => ACTOR_KIND_INDEX.get(wordKey(word));
export const collaborationKindOf = (word: string): CollaborationKind | undefined =>
  COLLABORATION_KIND_INDEX.get(wordKey(word));
export const roleOf = (word: string): ParticipationRole | undefined => ROLE_INDEX.get(wordKey(word));

/** "Verein, Agentur, … (or ASSOCIATION, AGENCY, …)" for error messages. */
export function acceptedWords<T extends string>(words: { [K in T]: readonly string[] }): string {
  const keys = Object.keys(words) as T[];
  return `${keys.map((k) => words[k][0]).join(', ')} (or ${keys.join(', ')})`;
}
