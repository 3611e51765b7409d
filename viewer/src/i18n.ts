/** German (default) and English labels; `t(key, params)` and `applyI18n()` for static markup. */
export type Lang = 'de' | 'en';

const de = {
  'app.title': 'Quartiernetz',
  'app.subtitle': 'Netzwerk',
  'lang.switch': 'English',
  'lang.switchTitle': 'Switch to English',
  'search.label': 'Akteur suchen',
  'search.placeholder': 'Name eingeben …',
  'search.none': 'Kein Akteur gefunden',
  'filters.title': 'Filter',
  'filters.topics': 'Themen',
  'filters.topicsAll': 'alle Themen',
  'filters.topicsOne': '1 Thema',
  'filters.topicsSome': '{n} Themen',
  'filters.kinds': 'Art des Akteurs',
  'filters.from': 'von',
  'filters.to': 'bis',
  'filters.dates': 'Zeitraum',
  'filters.datePlaceholder': 'TT.MM.JJJJ',
  'filters.topicView': 'Themen als Knoten zeigen',
  'filters.reset': 'Filter zurücksetzen',
  'view.relayout': 'Neu anordnen',
  'view.fit': 'Alles zeigen',
  'view.egoOnly': 'Nur Ego-Netzwerk',
  'view.whole': 'Ganzes Netzwerk',
  'view.egoOf': 'Ego-Netzwerk von {name} (Tiefe {depth})',
  'export.png': 'PNG exportieren',
  'export.json': 'Daten (JSON)',
  'legend.title': 'Legende',
  'legend.topic': 'Thema',
  'legend.edge': 'Zusammenarbeit (Breite = Anzahl)',
  'legend.interest': 'Interesse an Thema',
  'legend.suggested': 'Vorgeschlagener Kontakt',
  'legend.path': 'Verbindungskette',
  'legend.size': 'Größe = Anzahl der Zusammenarbeiten',
  'status.loading': 'Netzwerk wird geladen …',
  'status.layout': 'Anordnung wird berechnet … {s} s',
  'status.empty': 'Keine Akteure für diese Auswahl. Bitte Filter ändern.',
  'status.summary': '{actors}, {edges}',
  'status.summaryTopics': '{actors}, {topics}',
  'status.summaryStrongest':
    '{actors}; gezeigt: die stärksten {edges} von {ties} Verbindungen (die stärksten je Akteur)',
  'status.large':
    'Das Netzwerk hat {n} Akteure – zu viele für eine lesbare Karte. Bitte Themen, Art oder Zeitraum filtern oder einen Akteur suchen, um sein Ego-Netzwerk zu öffnen.',
  'status.largeMore': 'mehr als {n}',
  'error.network': 'Der Server ist nicht erreichbar. Bitte Verbindung prüfen und erneut versuchen.',
  'error.server': 'Der Server meldet einen Fehler: {message}',
  'error.notFound': 'Nicht gefunden: {message}',
  'error.input': 'Ungültige Eingabe: {message}',
  'error.retry': 'Erneut versuchen',
  'error.unauthenticated': 'Für diese Karte ist ein Zugangsschlüssel nötig.',
  'key.title': 'Zugangsschlüssel',
  'key.missing':
    'Diese Karte ist nur mit einem Zugangsschlüssel (API-Key) zu sehen. Sie erhalten ihn von der Person, die Quartiernetz betreut.',
  'key.refused': 'Der Zugangsschlüssel wurde abgelehnt (unbekannt oder zurückgezogen). Bitte einen gültigen eingeben.',
  'key.label': 'Schlüssel',
  'key.submit': 'Öffnen',
  'panel.contact': 'Kontakt',
  'error.computing': 'Wird im Hintergrund berechnet – bitte in {s} s erneut versuchen.',
  'panel.close': 'Schließen',
  'panel.loading': 'Wird geladen …',
  'panel.kind': 'Art',
  'panel.district': 'Stadtteil',
  'panel.website': 'Webseite',
  'panel.topics': 'Themen',
  'panel.noTopics': 'Keine Themen erfasst.',
  'panel.collaborations': 'Zusammenarbeiten ({n})',
  'panel.noCollaborations': 'Keine Zusammenarbeiten erfasst.',
  'panel.collaborators': 'Partner',
  'panel.shared': '{n}× gemeinsam',
  'panel.ego': 'Ego-Netzwerk hervorheben',
  'panel.depth': 'Tiefe {n}',
  'panel.notInView': '(nicht in der aktuellen Ansicht)',
  'panel.path': 'Wie sind sie verbunden?',
  'panel.pathTo': 'Verbindung zu …',
  'panel.pathHint': 'Akteur wählen (oder Umschalt+Klick auf der Karte)',
  'panel.pathNone': 'Keine Verbindung zwischen {a} und {b}.',
  'panel.pathLength': '{n}',
  'panel.via': 'über „{title}“',
  'panel.suggestions': 'Kontaktvorschläge',
  'panel.suggestionsNone': 'Keine Vorschläge.',
  'panel.suggestionsUnavailable': 'Kontaktvorschläge sind auf diesem Server (noch) nicht verfügbar.',
  'panel.score': 'Punktzahl {score}',
  'panel.sharedTopics': 'Gemeinsame Themen',
  'panel.mutual': 'Gemeinsame Partner',
  'panel.show': 'Zeigen',
  'panel.open': '{name} öffnen',
  'view.clustersHint':
    'Das Netzwerk hat {n} Akteure – zu viele, um sie einzeln zu zeigen. Zu sehen sind {clusters} aus Akteuren, die eng zusammenarbeiten; ein Klick auf eine Gruppe zeigt ihre Mitglieder.',
  'view.tiesUnknown':
    'Verbindungen zwischen den Gruppen werden gezeigt, wenn die Auswahl höchstens {n} Akteure umfasst.',
  'view.clusterOf': 'Gruppe „{label}“ – {n}',
  'view.allClusters': 'Alle Gruppen',
  'cluster.members': '{n}',
  'clusters.title': 'Gruppen',
  'clusters.open': 'Gruppe „{label}“ öffnen ({n})',
  'status.summaryClusters': '{actors} in {clusters}',
  'status.largeEgo':
    'Dieses Ego-Netzwerk hat {n} Akteure – zu viele für eine lesbare Karte. Bitte Tiefe 1 wählen oder nach Thema, Art oder Zeitraum filtern.',
  'status.clusterLarge':
    'Die Gruppe „{label}“ hat {n} Akteure – zu viele für eine lesbare Karte. Bitte nach Thema, Art oder Zeitraum filtern oder einen Akteur suchen.',
  'status.clusterUnavailable':
    'Die Mitglieder einer Gruppe lassen sich zeigen, wenn die Auswahl höchstens {n} Akteure umfasst. Bitte nach Thema, Art oder Zeitraum filtern oder einen Akteur suchen.',
  'status.clusters': 'Gruppen werden berechnet …',
  'status.computing': 'Die Gruppen dieses großen Netzwerks werden im Hintergrund berechnet – neuer Versuch in {s} s …',
  'legend.cluster': 'Gruppe (Größe = Zahl der Akteure)',
  'legend.clusterTies': 'Verbindungen zwischen Gruppen (Breite = Anzahl)',
  'legend.removed': 'Herausgenommen',
  'legend.dropped': 'Verliert den Anschluss',
  'legend.broker': 'Verbindet jetzt (Rang vorher → nachher)',
  'filters.years': 'Jahr',
  'filters.allYears': 'alle',
  'filters.yearTitle': '{n} im Jahr {year}',
  'handover.open': 'Was wäre, wenn …?',
  'handover.title': 'Was wäre, wenn … wegfällt?',
  'handover.intro':
    'Akteure herausnehmen – etwa die Stadtteilagentur, wenn das Programm endet – und sehen, wer den Anschluss verliert und wer das Netzwerk dann zusammenhält.',
  'handover.add': 'Akteur herausnehmen …',
  'handover.mapHint': 'Oder auf der Karte anklicken (noch einmal: wieder hinzunehmen).',
  'handover.removed': 'Herausgenommen',
  'handover.putBack': '{name} wieder hinzunehmen',
  'handover.none': 'Noch niemand herausgenommen.',
  'handover.dropped': 'Verlieren den Anschluss',
  'handover.isolated': 'ohne Partner',
  'handover.brokers': 'Wer jetzt verbindet',
  'handover.brokersHint':
    'Wer ohne die Herausgenommenen auf den meisten kürzesten Wegen zwischen anderen Akteuren liegt, hält das Netzwerk jetzt zusammen – diese Akteure gehören in die Arbeitsgruppe.',
  'handover.dependents': 'Wer am meisten verliert',
  'handover.computed': 'Berechnet {at}',
  'handover.computing': 'Das Netzwerk ohne diese Akteure wird im Hintergrund berechnet – neuer Versuch in {s} s …',
  'handover.approximate': 'geschätzt (Stichprobe)',
  'panel.whatIf': 'Übergabe',
  'panel.whatIfButton': 'Was wäre, wenn „{name}“ wegfällt?',
  'sheet.download': 'Tabellen für Excel',
  'sheet.downloadXlsx': 'Excel-Mappe (.xlsx)',
  'import.mixed': 'Bitte entweder CSV-Dateien oder Excel-Mappen (.xlsx) hochladen, nicht beides zugleich.',
  'sheet.upload': 'Tabellen hochladen …',
  'import.title': 'Tabellen hochladen',
  'import.checking': 'Die Dateien werden geprüft – noch wird nichts gespeichert …',
  'import.problems': 'Nichts übernommen: {n} gefunden. Bitte in der Tabelle berichtigen und erneut hochladen.',
  'import.wouldBe': 'Probelauf ohne Fehler – noch ist nichts gespeichert. Übernommen würde:',
  'import.done': 'Übernommen. Die Karte zeigt jetzt den neuen Stand.',
  'import.apply': 'Jetzt übernehmen',
  'import.row': '{file}, Zeile {row}',
  'import.created': 'neu',
  'import.updated': 'geändert',
  'import.unchanged': 'unverändert',
  'suggest.partnerOne': 'beide arbeiten schon mit {names}',
  'suggest.partnerMany': 'beide arbeiten schon mit {names}',
  'suggest.indirect': 'sie sind über zwei, drei Ecken verbunden',
  'suggest.topicOne': 'gemeinsames Thema: {topics}',
  'suggest.topicMany': 'gemeinsame Themen: {topics}',
  'suggest.and': '; ',
  'suggest.onlySize': 'Sehr aktiv im Netzwerk – sonst noch keine Gemeinsamkeit',
  'suggest.none': 'Keine besonderen Gründe',
  'suggest.details': 'Details',
  'suggest.scoreNumber': 'Punktzahl {score}',
  'suggest.via': 'über „{a}“ und „{b}“',
  'suggest.strong': 'stark',
  'suggest.medium': 'mittel',
  'suggest.weak': 'schwach',
  'suggest.introduced': 'vorgestellt',
  'suggest.introducedDone': 'als vorgestellt vermerkt',
  'suggest.notUseful': 'nicht hilfreich',
  'suggest.kinds': 'Nur zeigen',
  'suggest.allKinds': 'alle Arten',
  role: 'Rolle',
} as const;

