/**
 * One GraphQL request costs a bounded number of store calls, never one per key: the per-request
 * DataLoaders batch every nested lookup by key (and cut a batch of many rows into calls of
 * ROWS_PER_CALL rows, platform/graphql/load-parts.ts). Counted on generated networks of 10 and
 * 1,000 actors with the same deeply nested list query.
 */
import { generateNetwork } from '../../../seed/generate';
import { ROWS_PER_CALL } from '../../src/platform/graphql/load-parts';
import { actorQuery } from '../../../viewer/src/queries';
import { startTestApi } from '../support/api';
import { countingStore } from '../support/counting-store';
import type { StoreHarness } from '../support/stores';

const NESTED_QUERY = `query($first: Int!) {
  actors(first: $first) {
    totalCount
    nodes {
      name
      topics { name actorCount }
      collaborations { role collaboration { title topics { name } participants { role actor { name kind } } } }
      collaborators(first: 5) { sharedCount actor { name } collaborations { title } }
    }
  }
}`;

const ACTOR_PAGE = `query($id: ID!) { actor(id: $id) { id name kind
  collaborations { role collaboration { id title startDate participants { role actor { id name } } } } } }`;
/** The same page through fragments, with the top collaborators beside it. */
const PAGE_AND_COLLABORATORS = `query($id: ID!) { actor(id: $id) { ...page collaborators(first: 5) { sharedCount actor { name } } } }
fragment page on Actor { name collaborations { collaboration { participants { actor { name } } } } }`;
/** The map page's actor panel (its collaborations without participants, topics, top collaborators). */
const PANEL = actorQuery(false);
const PANEL_WITHOUT_COLLABORATORS = `query($id: ID!) { actor(id: $id) { name topics { id name }
  collaborations { role collaboration { id title kind startDate endDate } } } }`;
const COLLABORATORS = `query($id: ID!, $first: Int) { actor(id: $id) { collaborators(first: $first) { sharedCount actor { id name } } } }`;
/** The actor list as the bench asks it (each actor's topics), and through edges with the interests. */
const ACTOR_LIST = `query { actors(first: 50) { totalCount nodes { id name topics { id name } collaborationCount } } }`;
const ACTOR_LIST_EDGES = `query($q: String) { actors(first: 5, filter: { nameContains: $q }) { edges { cursor node { name interests { weight } } } } }`;
/** The ego network as the bench asks it, with each node's actor id beside its label. */
const EGO_NETWORK = `query($id: ID!) { network(filter: { centreActorId: $id, depth: 2, maxActors: 300 }) {
  truncated nodes { id entityId label } edges { source target weight } } }`;
const NAME_SEARCH = `query($q: String) { actors(first: 20, filter: { nameContains: $q }) { totalCount nodes { id name } } }`;

