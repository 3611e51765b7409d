/**
 * Words that depend on something: the API's enum values (kinds, roles) as the page says them,
 * counted nouns, and sentences whose words depend on a number (`tn()`, i18n.ts).
 */
import type { Lang } from './i18n';

export const enums: Record<Lang, Record<string, string>> = {
  de: {
    ASSOCIATION: 'Verein / Verband',
    AGENCY: 'Agentur / Quartiersbüro',
    CITY_DEPARTMENT: 'Städtisches Amt',
    INSTITUTION: 'Einrichtung',
    INITIATIVE: 'Initiative',
    BUSINESS: 'Unternehmen',
    FUNDER: 'Fördergeber',
    GROUP: 'Gruppe',
    PERSON: 'Person',
    CONFERENCE: 'Konferenz',
    MEETING: 'Treffen',
    PROJECT: 'Projekt',
    EVENT: 'Veranstaltung',
    FUNDING: 'Förderung',
    WORKING_GROUP: 'Arbeitskreis',
    JURY: 'Jury',
    COOPERATION: 'Kooperation',
    ORGANISER: 'Organisation',
    HOST: 'Gastgeber',
    PARTICIPANT: 'Teilnahme',
    MEMBER: 'Mitglied',
  },
  en: {
    ASSOCIATION: 'Association',
    AGENCY: 'Agency',
    CITY_DEPARTMENT: 'City department',
    INSTITUTION: 'Institution',
    INITIATIVE: 'Initiative',
    BUSINESS: 'Business',
    FUNDER: 'Funder',
    GROUP: 'Group',
    PERSON: 'Person',
    CONFERENCE: 'Conference',
    MEETING: 'Meeting',
    PROJECT: 'Project',
    EVENT: 'Event',
    FUNDING: 'Funding',
    WORKING_GROUP: 'Working group',
    JURY: 'Jury',
    COOPERATION: 'Cooperation',
    ORGANISER: 'Organiser',
    HOST: 'Host',
    PARTICIPANT: 'Participant',
    MEMBER: 'Member',
    FUNDER_ROLE: 'Funder',
  },
};
enums.de.FUNDER_ROLE = 'Förderung';

/** Nouns that are counted: singular and plural, German and English. */
export const NOUNS = {
  de: {
    actor: ['Akteur', 'Akteure'],
    link: ['Verbindung', 'Verbindungen'],
    topic: ['Thema', 'Themen'],
    group: ['Gruppe', 'Gruppen'],
    collaboration: ['Zusammenarbeit', 'Zusammenarbeiten'],
    step: ['Schritt', 'Schritte'],
    partner: ['Partner', 'Partner'],
    problem: ['Problem', 'Probleme'],
  },
  en: {
    actor: ['actor', 'actors'],
    link: ['link', 'links'],
    topic: ['topic', 'topics'],
    group: ['group', 'groups'],
    collaboration: ['collaboration', 'collaborations'],
    step: ['step', 'steps'],
    partner: ['partner', 'partners'],
    problem: ['problem', 'problems'],
  },
} as const satisfies Record<Lang, Record<string, readonly [string, string]>>;
export type Noun = keyof (typeof NOUNS)['de'];

/**
 * Sentences whose words depend on a number: `zero` (when given) for 0, else the form
 * Intl.PluralRules picks (`one`, `other`). `{n}` is the number, written the page's way.
 */
