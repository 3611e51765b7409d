/**
 * Recording in one write through real GraphQL requests, run against every store: recordActor and
 * recordCollaboration store everything or nothing (one store transaction), matchNames matches an
 * attendance list against the actors.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, keyHolder, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const RECORD_COLLABORATION = `mutation Record($input: RecordCollaborationInput!) {
  recordCollaboration(input: $input) {
    collaboration { id title kind startDate topics { id } participants { role actor { id name } } }
    newActors { id name kind district }
  }
}`;
const RECORD_ACTOR = `mutation RecordActor($input: RecordActorInput!) { recordActor(input: $input) { id name kind website topics { id name } } }`;
const MATCH = `query Match($names: [String!]!) { matchNames(names: $names) { name exact { id name } near { similarity actor { id name } } } }`;
const COUNTS = `{ actors { totalCount } topics { totalCount } collaborations { totalCount } }`;

export function describeRecording(label: string, harness: StoreHarness): void {
  describe(`GraphQL recording in one write (${label})`, () => {
    let api: TestApi;
    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    test('recordCollaboration stores the collaboration, its participants, new actors and new topics together', async () => {
      const { recordCollaboration: r } = await api.data(RECORD_COLLABORATION, {
        input: {
          collaboration: {
            title: 'Stadtteilkonferenz 2024',
            kind: 'CONFERENCE',
            startDate: '2024-11-14',
            location: 'Batenbrock',
            topicIds: ['vernetzung'],
            participants: [
              { actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' },
              { actorId: 'bobbie-ev', role: 'PARTICIPANT' },
            ],
          },
          newActors: [
            { name: 'Tafel Batenbrock', kind: 'INITIATIVE', district: 'Batenbrock', role: 'HOST' },
            { name: 'Lesepaten Süd', kind: 'GROUP' },
          ],
          newTopics: ['Lesen'],
        },
      });
      expect(r.collaboration).toMatchObject({
        title: 'Stadtteilkonferenz 2024',
        kind: 'CONFERENCE',
        startDate: '2024-11-14',
      });
      expect(r.collaboration.topics.map((t: any) => t.id).sort()).toEqual(['lesen', 'vernetzung']);
      expect(r.newActors.map((a: any) => a.name)).toEqual(['Tafel Batenbrock', 'Lesepaten Süd']);
      const roles = Object.fromEntries(r.collaboration.participants.map((p: any) => [p.actor.name, p.role]));
      expect(roles).toEqual({
        'Stadtteilagentur Batenbrock': 'ORGANISER',
        'Bobbie e.V.': 'PARTICIPANT',
        'Tafel Batenbrock': 'HOST',
        'Lesepaten Süd': 'PARTICIPANT',
      });
      // The network (projection) follows: the new actor is tied to the organiser.
      const { network } = await api.data(
        `query($id: ID!) { network(filter: { centreActorId: $id, depth: 1 }) { nodes { id } } }`,
        { id: r.newActors[0].id },
      );
      expect(network.nodes.map((n: any) => n.id)).toContain('actor:stadtteilagentur-batenbrock');
      // The history names who recorded it.
      const { history } = await api.data(`query($id: ID!) { history(entityId: $id) { nodes { author operation } } }`, {
        id: r.collaboration.id,
      });
      expect(history.nodes[0]).toMatchObject({ author: 'key:test-admin' });
    });

    test.each([
      [
        'a bad website of a new actor',
        {
          newActors: [
            { name: 'Neu A', kind: 'GROUP' },
            { name: 'Neu B', kind: 'GROUP', website: 'kein link' },
          ],
        },
        'BAD_USER_INPUT',
        /website/,
      ],
      [
        'a topic name that exists',
        { newActors: [{ name: 'Neu A', kind: 'GROUP' }], newTopics: ['Neues Thema', 'vernetzung'] },
        'CONFLICT',
        /^newTopics\[1\]$/,
      ],
      [
        'an alias of an existing topic',
        { newActors: [{ name: 'Neu A', kind: 'GROUP' }], newTopics: ['Netzwerkarbeit'] },
        'CONFLICT',
        /^newTopics\[0\]$/,
      ],
      [
        'a blank topic name',
        { newActors: [{ name: 'Neu A', kind: 'GROUP' }], newTopics: ['Neues Thema', '   '] },
        'BAD_USER_INPUT',
        /newTopics/,
      ],
      [
        'a topic name with a control character',
        { newActors: [{ name: 'Neu A', kind: 'GROUP' }], newTopics: ['Neu\u0007es Thema'] },
        'BAD_USER_INPUT',
        /newTopics/,
      ],
      [
        'an unknown participant',
        { newActors: [{ name: 'Neu A', kind: 'GROUP' }], participants: [{ actorId: 'gibt-es-nicht' }] },
        'NOT_FOUND',
        /./,
      ],
      [
        'an end before the start',
        { newActors: [{ name: 'Neu A', kind: 'GROUP' }], endDate: '2024-01-01' },
        'BAD_USER_INPUT',
        /endDate/,
      ],
    ])('%s: nothing is written', async (_, bad: any, code, field) => {
      const before = await api.data(COUNTS);
      const { participants, endDate, ...rest } = bad;
      const response = await api.run(RECORD_COLLABORATION, {
        input: {
          collaboration: {
            title: 'Halb erfasst',
            kind: 'MEETING',
            startDate: '2024-02-01',
            endDate,
            participants: participants ?? [{ actorId: 'bobbie-ev', role: 'PARTICIPANT' }],
          },
          ...rest,
        },
      });
      expect(errorCodes(response)).toEqual([code]);
      expect(String(response.errors?.[0].extensions?.field)).toMatch(field);
      expect(await api.data(COUNTS)).toEqual(before);
      const { actors } = await api.data(`{ actors(filter: { nameContains: "Neu A" }) { totalCount } }`);
      expect(actors.totalCount).toBe(0);
    });

    test('recordActor stores the actor with existing and new topics, or nothing', async () => {
      const { recordActor } = await api.data(RECORD_ACTOR, {
        input: {
          actor: { name: 'Tafel Batenbrock', kind: 'INITIATIVE', website: 'https://tafel.example.org' },
          topicIds: ['nachbarschaft'],
          newTopics: ['Lebensmittel'],
        },
      });
      expect(recordActor.topics.map((t: any) => t.name).sort()).toEqual(['Lebensmittel', 'Nachbarschaft']);
      const before = await api.data(COUNTS);
      const bad = await api.run(RECORD_ACTOR, {
        input: { actor: { name: 'Noch eine', kind: 'GROUP' }, newTopics: ['Obst'], topicIds: ['gibt-es-nicht'] },
      });
      expect(errorCodes(bad)).toEqual(['NOT_FOUND']);
      const dup = await api.run(RECORD_ACTOR, {
        input: { actor: { name: 'Noch eine', kind: 'GROUP' }, newTopics: ['lebensmittel'] },
      });
      expect(errorCodes(dup)).toEqual(['CONFLICT']);
      expect(await api.data(COUNTS)).toEqual(before);
    });

    test('a viewer may match names but not record', async () => {
      const viewer = keyHolder('viewer', 'VIEWER');
      const write = await api.runAs(viewer, RECORD_ACTOR, { input: { actor: { name: 'X', kind: 'GROUP' } } });
      expect(errorCodes(write)).toEqual(['FORBIDDEN']);
      const read = await api.runAs(viewer, MATCH, { names: ['Bobbie e.V.'] });
      expect(read.errors).toBeUndefined();
    });

    test('matchNames: exact matches, near matches, and names without a match', async () => {
      const { matchNames } = await api.data(MATCH, {
        names: ['bobbie e.v.', 'Bobbie', 'Jugendtreff Kist (Beispiel)', 'Niemand Bekanntes'],
      });
      expect(matchNames[0].exact.map((a: any) => a.id)).toEqual(['bobbie-ev']);
      expect(matchNames[1].exact).toEqual([]);
      expect(matchNames[1].near[0].actor.id).toBe('bobbie-ev');
      expect(matchNames[2].near[0]).toMatchObject({ actor: { id: 'jugendtreff-kiste' } });
      expect(matchNames[2].near[0].similarity).toBeGreaterThan(0.9);
      expect(matchNames[3]).toEqual({ name: 'Niemand Bekanntes', exact: [], near: [] });
      const tooMany = await api.run(MATCH, { names: Array.from({ length: 201 }, (_, i) => `n${i}`) });
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    });

    test('matchNames sees an actor created a moment ago', async () => {
      await api.data(`mutation { createActor(input: { name: "Lesepaten Süd", kind: GROUP }) { id } }`);
      const { matchNames } = await api.data(MATCH, { names: ['LESEPATEN SÜD'] });
      expect(matchNames[0].exact.map((a: any) => a.name)).toEqual(['Lesepaten Süd']);
    });
  });
}
