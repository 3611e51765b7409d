/**
 * The Batenbrock seed network.
 *
 * Source: the page "Netzwerkarbeit" of the city of Bottrop about the district Batenbrock
 * (source/netzwerkarbeit-batenbrock.txt). Every record the text names is here with what the text
 * says about it; what the text only suggests is said as interpretation in `description`.
 * To make the map useful, invented example actors and collaborations are added: their ids are in
 * EXAMPLE_DATA_IDS, their names end in "(Beispiel)", and their descriptions start with
 * "Beispieldaten:". Topics the text does not name are example vocabulary and listed there too.
 * seed/README.md tells where every record comes from.
 *
 * Dates: the text gives years only (conferences 2021, 2022; garden 2021–2022 in the Volkspark,
 * at the Bürgerhaus since 2023) and none for the other formats. A day within a given year is an
 * example date and says so; where the text gives no year, dates stay null.
 */
import type { GraphData } from '../server/src/store/network-store';

const BSP = 'Beispieldaten:';

/** Example dates (the text gives only the year). */
const KONFERENZ_2021 = '2021-09-22';
const KONFERENZ_2022 = '2022-09-28';

/** Participants of named collaborations that the text does not name. */
const TEILNAHME_HINWEIS =
  'Welche Akteur*innen teilnahmen, nennt der Text nicht: die Teilnehmenden außer den genannten ' +
  'sind Beispieldaten.';

