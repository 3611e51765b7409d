/**
 * Generators of malformed requests for the fuzz test (fuzz.test.ts), all drawn from one seeded
 * random source so that a run is repeatable: the same seed, the same requests.
 *
 * Five families:
 * - documents: valid read queries broken in many ways (truncated, unbalanced, unknown fields,
 *   wrong argument types, huge strings, deep nesting, many aliases and directives, control
 *   characters and invalid UTF-8, token soup, fragment games);
 * - variables: read queries with variables of the wrong type, shape or size;
 * - mutations: writes that must fail (wrong enums, impossible dates, bad URLs and e-mail
 *   addresses, too long or blank text, control characters, unknown and malformed ids, numbers out
 *   of range, nulls where required, stale versions, duplicates) — so the stored graph must not change;
 * - arguments: query arguments out of range (page sizes, depth, windows, cursors, dates);
 * - bodies: HTTP bodies of the wrong JSON shape, content type, encoding, method or size.
 */
export type Family = 'documents' | 'variables' | 'mutations' | 'arguments' | 'bodies';

export interface FuzzCase {
  family: Family;
  /** What was broken, for the report of a failure. */
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Query string for GET (without `?`). */
  search?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** The request must answer errors (and no data for its field): a write that must not happen. */
  mustFail: boolean;
}

export type Random = () => number;

// ---------------------------------------------------------------------------------------------
// Small helpers over the random source

export class Dice {
  constructor(private readonly random: Random) {}
  float(): number {
    return this.random();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }
  /** A word that cannot be an id of the seed (they hold no "~"). */
  unknownId(): string {
    return `nope~${this.int(0, 1e9).toString(36)}`;
  }
  word(min = 1, max = 12): string {
    const letters = 'abcdefghijklmnopqrstuvwxyzäöüß';
    return Array.from({ length: this.int(min, max) }, () => this.pick([...letters])).join('');
  }
}

const json = { 'content-type': 'application/json' };

function post(family: Family, label: string, body: unknown, mustFail = false): FuzzCase {
  return {
    family,
    label,
    method: 'POST',
    headers: json,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    mustFail,
  };
}

// ---------------------------------------------------------------------------------------------
// Documents

/** Read queries: the broken variants of these can never write. */
export const READ_QUERIES = [
  '{ actors(first: 10) { totalCount pageInfo { hasNextPage endCursor } nodes { id name kind district } } }',
  '{ actors(filter: { kinds: [ASSOCIATION, INITIATIVE], topicIds: ["gemeinschaftsgarten"] }, first: 20) { totalCount nodes { id name kind } } }',
  '{ actor(id: "bobbie-ev") { id name kind description version interests { weight topic { id name } } collaborations { role collaboration { id title kind startDate } } collaborators(first: 5) { sharedCount actor { id name } collaborations { title startDate } } } }',
  '{ topics(first: 50) { totalCount nodes { id name actorCount collaborationCount } } }',
  '{ topic(id: "gemeinschaftsgarten") { name actors { id name } collaborations { id title } } }',
  '{ collaborations(filter: { from: "2021-01-01", to: "2021-12-31" }, first: 20) { totalCount nodes { id title kind startDate endDate } } }',
  '{ collaboration(id: "stadtteilkonferenz-2021") { title kind startDate location topics { name } participants { role actor { id name } } } }',
  '{ shortestPath(fromActorId: "eu-efre", toActorId: "bobbie-ev") { length steps { from { name } collaboration { title startDate } to { name } } } }',
  '{ network(filter: { centreActorId: "bobbie-ev", depth: 2, includeTopics: true }) { truncated nodes { id type label actorKind size } edges { id type source target weight } } }',
  '{ brokers(orderBy: BETWEENNESS, first: 5) { computedAt approximate actorCount tieCount nodes { rank degree betweenness closeness actor { id name } } } }',
  '{ resilience(removeActorIds: ["stadtteilagentur-batenbrock"], first: 5) { disconnectedCount brokers { rank actor { name } } dependents { dependence actor { name } } } }',
  '{ clusters(first: 10) { modularity count clusters { id size actors { id } dominantTopics { count topic { name } } } } }',
  '{ networkChange(from: "2021-12-31", to: "2023-12-31", windowDays: 365) { activeActorsBefore appearedActors { name } fadedTies { before after } } }',
  '{ recentTies(actorId: "bobbie-ev", recency: { asOf: "2024-06-30", halfLifeDays: 365 }, first: 5) { weight partner { name } } }',
  '{ duplicateCandidates(first: 10) { totalCount candidates { reasons similarity actors { id } } } }',
  '{ history(entityId: "bobbie-ev", first: 5) { totalCount nodes { seq operation changes { field before after } } } }',
  '{ suggestContacts(actorId: "bobbie-ev", first: 5) { score explanation actor { name } parts { name contribution } mutualCollaborators { actor { name } } } }',
  '{ matchActors(topicIds: ["jugend", "sport"], first: 5) { score actor { id } sharedTopics { weight topic { name } } } }',
  '{ similarActors(actorId: "repair-cafe-batenbrock", first: 5) { score actor { id } } }',
  '{ projectionStatus { builtAt version actorCount collaborationCount } }',
];

const FIELD_NAMES = [
  'actors',
  'actor',
  'topics',
  'name',
  'kind',
  'nodes',
  'id',
  'collaborators',
  'network',
  'edges',
  'weight',
  'first',
];
const PUNCTUATION = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '...', '!', '=', '|', '&', ','];
const KEYWORDS = [
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'true',
  'false',
  'null',
  'Query',
  'Actor',
  '__typename',
  '__schema',
];

function tokens(query: string): string[] {
  return query.match(/"(?:[^"\\]|\\.)*"|\.\.\.|[{}()[\]:$@!=|&,]|[^\s{}()[\]:$@!=|&,"]+/g) ?? [];
}

