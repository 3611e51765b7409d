/**
 * One text rule for every way text comes in — the GraphQL inputs (createActor, updateActor,
 * topics, collaborations) and the import — with the inputs of an outside security test: control
 * characters (a bell, ANSI escapes), bidi overrides and isolates, text of invisible characters only
 * are refused naming the field; what passes is stored in NFC, so the NFC and NFD spellings of one
 * name are one actor, one topic. And duplicateCandidates tells viewers nothing drawn from contact
 * data (SAME_EMAIL), which they may not read.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, keyHolder, useSeededApi, type GraphQLResponse, type TestApi } from '../support/api';
import { embeddedHarness } from '../support/stores';

const IMPORT = `mutation Import($format: ImportFormat!, $files: [ImportFileInput!]!) {
  importNetwork(format: $format, files: $files) { applied rejectedTotal counts { table created updated unchanged } rejected { table row field reason } }
}`;
const CREATE_ACTOR = `mutation C($input: CreateActorInput!) { createActor(input: $input) { id name description } }`;
const UPDATE_ACTOR = `mutation U($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name } }`;
const CREATE_TOPIC = `mutation T($input: CreateTopicInput!) { createTopic(input: $input) { id name aliases } }`;
const CREATE_COLLABORATION = `mutation K($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id title location } }`;

/** The refused names of the finding: a bell, ANSI escapes, bidi controls, invisible characters only. */
const BAD_SINGLE_LINE: Array<[string, string, RegExp]> = [
  ['a bell character', 'Glocke\u0007', /control characters/],
  ['ANSI escapes', '\u001b[31mRot\u001b[0m', /control characters/],
  ['a C1 control (CSI)', 'Rot\u009b31m', /control characters/],
  ['DEL', 'Entf\u007f', /control characters/],
  ['a line break', 'Zwei\nZeilen', /control characters or line breaks/],
  ['a right-to-left override', 'Bobbie\u202eve.e', /bidirectional/],
  ['a left-to-right embedding', '\u202aBobbie', /bidirectional/],
  ['a first-strong isolate', 'Bobbie\u2068x\u2069', /bidirectional/],
  ['only a zero-width space', '\u200b', /invisible characters only/],
  ['only zero-width joiner and non-joiner', '\u200d\u200c', /invisible characters only/],
  ['only a BOM and a space', '\ufeff ', /invisible characters only/],
  ['only soft hyphens', '\u00ad\u00ad', /invisible characters only/],
  ['only a Hangul filler', '\u3164', /invisible characters only/],
];

const NFC = 'Bürgerbühne Große Straße';
const NFD = NFC.normalize('NFD');

function problem(response: GraphQLResponse): { codes: unknown[]; field: unknown; message: string | undefined } {
  const first = response.errors?.[0];
  return { codes: errorCodes(response), field: first?.extensions?.field, message: first?.message };
}

