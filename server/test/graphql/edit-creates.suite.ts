/**
 * New topics and actors typed into an edit are created inside the edit's one write, through real
 * GraphQL requests, run against every store: editCollaboration (newTopics, newActors) and
 * updateActor (newTopics). A refused edit — a stale expectedVersion, a bad website of a new actor, a
 * new topic that exists — leaves no new topic or actor behind; a successful one creates exactly those.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const EDIT = `mutation Edit($id: ID!, $input: EditCollaborationInput!, $v: Int) {
  editCollaboration(id: $id, input: $input, expectedVersion: $v) {
    id version topics { id name } participants { role actor { id name kind website } }
  }
}`;
const UPDATE_ACTOR = `mutation Update($id: ID!, $input: UpdateActorInput!, $v: Int) {
  updateActor(id: $id, input: $input, expectedVersion: $v) { id version district topics { id name } }
}`;
const NAMES = `{ actors(first: 500) { totalCount nodes { id name } } topics(first: 500) { totalCount nodes { id name } } }`;
const COLLABORATION = `query($id: ID!) { collaboration(id: $id) {
  id version title kind startDate endDate location description
  topics { id } participants { role actor { id } }
} }`;

export function describeEditCreates(label: string, harness: StoreHarness): void {
  describe(`GraphQL edits that create topics and actors in the same write (${label})`, () => {
    let api: TestApi;
    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    const names = async () => {
      const { actors, topics } = await api.data(NAMES);
      return {
        actors: actors.nodes.map((a: any) => a.name).sort(),
        topics: topics.nodes.map((t: any) => t.name).sort(),
      };
    };
    /** A collaboration of the seed as an edit input (unchanged) with its version. */
    const opened = async () => {
      const { collaborations } = await api.data(`{ collaborations(first: 1) { nodes { id } } }`);
      const { collaboration: c } = await api.data(COLLABORATION, { id: collaborations.nodes[0].id });
      const input = {
        title: c.title,
        kind: c.kind,
        startDate: c.startDate,
        endDate: c.endDate,
        location: c.location,
        description: c.description,
        topicIds: c.topics.map((t: any) => t.id),
        participants: c.participants.map((p: any) => ({ actorId: p.actor.id, role: p.role })),
      };
      return { id: c.id as string, version: c.version as number, input };
    };

    test('editCollaboration creates exactly its new topics and actors, with the edit', async () => {
      const before = await names();
      const c = await opened();
      const { editCollaboration: edited } = await api.data(EDIT, {
        id: c.id,
        v: c.version,
        input: {
          ...c.input,
          newTopics: ['Lastenrad'],
          newActors: [
            { name: 'Tafel Batenbrock', kind: 'INITIATIVE', website: 'https://tafel.example.org', role: 'HOST' },
            { name: 'Lesepaten Süd', kind: 'GROUP' },
          ],
        },
      });
      expect(edited.version).toBe(c.version + 1);
      expect(edited.topics.map((t: any) => t.name)).toContain('Lastenrad');
      const roles = Object.fromEntries(edited.participants.map((p: any) => [p.actor.name, p.role]));
      expect(roles).toMatchObject({ 'Tafel Batenbrock': 'HOST', 'Lesepaten Süd': 'PARTICIPANT' });
      const after = await names();
      expect(after.topics).toEqual([...before.topics, 'Lastenrad'].sort());
      expect(after.actors).toEqual([...before.actors, 'Lesepaten Süd', 'Tafel Batenbrock'].sort());
      // The projection follows: the new actor is in the network, tied to the others of the collaboration.
      const tafel = edited.participants.find((p: any) => p.actor.name === 'Tafel Batenbrock').actor;
      const { network } = await api.data(
        `query($id: ID!) { network(filter: { centreActorId: $id, depth: 1 }) { nodes { id } } }`,
        { id: tafel.id },
      );
      expect(network.nodes.length).toBeGreaterThan(1);
      const { history } = await api.data(`query($id: ID!) { history(entityId: $id) { nodes { operation } } }`, {
        id: tafel.id,
      });
      expect(history.nodes.map((r: any) => r.operation)).toEqual(['ADD_PARTICIPANT', 'CREATE']);
    });

    test.each([
      ['a stale expectedVersion', { v: -1 }, {}, 'CONFLICT', /^expectedVersion$/],
      [
        'a bad website of a new actor',
        {},
        {
          newActors: [
            { name: 'Neu A', kind: 'GROUP' },
            { name: 'Neu B', kind: 'GROUP', website: 'kein link' },
          ],
        },
        'BAD_USER_INPUT',
        /website/,
      ],
      ['a new topic that exists', {}, { newTopics: ['Obst', 'Vernetzung'] }, 'CONFLICT', /^newTopics\[1\]$/],
      [
        'an unknown participant',
        {},
        { participants: [{ actorId: 'gibt-es-nicht', role: 'MEMBER' }] },
        'NOT_FOUND',
        /participants/,
      ],
    ])(
      'a refused editCollaboration (%s) creates no topic and no actor',
      async (_, args: any, bad: any, code, field) => {
        const c = await opened();
        const before = { names: await names() };
        if (args.v) await api.data(EDIT, { id: c.id, v: c.version, input: { ...c.input, location: 'Anderswo' } });
        const stored = await api.data(COLLABORATION, { id: c.id });
        const response = await api.run(EDIT, {
          id: c.id,
          v: c.version,
          input: {
            ...c.input,
            participants: [...c.input.participants, ...(bad.participants ?? [])],
            newTopics: bad.newTopics ?? ['Obst'],
            newActors: bad.newActors ?? [{ name: 'Neu A', kind: 'GROUP' }],
          },
        });
        expect(errorCodes(response)).toEqual([code]);
        expect(String(response.errors?.[0].extensions?.field)).toMatch(field);
        expect(await names()).toEqual(before.names);
        expect(await api.data(COLLABORATION, { id: c.id })).toEqual(stored);
      },
    );

    test('updateActor creates its new topics in the same write, or nothing', async () => {
      const before = await names();
      const stale = await api.run(UPDATE_ACTOR, {
        id: 'bobbie-ev',
        v: 99,
        input: { district: 'Süd', newTopics: ['Lastenrad'] },
      });
      expect(errorCodes(stale)).toEqual(['CONFLICT']);
      const taken = await api.run(UPDATE_ACTOR, { id: 'bobbie-ev', input: { newTopics: ['vernetzung'] } });
      expect(errorCodes(taken)).toEqual(['CONFLICT']);
      expect(taken.errors?.[0].extensions?.field).toBe('newTopics[0]');
      expect(await names()).toEqual(before);

      const { actor } = await api.data(`{ actor(id: "bobbie-ev") { version topics { name } } }`);
      const { updateActor } = await api.data(UPDATE_ACTOR, {
        id: 'bobbie-ev',
        v: actor.version,
        input: { district: 'Süd', newTopics: ['Lastenrad'] },
      });
      expect(updateActor).toMatchObject({ district: 'Süd', version: actor.version + 1 });
      // Without `interests`, the new topic joins the stored ones.
      expect(updateActor.topics.map((t: any) => t.name).sort()).toEqual(
        [...actor.topics.map((t: any) => t.name), 'Lastenrad'].sort(),
      );
      expect((await names()).topics).toEqual([...before.topics, 'Lastenrad'].sort());
    });
  });
}