export function describeRoundTrips(label: string, harness: StoreHarness): void {
  describe(`store calls per request (${label})`, () => {
    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());

    async function callsFor(
      actors: number,
      first: number,
    ): Promise<{ calls: number; rows: number; detail: Record<string, number> }> {
      const counting = countingStore(await harness.fresh());
      const api = await startTestApi(counting.store, generateNetwork({ actors, seed: 7 }));
      counting.reset();
      const { actors: page } = await api.data(NESTED_QUERY, { first });
      const rows = page.nodes.reduce(
        (n: number, a: any) =>
          n + 1 + a.collaborations.reduce((m: number, p: any) => m + 1 + p.collaboration.participants.length, 0),
        0,
      );
      await api.stop();
      return { calls: counting.total(), rows, detail: Object.fromEntries(counting.calls) };
    }

    test('a nested list query at 1,000 actors: one store call per kind and level, one more per ROWS_PER_CALL rows', async () => {
      // Half of the actors on the page in both cases, so both reach actors that are not on it.
      const small = await callsFor(10, 5);
      const large = await callsFor(1000, 500);
      expect(large.rows).toBeGreaterThan(small.rows * 20);
      // At most one batched call per kind of lookup and level of nesting (a level can need none
      // when every key was already loaded at an earlier level, so the count may even fall).
      // A batch whose rows are known to be many is cut into calls of ROWS_PER_CALL rows (the
      // embedded store holds the event loop for each call): one call more per that many rows, never
      // one per key (1,000 actors with one call per key would be hundreds).
      const cuts = Math.ceil(large.rows / ROWS_PER_CALL);
      expect(large.calls).toBeLessThanOrEqual(small.calls + cuts);
      expect(small.calls).toBeLessThanOrEqual(12);
      for (const count of Object.values(large.detail)) expect(count).toBeLessThanOrEqual(Math.max(2, cuts));
      console.log(
        `[${label}] nested query: ${small.calls} store calls for ${small.rows} rows (page of 5 of 10 actors), ` +
          `${large.calls} for ${large.rows} rows (page of 500 of 1,000 actors): ${JSON.stringify(large.detail)}`,
      );
    });

    test('an actor page, its panel, its top collaborators, page and collaborators together, the actor list with topics: one store call each, answered as level by level', async () => {
      const counting = countingStore(await harness.fresh());
      const api = await startTestApi(counting.store, generateNetwork({ actors: 200, seed: 7 }));
      const levelByLevel = await startTestApi(counting.store, undefined, { readAhead: false });
      const [id, busiest] = [...api.service.projection.actors].sort(
        ([, a], [, b]) => b.collaborations.size - a.collaborations.size,
      )[0];
      expect(busiest.collaborations.size).toBeGreaterThan(3);
      const cases: Array<[string, Record<string, unknown>, number]> = [
        [ACTOR_PAGE, { id }, 1],
        [COLLABORATORS, { id, first: 5 }, 1],
        [COLLABORATORS, { id }, 1],
        [PAGE_AND_COLLABORATORS, { id }, 2],
        [PANEL_WITHOUT_COLLABORATORS, { id }, 1],
        // The panel with its collaborators' records in the same call.
        [PANEL, { id }, 1],
        [ACTOR_PAGE, { id: 'ghost' }, 1],
        [PANEL, { id: 'ghost' }, 1],
        // A list with its actors' topics or interests: the page and the interests in one call.
        [ACTOR_LIST, {}, 1],
        [ACTOR_LIST_EDGES, { q: 'akteur' }, 1],
      ];
      for (const [query, variables, calls] of cases) {
        counting.reset();
        const ahead = await api.data(query, variables);
        const callsAhead = counting.total();
        counting.reset();
        expect(ahead).toEqual(await levelByLevel.data(query, variables));
        const callsLevelByLevel = counting.total();
        expect(callsAhead).toBe(calls);
        if (variables.id !== 'ghost') expect(callsLevelByLevel).toBeGreaterThan(calls);
      }
      // The panel's one call reads its page and the top collaborators' records (none left for getActors).
      counting.reset();
      const panel = await api.data(PANEL, { id });
      expect(panel.actor.collaborators.length).toBeGreaterThan(0);
      expect(Object.fromEntries(counting.calls)).toEqual({ actorPanelPages: 1 });
      // A list asking no topics reads only the page; one asking them, the page with the interests.
      counting.reset();
      const found = await api.data(NAME_SEARCH, { q: '1' });
      expect(found.actors.nodes.length).toBeGreaterThan(0);
      expect(Object.fromEntries(counting.calls)).toEqual({ listActors: 1 });
      counting.reset();
      const listed = await api.data(ACTOR_LIST, {});
      expect(listed.actors.nodes.some((a: any) => a.topics.length > 0)).toBe(true);
      expect(Object.fromEntries(counting.calls)).toEqual({ listActorsWithInterests: 1 });
      // A page size the field refuses is refused as before (the read-ahead only skips it).
      const refused = await api.run(COLLABORATORS, { id, first: 0 });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await levelByLevel.stop();
      await api.stop();
    });

    test("an ego network's labels: its actors' names alone, in one store call", async () => {
      const counting = countingStore(await harness.fresh());
      const api = await startTestApi(counting.store, generateNetwork({ actors: 200, seed: 7 }));
      const [id] = [...api.service.projection.actors].sort(
        ([, a], [, b]) => b.collaborations.size - a.collaborations.size,
      )[0];
      counting.reset();
      const { network } = await api.data(EGO_NETWORK, { id });
      expect(Object.fromEntries(counting.calls)).toEqual({ actorNames: 1 });
      expect(network.nodes.length).toBeGreaterThan(20);
      expect(network.edges.length).toBeGreaterThan(network.nodes.length);
      const records = await api.service.store.getActors(network.nodes.map((n: any) => n.entityId));
      expect(network.nodes.map((n: any) => n.label)).toEqual(records.map((a) => a!.name));
      // The names are read while the edges are found (when labels are asked, also through a
      // fragment), never when they are not.
      counting.reset();
      const viaFragment = await api.data(
        `query($id: ID!) { network(filter: { centreActorId: $id, depth: 2, maxActors: 300 }) { nodes { ...named } } }
         fragment named on NetworkNode { entityId label }`,
        { id },
      );
      expect(Object.fromEntries(counting.calls)).toEqual({ actorNames: 1 });
      expect(viaFragment.network.nodes).toEqual(
        network.nodes.map((n: any) => ({ entityId: n.entityId, label: n.label })),
      );
      counting.reset();
      const idsOnly = await api.data(
        `query($id: ID!) { network(filter: { centreActorId: $id, depth: 2, maxActors: 300 }) { nodes { id } } }`,
        { id },
      );
      expect(idsOnly.network.nodes).toHaveLength(network.nodes.length);
      expect(Object.fromEntries(counting.calls)).toEqual({});
      await api.stop();
    });

    test('createCollaboration answers its participants from the write: no store read after it', async () => {
      const counting = countingStore(await harness.fresh());
      const api = await startTestApi(counting.store, generateNetwork({ actors: 30, seed: 7 }));
      const ids = [...api.service.projection.actors.keys()].slice(3, 8);
      const participants = ids.map((actorId, i) => ({ actorId, role: i === 0 ? 'ORGANISER' : 'PARTICIPANT' }));
      const fields = `id title participants { role actor { id name kind } }`;
      counting.reset();
      const { createCollaboration: created } = await api.data(
        `mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { ${fields} } }`,
        { input: { title: 'Runde', kind: 'MEETING', participants } },
      );
      const detail = Object.fromEntries(counting.calls);
      // The write itself; the answer's participants and their records came with the write, and on
      // Neo4j the projection's feed page too (the embedded store's is read after it, in-process).
      expect(detail).toEqual(
        label === 'neo4j'
          ? { createCollaborationWithParticipants: 1 }
          : { createCollaborationWithParticipants: 1, readFeedPage: 1 },
      );
      // Either way the projection holds the write before the answer.
      expect([...(api.service.projection.collaborations.get(created.id)?.actors ?? [])].sort()).toEqual(
        [...ids].sort(),
      );
      expect(api.service.feed.seq).toBe((await api.service.store.feedHead()).head);
      const { collaboration: read } = await api.data(`query($id: ID!) { collaboration(id: $id) { ${fields} } }`, {
        id: created.id,
      });
      expect(created).toEqual(read);
      expect(created.participants.map((p: any) => p.actor.id).sort()).toEqual([...ids].sort());
      await api.stop();
    });
  });
}