describe('text input: one rule for the API and the import', () => {
  let api: TestApi;
  useSeededApi(embeddedHarness(), batenbrock, (a) => (api = a), 'test');

  const importJson = async (content: object) =>
    (await api.data(IMPORT, { format: 'JSON', files: [{ name: 'n.json', content: JSON.stringify(content) }] }))
      .importNetwork;

  test.each(BAD_SINGLE_LINE)(
    'a name with %s is refused by createActor, updateActor, createTopic, createCollaboration and the import',
    async (_label, text, message) => {
      const before = await api.store.readGraph();
      const expectRefused = (
        response: GraphQLResponse,
        field: string,
        why: unknown = expect.stringMatching(message),
      ) => {
        expect(problem(response)).toEqual({ codes: ['BAD_USER_INPUT'], field, message: why });
      };
      // Invisible characters inside visible text are fine ("Kultur\u200b" is "Kultur"): those cases use the text alone.
      const invisibleOnly = /invisible/.test(message.source);
      expectRefused(await api.run(CREATE_ACTOR, { input: { name: text, kind: 'INITIATIVE' } }), 'name');
      expectRefused(
        await api.run(CREATE_ACTOR, { input: { name: 'Gut', kind: 'INITIATIVE', district: text } }),
        'district',
      );
      expectRefused(await api.run(UPDATE_ACTOR, { id: 'bobbie-ev', input: { name: text } }), 'name');
      if (invisibleOnly)
        expectRefused(await api.run(CREATE_TOPIC, { input: { name: text } }), 'name', expect.any(String));
      else expectRefused(await api.run(CREATE_TOPIC, { input: { name: `Kultur ${text}` } }), 'name');
      expectRefused(await api.run(CREATE_TOPIC, { input: { name: 'Kultur neu', aliases: ['gut', text] } }), 'aliases');
      expectRefused(await api.run(CREATE_COLLABORATION, { input: { title: text, kind: 'EVENT' } }), 'title');
      expectRefused(
        await api.run(CREATE_COLLABORATION, { input: { title: 'Fest', kind: 'EVENT', location: text } }),
        'location',
      );

      const report = await importJson({
        actors: [{ id: 'glocke', name: text, kind: 'INITIATIVE' }],
        topics: [{ id: 'neu', name: 'Neu', aliases: [text] }],
        collaborations: [{ id: 'fest', title: 'Fest', kind: 'EVENT', location: text }],
      });
      expect(report.applied).toBe(false);
      expect(report.rejected).toEqual([
        { table: 'topics', row: 1, field: 'aliases', reason: expect.stringMatching(message) },
        { table: 'actors', row: 1, field: 'name', reason: expect.stringMatching(message) },
        { table: 'collaborations', row: 1, field: 'location', reason: expect.stringMatching(message) },
      ]);
      expect(await api.store.readGraph()).toEqual(before);
    },
  );

  test('descriptions and contact details may break lines and use tabs, but hold no other control, no bidi control, not only invisible characters', async () => {
    const ok = await api.data(CREATE_ACTOR, {
      input: {
        id: 'zeilen',
        name: 'Zeilen',
        kind: 'INITIATIVE',
        description: 'Eins\nZwei\tDrei\r\nVier',
        contact: 'Tel. 1\nTel. 2',
      },
    });
    expect(ok.createActor.description).toBe('Eins\nZwei\tDrei\r\nVier');
    for (const [text, message] of [
      ['Glocke\u0007', /control characters other than line breaks/],
      ['\u001b[2J', /control characters other than line breaks/],
      ['frei \u2066geheim\u2069', /bidirectional/],
      ['\u200b\n\u200b', /invisible characters only/],
    ] as const) {
      expect(problem(await api.run(UPDATE_ACTOR, { id: 'zeilen', input: { description: text } }))).toEqual({
        codes: ['BAD_USER_INPUT'],
        field: 'description',
        message: expect.stringMatching(message),
      });
      expect(problem(await api.run(UPDATE_ACTOR, { id: 'zeilen', input: { contact: text } }))).toEqual({
        codes: ['BAD_USER_INPUT'],
        field: 'contact',
        message: expect.stringMatching(message),
      });
      const report = await importJson({
        actors: [{ id: 'zeilen', description: text }],
        collaborations: [{ id: 'fest', title: 'Fest', kind: 'EVENT', description: text }],
      });
      expect(report.rejected.map((r: { field: string }) => r.field)).toEqual(['description', 'description']);
    }
    // Inside visible text invisible characters stay (a soft hyphen, a joiner in an emoji).
    const soft = await api.data(UPDATE_ACTOR, {
      id: 'zeilen',
      input: { name: 'Nachbar\u00adschafts\u00adhilfe 👩\u200d🌾' },
    });
    expect(soft.updateActor.name).toBe('Nachbar\u00adschafts\u00adhilfe 👩\u200d🌾');
  });

  test('the import and createActor agree: what one refuses the other refuses, what one accepts the other accepts', async () => {
    const name = 'Nachbarschaft \u001b[1mfett\u001b[0m \u0007';
    expect(errorCodes(await api.run(CREATE_ACTOR, { input: { name, kind: 'INITIATIVE' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const csv = `id;name;kind\nansi;${name};Initiative\n`;
    const report = (await api.data(IMPORT, { format: 'CSV', files: [{ name: 'actors.csv', content: csv }] }))
      .importNetwork;
    expect(report.rejected).toEqual([
      { table: 'actors', row: 2, field: 'name', reason: expect.stringContaining('control characters') },
    ]);
    expect((await api.store.getActors(['ansi']))[0]).toBeNull();
  });

  test('the NFC and NFD spellings of a name are one: stored in NFC by the API and the import, found as one actor, one topic', async () => {
    expect(NFD).not.toBe(NFC);
    const created = await api.data(CREATE_ACTOR, {
      input: { id: 'buehne', name: NFD, kind: 'ASSOCIATION', description: `${NFD}\nzweite Zeile` },
    });
    expect(created.createActor.name).toBe(NFC);
    expect(created.createActor.description).toBe(`${NFC}\nzweite Zeile`);
    expect((await api.store.getActors(['buehne']))[0]!.name).toBe(NFC);

    // The import names the actor in NFD without an id: it is the stored one, not a second.
    const report = await importJson({ actors: [{ name: NFD, kind: 'ASSOCIATION', district: NFD }] });
    expect(report.rejected).toEqual([]);
    expect(report.counts.find((c: { table: string }) => c.table === 'actors')).toMatchObject({
      created: 0,
      updated: 1,
    });
    const stored = (await api.store.getActors(['buehne']))[0];
    expect({ name: stored!.name, district: stored!.district }).toEqual({ name: NFC, district: NFC });
    expect((await api.data(`{ actors(filter: { nameContains: "${NFC}" }) { nodes { id } } }`)).actors.nodes).toEqual([
      { id: 'buehne' },
    ]);

    // A topic named in NFD is stored in NFC; the NFC spelling is then taken.
    const topic = await api.data(CREATE_TOPIC, { input: { name: NFD, aliases: [NFD.toLowerCase()] } });
    expect(topic.createTopic).toMatchObject({ name: NFC, aliases: [NFC.toLowerCase()] });
    expect(errorCodes(await api.run(CREATE_TOPIC, { input: { name: NFC } }))).toEqual(['CONFLICT']);
    const collaboration = await api.data(CREATE_COLLABORATION, { input: { title: NFD, kind: 'EVENT', location: NFD } });
    expect(collaboration.createCollaboration).toMatchObject({ title: NFC, location: NFC });
  });
});

describe('duplicateCandidates below EDITOR: nothing drawn from contact data', () => {
  let api: TestApi;
  useSeededApi(embeddedHarness(), batenbrock, (a) => (api = a), 'test');
  const DUPLICATES = `{ duplicateCandidates(first: 50) { totalCount candidates { actorIds reasons } } }`;
  const viewer = keyHolder('nachbarin', 'VIEWER');
  const editor = keyHolder('buero', 'EDITOR');

  test('SAME_EMAIL is left out for viewers, and so is a pair whose only reason it was; editors see both', async () => {
    // Two people who share an address (and nothing else) and a pair with a similar name and a shared address.
    await api.data(`mutation { a: createActor(input: { id: "p1", name: "Anna Schmidt", kind: PERSON, contact: "familie@schmidt.example" }) { id }
      b: createActor(input: { id: "p2", name: "Jörg Lehmann", kind: PERSON, contact: "Tel. 1, FAMILIE@schmidt.example" }) { id }
      c: createActor(input: { id: "v1", name: "Kleingartenfreunde Nord", kind: ASSOCIATION, contact: "nord@garten.example" }) { id }
      d: createActor(input: { id: "v2", name: "Kleingartenfreunde Nord e.V.", kind: ASSOCIATION, contact: "nord@garten.example" }) { id } }`);

    const asEditor = (await api.runAs(editor, DUPLICATES)).data!.duplicateCandidates;
    expect(asEditor.candidates).toEqual(
      expect.arrayContaining([
        { actorIds: ['p1', 'p2'], reasons: ['SAME_EMAIL'] },
        { actorIds: ['v1', 'v2'], reasons: ['SIMILAR_NAME', 'SAME_EMAIL'] },
      ]),
    );

    const answer = await api.runAs(viewer, DUPLICATES);
    expect(answer.errors).toBeUndefined();
    const asViewer = answer.data!.duplicateCandidates;
    expect(asViewer.candidates).toContainEqual({ actorIds: ['v1', 'v2'], reasons: ['SIMILAR_NAME'] });
    expect(asViewer.candidates.some((c: { actorIds: string[] }) => c.actorIds.includes('p1'))).toBe(false);
    expect(asViewer.candidates.flatMap((c: { reasons: string[] }) => c.reasons)).not.toContain('SAME_EMAIL');
    expect(asViewer.totalCount).toBe(asEditor.totalCount - 1);
    // The order does not give the shared address away either: it is the order of the reasons a viewer sees.
    const strength = (c: { reasons: string[] }) => c.reasons.length;
    expect(asViewer.candidates.map(strength)).toEqual(
      [...asViewer.candidates.map(strength)].sort((x: number, y: number) => y - x),
    );
  });
});
