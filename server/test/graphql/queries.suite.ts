/**
 * Read queries through the whole request pipeline (Apollo → resolvers → loaders → store /
 * projection) on the Batenbrock seed. Expectations are computed from the seed data itself, so the
 * suite checks behaviour, not a snapshot. Run against every store.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { nameKey } from '../../src/domain/text';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const participantsOf = (collaborationId: string) =>
  batenbrock.collaborations.find((c) => c.id === collaborationId)!.participants!.map((p) => p.actorId);
const collaborationsOf = (actorId: string) =>
  batenbrock.collaborations.filter((c) => c.participants?.some((p) => p.actorId === actorId));

/** Partners of an actor in the seed, with the number of shared collaborations. */
function partnersOf(actorId: string): Map<string, number> {
  const partners = new Map<string, number>();
  for (const c of collaborationsOf(actorId)) {
    for (const other of participantsOf(c.id!)) {
      if (other !== actorId) partners.set(other, (partners.get(other) ?? 0) + 1);
    }
  }
  return partners;
}

export function describeQueries(label: string, harness: StoreHarness): void {
  describe(`GraphQL queries on the Batenbrock seed (${label})`, () => {
    let api: TestApi;

    useSeededApi(harness, batenbrock, (started) => (api = started));

    test('lists every actor by name with cursor pagination', async () => {
      const query = `query($after: String) { actors(first: 7, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { actors }: any = await api.data(query, { after });
        expect(actors.totalCount).toBe(batenbrock.actors.length);
        seen.push(...actors.edges.map((e: any) => e.node.name));
        pages++;
        if (!actors.pageInfo.hasNextPage) break;
        expect(actors.pageInfo.endCursor).toBe(actors.edges.at(-1).cursor);
        after = actors.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(batenbrock.actors.length / 7));
      const expected = [...batenbrock.actors]
        .sort((a, b) => (nameKey(a.name) < nameKey(b.name) ? -1 : 1))
        .map((a) => a.name);
      expect(seen).toEqual(expected);
    });

    test('searches actors by name substring, ignoring case and umlauts', async () => {
      const { actors } = await api.data(`{ actors(filter: { nameContains: "BURGERHAUS" }) { nodes { id } } }`);
      expect(actors.nodes.map((a: any) => a.id)).toEqual(['burgerhaus-batenbrock']);
      const { actors: withUmlaut } = await api.data(
        `{ actors(filter: { nameContains: "grüne aue" }) { nodes { id } } }`,
      );
      expect(withUmlaut.nodes.map((a: any) => a.id)).toEqual(['kleingartenverein-grune-aue']);
    });

    test('filters actors by kind and by topic', async () => {
      const { actors } = await api.data(
        `{ actors(filter: { kinds: [FUNDER] }, first: 50) { totalCount nodes { kind } } }`,
      );
      expect(actors.totalCount).toBe(batenbrock.actors.filter((a) => a.kind === 'FUNDER').length);
      expect(new Set(actors.nodes.map((a: any) => a.kind))).toEqual(new Set(['FUNDER']));

      const gardeners = batenbrock.actors.filter((a) => a.interests?.some((i) => i.topicId === 'gemeinschaftsgarten'));
      const { actors: byTopic } = await api.data(
        `{ actors(filter: { topicIds: ["gemeinschaftsgarten"] }, first: 50) { totalCount nodes { id } } }`,
      );
      expect(byTopic.totalCount).toBe(gardeners.length);
      expect(byTopic.nodes.map((a: any) => a.id).sort()).toEqual(gardeners.map((a) => a.id).sort());
    });

    test('opens one actor with topics, collaborations (role, date) and collaborators', async () => {
      const { actor } = await api.data(`{ actor(id: "bobbie-ev") {
        id name kind topics { id } interests { weight topic { name } }
        collaborations { role collaboration { id title startDate } }
        collaborationCount
        collaborators { sharedCount actor { id } collaborations { id } }
      } }`);
      const seed = batenbrock.actors.find((a) => a.id === 'bobbie-ev')!;
      expect(actor).toMatchObject({ id: 'bobbie-ev', name: 'Bobbie e.V.', kind: 'ASSOCIATION' });
      expect(actor.topics.map((t: any) => t.id).sort()).toEqual(seed.interests!.map((i) => i.topicId).sort());
      expect(actor.collaborationCount).toBe(collaborationsOf('bobbie-ev').length);
      const garden = actor.collaborations.find((p: any) => p.collaboration.id === 'burgerinnengarten-volkspark');
      expect(garden.role).toBe(
        batenbrock.collaborations
          .find((c) => c.id === 'burgerinnengarten-volkspark')!
          .participants!.find((p) => p.actorId === 'bobbie-ev')!.role,
      );

      const partners = partnersOf('bobbie-ev');
      expect(actor.collaborators).toHaveLength(partners.size);
      for (const c of actor.collaborators) {
        expect(c.sharedCount).toBe(partners.get(c.actor.id));
        expect(c.collaborations).toHaveLength(c.sharedCount);
      }
      const counts = actor.collaborators.map((c: any) => c.sharedCount);
      expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    });

    test('answers null for an unknown actor', async () => {
      const { actor } = await api.data(`{ actor(id: "gibt-es-nicht") { id } }`);
      expect(actor).toBeNull();
    });

    test('lists topics with actor and collaboration counts, and opens one', async () => {
      const { topics } = await api.data(
        `{ topics(first: 100) { totalCount nodes { id name actorCount collaborationCount } } }`,
      );
      expect(topics.totalCount).toBe(batenbrock.topics.length);
      for (const t of topics.nodes) {
        expect(t.actorCount).toBe(batenbrock.actors.filter((a) => a.interests?.some((i) => i.topicId === t.id)).length);
        expect(t.collaborationCount).toBe(batenbrock.collaborations.filter((c) => c.topicIds?.includes(t.id)).length);
      }
      const { topic } = await api.data(
        `{ topic(id: "gemeinschaftsgarten") { name actors { id } collaborations { id } } }`,
      );
      expect(topic.actors.length).toBeGreaterThan(0);
      expect(topic.collaborations.map((c: any) => c.id)).toContain('burgerinnengarten-burgerhaus');
    });

    test('lists collaborations newest first, filtered by kind, topic and date range', async () => {
      const { collaborations } = await api.data(`{ collaborations(first: 100) { totalCount nodes { id startDate } } }`);
      expect(collaborations.totalCount).toBe(batenbrock.collaborations.length);
      const dates = collaborations.nodes.map((c: any) => c.startDate ?? '');
      expect(dates).toEqual([...dates].sort().reverse());

      const { collaborations: conferences } = await api.data(
        `{ collaborations(filter: { kinds: [CONFERENCE] }) { nodes { id kind } } }`,
      );
      expect(conferences.nodes.map((c: any) => c.id).sort()).toEqual([
        'stadtteilkonferenz-2021',
        'stadtteilkonferenz-2022',
      ]);

      const { collaborations: in2021 } = await api.data(
        `{ collaborations(filter: { from: "2021-01-01", to: "2021-12-31" }, first: 100) { nodes { id startDate endDate } } }`,
      );
      const expected2021 = batenbrock.collaborations.filter(
        (c) => c.startDate && c.startDate <= '2021-12-31' && (c.endDate ?? c.startDate) >= '2021-01-01',
      );
      expect(in2021.nodes.map((c: any) => c.id).sort()).toEqual(expected2021.map((c) => c.id).sort());

      const { collaborations: gardening } = await api.data(
        `{ collaborations(filter: { topicIds: ["gemeinschaftsgarten"] }, first: 100) { nodes { id } } }`,
      );
      expect(gardening.nodes.map((c: any) => c.id).sort()).toEqual(
        batenbrock.collaborations
          .filter((c) => c.topicIds?.includes('gemeinschaftsgarten'))
          .map((c) => c.id)
          .sort(),
      );
    });

    test('opens one collaboration with participants and roles', async () => {
      const { collaboration } = await api.data(`{ collaboration(id: "stadtteilkonferenz-2021") {
        title kind participants { role actor { id name } } topics { id } } }`);
      expect(collaboration.kind).toBe('CONFERENCE');
      expect(collaboration.participants.map((p: any) => p.actor.id).sort()).toEqual(
        participantsOf('stadtteilkonferenz-2021').sort(),
      );
      const organiser = collaboration.participants.find((p: any) => p.actor.id === 'stadtteilagentur-batenbrock');
      expect(organiser.role).toBe('ORGANISER');
    });

    test('tells how two actors are connected with the shortest chain', async () => {
      const { shortestPath } = await api.data(
        `{ shortestPath(fromActorId: "repair-cafe-batenbrock", toActorId: "bobbie-ev") { length } }`,
      );
      expect(shortestPath).toBeNull(); // the Repair-Café has not taken part in anything yet

      const { shortestPath: path } =
        await api.data(`{ shortestPath(fromActorId: "eu-efre", toActorId: "kleingartenverein-grune-aue") {
        length actors { id } steps { from { id } collaboration { id } to { id } } } }`);
      expect(path.length).toBeGreaterThanOrEqual(2);
      expect(path.actors[0].id).toBe('eu-efre');
      expect(path.actors.at(-1).id).toBe('kleingartenverein-grune-aue');
      for (const step of path.steps) {
        const members = participantsOf(step.collaboration.id);
        expect(members).toContain(step.from.id);
        expect(members).toContain(step.to.id);
      }
      // No shorter chain exists: the first actor's partners do not include the last one.
      expect(partnersOf('eu-efre').has('kleingartenverein-grune-aue')).toBe(false);
    });

    test('answers NOT_FOUND for a path from an unknown actor', async () => {
      const result = await api.run(`{ shortestPath(fromActorId: "nope", toActorId: "bobbie-ev") { length } }`);
      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    });

    test('gives the viewer network with weighted collaborates-with edges', async () => {
      const { network } = await api.data(
        `{ network { truncated nodes { id type label actorKind size } edges { type source target weight collaborations { id } } } }`,
      );
      expect(network.truncated).toBe(false);
      expect(network.nodes).toHaveLength(batenbrock.actors.length);
      const bobbie = partnersOf('bobbie-ev');
      const bobbieEdges = network.edges.filter(
        (e: any) => e.source === 'actor:bobbie-ev' || e.target === 'actor:bobbie-ev',
      );
      expect(bobbieEdges).toHaveLength(bobbie.size);
      for (const e of bobbieEdges) {
        const partner = (e.source === 'actor:bobbie-ev' ? e.target : e.source).slice('actor:'.length);
        expect(e.weight).toBe(bobbie.get(partner));
        expect(e.collaborations).toHaveLength(e.weight);
      }
      expect(network.nodes.find((n: any) => n.id === 'actor:bobbie-ev').label).toBe('Bobbie e.V.');
    });

    test('limits the network to the neighbourhood of one actor, with topics and collaborations', async () => {
      const { network } =
        await api.data(`{ network(filter: { centreActorId: "bobbie-ev", depth: 1, includeTopics: true, includeCollaborations: true }) {
        nodes { id type } edges { id type source target } } }`);
      const actorIds = network.nodes
        .filter((n: any) => n.type === 'ACTOR')
        .map((n: any) => n.id.slice(6))
        .sort();
      expect(actorIds).toEqual(['bobbie-ev', ...partnersOf('bobbie-ev').keys()].sort());
      expect(network.nodes.some((n: any) => n.type === 'TOPIC')).toBe(true);
      expect(network.edges.some((e: any) => e.type === 'INTERESTED_IN')).toBe(true);
      const collaborationNodes = network.nodes.filter((n: any) => n.type === 'COLLABORATION').map((n: any) => n.id);
      expect(collaborationNodes).toEqual(
        expect.arrayContaining(collaborationsOf('bobbie-ev').map((c) => `collaboration:${c.id}`)),
      );
      const ids = new Set(network.nodes.map((n: any) => n.id));
      const prefix: Record<string, string> = {
        COLLABORATES_WITH: 'collaborates',
        INTERESTED_IN: 'interested',
        PARTICIPATED_IN: 'participated',
      };
      const entityOf = (nodeId: string) => nodeId.slice(nodeId.indexOf(':') + 1);
      for (const e of network.edges) {
        expect(ids.has(e.source)).toBe(true);
        expect(ids.has(e.target)).toBe(true);
        expect(e.id).toBe(`${prefix[e.type]}:${entityOf(e.source)}|${entityOf(e.target)}`);
      }
      expect(new Set(network.edges.map((e: any) => e.id)).size).toBe(network.edges.length);
    });

    test('filters the network by date range and kind', async () => {
      const { network } = await api.data(
        `{ network(filter: { from: "2023-01-01", to: "2023-12-31", actorKinds: [ASSOCIATION] }) { nodes { actorKind entityId } } }`,
      );
      expect(network.nodes.length).toBeGreaterThan(0);
      for (const n of network.nodes) {
        expect(n.actorKind).toBe('ASSOCIATION');
        const active = collaborationsOf(n.entityId).some(
          (c) => c.startDate && c.startDate <= '2023-12-31' && (c.endDate ?? c.startDate) >= '2023-01-01',
        );
        expect(active).toBe(true);
      }
    });

    test('rejects a reversed date range and a bad cursor with BAD_USER_INPUT', async () => {
      const reversed = await api.run(
        `{ collaborations(filter: { from: "2023-01-01", to: "2021-01-01" }) { totalCount } }`,
      );
      expect(errorCodes(reversed)).toEqual(['BAD_USER_INPUT']);
      const badCursor = await api.run(`{ actors(after: "kaputt") { totalCount } }`);
      expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
      const tooMany = await api.run(`{ actors(first: 501) { totalCount } }`);
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
      expect(tooMany.errors?.[0].extensions?.field).toBe('first');
    });
  });
}
