/**
 * Duplicates, mergeActors, history and undo through real GraphQL requests on the Batenbrock seed,
 * with the writer being the request's principal (the holder of an API key, recorded as key:<name>).
 * Run against every store.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, keyHolder, useSeededApi, TEST_ADMIN, type GraphQLResponse, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const DUPLICATES = `query D($first: Int) { duplicateCandidates(first: $first) {
  totalCount computedAt candidates { actorIds reasons similarity website email actors { id name } } } }`;
const MERGE = `mutation M($keepId: ID!, $mergeIds: [ID!]!) { mergeActors(keepId: $keepId, mergeIds: $mergeIds) {
  id version collaborationCount topics { id } } }`;
const HISTORY = `query H($id: ID!, $first: Int, $after: String) { history(entityId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { seq at author entityType entityId operation undoes changes { field before after } } } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name description version } }`;
const UNDO = `mutation Undo($id: ID!) { undoLastChange(actorId: $id) { actor { id name description version } undone { seq operation } } }`;

export function describeHistoryApi(label: string, harness: StoreHarness): void {
  describe(`GraphQL duplicates, merge, history and undo (${label})`, () => {
    let api: TestApi;

    /** A request as the holder of the admin key `name` (undefined: the suite's admin, key:test-admin). */
    function as<T = any>(
      name: string | undefined,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<GraphQLResponse<T>> {
      return api.runAs<T>(name === undefined ? TEST_ADMIN : keyHolder(name), query, variables);
    }
    async function data<T = any>(
      name: string | undefined,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<T> {
      const result = await as<T>(name, query, variables);
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
      return result.data as T;
    }

    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    test('the seed has no likely duplicates; a second "Bobbie" with the same website is listed with its reasons', async () => {
      const none = await data(undefined, DUPLICATES, {});
      expect(none.duplicateCandidates.totalCount).toBe(0);
      await data('alice', UPDATE, { id: 'bobbie-ev', input: { website: 'https://www.bobbie-ev.de/garten' } });
      await data(
        'alice',
        `mutation { createActor(input: { id: "bobbie-2", name: "Bobbie e. V.", kind: ASSOCIATION,
        website: "http://Bobbie-EV.de/", contact: "Tel. 123, garten@bobbie-ev.de" }) { id } }`,
      );
      await data(
        'alice',
        `mutation { createActor(input: { id: "bobbie-mail", name: "Gartengruppe", kind: GROUP,
        contact: "GARTEN@bobbie-ev.de" }) { id } }`,
      );
      const found = await data(undefined, DUPLICATES, { first: 10 });
      expect(found.duplicateCandidates.totalCount).toBe(2);
      expect(found.duplicateCandidates.candidates).toEqual([
        {
          actorIds: ['bobbie-2', 'bobbie-ev'],
          reasons: ['SIMILAR_NAME', 'SAME_WEBSITE'],
          similarity: 1,
          website: 'bobbie-ev.de',
          email: null,
          actors: [
            { id: 'bobbie-2', name: 'Bobbie e. V.' },
            { id: 'bobbie-ev', name: 'Bobbie e.V.' },
          ],
        },
        {
          actorIds: ['bobbie-2', 'bobbie-mail'],
          reasons: ['SAME_EMAIL'],
          similarity: expect.any(Number),
          website: null,
          email: 'garten@bobbie-ev.de',
          actors: [
            { id: 'bobbie-2', name: 'Bobbie e. V.' },
            { id: 'bobbie-mail', name: 'Gartengruppe' },
          ],
        },
      ]);
      expect(Number.isNaN(Date.parse(found.duplicateCandidates.computedAt))).toBe(false);
      expect(errorCodes(await as(undefined, DUPLICATES, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    });

    test('mergeActors moves the participations and interests, deletes the merged actor and updates the projection', async () => {
      await data(
        'alice',
        `mutation { createActor(input: { id: "bobbie-2", name: "Bobbie", kind: ASSOCIATION }) { id } }`,
      );
      await data(
        'alice',
        `mutation { setActorInterests(actorId: "bobbie-2", interests: [{ topicId: "kultur", weight: 0.5 }]) { id } }`,
      );
      await data(
        'alice',
        `mutation { addParticipant(collaborationId: "stadtteilkonferenz-2021", actorId: "bobbie-2", role: ORGANISER) { id } }`,
      );
      const before = await data(undefined, `{ actor(id: "bobbie-ev") { version collaborationCount topics { id } } }`);
      const merged = await data('carol', MERGE, { keepId: 'bobbie-ev', mergeIds: ['bobbie-2'] });
      expect(merged.mergeActors.version).toBe(before.actor.version + 1);
      expect(merged.mergeActors.topics.map((t: { id: string }) => t.id)).toContain('kultur');
      const took = await data(
        undefined,
        `{ collaboration(id: "stadtteilkonferenz-2021") { participants { role actor { id } } } }`,
      );
      const roles = took.collaboration.participants.filter((p: any) => p.actor.id.startsWith('bobbie'));
      expect(roles).toEqual([{ role: 'ORGANISER', actor: { id: 'bobbie-ev' } }]);
      expect((await data(undefined, `{ actor(id: "bobbie-2") { id } }`)).actor).toBeNull();
      // The projection knows: the merged actor is gone from paths, the kept one has its ties.
      expect(
        errorCodes(
          await as(undefined, `{ shortestPath(fromActorId: "bobbie-2", toActorId: "stadt-bottrop") { length } }`),
        ),
      ).toEqual(['NOT_FOUND']);
      const history = await data(undefined, HISTORY, { id: 'bobbie-ev', first: 1 });
      expect(history.history.nodes[0]).toMatchObject({ operation: 'MERGE', author: 'key:carol' });
      expect(history.history.nodes[0].changes[0]).toEqual({
        field: 'mergedActorIds',
        before: null,
        after: '["bobbie-2"]',
      });
    });

    test('mergeActors refuses unknown ids (NOT_FOUND) and keepId among mergeIds (BAD_USER_INPUT)', async () => {
      const unknownKeep = await as(undefined, MERGE, { keepId: 'nobody', mergeIds: ['bobbie-ev'] });
      expect(errorCodes(unknownKeep)).toEqual(['NOT_FOUND']);
      expect(unknownKeep.errors?.[0].extensions?.field).toBe('keepId');
      const unknownMerge = await as(undefined, MERGE, { keepId: 'bobbie-ev', mergeIds: ['nobody'] });
      expect(errorCodes(unknownMerge)).toEqual(['NOT_FOUND']);
      expect(unknownMerge.errors?.[0].extensions?.field).toBe('mergeIds');
      const self = await as(undefined, MERGE, { keepId: 'bobbie-ev', mergeIds: ['bobbie-ev'] });
      expect(errorCodes(self)).toEqual(['BAD_USER_INPUT']);
      expect((await data(undefined, `{ actor(id: "bobbie-ev") { id } }`)).actor).toEqual({ id: 'bobbie-ev' });
    });

    test('history names who changed what (the principal: key:<name>), newest first, paged', async () => {
      await data('alice', UPDATE, { id: 'bobbie-ev', input: { description: 'Gemeinschaftsgarten' } });
      await data(undefined, UPDATE, { id: 'bobbie-ev', input: { name: 'Bobbie e.V. Garten' } });
      const page = await data(undefined, HISTORY, { id: 'bobbie-ev', first: 1 });
      expect(page.history.totalCount).toBe(2);
      expect(page.history.pageInfo.hasNextPage).toBe(true);
      expect(page.history.nodes[0]).toMatchObject({
        author: 'key:test-admin',
        entityType: 'Actor',
        entityId: 'bobbie-ev',
        operation: 'UPDATE',
        undoes: null,
        changes: [{ field: 'name', before: '"Bobbie e.V."', after: '"Bobbie e.V. Garten"' }],
      });
      const next = await data(undefined, HISTORY, {
        id: 'bobbie-ev',
        first: 5,
        after: page.history.pageInfo.endCursor,
      });
      expect(next.history.nodes).toEqual([
        expect.objectContaining({
          author: 'key:alice',
          changes: [{ field: 'description', before: expect.any(String), after: '"Gemeinschaftsgarten"' }],
        }),
      ]);
      const none = await data(undefined, HISTORY, { id: 'never-existed' });
      expect(none.history).toMatchObject({ totalCount: 0, nodes: [] });
    });

    test('undoLastChange steps back through field updates and refuses what it does not cover', async () => {
      const original = (await data(undefined, `{ actor(id: "bobbie-ev") { name description version } }`)).actor;
      expect(errorCodes(await as(undefined, UNDO, { id: 'bobbie-ev' }))).toEqual(['BAD_USER_INPUT']); // seeded, never updated
      await data('alice', UPDATE, { id: 'bobbie-ev', input: { description: 'eins' } });
      await data('alice', UPDATE, { id: 'bobbie-ev', input: { name: 'Bobbie', description: 'zwei' } });

      const first = await data('bob', UNDO, { id: 'bobbie-ev' });
      expect(first.undoLastChange.actor).toMatchObject({
        name: original.name,
        description: 'eins',
        version: original.version + 3,
      });
      expect(first.undoLastChange.undone.operation).toBe('UPDATE');
      const second = await data('bob', UNDO, { id: 'bobbie-ev' });
      expect(second.undoLastChange.actor).toMatchObject({ name: original.name, description: original.description });
      expect(errorCodes(await as(undefined, UNDO, { id: 'bobbie-ev' }))).toEqual(['BAD_USER_INPUT']); // nothing left

      const records = (await data(undefined, HISTORY, { id: 'bobbie-ev', first: 2 })).history.nodes;
      expect(records.map((r: any) => [r.operation, r.author])).toEqual([
        ['UNDO', 'key:bob'],
        ['UNDO', 'key:bob'],
      ]);
      expect(records[0].undoes).toBe(second.undoLastChange.undone.seq);

      // A change of another kind is never reached past.
      await data('alice', UPDATE, { id: 'bobbie-ev', input: { description: 'drei' } });
      await data(
        'alice',
        `mutation { setActorInterests(actorId: "bobbie-ev", interests: [{ topicId: "umwelt" }]) { id } }`,
      );
      const refused = await as(undefined, UNDO, { id: 'bobbie-ev' });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0].message).toContain('SET_INTERESTS');
      expect(errorCodes(await as(undefined, UNDO, { id: 'nobody' }))).toEqual(['NOT_FOUND']);
    });
  });
}