export type Key = keyof typeof de;

const en: Record<Key, string> = {
  'app.title': 'Quartiernetz',
  'app.subtitle': 'Network',
  'lang.switch': 'Deutsch',
  'lang.switchTitle': 'Auf Deutsch umschalten',
  'search.label': 'Find an actor',
  'search.placeholder': 'Type a name …',
  'search.none': 'No actor found',
  'filters.title': 'Filters',
  'filters.topics': 'Topics',
  'filters.topicsAll': 'all topics',
  'filters.topicsOne': '1 topic',
  'filters.topicsSome': '{n} topics',
  'filters.kinds': 'Kind of actor',
  'filters.from': 'from',
  'filters.to': 'to',
  'filters.dates': 'Period',
  'filters.datePlaceholder': 'YYYY-MM-DD',
  'filters.topicView': 'Show topics as nodes',
  'filters.reset': 'Reset filters',
  'view.relayout': 'Re-arrange',
  'view.fit': 'Show all',
  'view.egoOnly': 'Ego network only',
  'view.whole': 'Whole network',
  'view.egoOf': 'Ego network of {name} (depth {depth})',
  'export.png': 'Export PNG',
  'export.json': 'Data (JSON)',
  'legend.title': 'Legend',
  'legend.topic': 'Topic',
  'legend.edge': 'Collaboration (width = count)',
  'legend.interest': 'Interest in topic',
  'legend.suggested': 'Suggested contact',
  'legend.path': 'Chain of connection',
  'legend.size': 'Size = number of collaborations',
  'status.loading': 'Loading the network …',
  'status.layout': 'Computing the layout … {s} s',
  'status.empty': 'No actors for this selection. Please change the filters.',
  'status.summary': '{actors}, {edges}',
  'status.summaryTopics': '{actors}, {topics}',
  'status.summaryStrongest': '{actors}; shown: the strongest {edges} of {ties} links (the strongest of each actor)',
  'status.large':
    'The network has {n} actors – too many for a readable map. Please filter by topic, kind or period, or search for an actor to open its ego network.',
  'status.largeMore': 'more than {n}',
  'error.network': 'The server cannot be reached. Please check the connection and try again.',
  'error.server': 'The server reports an error: {message}',
  'error.notFound': 'Not found: {message}',
  'error.input': 'Invalid input: {message}',
  'error.retry': 'Try again',
  'error.unauthenticated': 'This map needs an access key.',
  'key.title': 'Access key',
  'key.missing':
    'This map can only be seen with an access key (API key). Ask the person who runs Quartiernetz for one.',
  'key.refused': 'The access key was refused (unknown or revoked). Please enter a valid one.',
  'key.label': 'Key',
  'key.submit': 'Open',
  'panel.contact': 'Contact',
  'error.computing': 'Being computed in the background – please try again in {s} s.',
  'panel.close': 'Close',
  'panel.loading': 'Loading …',
  'panel.kind': 'Kind',
  'panel.district': 'District',
  'panel.website': 'Website',
  'panel.topics': 'Topics',
  'panel.noTopics': 'No topics recorded.',
  'panel.collaborations': 'Collaborations ({n})',
  'panel.noCollaborations': 'No collaborations recorded.',
  'panel.collaborators': 'Partners',
  'panel.shared': '{n}× together',
  'panel.ego': 'Highlight ego network',
  'panel.depth': 'depth {n}',
  'panel.notInView': '(not in the current view)',
  'panel.path': 'How are they connected?',
  'panel.pathTo': 'Connection to …',
  'panel.pathHint': 'Choose an actor (or shift+click on the map)',
  'panel.pathNone': 'No connection between {a} and {b}.',
  'panel.pathLength': '{n}',
  'panel.via': 'via “{title}”',
  'panel.suggestions': 'Suggested contacts',
  'panel.suggestionsNone': 'No suggestions.',
  'panel.suggestionsUnavailable': 'Contact suggestions are not available on this server (yet).',
  'panel.score': 'score {score}',
  'panel.sharedTopics': 'Shared topics',
  'panel.mutual': 'Mutual partners',
  'panel.show': 'Show',
  'panel.open': 'Open {name}',
  'view.clustersHint':
    'The network has {n} actors – too many to show one by one. Shown are {clusters} of actors who work closely together; click a group to see its members.',
  'view.tiesUnknown': 'Links between the groups are shown when the selection has at most {n} actors.',
  'view.clusterOf': 'Group “{label}” – {n}',
  'view.allClusters': 'All groups',
  'cluster.members': '{n}',
  'clusters.title': 'Groups',
  'clusters.open': 'Open group “{label}” ({n})',
  'status.summaryClusters': '{actors} in {clusters}',
  'status.largeEgo':
    'This ego network has {n} actors – too many for a readable map. Please choose depth 1 or filter by topic, kind or period.',
  'status.clusterLarge':
    'The group “{label}” has {n} actors – too many for a readable map. Please filter by topic, kind or period, or search for an actor.',
  'status.clusterUnavailable':
    'The members of a group can be shown when the selection has at most {n} actors. Please filter by topic, kind or period, or search for an actor.',
  'status.clusters': 'Computing the groups …',
  'status.computing': 'The groups of this large network are being computed in the background – trying again in {s} s …',
  'legend.cluster': 'Group (size = number of actors)',
  'legend.clusterTies': 'Links between groups (width = count)',
  'legend.removed': 'Taken out',
  'legend.dropped': 'Loses its connection',
  'legend.broker': 'Now bridges (rank before → after)',
  'filters.years': 'Year',
  'filters.allYears': 'all',
  'filters.yearTitle': '{n} in {year}',
  'handover.open': 'What if …?',
  'handover.title': 'What if … leaves?',
  'handover.intro':
    'Take actors out – the district agency when the programme ends, say – and see who loses the connection and who holds the network together then.',
  'handover.add': 'Take out an actor …',
  'handover.mapHint': 'Or click it on the map (again: put it back).',
  'handover.removed': 'Taken out',
  'handover.putBack': 'Put {name} back',
  'handover.none': 'Nobody taken out yet.',
  'handover.dropped': 'Lose their connection',
  'handover.isolated': 'no partner',
  'handover.brokers': 'Who bridges now',
  'handover.brokersHint':
    'Whoever lies on the most shortest paths between other actors once those taken out are gone holds the network together now – these belong in the working group.',
  'handover.dependents': 'Who loses most',
  'handover.computed': 'Computed {at}',
  'handover.computing':
    'The network without these actors is being computed in the background – trying again in {s} s …',
  'handover.approximate': 'estimated (sample)',
  'panel.whatIf': 'Hand-over',
  'panel.whatIfButton': 'What if “{name}” leaves?',
  'sheet.download': 'Tables for Excel',
  'sheet.downloadXlsx': 'Excel workbook (.xlsx)',
  'import.mixed': 'Please upload either CSV files or Excel workbooks (.xlsx), not both at once.',
  'sheet.upload': 'Upload tables …',
  'import.title': 'Upload tables',
  'import.checking': 'Checking the files – nothing is saved yet …',
  'import.problems': 'Nothing imported: {n} found. Please correct them in the spreadsheet and upload again.',
  'import.wouldBe': 'Dry run without problems – nothing is saved yet. It would import:',
  'import.done': 'Imported. The map now shows the new state.',
  'import.apply': 'Import now',
  'import.row': '{file}, row {row}',
  'import.created': 'new',
  'import.updated': 'changed',
  'import.unchanged': 'unchanged',
  'suggest.partnerOne': 'both already work with {names}',
  'suggest.partnerMany': 'both already work with {names}',
  'suggest.indirect': 'they are linked through two or three steps',
  'suggest.topicOne': 'shared topic: {topics}',
  'suggest.topicMany': 'shared topics: {topics}',
  'suggest.and': '; ',
  'suggest.onlySize': 'Very active in the network – nothing in common yet otherwise',
  'suggest.none': 'No particular reasons',
  'suggest.details': 'Details',
  'suggest.scoreNumber': 'score {score}',
  'suggest.via': 'through “{a}” and “{b}”',
  'suggest.strong': 'strong',
  'suggest.medium': 'medium',
  'suggest.weak': 'weak',
  'suggest.introduced': 'introduced',
  'suggest.introducedDone': 'recorded as introduced',
  'suggest.notUseful': 'not helpful',
  'suggest.kinds': 'Only show',
  'suggest.allKinds': 'all kinds',
  role: 'Role',
};