export const batenbrock: GraphData = {
  topics: [
    // --- from the text ---
    { id: 'vernetzung', name: 'Vernetzung', aliases: ['Netzwerkarbeit', 'Kooperation'] },
    { id: 'burgerbeteiligung', name: 'Bürgerbeteiligung', aliases: ['Beteiligung', 'Partizipation'] },
    {
      id: 'stadterneuerung',
      name: 'Stadterneuerung',
      aliases: ['Städtebauförderung', 'Stadtumbau', 'Quartiersentwicklung'],
    },
    { id: 'verstetigung', name: 'Verstetigung', aliases: ['Nachhaltigkeit von Strukturen'] },
    { id: 'quartiersfonds', name: 'Quartiersfonds', aliases: ['Verfügungsfonds', 'Stadtteilfonds'] },
    {
      id: 'gemeinschaftsgarten',
      name: 'Gemeinschaftsgarten',
      aliases: ['Urban Gardening', 'Bürger*innengarten', 'Gärtnern'],
    },
    { id: 'stadtteilfest', name: 'Stadtteilfest', aliases: ['Quartiersfest', 'Eröffnungsfest'] },
    { id: 'begegnung', name: 'Begegnung', aliases: ['Austausch', 'Treffpunkt', 'Begegnungsort'] },
    // --- example vocabulary (not named in the text) ---
    { id: 'nachbarschaft', name: 'Nachbarschaft', aliases: ['Nachbarschaftshilfe'] },
    { id: 'jugend', name: 'Jugend', aliases: ['Jugendarbeit', 'Offene Kinder- und Jugendarbeit'] },
    { id: 'kinder', name: 'Kinder', aliases: ['Kita', 'Frühkindliche Bildung'] },
    { id: 'familie', name: 'Familie', aliases: ['Familienbildung', 'Eltern'] },
    { id: 'senioren', name: 'Senioren', aliases: ['Seniorenarbeit', 'Senior*innen', 'Älter werden'] },
    { id: 'bildung', name: 'Bildung', aliases: ['Schule', 'Lernen'] },
    { id: 'sport', name: 'Sport', aliases: ['Bewegung'] },
    { id: 'integration', name: 'Integration', aliases: ['Interkultureller Dialog', 'Migration', 'Vielfalt'] },
    { id: 'kultur', name: 'Kultur', aliases: ['Kunst', 'Kulturarbeit'] },
    { id: 'umwelt', name: 'Umwelt', aliases: ['Klimaschutz', 'Naturschutz', 'Nachhaltigkeit'] },
    { id: 'offentlicher-raum', name: 'Öffentlicher Raum', aliases: ['Grünflächen', 'Parks', 'Spielplätze'] },
    { id: 'wohnen', name: 'Wohnen', aliases: ['Wohnumfeld', 'Wohnungswirtschaft'] },
    { id: 'sauberkeit-und-sicherheit', name: 'Sauberkeit und Sicherheit', aliases: ['Sauberkeit', 'Sicherheit'] },
    { id: 'gesundheit', name: 'Gesundheit', aliases: ['Gesundheitsförderung', 'Pflege'] },
    { id: 'ehrenamt', name: 'Ehrenamt', aliases: ['Bürgerschaftliches Engagement', 'Freiwilligenarbeit'] },
    { id: 'lokale-wirtschaft', name: 'Lokale Wirtschaft', aliases: ['Einzelhandel', 'Gewerbe'] },
  ],

  actors: [
    // ---------------------------------------------------------------------------------------
    // Named in the text
    {
      id: 'stadtteilagentur-batenbrock',
      name: 'Stadtteilagentur Batenbrock',
      kind: 'AGENCY',
      description:
        'Laut Text: Das Team der Stadtteilagentur führte die Stadtteilkonferenz als bereits punktuell ' +
        'eingeführtes Format fort (Konferenzen 2021 und 2022), nahm kontinuierlich an weiteren ' +
        'Netzwerktreffen teil und führte die Organisationstreffen für die Eröffnungsfeste der umgesetzten ' +
        'Maßnahmen sowie die Nutzer*innentreffen für die Angebotsausgestaltung im Bürgerhaus durch. ' +
        'Kontaktpflege und das Vernetzen einzelner Akteur*innen waren Aufgabe des Quartiersmanagements; ' +
        'so wurde Bobbie e.V. maßgeblich beim Bürger*innengarten unterstützt. Der Text verwendet ' +
        '„Team der Stadtteilagentur“ und „Quartiersmanagement“ für dieselbe Arbeit. ' +
        'Interpretation (nicht ausdrücklich im Text): Die Bildnachweise „© PLANUNGSGRUPPE STADTBÜRO“ ' +
        'legen nahe, dass das Büro Planungsgruppe Stadtbüro die Stadtteilagentur bzw. das ' +
        'Quartiersmanagement im Auftrag der Stadt Bottrop betrieb.',
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'vernetzung', weight: 1 },
        { topicId: 'burgerbeteiligung', weight: 0.8 },
        { topicId: 'stadterneuerung', weight: 0.8 },
        { topicId: 'quartiersfonds', weight: 0.6 },
        { topicId: 'verstetigung', weight: 0.6 },
      ],
    },
    {
      id: 'stadt-bottrop',
      name: 'Stadt Bottrop',
      kind: 'CITY_DEPARTMENT',
      description:
        'Laut Text: Herausgeberin der Seite und (Mit-)Finanziererin der Maßnahme „Netzwerkarbeit“ ' +
        'neben EU (EFRE), Bund und Land. Trägerin des Stadterneuerungsprozesses in Batenbrock ' +
        '(Interpretation: der Text nennt den Prozess, nicht ausdrücklich seine Trägerin). ' +
        'Als Geldgeberin hier kein eigener FUNDER-Akteur, sondern Rolle FUNDER in der Finanzierung.',
      district: 'Bottrop',
      website: 'https://www.bottrop.de',
      contact: null,
      interests: [
        { topicId: 'stadterneuerung', weight: 1 },
        { topicId: 'vernetzung', weight: 0.5 },
        { topicId: 'burgerbeteiligung', weight: 0.5 },
        { topicId: 'verstetigung', weight: 0.4 },
      ],
    },
    {
      id: 'planungsgruppe-stadtburo',
      name: 'Planungsgruppe Stadtbüro',
      kind: 'BUSINESS',
      description:
        'Laut Text nur in den Bildnachweisen („© PLANUNGSGRUPPE STADTBÜRO“). Interpretation: ' +
        'Planungsbüro, das im Stadterneuerungsprozess Batenbrock die Stadtteilagentur bzw. das ' +
        'Quartiersmanagement betrieb; der Text sagt das nicht ausdrücklich.',
      district: null,
      website: null,
      contact: null,
      interests: [
        { topicId: 'stadterneuerung', weight: 1 },
        { topicId: 'vernetzung', weight: 0.6 },
        { topicId: 'burgerbeteiligung', weight: 0.6 },
      ],
    },
    {
      id: 'bobbie-ev',
      name: 'Bobbie e.V.',
      kind: 'ASSOCIATION',
      description:
        'Laut Text: Verein, der vom Quartiersmanagement maßgeblich dabei unterstützt wurde, im ' +
        'Volkspark einen Bürger*innengarten zu etablieren; nach zwei Jahren Probezeit auf einer ' +
        'Rasenfläche im Park hat der Garten seit 2023 eine dauerhafte Bleibe im Außenbereich des ' +
        'Bürgerhauses. Weitere Tätigkeiten des Vereins nennt der Text nicht.',
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'gemeinschaftsgarten', weight: 1 },
        { topicId: 'begegnung', weight: 0.7 },
        { topicId: 'vernetzung', weight: 0.5 },
        { topicId: 'umwelt', weight: 0.5 },
      ],
    },
    {
      id: 'burgerhaus-batenbrock',
      name: 'Bürgerhaus Batenbrock',
      kind: 'INSTITUTION',
      description:
        'Laut Text: Bürgerhaus, für dessen Angebotsausgestaltung Nutzer*innentreffen stattfanden; in ' +
        'seinem Außenbereich hat der Bürger*innengarten seit 2023 eine dauerhafte Bleibe. ' +
        'Der Text nennt es „das Bürgerhaus“; der Zusatz „Batenbrock“ im Namen ist ergänzt. ' +
        'Interpretation: vermutlich eine der umgesetzten Maßnahmen der Stadterneuerung.',
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'begegnung', weight: 1 },
        { topicId: 'burgerbeteiligung', weight: 0.6 },
        { topicId: 'gemeinschaftsgarten', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.5 },
      ],
    },
    {
      id: 'jury-batenbrockfonds',
      name: 'Jury des Batenbrockfonds',
      kind: 'GROUP',
      description:
        'Laut Text: Ihre Mitglieder wählte die Stadtteilkonferenz (Konferenzen 2021 und 2022). ' +
        'Die Zusammensetzung nennt der Text nicht. Interpretation: entscheidet über die Vergabe ' +
        'der Mittel des Batenbrockfonds (Verfügungsfonds für Projekte im Stadtteil).',
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'quartiersfonds', weight: 1 },
        { topicId: 'burgerbeteiligung', weight: 0.8 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'stadtteilbewohnerinnen',
      name: 'Stadtteilbewohner*innen',
      kind: 'GROUP',
      description:
        'Laut Text: Der Bürger*innengarten führt verschiedene Einrichtungen und ' +
        'Stadtteilbewohner*innen regelmäßig zum gemeinsamen Gärtnern und zum Austausch zusammen. ' +
        'Steht für die Bewohnerschaft Batenbrocks als Ganzes (keine Einzelpersonen, keine ' +
        'personenbezogenen Daten). Ihre Teilnahme an Konferenzen, Jury, Nutzer*innentreffen und ' +
        'Stadtteilfest ist eine Annahme (Beispieldaten).',
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'nachbarschaft', weight: 1 },
        { topicId: 'gemeinschaftsgarten', weight: 0.6 },
        { topicId: 'begegnung', weight: 0.6 },
        { topicId: 'burgerbeteiligung', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'eu-efre',
      name: 'Europäische Union – Europäischer Fonds für regionale Entwicklung (EFRE)',
      kind: 'FUNDER',
      description:
        'Laut Text: Die Maßnahme wurde aus Mitteln des Europäischen Fonds für regionale Entwicklung ' +
        '(EFRE) finanziert (Bildnachweis „© EU“).',
      district: null,
      website: null,
      contact: null,
      interests: [
        { topicId: 'stadterneuerung', weight: 1 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },
    {
      id: 'bund-bmwsb',
      name: 'Bund – Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB)',
      kind: 'FUNDER',
      description:
        'Laut Text: Die Maßnahme wurde aus Mitteln des Bundes finanziert; der Bildnachweis nennt ' +
        '„Städtebauförderung; BMWSB“. Der ausgeschriebene Ministeriumsname ist ergänzt.',
      district: null,
      website: null,
      contact: null,
      interests: [
        { topicId: 'stadterneuerung', weight: 1 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },
    {
      id: 'land-nrw-mhkbd',
      name: 'Land NRW – Ministerium für Heimat, Kommunales, Bau und Digitalisierung (MHKBD.NRW)',
      kind: 'FUNDER',
      description:
        'Laut Text: Die Maßnahme wurde aus Mitteln des Landes finanziert; der Bildnachweis nennt ' +
        '„MHKBD.NRW“. Der ausgeschriebene Ministeriumsname ist ergänzt.',
      district: null,
      website: null,
      contact: null,
      interests: [
        { topicId: 'stadterneuerung', weight: 1 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },

    // ---------------------------------------------------------------------------------------
    // Example actors (invented; not in the text)
    {
      id: 'grundschule-am-volkspark',
      name: 'Grundschule am Volkspark (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundene Grundschule im Stadtteil; Schulgarten-AG im Bürger*innengarten.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'bildung', weight: 1 },
        { topicId: 'kinder', weight: 0.8 },
        { topicId: 'familie', weight: 0.5 },
        { topicId: 'gemeinschaftsgarten', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.4 },
      ],
    },
    {
      id: 'kita-sonnenblume',
      name: 'Kita Sonnenblume (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundene Kindertagesstätte; gärtnert mit den Kindern im Bürger*innengarten.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'kinder', weight: 1 },
        { topicId: 'familie', weight: 0.8 },
        { topicId: 'gemeinschaftsgarten', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'sportfreunde-volkspark',
      name: 'Sportfreunde Volkspark 1927 (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Sportverein mit Jugendabteilung.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'sport', weight: 1 },
        { topicId: 'jugend', weight: 0.8 },
        { topicId: 'integration', weight: 0.4 },
        { topicId: 'stadtteilfest', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'kirchengemeinde-am-markt',
      name: 'Evangelische Kirchengemeinde am Markt (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundene Kirchengemeinde mit Seniorenarbeit und Nachbarschaftscafé; Brücke zwischen Senioren- und Integrationsarbeit.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'senioren', weight: 0.8 },
        { topicId: 'nachbarschaft', weight: 0.8 },
        { topicId: 'integration', weight: 0.6 },
        { topicId: 'ehrenamt', weight: 0.6 },
        { topicId: 'vernetzung', weight: 0.4 },
      ],
    },
    {
      id: 'moscheeverein-batenbrock',
      name: 'Islamischer Kultur- und Moscheeverein (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Moschee- und Kulturverein mit Jugend- und Familienangeboten.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'integration', weight: 1 },
        { topicId: 'kultur', weight: 0.6 },
        { topicId: 'jugend', weight: 0.5 },
        { topicId: 'familie', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.4 },
      ],
    },
    {
      id: 'jugendtreff-kiste',
      name: 'Jugendtreff Kiste (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundene offene Jugendeinrichtung; lädt zum Arbeitskreis Kinder und Jugend ein.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'jugend', weight: 1 },
        { topicId: 'bildung', weight: 0.5 },
        { topicId: 'sport', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.5 },
      ],
    },
    {
      id: 'wohnbau-batenbrock',
      name: 'Wohnbau Batenbrock eG (Beispiel)',
      kind: 'BUSINESS',
      description: `${BSP} erfundene Wohnungsgenossenschaft mit Beständen im Stadtteil.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'wohnen', weight: 1 },
        { topicId: 'nachbarschaft', weight: 0.6 },
        { topicId: 'sauberkeit-und-sicherheit', weight: 0.5 },
        { topicId: 'stadterneuerung', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'seniorentreff-lindenhof',
      name: 'Seniorentreff Lindenhof (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Seniorentreff; nutzt Räume im Bürgerhaus und richtet das Seniorennetzwerk aus.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'senioren', weight: 1 },
        { topicId: 'begegnung', weight: 0.7 },
        { topicId: 'gesundheit', weight: 0.5 },
        { topicId: 'nachbarschaft', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'kleingartenverein-grune-aue',
      name: 'Kleingartenverein Grüne Aue e.V. (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Kleingartenverein; berät den Bürger*innengarten.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'gemeinschaftsgarten', weight: 0.8 },
        { topicId: 'umwelt', weight: 0.7 },
        { topicId: 'senioren', weight: 0.3 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },
    {
      id: 'quartiershausmeister-batenbrock',
      name: 'Quartiershausmeisterdienst (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundener Quartiershausmeisterdienst eines Beschäftigungsträgers; kümmert sich um Sauberkeit im öffentlichen Raum.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'sauberkeit-und-sicherheit', weight: 1 },
        { topicId: 'offentlicher-raum', weight: 0.8 },
        { topicId: 'nachbarschaft', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'nachbarschaftsinitiative-rosenviertel',
      name: 'Nachbarschaftsinitiative Rosenviertel (Beispiel)',
      kind: 'INITIATIVE',
      description: `${BSP} erfundene Nachbarschaftsinitiative; Projekt aus dem Batenbrockfonds gefördert (erfunden).`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'nachbarschaft', weight: 1 },
        { topicId: 'ehrenamt', weight: 0.7 },
        { topicId: 'sauberkeit-und-sicherheit', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.4 },
      ],
    },
    {
      id: 'heimatverein-rosenviertel',
      name: 'Bürger- und Heimatverein Rosenviertel (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Bürger- und Heimatverein; Jurymitglied und Mitorganisator des Stadtteilfests (erfunden).`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'stadtteilfest', weight: 1 },
        { topicId: 'kultur', weight: 0.6 },
        { topicId: 'ehrenamt', weight: 0.6 },
        { topicId: 'verstetigung', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.5 },
      ],
    },
    {
      id: 'familienbildungswerk-sud',
      name: 'Familienbildungswerk Bottrop-Süd (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundene Familienbildungsstätte mit stadtweitem Angebot und Kursen im Bürgerhaus.`,
      district: 'Bottrop',
      website: null,
      contact: null,
      interests: [
        { topicId: 'familie', weight: 1 },
        { topicId: 'bildung', weight: 0.7 },
        { topicId: 'integration', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'interkulturelles-beratungszentrum',
      name: 'Interkulturelles Beratungszentrum (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundene stadtweite Beratungsstelle für Zugewanderte.`,
      district: 'Bottrop',
      website: null,
      contact: null,
      interests: [
        { topicId: 'integration', weight: 1 },
        { topicId: 'bildung', weight: 0.5 },
        { topicId: 'familie', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.6 },
      ],
    },
    {
      id: 'umweltgruppe-volkspark',
      name: 'Umweltgruppe Volkspark (Beispiel)',
      kind: 'INITIATIVE',
      description: `${BSP} erfundene Umweltinitiative; organisiert Aufräumaktionen im Volkspark.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'umwelt', weight: 1 },
        { topicId: 'offentlicher-raum', weight: 0.7 },
        { topicId: 'gemeinschaftsgarten', weight: 0.5 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'kulturwerkstatt-rosenviertel',
      name: 'Kulturwerkstatt Rosenviertel e.V. (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Kulturverein mit Angeboten für Jugendliche; Bühnenprogramm beim Stadtteilfest.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'kultur', weight: 1 },
        { topicId: 'jugend', weight: 0.5 },
        { topicId: 'stadtteilfest', weight: 0.7 },
        { topicId: 'vernetzung', weight: 0.4 },
      ],
    },
    {
      id: 'stadtteilapotheke-am-markt',
      name: 'Stadtteilapotheke am Markt (Beispiel)',
      kind: 'BUSINESS',
      description: `${BSP} erfundene Apotheke; nur im Seniorennetzwerk aktiv (Akteur mit wenigen Verbindungen).`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'gesundheit', weight: 1 },
        { topicId: 'senioren', weight: 0.6 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },
    {
      id: 'werbegemeinschaft-batenbrock',
      name: 'Werbegemeinschaft Einkaufsstraße (Beispiel)',
      kind: 'ASSOCIATION',
      description: `${BSP} erfundener Zusammenschluss örtlicher Geschäfte; beteiligt an Festen.`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'lokale-wirtschaft', weight: 1 },
        { topicId: 'stadtteilfest', weight: 0.6 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'mobile-jugendarbeit-sud',
      name: 'Mobile Jugendarbeit Süd (Beispiel)',
      kind: 'INSTITUTION',
      description: `${BSP} erfundenes Streetwork-Team eines freien Trägers; nur im Arbeitskreis Kinder und Jugend vernetzt.`,
      district: 'Bottrop',
      website: null,
      contact: null,
      interests: [
        { topicId: 'jugend', weight: 1 },
        { topicId: 'offentlicher-raum', weight: 0.5 },
        { topicId: 'sport', weight: 0.3 },
        { topicId: 'vernetzung', weight: 0.3 },
      ],
    },
    {
      id: 'elterninitiative-spielplatz',
      name: 'Elterninitiative Spielplatz Volkspark (Beispiel)',
      kind: 'INITIATIVE',
      description: `${BSP} erfundene Elterninitiative; Projekt aus dem Batenbrockfonds gefördert (erfunden).`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'familie', weight: 0.8 },
        { topicId: 'kinder', weight: 0.8 },
        { topicId: 'offentlicher-raum', weight: 0.6 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },
    {
      id: 'repair-cafe-batenbrock',
      name: 'Repair-Café (Beispiel)',
      kind: 'INITIATIVE',
      description: `${BSP} erfundene, neu gegründete Initiative ohne bisherige Zusammenarbeit – nur Themen (Fall „Kaltstart“ für Kontaktvorschläge).`,
      district: 'Batenbrock',
      website: null,
      contact: null,
      interests: [
        { topicId: 'umwelt', weight: 0.8 },
        { topicId: 'nachbarschaft', weight: 0.7 },
        { topicId: 'ehrenamt', weight: 0.6 },
        { topicId: 'begegnung', weight: 0.4 },
        { topicId: 'vernetzung', weight: 0.2 },
      ],
    },
  ],

  collaborations: [
    // ---------------------------------------------------------------------------------------
    // Named in the text
    {
      id: 'stadterneuerungsprozess-batenbrock',
      title: 'Stadterneuerungsprozess Batenbrock',
      kind: 'PROJECT',
      startDate: null,
      endDate: null,
      location: 'Batenbrock',
      description:
        'Laut Text: Mit Abschluss des Stadterneuerungsprozesses bildete sich die Arbeitsgruppe ' +
        'aus Stadtteilakteur*innen. Zeitraum nennt der Text nicht. Die Rollen sind Interpretation: ' +
        'Stadt Bottrop als Trägerin, Stadtteilagentur als Quartiersmanagement, Planungsgruppe ' +
        'Stadtbüro laut Bildnachweisen beteiligt.',
      topicIds: ['stadterneuerung', 'burgerbeteiligung'],
      participants: [
        { actorId: 'stadt-bottrop', role: 'ORGANISER' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'planungsgruppe-stadtburo', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'finanzierung-netzwerkarbeit-batenbrock',
      title: 'Finanzierung der Maßnahme Netzwerkarbeit Batenbrock',
      kind: 'FUNDING',
      startDate: null,
      endDate: null,
      location: null,
      description:
        'Laut Text: „Diese Maßnahme wurde aus Mitteln des Europäischen Fonds für regionale ' +
        'Entwicklung (EFRE) sowie aus Mitteln des Bundes, des Landes und der Stadt Bottrop ' +
        'finanziert.“ Bildnachweis: „EU; Städtebauförderung; BMWSB, MHKBD.NRW; Stadt Bottrop“. ' +
        'Zeitraum und Beträge nennt der Text nicht. Die Stadtteilagentur ist als ausführende Stelle ' +
        'der Maßnahme PARTICIPANT (Interpretation).',
      topicIds: ['stadterneuerung', 'vernetzung'],
      participants: [
        { actorId: 'eu-efre', role: 'FUNDER' },
        { actorId: 'bund-bmwsb', role: 'FUNDER' },
        { actorId: 'land-nrw-mhkbd', role: 'FUNDER' },
        { actorId: 'stadt-bottrop', role: 'FUNDER' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'stadtteilkonferenz-2021',
      title: 'Stadtteilkonferenz 2021',
      kind: 'CONFERENCE',
      startDate: KONFERENZ_2021,
      endDate: KONFERENZ_2021,
      location: 'Batenbrock',
      description:
        'Laut Text: Die Stadtteilagentur führte die Stadtteilkonferenz als bereits punktuell ' +
        'eingeführtes Format fort; mit den Akteur*innen wurden bauliche sowie soziale Entwicklungen ' +
        'thematisiert und gemeinsame Perspektiven entwickelt; die Konferenz wählte die Mitglieder ' +
        'der Jury für den Batenbrockfonds. Der Text nennt nur das Jahr 2021 – das genaue Datum ist ' +
        `ein Beispiel. ${TEILNAHME_HINWEIS}`,
      topicIds: ['vernetzung', 'stadterneuerung', 'burgerbeteiligung'],
      participants: [
        { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
        { actorId: 'stadt-bottrop', role: 'PARTICIPANT' },
        { actorId: 'bobbie-ev', role: 'PARTICIPANT' },
        { actorId: 'stadtteilbewohnerinnen', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'kita-sonnenblume', role: 'PARTICIPANT' },
        { actorId: 'sportfreunde-volkspark', role: 'PARTICIPANT' },
        { actorId: 'kirchengemeinde-am-markt', role: 'PARTICIPANT' },
        { actorId: 'moscheeverein-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'jugendtreff-kiste', role: 'PARTICIPANT' },
        { actorId: 'wohnbau-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'seniorentreff-lindenhof', role: 'PARTICIPANT' },
        { actorId: 'heimatverein-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'nachbarschaftsinitiative-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'interkulturelles-beratungszentrum', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'stadtteilkonferenz-2022',
      title: 'Stadtteilkonferenz 2022',
      kind: 'CONFERENCE',
      startDate: KONFERENZ_2022,
      endDate: KONFERENZ_2022,
      location: 'Batenbrock',
      description:
        'Laut Text: Fortführung der Stadtteilkonferenz durch die Stadtteilagentur; bauliche und ' +
        'soziale Entwicklungen, gemeinsame Perspektiven, Austausch und Vernetzung. Der Text nennt ' +
        `nur das Jahr 2022 – das genaue Datum ist ein Beispiel. ${TEILNAHME_HINWEIS}`,
      topicIds: ['vernetzung', 'stadterneuerung', 'burgerbeteiligung'],
      participants: [
        { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
        { actorId: 'stadt-bottrop', role: 'PARTICIPANT' },
        { actorId: 'bobbie-ev', role: 'PARTICIPANT' },
        { actorId: 'stadtteilbewohnerinnen', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'sportfreunde-volkspark', role: 'PARTICIPANT' },
        { actorId: 'kirchengemeinde-am-markt', role: 'PARTICIPANT' },
        { actorId: 'moscheeverein-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'jugendtreff-kiste', role: 'PARTICIPANT' },
        { actorId: 'wohnbau-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'seniorentreff-lindenhof', role: 'PARTICIPANT' },
        { actorId: 'heimatverein-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'kleingartenverein-grune-aue', role: 'PARTICIPANT' },
        { actorId: 'kulturwerkstatt-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'umweltgruppe-volkspark', role: 'PARTICIPANT' },
        { actorId: 'quartiershausmeister-batenbrock', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'jurywahl-batenbrockfonds',
      title: 'Jury des Batenbrockfonds (gewählt von der Stadtteilkonferenz)',
      kind: 'JURY',
      startDate: KONFERENZ_2021,
      endDate: null,
      location: 'Batenbrock',
      description:
        'Laut Text: Der Stadtteilkonferenz oblag es, die Mitglieder der Jury für den ' +
        'Batenbrockfonds zu wählen (Konferenzen 2021 und 2022; ob in beiden Jahren gewählt wurde, ' +
        'sagt der Text nicht). Beginn = Beispieldatum der Stadtteilkonferenz 2021; Ende nicht ' +
        'genannt. Das Gremium selbst ist der Akteur „Jury des Batenbrockfonds“; die übrigen ' +
        'Jurymitglieder nennt der Text nicht – sie sind Beispieldaten.',
      topicIds: ['quartiersfonds', 'burgerbeteiligung'],
      participants: [
        { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
        { actorId: 'jury-batenbrockfonds', role: 'MEMBER' },
        { actorId: 'stadtteilbewohnerinnen', role: 'MEMBER' },
        { actorId: 'heimatverein-rosenviertel', role: 'MEMBER' },
        { actorId: 'kirchengemeinde-am-markt', role: 'MEMBER' },
        { actorId: 'seniorentreff-lindenhof', role: 'MEMBER' },
      ],
    },
    {
      id: 'batenbrockfonds',
      title: 'Batenbrockfonds',
      kind: 'FUNDING',
      startDate: KONFERENZ_2021,
      endDate: null,
      location: 'Batenbrock',
      description:
        'Laut Text: Fonds im Stadtteil, dessen Jury die Stadtteilkonferenz wählte. Mehr sagt der ' +
        'Text nicht. Als Förderung (FUNDING) modelliert, nicht als Geldgeber-Akteur: Der Fonds ' +
        'handelt nicht selbst, er verbindet die Jury, die ihn verwaltende Stelle und die geförderten ' +
        'Projekte. Interpretation: Verfügungsfonds, verwaltet vom Quartiersmanagement, über dessen ' +
        'Vergabe die Jury entscheidet; seine Geldquelle nennt der Text nicht. Beginn = Beispieldatum ' +
        'der ersten Jurywahl (2021). Die geförderten Initiativen sind Beispieldaten.',
      topicIds: ['quartiersfonds', 'burgerbeteiligung'],
      participants: [
        { actorId: 'jury-batenbrockfonds', role: 'ORGANISER' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
        { actorId: 'nachbarschaftsinitiative-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'elterninitiative-spielplatz', role: 'PARTICIPANT' },
        { actorId: 'kulturwerkstatt-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'umweltgruppe-volkspark', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'netzwerktreffen-stadtteilagentur',
      title: 'Weitere Netzwerktreffen (Teilnahme der Stadtteilagentur)',
      kind: 'MEETING',
      startDate: null,
      endDate: null,
      location: null,
      description:
        'Laut Text: Ergänzend zur Stadtteilkonferenz hat das Team der Stadtteilagentur ' +
        'kontinuierlich an weiteren Netzwerktreffen teilgenommen. Welche Treffen, wann und mit wem, ' +
        'nennt der Text nicht; dieser Eintrag steht für sie alle. Beispiele solcher Treffen sind ' +
        'der Arbeitskreis Kinder und Jugend und das Seniorennetzwerk (beide Beispieldaten).',
      topicIds: ['vernetzung'],
      participants: [{ actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' }],
    },
    {
      id: 'organisationstreffen-eroffnungsfeste',
      title: 'Organisationstreffen für die Eröffnungsfeste der umgesetzten Maßnahmen',
      kind: 'MEETING',
      startDate: null,
      endDate: null,
      location: 'Batenbrock',
      description:
        'Laut Text: Die Stadtteilagentur führte Organisationstreffen für die Eröffnungsfeste der ' +
        'umgesetzten Maßnahmen durch; damit wurden Vernetzung und Zusammenarbeit in Batenbrock ' +
        'weiter gestärkt. Als eine Reihe von Treffen erfasst; Zeitraum und Maßnahmen nennt der Text ' +
        `nicht. ${TEILNAHME_HINWEIS}`,
      topicIds: ['stadtteilfest', 'stadterneuerung', 'vernetzung'],
      participants: [
        { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
        { actorId: 'stadt-bottrop', role: 'PARTICIPANT' },
        { actorId: 'heimatverein-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'kulturwerkstatt-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'sportfreunde-volkspark', role: 'PARTICIPANT' },
        { actorId: 'werbegemeinschaft-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'kirchengemeinde-am-markt', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'nutzerinnentreffen-burgerhaus',
      title: 'Nutzer*innentreffen Bürgerhaus',
      kind: 'MEETING',
      startDate: null,
      endDate: null,
      location: 'Bürgerhaus',
      description:
        'Laut Text: Nutzer*innentreffen für die Angebotsausgestaltung im Bürgerhaus, durchgeführt ' +
        'im Rahmen der Netzwerkarbeit der Stadtteilagentur. Als eine Reihe von Treffen erfasst; ' +
        `Zeitraum nennt der Text nicht. ${TEILNAHME_HINWEIS}`,
      topicIds: ['begegnung', 'burgerbeteiligung', 'vernetzung'],
      participants: [
        { actorId: 'burgerhaus-batenbrock', role: 'HOST' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
        { actorId: 'bobbie-ev', role: 'PARTICIPANT' },
        { actorId: 'stadtteilbewohnerinnen', role: 'PARTICIPANT' },
        { actorId: 'seniorentreff-lindenhof', role: 'PARTICIPANT' },
        { actorId: 'familienbildungswerk-sud', role: 'PARTICIPANT' },
        { actorId: 'moscheeverein-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'kulturwerkstatt-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'nachbarschaftsinitiative-rosenviertel', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'burgerinnengarten-volkspark',
      title: 'Bürger*innengarten im Volkspark (Probephase)',
      kind: 'PROJECT',
      startDate: '2021-01-01',
      endDate: '2022-12-31',
      location: 'Volkspark, Rasenfläche im Park',
      description:
        'Laut Text: Bobbie e.V. wurde vom Quartiersmanagement maßgeblich dabei unterstützt, im ' +
        'Volkspark einen Bürger*innengarten zu etablieren; zwei Jahre Probezeit auf einer ' +
        'Rasenfläche im Park, bevor der Garten 2023 an das Bürgerhaus zog. Der Text nennt keine ' +
        'Jahreszahl für den Beginn: 2021–2022 ist aus „zwei Jahren“ vor 2023 erschlossen, die ' +
        'Tagesdaten sind nur Jahresgrenzen. Als eigene Zusammenarbeit neben dem Garten am ' +
        'Bürgerhaus erfasst, weil Ort, Zeitraum und Beteiligte wechseln. Beteiligte Einrichtungen ' +
        'nennt der Text nicht: Kita, Kleingartenverein und Umweltgruppe sind Beispieldaten.',
      topicIds: ['gemeinschaftsgarten', 'begegnung'],
      participants: [
        { actorId: 'bobbie-ev', role: 'ORGANISER' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'stadtteilbewohnerinnen', role: 'PARTICIPANT' },
        { actorId: 'kita-sonnenblume', role: 'PARTICIPANT' },
        { actorId: 'kleingartenverein-grune-aue', role: 'PARTICIPANT' },
        { actorId: 'umweltgruppe-volkspark', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'burgerinnengarten-burgerhaus',
      title: 'Bürger*innengarten am Bürgerhaus',
      kind: 'PROJECT',
      startDate: '2023-01-01',
      endDate: null,
      location: 'Außenbereich des Bürgerhauses',
      description:
        'Laut Text: Seit 2023 hat der Garten eine dauerhafte Bleibe im Außenbereich des ' +
        'Bürgerhauses; das Angebot wird sehr gut angenommen und führt verschiedene Einrichtungen ' +
        'und Stadtteilbewohner*innen regelmäßig zum gemeinsamen Gärtnern und zum Austausch ' +
        'zusammen. Der Text nennt nur das Jahr 2023 (Tagesdatum = Jahresbeginn); laufend, daher ' +
        'ohne Ende. Die Einrichtungen nennt der Text nicht: Kita, Grundschule, Seniorentreff und ' +
        'Kleingartenverein sind Beispieldaten; die Beteiligung der Stadtteilagentur am Umzug ist ' +
        'eine Annahme.',
      topicIds: ['gemeinschaftsgarten', 'begegnung', 'verstetigung'],
      participants: [
        { actorId: 'bobbie-ev', role: 'ORGANISER' },
        { actorId: 'burgerhaus-batenbrock', role: 'HOST' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'stadtteilbewohnerinnen', role: 'PARTICIPANT' },
        { actorId: 'kita-sonnenblume', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'seniorentreff-lindenhof', role: 'PARTICIPANT' },
        { actorId: 'kleingartenverein-grune-aue', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'arbeitsgruppe-stadtteilakteurinnen',
      title: 'Arbeitsgruppe Stadtteilakteur*innen',
      kind: 'WORKING_GROUP',
      startDate: null,
      endDate: null,
      location: 'Batenbrock',
      description:
        'Laut Text: Mit Abschluss des Stadterneuerungsprozesses hat sich eine Arbeitsgruppe aus ' +
        'Stadtteilakteur*innen gebildet, mit dem Ziel, die Stadtteilkonferenz und ein ' +
        'wiederkehrendes Stadtteilfest im Stadtteil zu etablieren und zu verstetigen. Datum und ' +
        'Mitglieder nennt der Text nicht: alle Mitgliedschaften sind Beispieldaten (auch die von ' +
        'Bobbie e.V. und Bürgerhaus). Die Stadtteilagentur ist bewusst kein Mitglied – die ' +
        'Arbeitsgruppe trägt die Netzwerkarbeit nach dem Ende des Programms weiter.',
      topicIds: ['verstetigung', 'stadtteilfest', 'vernetzung'],
      participants: [
        { actorId: 'bobbie-ev', role: 'MEMBER' },
        { actorId: 'burgerhaus-batenbrock', role: 'MEMBER' },
        { actorId: 'heimatverein-rosenviertel', role: 'MEMBER' },
        { actorId: 'kulturwerkstatt-rosenviertel', role: 'MEMBER' },
        { actorId: 'sportfreunde-volkspark', role: 'MEMBER' },
        { actorId: 'kirchengemeinde-am-markt', role: 'MEMBER' },
        { actorId: 'wohnbau-batenbrock', role: 'MEMBER' },
        { actorId: 'seniorentreff-lindenhof', role: 'MEMBER' },
      ],
    },
    {
      id: 'stadtteilfest-batenbrock',
      title: 'Stadtteilfest Batenbrock (wiederkehrend)',
      kind: 'EVENT',
      startDate: null,
      endDate: null,
      location: 'Batenbrock',
      description:
        'Laut Text: Die Arbeitsgruppe aus Stadtteilakteur*innen will ein wiederkehrendes ' +
        'Stadtteilfest im Stadtteil etablieren und verstetigen. Ob und wann es stattfand, nennt ' +
        'der Text nicht; daher ohne Datum. Da die Arbeitsgruppe selbst kein Akteur ist, ' +
        'organisieren zwei ihrer (Beispiel-)Mitglieder; alle Beteiligten sind Beispieldaten.',
      topicIds: ['stadtteilfest', 'verstetigung', 'begegnung'],
      participants: [
        { actorId: 'heimatverein-rosenviertel', role: 'ORGANISER' },
        { actorId: 'kulturwerkstatt-rosenviertel', role: 'ORGANISER' },
        { actorId: 'bobbie-ev', role: 'PARTICIPANT' },
        { actorId: 'burgerhaus-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'stadtteilbewohnerinnen', role: 'PARTICIPANT' },
        { actorId: 'sportfreunde-volkspark', role: 'PARTICIPANT' },
        { actorId: 'werbegemeinschaft-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'kita-sonnenblume', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'moscheeverein-batenbrock', role: 'PARTICIPANT' },
      ],
    },

    // ---------------------------------------------------------------------------------------
    // Example collaborations (invented; not in the text)
    {
      id: 'arbeitskreis-kinder-jugend-2022',
      title: 'Arbeitskreis Kinder und Jugend 2022 (Beispiel)',
      kind: 'MEETING',
      startDate: '2022-03-16',
      endDate: '2022-03-16',
      location: 'Jugendtreff Kiste (Beispiel)',
      description: `${BSP} erfundenes Netzwerktreffen – eines der „weiteren Netzwerktreffen“, an denen die Stadtteilagentur laut Text teilnahm. Name, Datum und Beteiligte sind erfunden.`,
      topicIds: ['jugend', 'kinder', 'vernetzung'],
      participants: [
        { actorId: 'jugendtreff-kiste', role: 'ORGANISER' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'mobile-jugendarbeit-sud', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'kita-sonnenblume', role: 'PARTICIPANT' },
        { actorId: 'sportfreunde-volkspark', role: 'PARTICIPANT' },
        { actorId: 'moscheeverein-batenbrock', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'arbeitskreis-kinder-jugend-2023',
      title: 'Arbeitskreis Kinder und Jugend 2023 (Beispiel)',
      kind: 'MEETING',
      startDate: '2023-03-15',
      endDate: '2023-03-15',
      location: 'Jugendtreff Kiste (Beispiel)',
      description: `${BSP} erfundene Fortsetzung des Arbeitskreises, mit neuen Beteiligten (Familienbildungswerk, Elterninitiative) – gibt späteren Zeiträumen neue Verbindungen.`,
      topicIds: ['jugend', 'familie'],
      participants: [
        { actorId: 'jugendtreff-kiste', role: 'ORGANISER' },
        { actorId: 'mobile-jugendarbeit-sud', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'sportfreunde-volkspark', role: 'PARTICIPANT' },
        { actorId: 'familienbildungswerk-sud', role: 'PARTICIPANT' },
        { actorId: 'elterninitiative-spielplatz', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'seniorennetzwerk-2022',
      title: 'Seniorennetzwerk Batenbrock 2022 (Beispiel)',
      kind: 'MEETING',
      startDate: '2022-05-11',
      endDate: '2022-05-11',
      location: 'Gemeindehaus der Kirchengemeinde am Markt (Beispiel)',
      description: `${BSP} erfundenes Netzwerktreffen der Seniorenarbeit – eines der „weiteren Netzwerktreffen“, an denen die Stadtteilagentur laut Text teilnahm. Name, Datum und Beteiligte sind erfunden.`,
      topicIds: ['senioren', 'gesundheit', 'nachbarschaft'],
      participants: [
        { actorId: 'seniorentreff-lindenhof', role: 'ORGANISER' },
        { actorId: 'kirchengemeinde-am-markt', role: 'HOST' },
        { actorId: 'stadtteilagentur-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'stadtteilapotheke-am-markt', role: 'PARTICIPANT' },
        { actorId: 'wohnbau-batenbrock', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'fruhjahrsputz-volkspark-2022',
      title: 'Frühjahrsputz im Volkspark 2022 (Beispiel)',
      kind: 'EVENT',
      startDate: '2022-03-26',
      endDate: '2022-03-26',
      location: 'Volkspark',
      description: `${BSP} erfundene Aufräumaktion; Datum und Beteiligte sind erfunden.`,
      topicIds: ['umwelt', 'offentlicher-raum', 'sauberkeit-und-sicherheit'],
      participants: [
        { actorId: 'umweltgruppe-volkspark', role: 'ORGANISER' },
        { actorId: 'quartiershausmeister-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'wohnbau-batenbrock', role: 'PARTICIPANT' },
        { actorId: 'nachbarschaftsinitiative-rosenviertel', role: 'PARTICIPANT' },
        { actorId: 'grundschule-am-volkspark', role: 'PARTICIPANT' },
        { actorId: 'elterninitiative-spielplatz', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'interkulturelles-fruhstuck-2022',
      title: 'Interkulturelles Nachbarschaftsfrühstück 2022 (Beispiel)',
      kind: 'EVENT',
      startDate: '2022-09-10',
      endDate: '2022-09-10',
      location: 'Gemeindehaus der Kirchengemeinde am Markt (Beispiel)',
      description: `${BSP} erfundene Begegnungsveranstaltung; Datum und Beteiligte sind erfunden.`,
      topicIds: ['integration', 'nachbarschaft', 'begegnung'],
      participants: [
        { actorId: 'moscheeverein-batenbrock', role: 'ORGANISER' },
        { actorId: 'kirchengemeinde-am-markt', role: 'HOST' },
        { actorId: 'interkulturelles-beratungszentrum', role: 'PARTICIPANT' },
        { actorId: 'familienbildungswerk-sud', role: 'PARTICIPANT' },
        { actorId: 'nachbarschaftsinitiative-rosenviertel', role: 'PARTICIPANT' },
      ],
    },
    {
      id: 'pflanzfest-burgerinnengarten-2023',
      title: 'Pflanzfest im Bürger*innengarten 2023 (Beispiel)',
      kind: 'EVENT',
      startDate: '2023-05-13',
      endDate: '2023-05-13',
      location: 'Außenbereich des Bürgerhauses',
      description: `${BSP} erfundenes Fest zum Start des Gartens am neuen Ort; Datum und Beteiligte sind erfunden.`,
      topicIds: ['gemeinschaftsgarten', 'umwelt'],
      participants: [
        { actorId: 'bobbie-ev', role: 'ORGANISER' },
        { actorId: 'burgerhaus-batenbrock', role: 'HOST' },
        { actorId: 'kita-sonnenblume', role: 'PARTICIPANT' },
        { actorId: 'kleingartenverein-grune-aue', role: 'PARTICIPANT' },
        { actorId: 'umweltgruppe-volkspark', role: 'PARTICIPANT' },
        { actorId: 'seniorentreff-lindenhof', role: 'PARTICIPANT' },
      ],
    },
  ],
};

/**
 * Ids of every record the text does not name: invented actors and collaborations, and the topics
 * that are example vocabulary. Named collaborations may still have example participants; their
 * descriptions say which.
 */
export const EXAMPLE_DATA_IDS: ReadonlySet<string> = new Set([
  // topics
  'nachbarschaft',
  'jugend',
  'kinder',
  'familie',
  'senioren',
  'bildung',
  'sport',
  'integration',
  'kultur',
  'umwelt',
  'offentlicher-raum',
  'wohnen',
  'sauberkeit-und-sicherheit',
  'gesundheit',
  'ehrenamt',
  'lokale-wirtschaft',
  // actors
  'grundschule-am-volkspark',
  'kita-sonnenblume',
  'sportfreunde-volkspark',
  'kirchengemeinde-am-markt',
  'moscheeverein-batenbrock',
  'jugendtreff-kiste',
  'wohnbau-batenbrock',
  'seniorentreff-lindenhof',
  'kleingartenverein-grune-aue',
  'quartiershausmeister-batenbrock',
  'nachbarschaftsinitiative-rosenviertel',
  'heimatverein-rosenviertel',
  'familienbildungswerk-sud',
  'interkulturelles-beratungszentrum',
  'umweltgruppe-volkspark',
  'kulturwerkstatt-rosenviertel',
  'stadtteilapotheke-am-markt',
  'werbegemeinschaft-batenbrock',
  'mobile-jugendarbeit-sud',
  'elterninitiative-spielplatz',
  'repair-cafe-batenbrock',
  // collaborations
  'arbeitskreis-kinder-jugend-2022',
  'arbeitskreis-kinder-jugend-2023',
  'seniorennetzwerk-2022',
  'fruhjahrsputz-volkspark-2022',
  'interkulturelles-fruhstuck-2022',
  'pflanzfest-burgerinnengarten-2023',
]);