/** A wrong literal in place of an argument value. */
function wrongLiteral(d: Dice): string {
  return d.pick([
    '"text"',
    '42',
    '-1',
    '3.14',
    '1e999',
    '-1e999',
    '2147483648',
    '99999999999999999999',
    'true',
    'null',
    'FOO',
    '[1, 2]',
    '{ x: 1 }',
    '""',
    '$undeclared',
    `"${'x'.repeat(d.int(300, 3000))}"`,
  ]);
}

function nested(d: Dice, depth: number): string {
  let inner = 'name';
  for (let i = 0; i < depth; i++) inner = i % 2 === 0 ? `actor { ${inner} }` : `collaborators { ${inner} }`;
  return `{ actor(id: "bobbie-ev") { ${inner} } }`;
}

function documentCase(d: Dice, i: number): FuzzCase {
  const base = d.pick(READ_QUERIES);
  const kind = i % 16;
  switch (kind) {
    case 0: {
      const cut = d.int(0, base.length - 2);
      return post('documents', 'truncated', { query: base.slice(0, cut) });
    }
    case 1: {
      // Unbalanced: drop or add brackets.
      const t = tokens(base);
      const at = d.int(0, t.length - 1);
      if (d.chance(0.5)) t.splice(at, 1);
      else t.splice(at, 0, d.pick(['{', '}', '(', ')', '[', ']', '{{', '}}}']));
      return post('documents', 'unbalanced', { query: t.join(' ') });
    }
    case 2: {
      // Unknown field or argument names.
      const t = tokens(base);
      const names = t.map((tok, n) => (/^[A-Za-z_]\w*$/.test(tok) ? n : -1)).filter((n) => n >= 0);
      t[d.pick(names)] = d.pick([`${d.word(3, 8)}`, 'actorz', 'nmae', '__typenam', '_', 'collaboratorsCount']);
      return post('documents', 'unknown name', { query: t.join(' ') });
    }
    case 3: {
      // Wrong argument types: replace one literal value after a colon.
      const t = tokens(base);
      const values = t.map((tok, n) => (n > 0 && t[n - 1] === ':' ? n : -1)).filter((n) => n >= 0);
      if (values.length === 0)
        return post('documents', 'wrong literal', { query: `{ actors(first: ${wrongLiteral(d)}) { totalCount } }` });
      t[d.pick(values)] = wrongLiteral(d);
      return post('documents', 'wrong literal', { query: t.join(' ') });
    }
    case 4: {
      const size = d.pick([1_000, 50_000, 200_000, 900_000, 1_200_000]);
      const filler = d.pick(['x', 'ä', '\\u0000', '"', 'Ω']);
      const s = filler === '"' ? '\\"'.repeat(size / 2) : filler.repeat(size / filler.length);
      return post('documents', `huge string (${size})`, {
        query: `{ actors(filter: { nameContains: "${s}" }) { totalCount } }`,
      });
    }
    case 5:
      return post('documents', 'deep nesting', { query: nested(d, d.int(4, 60)) });
    case 6: {
      const n = d.int(20, 300);
      const field = d.pick([
        'actor(id: "bobbie-ev") { id }',
        '__typename',
        'projectionStatus { version }',
        'actors(first: 1) { totalCount }',
      ]);
      return post('documents', `aliases (${n})`, {
        query: `{ ${Array.from({ length: n }, (_, k) => `a${k}: ${field}`).join(' ')} }`,
      });
    }
    case 7: {
      const n = d.int(5, 200);
      const directive = d.pick([
        '@include(if: true)',
        '@skip(if: false)',
        '@deprecated',
        '@unknown',
        '@include(if: "yes")',
      ]);
      return post('documents', `directives (${n})`, {
        query: `{ actors(first: 1) ${directive.repeat(1)} ${Array.from({ length: n }, () => directive).join(' ')} { totalCount } }`,
      });
    }
    case 8: {
      // Control characters inside the (JSON-escaped) query.
      const chars = [
        '\u0000',
        '\u0001',
        '\u0007',
        '\u001b',
        '\u007f',
        '\u0085',
        '\ufffe',
        '\ud800',
        '\udfff',
        '\u2028',
        '\ufeff',
      ];
      const at = d.int(0, base.length);
      return post('documents', 'control characters', {
        query: base.slice(0, at) + d.pick(chars).repeat(d.int(1, 5)) + base.slice(at),
      });
    }
    case 9: {
      // Raw bytes that are not UTF-8, or raw control bytes, in the JSON body itself.
      const text = JSON.stringify({ query: base });
      const at = d.int(1, text.length - 1);
      const bytes = Buffer.concat([
        Buffer.from(text.slice(0, at), 'utf8'),
        Buffer.from(
          Array.from({ length: d.int(1, 6) }, () =>
            d.pick([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x00, 0x07, 0x1b, 0xf8]),
          ),
        ),
        Buffer.from(text.slice(at), 'utf8'),
      ]);
      return {
        family: 'documents',
        label: 'invalid UTF-8 / raw control bytes',
        method: 'POST',
        headers: json,
        body: new Uint8Array(bytes),
        mustFail: false,
      };
    }
    case 10: {
      // Token soup.
      const alphabet = [
        ...FIELD_NAMES,
        ...PUNCTUATION,
        ...KEYWORDS,
        '"bobbie-ev"',
        '1',
        '-5',
        '0.5',
        '$x',
        'ASSOCIATION',
      ];
      const soup = Array.from({ length: d.int(1, 80) }, () => d.pick(alphabet)).join(d.pick([' ', '', '\n']));
      return post('documents', 'token soup', { query: soup });
    }
    case 11: {
      const variant = d.int(0, 5);
      const q = [
        '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
        '{ ...Missing }',
        '{ actors { ... on Topic { name } } }',
        'fragment F on Actor { name } { actors { nodes { ...F ...F ...F } } } fragment F on Actor { id }',
        `{ ...F } fragment F on Query { ${'actors(first: 1) { totalCount } '.repeat(d.int(2, 50))} }`,
        '{ actor(id: "bobbie-ev") { ...on Actor { ...on Actor { ...on Actor { name } } } } }',
      ][variant];
      return post('documents', 'fragments', { query: q });
    }
    case 12: {
      const variant = d.int(0, 5);
      const body = [
        { query: `${base} ${base}` },
        { query: `query A ${base} query B ${base}` },
        { query: `query A ${base}`, operationName: 'Nope' },
        { query: 'subscription { actors { totalCount } }' },
        { query: '{ __schema { types { name fields { name } } } }' },
        { query: '{ __type(name: "Actor") { fields { name } } }' },
      ][variant];
      return post('documents', 'operations', body);
    }
    case 13: {
      // The same field many times (the work of merging overlapping fields).
      const n = d.int(50, 1500);
      const field = d.pick(['actors { totalCount }', 'actor(id: "bobbie-ev") { name }', 'actors { nodes { id } }']);
      return post('documents', `repeated fields (${n})`, { query: `{ ${field.repeat(1).concat(' ').repeat(n)} }` });
    }
    case 14: {
      // Mutations that cannot even be parsed or validated.
      const q = d.pick([
        'mutation { createActor(input: { name: "x", kind: ASSOCIATION }) }',
        'mutation { createActor(input: { name: "x" }) { id } }',
        'mutation { deleteActor }',
        'mutation { deleteActor(id: 1, id: 2) }',
        `mutation { createActor(input: { name: "${d.word()}", kind: ${d.pick(['association', 'FOO', '"ASSOCIATION"', '1'])} }) { id } }`,
        'mutation { updateActor(id: "bobbie-ev" input: { name: }) { id } }',
        'mutation { createTopic(input: { name: "x" } { id }',
      ]);
      return { ...post('documents', 'broken mutation', { query: q }), mustFail: true };
    }
    default: {
      // Garbage as the whole query.
      const q = d.pick([
        '',
        ' ',
        '\n\n',
        '#',
        '{}',
        '{ }',
        'query',
        '"""',
        '"unterminated',
        '{ actors(first: 1e) { totalCount } }',
        '{ actors(first: 0x10) { totalCount } }',
        `{ ${'{'.repeat(d.int(10, 3000))}`,
        `${'('.repeat(d.int(10, 2000))}`,
        '🙂',
      ]);
      return post('documents', 'garbage', { query: q });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Variables

interface VariableQuery {
  query: string;
  /** Valid variables. */
  valid: Record<string, unknown>;
}

const VARIABLE_QUERIES: VariableQuery[] = [
  {
    query:
      'query($name: String, $after: String, $first: Int!) { actors(filter: { nameContains: $name }, first: $first, after: $after) { totalCount nodes { id } } }',
    valid: { name: 'bürger', first: 5 },
  },
  {
    query: 'query($id: ID!) { actor(id: $id) { id name collaborators(first: 3) { sharedCount } } }',
    valid: { id: 'bobbie-ev' },
  },
  {
    query: 'query($from: ID!, $to: ID!) { shortestPath(fromActorId: $from, toActorId: $to) { length } }',
    valid: { from: 'eu-efre', to: 'bobbie-ev' },
  },
  {
    query: 'query($filter: NetworkFilterInput) { network(filter: $filter) { truncated nodes { id } } }',
    valid: { filter: { centreActorId: 'bobbie-ev', depth: 2, maxActors: 50 } },
  },
  {
    query: 'query($filter: ScopeFilterInput) { clusters(filter: $filter, first: 5) { count } }',
    valid: { filter: { from: '2021-01-01', actorKinds: ['ASSOCIATION'] } },
  },
  {
    query:
      'query($ids: [ID!]!, $first: Int!) { resilience(removeActorIds: $ids, first: $first) { disconnectedCount } }',
    valid: { ids: ['stadtteilagentur-batenbrock'], first: 3 },
  },
  {
    query: 'query($id: ID!, $kinds: [ActorKind!]) { suggestContacts(actorId: $id, first: 5, kinds: $kinds) { score } }',
    valid: { id: 'bobbie-ev', kinds: ['ASSOCIATION'] },
  },
  {
    query: 'query($topicIds: [ID!]!) { matchActors(topicIds: $topicIds, first: 5) { score } }',
    valid: { topicIds: ['jugend', 'sport'] },
  },
  {
    query:
      'query($filter: CollaborationFilterInput, $first: Int!) { collaborations(filter: $filter, first: $first) { totalCount } }',
    valid: { filter: { from: '2021-01-01', to: '2022-12-31', kinds: ['MEETING'] }, first: 10 },
  },
  {
    query:
      'query($id: ID!, $recency: RecencyInput!) { recentTies(actorId: $id, recency: $recency, first: 5) { weight } }',
    valid: { id: 'bobbie-ev', recency: { asOf: '2024-06-30', halfLifeDays: 365 } },
  },
  {
    query:
      'query($id: ID!, $first: Int!, $after: String) { history(entityId: $id, first: $first, after: $after) { totalCount } }',
    valid: { id: 'bobbie-ev', first: 5 },
  },
];

/** A value of the wrong type or size. */
function wrongValue(d: Dice): unknown {
  return d.pick<() => unknown>([
    () => 'text',
    () => '',
    () => 42,
    () => -7,
    () => 0,
    () => 3.5,
    () => 2 ** 31,
    () => -(2 ** 31) - 1,
    () => Number.MAX_SAFE_INTEGER + 2,
    () => 1e308,
    () => true,
    () => null,
    () => [],
    () => [1, 'a', null],
    () => ({}),
    () => ({ nested: { deeper: [1, { x: 'y' }] } }),
    () => 'x'.repeat(d.int(1_000, 100_000)),
    () => 'FOO',
    () => ['NOT_A_KIND'],
    () => '2021-02-30',
    () => '\u0000\u0001',
    () => JSON.parse(`[${'['.repeat(50)}${']'.repeat(50)}]`),
  ])();
}

function variablesCase(d: Dice, i: number): FuzzCase {
  const { query, valid } = d.pick(VARIABLE_QUERIES);
  const kind = i % 6;
  if (kind === 0) {
    // The variables themselves of the wrong JSON type.
    return post('variables', 'variables not an object', {
      query,
      variables: d.pick(['text', 42, [valid], true, [], '{}']),
    });
  }
  if (kind === 1) {
    // A numeric literal JSON cannot hold as a finite number (JSON.parse makes it Infinity).
    const body = JSON.stringify({ query, variables: valid }).replace(
      /"first":\d+|"halfLifeDays":\d+|"maxActors":\d+|"depth":\d+/,
      (m) =>
        `${m.split(':')[0]}:${d.pick(['1e999', '-1e999', '1e400', '-0', '0.0000001', '123456789012345678901234567890'])}`,
    );
    return post('variables', 'number out of JSON range', body);
  }
  const variables: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
  const names = Object.keys(variables);
  const name = d.pick(names);
  if (kind === 2) {
    delete variables[name];
    variables[d.pick(['unknown', 'firstt', name.toUpperCase()])] = wrongValue(d);
    return post('variables', `missing/unknown variable ${name}`, { query, variables });
  }
  if (kind === 3 && variables[name] && typeof variables[name] === 'object' && !Array.isArray(variables[name])) {
    // Inside an input object: a wrong field value or an unknown field.
    const inner = variables[name] as Record<string, unknown>;
    const field = d.chance(0.3)
      ? d.word(3, 10)
      : d.pick([...Object.keys(inner), 'depth', 'maxActors', 'from', 'to', 'topicIds', 'asOf', 'halfLifeDays']);
    inner[field] = wrongValue(d);
    return post('variables', `input field ${name}.${field}`, { query, variables });
  }
  variables[name] = wrongValue(d);
  return post('variables', `wrong ${name}`, { query, variables });
}

// ---------------------------------------------------------------------------------------------
// Mutations that must fail

const ACTOR_KINDS = [
  'ASSOCIATION',
  'AGENCY',
  'CITY_DEPARTMENT',
  'INSTITUTION',
  'INITIATIVE',
  'BUSINESS',
  'FUNDER',
  'GROUP',
  'PERSON',
];
const COLLABORATION_KINDS = ['CONFERENCE', 'MEETING', 'PROJECT', 'EVENT', 'FUNDING', 'WORKING_GROUP', 'JURY'];
const ROLES = ['ORGANISER', 'HOST', 'FUNDER', 'MEMBER', 'PARTICIPANT'];

const BAD_ENUMS = ['FOO', 'association', '', 'ASSOCIATION ', 'MEETING', 'null', '0'];
const BAD_DATES = [
  '2021-02-30',
  '2021-02-29',
  '2021-13-01',
  '2021-00-10',
  '2021-04-31',
  '21-01-01',
  '2021-1-1',
  '2021/01/01',
  'yesterday',
  '',
  '2021-01-01T00:00:00Z',
  '０２０２１-01-01',
  '2021-01-01\u0000',
];
const BAD_URLS = [
  'ftp://verein.de',
  'javascript:alert(1)',
  'not a url',
  'http://',
  // (a bare host such as www.verein.de is a website: https:// is added, as the import does)
  'http://exa mple.org',
  'mailto:info@verein.de',
  `https://${'x'.repeat(500)}.de`,
  'http://verein.de/\u0000',
  '//verein.de',
  'file:///etc/passwd',
];
const BAD_EMAIL_CONTACTS = [
  'info@',
  'Tel. 123, info@verein',
  'a@@verein.de',
  'mailto:@verein.de',
  'kontakt: info@verein..de',
  'x@y',
  'info@verein.d',
  'Büro: büro@@verein.de',
];
const BAD_IDS = ['has space', 'ümlaut', '-leading', '.dot', 'a/b', '../etc', 'x'.repeat(101), 'a\u0000b', 'emoji🙂'];
const BAD_NAMES = [
  '',
  '   ',
  '\t\n',
  'x'.repeat(201),
  'Verein\u0000',
  'Ver\u0007ein',
  'Zeile\nZwei',
  'Lone \ud800 surrogate',
  '\u009b',
  'x'.repeat(5000),
];

function randomName(d: Dice): string {
  return `Fuzz ${d.word(3, 10)} ${d.int(1, 99999)}`;
}

function validActorInput(d: Dice): Record<string, unknown> {
  const input: Record<string, unknown> = { name: randomName(d), kind: d.pick(ACTOR_KINDS) };
  if (d.chance(0.3)) input.district = 'Batenbrock';
  if (d.chance(0.3)) input.website = 'https://verein.example.org/';
  if (d.chance(0.3)) input.contact = 'Tel. 02041 123, info@verein.example.org';
  if (d.chance(0.3)) input.description = 'Ein Verein im Quartier.';
  return input;
}

/** A valid collaboration input that refers to existing actors and topics. */
function validCollaborationInput(d: Dice): Record<string, unknown> {
  return {
    title: randomName(d),
    kind: d.pick(COLLABORATION_KINDS),
    startDate: '2024-03-01',
    endDate: '2024-03-02',
    topicIds: ['jugend'],
    participants: [
      { actorId: 'bobbie-ev', role: d.pick(ROLES) },
      { actorId: 'eu-efre', role: d.pick(ROLES) },
    ],
  };
}

interface Mutation {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

const CREATE_ACTOR = 'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }';
const UPDATE_ACTOR =
  'mutation($id: ID!, $input: UpdateActorInput!, $v: Int) { updateActor(id: $id, input: $input, expectedVersion: $v) { id } }';
const CREATE_COLLABORATION =
  'mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }';
const UPDATE_COLLABORATION =
  'mutation($id: ID!, $input: UpdateCollaborationInput!) { updateCollaboration(id: $id, input: $input) { id } }';
const CREATE_TOPIC = 'mutation($input: CreateTopicInput!) { createTopic(input: $input) { id } }';
const UPDATE_TOPIC = 'mutation($id: ID!, $input: UpdateTopicInput!) { updateTopic(id: $id, input: $input) { id } }';
const SET_INTERESTS =
  'mutation($id: ID!, $interests: [InterestInput!]!) { setActorInterests(actorId: $id, interests: $interests) { id } }';

/** Existing records of the seed, and the version of every actor (to be sure a stale version is stale). */
export interface SeedFacts {
  actorIds: string[];
  topicIds: string[];
  topicNames: string[];
  collaborationIds: string[];
  actorVersions: Map<string, number>;
}

function mutationOf(d: Dice, facts: SeedFacts, i: number): Mutation {
  const actor = d.pick(facts.actorIds);
  const collaboration = d.pick(facts.collaborationIds);
  const topic = d.pick(facts.topicIds);
  switch (i % 24) {
    case 0: {
      const input = validActorInput(d);
      input.name = d.pick([...BAD_NAMES, null, 5, ['x']]);
      return { label: 'createActor bad name', query: CREATE_ACTOR, variables: { input } };
    }
    case 1: {
      const input = validActorInput(d);
      if (d.chance(0.8)) input.kind = d.pick([...BAD_ENUMS, null, 3, ['PERSON']]);
      else delete input.kind;
      return { label: 'createActor bad kind', query: CREATE_ACTOR, variables: { input } };
    }
    case 2: {
      const input = validActorInput(d);
      input.website = d.pick(BAD_URLS);
      return { label: 'createActor bad website', query: CREATE_ACTOR, variables: { input } };
    }
    case 3: {
      const input = validActorInput(d);
      input.contact = d.chance(0.8) ? d.pick(BAD_EMAIL_CONTACTS) : `${'Tel. 123 '.repeat(60)}`;
      return { label: 'createActor bad contact', query: CREATE_ACTOR, variables: { input } };
    }
    case 4: {
      const input = validActorInput(d);
      const field = d.pick(['description', 'district']);
      input[field] =
        field === 'description'
          ? d.pick(['x'.repeat(4001), 'Text\u0000', 'Text\u001b[31m'])
          : d.pick(['x'.repeat(201), 'Bat\nenbrock', 'Bat\u0000']);
      return { label: `createActor bad ${field}`, query: CREATE_ACTOR, variables: { input } };
    }
    case 5: {
      const input = validActorInput(d);
      input.id = d.chance(0.7) ? d.pick(BAD_IDS) : actor;
      return { label: 'createActor bad or existing id', query: CREATE_ACTOR, variables: { input } };
    }
    case 6: {
      const input = validActorInput(d);
      input[d.pick(['naem', 'version', 'createdAt', 'constructor', 'Name'])] = 'x';
      return { label: 'createActor unknown field', query: CREATE_ACTOR, variables: { input } };
    }
    case 7: {
      // Update of an unknown, malformed or existing actor: unknown id, stale version, or a bad field.
      const variant = d.int(0, 4);
      if (variant === 0)
        return {
          label: 'updateActor unknown id',
          query: UPDATE_ACTOR,
          variables: {
            id: d.pick([d.unknownId(), '', 'x'.repeat(d.int(501, 20_000))]),
            input: { name: randomName(d) },
          },
        };
      if (variant === 1) {
        const current = facts.actorVersions.get(actor) ?? 1;
        const stale = d.pick([current - 1, current + 1, current + 1000, -1, 0].filter((v) => v !== current));
        return {
          label: 'updateActor stale version',
          query: UPDATE_ACTOR,
          variables: { id: actor, input: { description: 'neu' }, v: stale },
        };
      }
      if (variant === 2)
        return {
          label: 'updateActor clears a required field',
          query: UPDATE_ACTOR,
          variables: { id: actor, input: d.pick([{ name: null }, { kind: null }]) },
        };
      if (variant === 3)
        return {
          label: 'updateActor version out of Int range',
          query: UPDATE_ACTOR,
          variables: { id: actor, input: { description: 'neu' }, v: d.pick([2 ** 31, -(2 ** 31) - 1, 1.5, '1']) },
        };
      const input: Record<string, unknown> = {};
      const field = d.pick(['name', 'website', 'contact', 'kind']);
      input[field] =
        field === 'name'
          ? d.pick(BAD_NAMES)
          : field === 'website'
            ? d.pick(BAD_URLS)
            : field === 'contact'
              ? d.pick(BAD_EMAIL_CONTACTS)
              : d.pick(BAD_ENUMS);
      return { label: `updateActor bad ${field}`, query: UPDATE_ACTOR, variables: { id: actor, input } };
    }
    case 8: {
      const id = d.pick([d.unknownId(), '', 'x'.repeat(d.int(501, 5000)), `${actor} `]);
      const which = d.pick(['deleteActor', 'deleteTopic', 'deleteCollaboration']);
      return { label: `${which} unknown`, query: `mutation($id: ID!) { ${which}(id: $id) }`, variables: { id } };
    }
    case 9: {
      const variant = d.int(0, 5);
      const interests =
        variant === 0
          ? [{ topicId: topic, weight: d.pick([0, -1, 1.0001, 2, 1e308, -1e-9]) }]
          : variant === 1
            ? [{ topicId: d.unknownId(), weight: 0.5 }]
            : variant === 2
              ? [{ topicId: topic }, { topicId: topic, weight: 0.3 }]
              : variant === 3
                ? Array.from({ length: 501 }, (_, k) => ({ topicId: `t${k}` }))
                : variant === 4
                  ? [{ topicId: '' }]
                  : [{ topicId: topic, weight: 'viel' }];
      const id = variant === 5 || d.chance(0.8) ? actor : d.unknownId();
      return { label: `setActorInterests bad #${variant}`, query: SET_INTERESTS, variables: { id, interests } };
    }
    case 10: {
      const input = validCollaborationInput(d);
      const field = d.pick(['startDate', 'endDate']);
      input[field] = d.pick(BAD_DATES);
      return { label: `createCollaboration bad ${field}`, query: CREATE_COLLABORATION, variables: { input } };
    }
    case 11: {
      const input = validCollaborationInput(d);
      const variant = d.int(0, 2);
      if (variant === 0) Object.assign(input, { startDate: '2024-05-01', endDate: '2024-04-30' });
      else if (variant === 1) Object.assign(input, { startDate: null, endDate: '2024-04-30' });
      else Object.assign(input, { startDate: '2024-02-28', endDate: '2023-02-28' });
      return { label: 'createCollaboration end before start', query: CREATE_COLLABORATION, variables: { input } };
    }
    case 12: {
      const input = validCollaborationInput(d);
      const variant = d.int(0, 4);
      if (variant === 0) input.participants = [{ actorId: d.unknownId(), role: 'HOST' }];
      else if (variant === 1) input.participants = [{ actorId: actor }, { actorId: actor, role: 'HOST' }];
      else if (variant === 2) input.participants = [{ actorId: actor, role: d.pick(BAD_ENUMS) }];
      else if (variant === 3) input.participants = Array.from({ length: 501 }, () => ({ actorId: actor }));
      else input.participants = [{ role: 'HOST' }];
      return {
        label: `createCollaboration bad participants #${variant}`,
        query: CREATE_COLLABORATION,
        variables: { input },
      };
    }
    case 13: {
      const input = validCollaborationInput(d);
      const variant = d.int(0, 5);
      if (variant === 0) input.topicIds = [d.unknownId()];
      else if (variant === 1) input.title = d.pick(BAD_NAMES);
      else if (variant === 2) input.kind = d.pick([...BAD_ENUMS.filter((k) => k !== 'MEETING'), 'ASSOCIATION']);
      else if (variant === 3) input.location = d.pick(['x'.repeat(201), 'Bürger\nhaus']);
      else if (variant === 4) input.id = d.pick([...BAD_IDS, collaboration]);
      else input.topicIds = Array.from({ length: 501 }, () => topic);
      return { label: `createCollaboration bad field #${variant}`, query: CREATE_COLLABORATION, variables: { input } };
    }
    case 14: {
      const variant = d.int(0, 3);
      const id = variant === 0 ? d.unknownId() : collaboration;
      const input =
        variant === 0
          ? { title: randomName(d) }
          : variant === 1
            ? { startDate: d.pick(BAD_DATES) }
            : variant === 2
              ? d.pick([{ title: null }, { kind: null }, { title: '  ' }])
              : { startDate: '2030-01-01', endDate: '2020-01-01' };
      return { label: `updateCollaboration bad #${variant}`, query: UPDATE_COLLABORATION, variables: { id, input } };
    }
    case 15: {
      const variant = d.int(0, 5);
      const input: Record<string, unknown> =
        variant === 0
          ? { name: d.pick(['', '!!!', '---', 'x'.repeat(201), 'Ju\u0000gend']) }
          : variant === 1
            ? { name: randomName(d), aliases: Array.from({ length: 21 }, (_, k) => `a${k}`) }
            : variant === 2
              ? { name: randomName(d), aliases: [d.pick(['', 'x'.repeat(201), 'a\nb'])] }
              : variant === 3
                ? { name: randomName(d), id: d.pick([...BAD_IDS, topic]) }
                : variant === 4
                  ? { name: d.pick(facts.topicNames) }
                  : { name: null };
      return { label: `createTopic bad #${variant}`, query: CREATE_TOPIC, variables: { input } };
    }
    case 16: {
      const variant = d.int(0, 2);
      const id = variant === 0 ? d.unknownId() : topic;
      const input =
        variant === 0
          ? { name: randomName(d) }
          : variant === 1
            ? d.pick([{ name: '' }, { name: '***' }, { name: null }])
            : { aliases: Array.from({ length: 25 }, () => 'x') };
      return { label: `updateTopic bad #${variant}`, query: UPDATE_TOPIC, variables: { id, input } };
    }
    case 17: {
      const variant = d.int(0, 3);
      const [collaborationId, actorId] =
        variant === 0
          ? [d.unknownId(), actor]
          : variant === 1
            ? [collaboration, d.unknownId()]
            : variant === 2
              ? ['', actor]
              : [collaboration, actor];
      const role = variant === 3 ? d.pick(BAD_ENUMS) : 'MEMBER';
      return {
        label: `addParticipant bad #${variant}`,
        query:
          'mutation($c: ID!, $a: ID!, $role: ParticipationRole) { addParticipant(collaborationId: $c, actorId: $a, role: $role) { id } }',
        variables: { c: collaborationId, a: actorId, role },
      };
    }
    case 18: {
      const variant = d.int(0, 1);
      return {
        label: `removeParticipant unknown #${variant}`,
        query: 'mutation($c: ID!, $a: ID!) { removeParticipant(collaborationId: $c, actorId: $a) { id } }',
        variables: variant === 0 ? { c: d.unknownId(), a: actor } : { c: collaboration, a: d.unknownId() },
      };
    }
    case 19: {
      const variant = d.int(0, 3);
      const variables =
        variant === 0
          ? { keep: actor, merge: [actor] }
          : variant === 1
            ? { keep: d.unknownId(), merge: [d.pick(facts.actorIds.filter((a) => a !== actor))] }
            : variant === 2
              ? { keep: actor, merge: [d.unknownId()] }
              : { keep: actor, merge: Array.from({ length: 501 }, () => d.unknownId()) };
      return {
        label: `mergeActors bad #${variant}`,
        query: 'mutation($keep: ID!, $merge: [ID!]!) { mergeActors(keepId: $keep, mergeIds: $merge) { id } }',
        variables,
      };
    }
    case 20: {
      const variant = d.int(0, 3);
      const other = d.pick(facts.actorIds.filter((a) => a !== actor));
      const variables =
        variant === 0
          ? { a: actor, s: actor, v: 'INTRODUCED' }
          : variant === 1
            ? { a: d.unknownId(), s: other, v: 'NOT_USEFUL' }
            : variant === 2
              ? { a: actor, s: other, v: d.pick(BAD_ENUMS) }
              : { a: actor, s: other, v: 'INTRODUCED', note: d.pick(['x'.repeat(2001), 'Notiz\u0000']) };
      return {
        label: `giveSuggestionFeedback bad #${variant}`,
        query:
          'mutation($a: ID!, $s: ID!, $v: SuggestionVerdict!, $note: String) { giveSuggestionFeedback(actorId: $a, suggestedId: $s, verdict: $v, note: $note) { at } }',
        variables,
      };
    }
    case 21:
      // The seed's actors were imported, never updated: there is nothing to undo.
      return {
        label: 'undoLastChange',
        query: 'mutation($id: ID!) { undoLastChange(actorId: $id) { actor { id } } }',
        variables: { id: d.chance(0.8) ? actor : d.unknownId() },
      };
    case 22: {
      // Required variables missing or null.
      const q = d.pick([CREATE_ACTOR, UPDATE_ACTOR, CREATE_COLLABORATION, SET_INTERESTS, CREATE_TOPIC]);
      return {
        label: 'required variable missing or null',
        query: q,
        variables: d.pick([{}, { input: null }, { id: null, input: null }, { interests: null }]),
      };
    }
    default: {
      // The same must-fail inputs written into the document as literals.
      const input = validActorInput(d);
      const field = d.pick(['name', 'kind', 'website', 'contact', 'id']);
      const value =
        field === 'name'
          ? d.pick(BAD_NAMES)
          : field === 'kind'
            ? d.pick(BAD_ENUMS)
            : field === 'website'
              ? d.pick(BAD_URLS)
              : field === 'contact'
                ? d.pick(BAD_EMAIL_CONTACTS)
                : d.pick(BAD_IDS);
      input[field] = value;
      const literal = Object.entries(input)
        .map(([k, v]) => `${k}: ${k === 'kind' && /^[A-Za-z_]\w*$/.test(String(v)) ? v : JSON.stringify(v)}`)
        .join(', ');
      return {
        label: `createActor literal bad ${field}`,
        query: `mutation { createActor(input: { ${literal} }) { id } }`,
        variables: {},
      };
    }
  }
}

function mutationCase(d: Dice, facts: SeedFacts, i: number): FuzzCase {
  const m = mutationOf(d, facts, i);
  return { ...post('mutations', m.label, { query: m.query, variables: m.variables }), mustFail: true };
}

// ---------------------------------------------------------------------------------------------
// Query arguments out of range

function argumentCase(d: Dice, i: number): FuzzCase {
  // Page sizes: 1–500 for lists, 1–1000 for insight rankings (and 1–100 for suggestions, below).
  const bad = d.pick([0, -1, -100, 501, 1001, 5001, 2147483647, -2147483648]);
  const badRows = d.pick([0, -1, 1001, 5001, 2147483647, -2147483648]);
  const date = d.pick(BAD_DATES);
  const queries = [
    `{ actors(first: ${bad}) { totalCount } }`,
    `{ topics(first: ${bad}) { totalCount } }`,
    `{ collaborations(first: ${bad}) { totalCount } }`,
    `{ actor(id: "bobbie-ev") { collaborators(first: ${bad}) { sharedCount } } }`,
    `{ history(entityId: "bobbie-ev", first: ${bad}) { totalCount } }`,
    `{ duplicateCandidates(first: ${bad}) { totalCount } }`,
    `{ suggestContacts(actorId: "bobbie-ev", first: ${d.pick([0, -1, 101, 100000])}) { score } }`,
    `{ brokers(first: ${badRows}) { actorCount } }`,
    `{ clusters(first: ${badRows}) { count } }`,
    `{ clusters(minSize: ${d.pick([0, -1, -2147483648])}) { count } }`,
    `{ clusters(resolution: ${d.pick(['0', '-1', '1e999', '101', '1e300', '-0.0'])}) { count } }`,
    `{ resilience(removeActorIds: [], first: ${badRows}) { actorCount } }`,
    `{ recentTies(actorId: "bobbie-ev", recency: { asOf: "2024-01-01" }, first: ${badRows}) { weight } }`,
    `{ recentTies(actorId: "bobbie-ev", recency: { asOf: "${date}", halfLifeDays: 365 }) { weight } }`,
    `{ recentTies(actorId: "bobbie-ev", recency: { asOf: "2024-01-01", halfLifeDays: ${d.pick(['0', '-5', '1e999', '36501', '1e-320', '0.5'])} }) { weight } }`,
    `{ networkChange(from: "2021-01-01", to: "2022-01-01", windowDays: ${d.pick([0, -1, 36501, 2147483647])}) { windowDays } }`,
    `{ networkChange(from: "${date}", to: "2022-01-01") { windowDays } }`,
    `{ network(filter: { maxActors: ${d.pick([0, -1, 5001, 2147483647])} }) { truncated } }`,
    `{ network(filter: { centreActorId: "bobbie-ev", depth: ${d.pick([0, -1, 7, 100])} }) { truncated } }`,
    `{ network(filter: { from: "2023-01-01", to: "2021-01-01" }) { truncated } }`,
    `{ network(filter: { from: "${date}" }) { truncated } }`,
    `{ network(filter: { centreActorId: "${d.unknownId()}" }) { truncated } }`,
    `{ shortestPath(fromActorId: "${d.unknownId()}", toActorId: "bobbie-ev") { length } }`,
    `{ actors(after: "${d.pick(['kaputt', '', 'W10', 'WyJhIl0', 'eyJ4IjoxfQ', 'x'.repeat(5000), '%%%'])}") { totalCount } }`,
    `{ history(entityId: "bobbie-ev", after: "${d.pick(['kaputt', 'WyJ4IiwiIl0', 'WyIxZTk5OSIsIiJd'])}") { totalCount } }`,
    `{ collaborations(filter: { from: "2023-01-01", to: "2021-01-01" }) { totalCount } }`,
    `{ collaborations(filter: { from: "${date}" }) { totalCount } }`,
    `{ matchActors(topicIds: []) { score } }`,
    `{ matchActors(topicIds: ["${d.unknownId()}"]) { score } }`,
    `{ suggestContacts(actorId: "${d.unknownId()}") { score } }`,
    `{ actors(filter: { nameContains: "${d.pick(['', 'x'.repeat(201)])}" }) { totalCount } }`,
  ];
  return {
    ...post('arguments', `argument #${i % queries.length}`, { query: queries[i % queries.length] }),
    mustFail: true,
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP bodies

function bodyCase(d: Dice, i: number): FuzzCase {
  const query = d.pick(READ_QUERIES);
  const variant = i % 20;
  switch (variant) {
    case 0:
      return post('bodies', 'batch', [{ query }, { query }].slice(0, d.int(0, 2)));
    case 1:
      return post('bodies', 'JSON scalar', d.pick(['42', '"text"', 'null', 'true', '[]', '{}', '0']));
    case 2:
      return post('bodies', 'query not a string', { query: d.pick([5, null, true, [query], { query }, '']) });
    case 3:
      return post('bodies', 'operationName not a string', { query, operationName: d.pick([5, true, [], {}]) });
    case 4:
      return post('bodies', 'extensions', {
        query: d.chance(0.5) ? undefined : query,
        extensions: d.pick([
          { persistedQuery: { version: 1, sha256Hash: 'abc' } },
          { persistedQuery: { version: 2 } },
          'x',
          [1],
        ]),
      });
    case 5: {
      const text = JSON.stringify({ query });
      return post('bodies', 'truncated JSON', text.slice(0, d.int(0, text.length - 1)));
    }
    case 6:
      return post(
        'bodies',
        'invalid JSON',
        d.pick([
          '{query: "x"}',
          "{'query': '{ actors { totalCount } }'}",
          '{"query": "{ a }",}',
          '{"query": "\\x41"}',
          '{"a":1}{"b":2}',
          'NaN',
          '{"query": 1e999999}',
          '\u0000',
        ]),
      );
    case 7: {
      const depth = d.int(100, 50_000);
      return post('bodies', `deep JSON (${depth})`, `{"query": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    }
    case 8: {
      const size = d.pick([1_100_000, 2_000_000]);
      return post(
        'bodies',
        `body over the limit (${size})`,
        JSON.stringify({ query, variables: { pad: 'x'.repeat(size) } }),
      );
    }
    case 9: {
      const contentType = d.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/graphql',
        '',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
      ]);
      return {
        family: 'bodies',
        label: `content-type ${contentType || '(none)'}`,
        method: 'POST',
        headers: contentType ? { 'content-type': contentType } : {},
        body: JSON.stringify({ query }),
        mustFail: false,
      };
    }
    case 10:
      return {
        family: 'bodies',
        label: 'gzip garbage',
        method: 'POST',
        headers: { ...json, 'content-encoding': d.pick(['gzip', 'deflate', 'br', 'compress', 'x-unknown']) },
        body: new Uint8Array([0x1f, 0x8b, d.int(0, 255), d.int(0, 255)]),
        mustFail: false,
      };
    case 11: {
      const method = d.pick(['PUT', 'DELETE', 'PATCH'] as const);
      return {
        family: 'bodies',
        label: `method ${method}`,
        method,
        headers: json,
        body: JSON.stringify({ query }),
        mustFail: false,
      };
    }
    case 12: {
      // GET: without the preflight header (CSRF prevention), with it, with a mutation, with broken variables.
      const v = d.int(0, 3);
      const params = new URLSearchParams({ query: v === 2 ? 'mutation { deleteActor(id: "bobbie-ev") }' : query });
      if (v === 3) params.set('variables', d.pick(['{', '[]', '"x"', 'null']));
      return {
        family: 'bodies',
        label: `GET #${v}`,
        method: 'GET',
        search: params.toString(),
        headers: v === 0 ? {} : { 'apollo-require-preflight': 'true' },
        mustFail: v === 2,
      };
    }
    case 13:
      return post('bodies', 'variables of the wrong JSON type', {
        query,
        variables: d.pick(['{"a":1}', 5, [1], true]),
      });
    case 14:
      return post(
        'bodies',
        'duplicate keys',
        `{"query": ${JSON.stringify(query)}, "query": ${JSON.stringify('{ nope }')}}`,
      );
    case 15:
      return post('bodies', 'empty body', '');
    case 16:
      return post(
        'bodies',
        'prototype keys',
        `{"__proto__": {"query": "{ actors { totalCount } }"}, "constructor": {"prototype": {"x": 1}}}`,
      );
    case 17: {
      const n = d.int(2, 200);
      return post(
        'bodies',
        `large batch (${n})`,
        Array.from({ length: n }, () => ({ query })),
      );
    }
    case 18:
      return post('bodies', 'whitespace and BOM', `\ufeff  ${JSON.stringify({ query })}  `);
    default:
      return post('bodies', 'very long operationName', {
        query: `query X ${query}`,
        operationName: 'X'.repeat(d.int(1000, 100_000)),
      });
  }
}

// ---------------------------------------------------------------------------------------------

/** The whole run: `counts` cases of each family, in a deterministic order (interleaved). */
export function generateCases(random: Random, facts: SeedFacts, counts: Record<Family, number>): FuzzCase[] {
  const d = new Dice(random);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < counts.documents; i++) cases.push(documentCase(d, i));
  for (let i = 0; i < counts.variables; i++) cases.push(variablesCase(d, i));
  for (let i = 0; i < counts.mutations; i++) cases.push(mutationCase(d, facts, i));
  for (let i = 0; i < counts.arguments; i++) cases.push(argumentCase(d, i));
  for (let i = 0; i < counts.bodies; i++) cases.push(bodyCase(d, i));
  // Interleave deterministically so that families meet each other's effects (caches, the write queue).
  for (let i = cases.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [cases[i], cases[j]] = [cases[j], cases[i]];
  }
  return cases;
}
