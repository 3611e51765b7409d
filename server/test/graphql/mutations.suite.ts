/**
 * Writes through the whole request pipeline: create, update, delete, interests, participants;
 * bad input answers a coded error and changes nothing; the projection follows every write.
 * Run against every store.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const ACTOR_FIELDS = 'id name kind description district website contact version createdAt updatedAt';

export function describeMutations(label: string, harness: StoreHarness): void {
  describe(`GraphQL mutations (${label})`, () => {
    let api: TestApi;

    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    test('creates, updates and deletes an actor', async () => {
      const { createActor } = await api.data(
        `mutation($input: CreateActorInput!) { createActor(input: $input) { ${ACTOR_FIELDS} } }`,
        {
          input: {
            name: 'Tafel Batenbrock',
            kind: 'INITIATIVE',
            district: 'Batenbrock',
            website: 'https://tafel.example.org',
          },
        },
      );
      expect(createActor).toMatchObject({
        name: 'Tafel Batenbrock',
        kind: 'INITIATIVE',
        version: 1,
        description: null,
      });
      expect(createActor.id).toEqual(expect.any(String));

      const { updateActor } = await api.data(
        `mutation($id: ID!) { updateActor(id: $id, input: { description: "Lebensmittelausgabe", website: null }, expectedVersion: 1) { ${ACTOR_FIELDS} } }`,
        { id: createActor.id },
      );
      expect(updateActor).toMatchObject({
        name: 'Tafel Batenbrock',
        description: 'Lebensmittelausgabe',
        website: null,
        version: 2,
      });

      const { deleteActor } = await api.data(`mutation($id: ID!) { deleteActor(id: $id) }`, { id: createActor.id });
      expect(deleteActor).toBe(createActor.id);
      expect((await api.data(`query($id: ID!) { actor(id: $id) { id } }`, { id: createActor.id })).actor).toBeNull();
    });

    test('detects a concurrent edit with expectedVersion (CONFLICT) and keeps the first edit', async () => {
      const update = (name: string) =>
        api.run(
          `mutation($name: String!) { updateActor(id: "bobbie-ev", input: { name: $name }, expectedVersion: 1) { name version } }`,
          { name },
        );
      const first = await update('Bobbie e.V. (neu)');
      const second = await update('Bobbie e.V. (anders)');
      expect(first.errors).toBeUndefined();
      expect(errorCodes(second)).toEqual(['CONFLICT']);
      const { actor } = await api.data(`{ actor(id: "bobbie-ev") { name version } }`);
      expect(actor).toEqual({ name: 'Bobbie e.V. (neu)', version: 2 });
    });

    describe('an edit in one write', () => {
      const COLLABORATION = `title location version topics { id } participants { role actor { id } }`;
      const read = async () =>
        (await api.data(`{ collaboration(id: "stadtteilkonferenz-2022") { ${COLLABORATION} } }`)).collaboration;
      const history = async () =>
        (await api.data(`{ history(entityId: "stadtteilkonferenz-2022", first: 50) { totalCount } }`)).history
          .totalCount;
      const edit = (input: object, expectedVersion: number | null) =>
        api.run(
          `mutation($input: EditCollaborationInput!, $v: Int) {
             editCollaboration(id: "stadtteilkonferenz-2022", input: $input, expectedVersion: $v) { ${COLLABORATION} } }`,
          { input, v: expectedVersion },
        );
      const input = (participants: Array<{ actorId: string; role: string }>) => ({
        title: 'Stadtteilkonferenz 2022 (Nachtrag)',
        kind: 'CONFERENCE',
        startDate: '2022-10-01',
        location: 'Bürgerhaus',
        topicIds: ['vernetzung'],
        participants,
      });

      test('editCollaboration replaces fields, topics and participants; a failing participant leaves everything unchanged', async () => {
        const before = await read();
        const historyBefore = await history();
        expect(before.version).toBe(1);
        const kept = before.participants
          .filter((p: any) => p.actor.id !== 'bobbie-ev')
          .slice(0, 2)
          .map((p: any) => ({ actorId: p.actor.id, role: 'MEMBER' }));

        const refused = await edit(
          input([...kept, { actorId: 'bobbie-ev', role: 'HOST' }, { actorId: 'ghost', role: 'PARTICIPANT' }]),
          1,
        );
        expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
        expect(refused.errors![0].extensions).toMatchObject({ field: 'participants[3].actorId' });
        expect(await read()).toEqual(before);
        expect(await history()).toBe(historyBefore);

        const { editCollaboration } = await api.data(
          `mutation($input: EditCollaborationInput!) {
             editCollaboration(id: "stadtteilkonferenz-2022", input: $input, expectedVersion: 1) { ${COLLABORATION} } }`,
          { input: input([...kept, { actorId: 'bobbie-ev', role: 'HOST' }]) },
        );
        expect(editCollaboration).toMatchObject({
          title: 'Stadtteilkonferenz 2022 (Nachtrag)',
          location: 'Bürgerhaus',
          version: 2,
          topics: [{ id: 'vernetzung' }],
        });
        expect(editCollaboration.participants.map((p: any) => [p.actor.id, p.role]).sort()).toEqual(
          [...kept.map((p: any) => [p.actorId, 'MEMBER']), ['bobbie-ev', 'HOST']].sort(),
        );
        expect(await read()).toEqual(editCollaboration);
        // One UPDATE record on the collaboration for the whole edit.
        expect(await history()).toBe(historyBefore + 1);
      });

      test('a stale expectedVersion answers CONFLICT on editCollaboration and updateCollaboration; the first edit stays', async () => {
        const first = await edit(input([{ actorId: 'bobbie-ev', role: 'ORGANISER' }]), 1);
        expect(first.errors).toBeUndefined();
        const after = await read();
        const second = await edit(input([{ actorId: 'bobbie-ev', role: 'HOST' }]), 1);
        expect(errorCodes(second)).toEqual(['CONFLICT']);
        expect(second.errors![0]).toMatchObject({
          message: 'Collaboration "stadtteilkonferenz-2022" has changed: its version is 2, not 1; reload and retry',
          extensions: { field: 'expectedVersion' },
        });
        const update = await api.run(
          `mutation { updateCollaboration(id: "stadtteilkonferenz-2022", input: { location: "Schule" }, expectedVersion: 1) { version } }`,
        );
        expect(errorCodes(update)).toEqual(['CONFLICT']);
        expect(await read()).toEqual(after);
      });

      test('updateActor with interests sets fields and topics in one write; an unknown topic changes neither', async () => {
        const ACTOR = `district version topics { id }`;
        const run = (interests: object[], v: number) =>
          api.run(
            `mutation($i: [InterestInput!], $v: Int) { updateActor(id: "bobbie-ev", input: { district: "Nord", interests: $i }, expectedVersion: $v) { ${ACTOR} } }`,
            { i: interests, v },
          );
        const before = (await api.data(`{ actor(id: "bobbie-ev") { ${ACTOR} } }`)).actor;
        const refused = await run([{ topicId: 'vernetzung' }, { topicId: 'nowhere' }], 1);
        expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
        expect((await api.data(`{ actor(id: "bobbie-ev") { ${ACTOR} } }`)).actor).toEqual(before);
        const done = await run([{ topicId: 'vernetzung' }], 1);
        expect(done.errors).toBeUndefined();
        expect((done.data as any).updateActor).toEqual({
          district: 'Nord',
          version: 2,
          topics: [{ id: 'vernetzung' }],
        });
      });
    });

    test('deleting an actor removes its participations, never other actors', async () => {
      const before = await api.data(
        `{ actors { totalCount } collaboration(id: "stadtteilkonferenz-2021") { participants { actor { id } } } }`,
      );
      await api.data(`mutation { deleteActor(id: "bobbie-ev") }`);
      const after = await api.data(
        `{ actors { totalCount } collaboration(id: "stadtteilkonferenz-2021") { participants { actor { id } } } }`,
      );
      expect(after.actors.totalCount).toBe(before.actors.totalCount - 1);
      const ids = (r: any) => r.collaboration.participants.map((p: any) => p.actor.id);
      expect(ids(after)).toEqual(ids(before).filter((id: string) => id !== 'bobbie-ev'));
      const { network } = await api.data(`{ network { nodes { id } edges { source target } } }`);
      expect(network.nodes.map((n: any) => n.id)).not.toContain('actor:bobbie-ev');
      expect(network.edges.some((e: any) => e.source === 'actor:bobbie-ev' || e.target === 'actor:bobbie-ev')).toBe(
        false,
      );
    });

    test('creates a collaboration with topics and participants; the network and paths follow', async () => {
      const { createCollaboration } = await api.data(
        `mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) {
          id title kind startDate participants { role actor { id } } topics { id } } }`,
        {
          input: {
            id: 'repair-cafe-start-2024',
            title: 'Start des Repair-Cafés',
            kind: 'EVENT',
            startDate: '2024-03-09',
            topicIds: ['umwelt', 'nachbarschaft'],
            participants: [
              { actorId: 'repair-cafe-batenbrock', role: 'ORGANISER' },
              { actorId: 'bobbie-ev', role: 'HOST' },
            ],
          },
        },
      );
      expect(createCollaboration.participants).toHaveLength(2);
      expect(createCollaboration.topics.map((t: any) => t.id).sort()).toEqual(['nachbarschaft', 'umwelt']);

      const { shortestPath } =
        await api.data(`{ shortestPath(fromActorId: "repair-cafe-batenbrock", toActorId: "bobbie-ev") {
        length steps { collaboration { id } } } }`);
      expect(shortestPath).toEqual({ length: 1, steps: [{ collaboration: { id: 'repair-cafe-start-2024' } }] });

      await api.data(
        `mutation { removeParticipant(collaborationId: "repair-cafe-start-2024", actorId: "bobbie-ev") { id } }`,
      );
      const { shortestPath: gone } = await api.data(
        `{ shortestPath(fromActorId: "repair-cafe-batenbrock", toActorId: "bobbie-ev") { length } }`,
      );
      expect(gone).toBeNull();

      const { addParticipant } = await api.data(
        `mutation { addParticipant(collaborationId: "repair-cafe-start-2024", actorId: "bobbie-ev", role: MEMBER) { participants { role actor { id } } } }`,
      );
      expect(addParticipant.participants).toContainEqual({ role: 'MEMBER', actor: { id: 'bobbie-ev' } });
    });

    test('updates and deletes a collaboration and a topic', async () => {
      const { updateCollaboration } = await api.data(
        `mutation { updateCollaboration(id: "stadtteilkonferenz-2022", input: { location: "Bürgerhaus", topicIds: ["verstetigung"] }) { location topics { id } title } }`,
      );
      expect(updateCollaboration).toMatchObject({ location: 'Bürgerhaus', topics: [{ id: 'verstetigung' }] });

      const { updateTopic } = await api.data(
        `mutation { updateTopic(id: "sport", input: { name: "Sport & Bewegung" }) { id name slug } }`,
      );
      expect(updateTopic).toEqual({ id: 'sport', name: 'Sport & Bewegung', slug: 'sport-bewegung' });

      await api.data(`mutation { deleteTopic(id: "sport") }`);
      expect((await api.data(`{ topic(id: "sport") { id } }`)).topic).toBeNull();
      await api.data(`mutation { deleteCollaboration(id: "stadtteilkonferenz-2022") }`);
      expect((await api.data(`{ collaboration(id: "stadtteilkonferenz-2022") { id } }`)).collaboration).toBeNull();
      const { network } = await api.data(`{ network(filter: { includeCollaborations: true }) { nodes { id } } }`);
      expect(network.nodes.map((n: any) => n.id)).not.toContain('collaboration:stadtteilkonferenz-2022');
    });

    test("sets an actor's interests", async () => {
      const { setActorInterests } = await api.data(
        `mutation { setActorInterests(actorId: "repair-cafe-batenbrock", interests: [{ topicId: "umwelt", weight: 0.5 }, { topicId: "ehrenamt" }]) {
          interests { weight topic { id } } } }`,
      );
      expect(setActorInterests.interests).toEqual(
        expect.arrayContaining([
          { weight: 0.5, topic: { id: 'umwelt' } },
          { weight: 1, topic: { id: 'ehrenamt' } },
        ]),
      );
      expect(setActorInterests.interests).toHaveLength(2);
    });

    describe('bad input answers a coded error and changes nothing', () => {
      // Every row has all five entries: Jest takes a missing last argument for a `done` callback.
      const cases: Array<[string, string, Record<string, unknown>, string, string | null]> = [
        [
          'a blank name',
          `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
          { i: { name: '   ', kind: 'GROUP' } },
          'BAD_USER_INPUT',
          'name',
        ],
        [
          'a too long name',
          `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
          { i: { name: 'x'.repeat(201), kind: 'GROUP' } },
          'BAD_USER_INPUT',
          'name',
        ],
        [
          'a website that is no URL',
          `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
          { i: { name: 'A', kind: 'GROUP', website: 'javascript:alert(1)' } },
          'BAD_USER_INPUT',
          'website',
        ],
        [
          'an unknown kind',
          `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
          { i: { name: 'A', kind: 'CLUB' } },
          'BAD_USER_INPUT',
          null,
        ],
        [
          'an existing id',
          `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
          { i: { id: 'bobbie-ev', name: 'A', kind: 'GROUP' } },
          'CONFLICT',
          null,
        ],
        [
          'an impossible date',
          `mutation($i: CreateCollaborationInput!) { createCollaboration(input: $i) { id } }`,
          { i: { title: 'T', kind: 'MEETING', startDate: '2023-02-30' } },
          'BAD_USER_INPUT',
          'startDate',
        ],
        [
          'an end before the start',
          `mutation($i: CreateCollaborationInput!) { createCollaboration(input: $i) { id } }`,
          { i: { title: 'T', kind: 'MEETING', startDate: '2023-05-01', endDate: '2023-04-01' } },
          'BAD_USER_INPUT',
          'endDate',
        ],
        [
          'an unknown participant',
          `mutation($i: CreateCollaborationInput!) { createCollaboration(input: $i) { id } }`,
          { i: { title: 'T', kind: 'MEETING', participants: [{ actorId: 'bobbie-ev' }, { actorId: 'niemand' }] } },
          'NOT_FOUND',
          'participants[1].actorId',
        ],
        [
          'an unknown topic',
          `mutation($i: CreateCollaborationInput!) { createCollaboration(input: $i) { id } }`,
          {
            i: {
              title: 'T',
              kind: 'MEETING',
              topicIds: ['umwelt', 'gibt-es-nicht'],
              participants: [{ actorId: 'bobbie-ev' }],
            },
          },
          'NOT_FOUND',
          'topicIds',
        ],
        [
          'an actor listed twice',
          `mutation($i: CreateCollaborationInput!) { createCollaboration(input: $i) { id } }`,
          {
            i: {
              title: 'T',
              kind: 'MEETING',
              participants: [{ actorId: 'bobbie-ev' }, { actorId: 'bobbie-ev', role: 'HOST' }],
            },
          },
          'BAD_USER_INPUT',
          null,
        ],
        [
          'a weight above 1',
          `mutation { setActorInterests(actorId: "bobbie-ev", interests: [{ topicId: "umwelt", weight: 2 }]) { id } }`,
          {},
          'BAD_USER_INPUT',
          'weight',
        ],
        [
          'interests in an unknown topic',
          `mutation { setActorInterests(actorId: "bobbie-ev", interests: [{ topicId: "umwelt" }, { topicId: "nix" }]) { id } }`,
          {},
          'NOT_FOUND',
          null,
        ],
        [
          'an update of an unknown actor',
          `mutation { updateActor(id: "niemand", input: { name: "X" }) { id } }`,
          {},
          'NOT_FOUND',
          null,
        ],
        [
          'a delete of an unknown collaboration',
          `mutation { deleteCollaboration(id: "niemand") }`,
          {},
          'NOT_FOUND',
          null,
        ],
        [
          'a participant for an unknown collaboration',
          `mutation { addParticipant(collaborationId: "niemand", actorId: "bobbie-ev") { id } }`,
          {},
          'NOT_FOUND',
          null,
        ],
      ];

      test.each(cases)('%s', async (_name, query, variables, code, field) => {
        const snapshot = async () => ({ counts: await api.store.counts(), structure: await api.store.loadSnapshot() });
        const before = await snapshot();
        const result = await api.run(query, variables);
        expect(errorCodes(result)).toEqual([code]);
        expect(result.errors![0].message).toEqual(expect.any(String));
        if (field) expect(result.errors![0].extensions?.field).toBe(field);
        const after = await snapshot();
        expect(after.counts).toEqual(before.counts);
        const sorted = (s: typeof before.structure) =>
          JSON.stringify(
            Object.fromEntries(
              Object.entries(s).map(([k, v]) => [k, (v as unknown[]).map((x) => JSON.stringify(x)).sort()]),
            ),
          );
        expect(sorted(after.structure)).toBe(sorted(before.structure));
      });
    });
  });
}