const enums: Record<Lang, Record<string, string>> = {
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

const LANG_KEY = 'quartiernetz:lang';
let lang: Lang = readLang();
const listeners: Array<() => void> = [];

function readLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  applyI18n();
  listeners.forEach((fn) => fn());
}

export function onLangChange(fn: () => void): void {
  listeners.push(fn);
}

/** Numbers in parameters are written the page's way (1.999 in German, 1,999 in English); pass a year as a string. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text: string = lang === 'en' ? en[key] : de[key];
  return fill(text, params);
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? formatCount(value) : value;
  });
}

// --- counts and plurals (Intl.PluralRules, Intl.NumberFormat, Intl.ListFormat) -------------------

/** Nouns that are counted: singular and plural, German and English. */
const NOUNS = {
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
interface PluralText {
  zero?: string;
  one: string;
  other: string;
}
const pluralDe = {
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
} satisfies Record<string, PluralText>;
export type PluralKey = keyof typeof pluralDe;

const pluralEn: Record<PluralKey, PluralText> = {
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
};

const locale = () => (lang === 'de' ? 'de-DE' : 'en-GB');

/** A whole number written the page's way: 1.999 (German), 1,999 (English). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
}

function pluralForm(n: number): 'one' | 'other' {
  return new Intl.PluralRules(locale()).select(n) === 'one' ? 'one' : 'other';
}

/** „1 Akteur“, „1.999 Akteure“, "2 links". */
export function count(noun: Noun, n: number): string {
  const [one, other] = NOUNS[lang][noun];
  return `${formatCount(n)} ${pluralForm(n) === 'one' ? one : other}`;
}

/** The sentence of `key` for the number `n` (German or English), with further parameters. */
export function tn(key: PluralKey, n: number, params: Record<string, string | number> = {}): string {
  const text: PluralText = lang === 'en' ? pluralEn[key] : pluralDe[key];
  const chosen = n === 0 && text.zero !== undefined ? text.zero : text[pluralForm(n)];
  return fill(chosen, { ...params, n });
}

/** „3 und 2“, "3 and 2", „5, 3 und 2“. */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** Label of an enum value (actor kind, collaboration kind, role). */
export function label(value: string | null | undefined, role = false): string {
  if (!value) return '';
  const table = enums[lang];
  return (role && table[`${value}_ROLE`]) || table[value] || value;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : iso;
}

export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Sets the text of every `[data-i18n]` element (and `data-i18n-placeholder`, `data-i18n-title`). */
export function applyI18n(root: ParentNode = document): void {
  document.documentElement.lang = lang;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder as Key));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.setAttribute('title', t(el.dataset.i18nTitle as Key));
    el.setAttribute('aria-label', t(el.dataset.i18nTitle as Key));
  });
}