export interface PluralText {
  zero?: string;
  one: string;
  other: string;
}
export const pluralDe = {
  'handover.stay': {
    one: 'Niemand verliert den Anschluss.',
    other:
      'Niemand verliert den Anschluss: Die übrigen {n} Akteure des zusammenhängenden Netzwerks bleiben miteinander verbunden.',
  },
  'handover.apart': {
    one: '1 Akteur hatte schon vorher keine Verbindung zum übrigen Netzwerk und ist nicht mitgezählt.',
    other: '{n} Akteure hatten schon vorher keine Verbindung zum übrigen Netzwerk und sind nicht mitgezählt.',
  },
  'handover.drops': {
    one: '1 Akteur verliert den Anschluss an das übrige Netzwerk.',
    other: '{n} Akteure verlieren den Anschluss an das übrige Netzwerk.',
  },
  'handover.dropsAlone': {
    one: '1 Akteur verliert jeden Partner und damit den Anschluss an das übrige Netzwerk.',
    other: '{n} Akteure verlieren jeden Partner und damit den Anschluss an das übrige Netzwerk.',
  },
  'handover.ofThemAlone': {
    one: 'Davon hat 1 danach gar keinen Partner mehr.',
    other: 'Davon haben {n} danach gar keinen Partner mehr.',
  },
  'handover.groups': {
    one: '1 Gruppe mit {sizes} Akteuren hängt nur noch untereinander zusammen.',
    other: '{n} Gruppen mit {sizes} Akteuren hängen nur noch jeweils untereinander zusammen.',
  },
  'handover.rank': {
    one: 'Platz {n} (vorher {before})',
    other: 'Platz {n} (vorher {before})',
  },
  'handover.rankSame': { one: 'Platz {n} (wie vorher)', other: 'Platz {n} (wie vorher)' },
  'handover.onPaths': {
    one: 'liegt auf {p} % der kürzesten Wege zwischen zwei anderen Akteuren (vorher {q} %)',
    other: 'liegt auf {p} % der kürzesten Wege zwischen zwei anderen Akteuren (vorher {q} %)',
  },
  'handover.lostAll': { one: 'Verliert seinen einzigen Partner.', other: 'Verliert alle {n} Partner.' },
  'handover.lostSome': {
    one: 'Verliert {lost} von {n} Partnern; {p} % seiner Zusammenarbeiten liefen mit den Herausgenommenen.',
    other: 'Verliert {lost} von {n} Partnern; {p} % seiner Zusammenarbeiten liefen mit den Herausgenommenen.',
  },
  'suggest.morePartners': { one: '{names} und 1 weiteren Partner', other: '{names} und {n} weiteren Partnern' },
  'suggest.moreTopics': { one: '{names} und 1 weiteres', other: '{names} und {n} weitere' },
  'status.unclustered': {
    one: '1 Akteur ohne Verbindung ist nicht gezeigt',
    other: '{n} Akteure ohne Verbindung sind nicht gezeigt',
  },
  'panel.collaborationsMore': {
    one: '1 weitere Zusammenarbeit anzeigen',
    other: '{n} weitere Zusammenarbeiten anzeigen',
  },
  'panel.collaborationsShown': {
    one: '{shown} von 1 Zusammenarbeit gezeigt',
    other: '{shown} von {n} Zusammenarbeiten gezeigt',
  },
} satisfies Record<string, PluralText>;
export type PluralKey = keyof typeof pluralDe;

export const pluralEn: Record<PluralKey, PluralText> = {
  'handover.stay': {
    one: 'Nobody loses the connection.',
    other: 'Nobody loses the connection: the other {n} actors of the connected network stay connected with each other.',
  },
  'handover.apart': {
    one: '1 actor had no connection to the rest of the network before either and is not counted.',
    other: '{n} actors had no connection to the rest of the network before either and are not counted.',
  },
  'handover.drops': {
    one: '1 actor loses its connection to the rest of the network.',
    other: '{n} actors lose their connection to the rest of the network.',
  },
  'handover.dropsAlone': {
    one: '1 actor loses every partner and with them its connection to the rest of the network.',
    other: '{n} actors lose every partner and with them their connection to the rest of the network.',
  },
  'handover.ofThemAlone': {
    one: 'Of them, 1 has no partner left at all.',
    other: 'Of them, {n} have no partner left at all.',
  },
  'handover.groups': {
    one: '1 group of {sizes} actors now only hangs together among themselves.',
    other: '{n} groups of {sizes} actors now only hang together each among themselves.',
  },
  'handover.rank': { one: 'place {n} (before: {before})', other: 'place {n} (before: {before})' },
  'handover.rankSame': { one: 'place {n} (as before)', other: 'place {n} (as before)' },
  'handover.onPaths': {
    one: 'lies on {p} % of the shortest paths between two other actors (before: {q} %)',
    other: 'lies on {p} % of the shortest paths between two other actors (before: {q} %)',
  },
  'handover.lostAll': { one: 'Loses its only partner.', other: 'Loses all {n} partners.' },
  'handover.lostSome': {
    one: 'Loses {lost} of its {n} partner; {p} % of its collaborations were with those taken out.',
    other: 'Loses {lost} of its {n} partners; {p} % of its collaborations were with those taken out.',
  },
  'suggest.morePartners': { one: '{names} and 1 more partner', other: '{names} and {n} more partners' },
  'suggest.moreTopics': { one: '{names} and 1 more', other: '{names} and {n} more' },
  'status.unclustered': {
    one: '1 actor without links is not shown',
    other: '{n} actors without links are not shown',
  },
  'panel.collaborationsMore': { one: 'Show 1 more collaboration', other: 'Show {n} more collaborations' },
  'panel.collaborationsShown': {
    one: '{shown} of 1 collaboration shown',
    other: '{shown} of {n} collaborations shown',
  },
};
