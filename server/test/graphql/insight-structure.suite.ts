/**
 * The structure of the network through real GraphQL requests on the Batenbrock seed: the hand-over
 * analysis ("what if the district agency leaves"), clusters and change over time. Expected values
 * come from insight-setup.ts. Run against every store.
 */
import { batenbrock } from '../../../seed/batenbrock';
import type { GraphData } from '../../src/store/network-store';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';
import { AGENCY, adjacencyOf, betweenness, components, ranking, type Adjacency } from './insight-setup';

export function describeInsightStructure(label: string, harness: StoreHarness): void {
  describe(`GraphQL network insight on the Batenbrock seed (${label})`, () => {
    let api: TestApi;

    useSeededApi(harness, batenbrock, (started) => (api = started));

    const whole = adjacencyOf(batenbrock);

    test('hand-over: without the district agency, who bridges the rest and who depended on it', async () => {
      const { resilience } = await api.data(
        `query($ids: [ID!]!) { resilience(removeActorIds: $ids, first: 50) {
          computedAt removedActors { id } actorCount componentsBefore componentsAfter largestComponentBefore largestComponentAfter
          disconnectedCount isolatedCount disconnectedActors { id } isolatedActors { id } newComponents { size actors { id } }
          brokers { rank rankBefore betweenness betweennessBefore degree degreeBefore actor { id name } }
          dependents { partnersBefore partnersLost dependence closeness closenessBefore actor { id } } } }`,
        { ids: [AGENCY] },
      );
      const rest = adjacencyOf(batenbrock, new Set([AGENCY]));
      const before = components(whole);
      const after = components(rest);
      expect(resilience.removedActors.map((a: any) => a.id)).toEqual([AGENCY]);
      expect(resilience.actorCount).toBe(batenbrock.actors.length - 1);
      expect(resilience.componentsBefore).toBe(before.length);
      expect(resilience.componentsAfter).toBe(after.length);
      expect(resilience.largestComponentBefore).toBe(before[0].length);
      expect(resilience.largestComponentAfter).toBe(after[0].length);
      const mainAfter = new Set(after[0]);
      const dropped = before[0].filter((a) => a !== AGENCY && !mainAfter.has(a));
      expect(resilience.disconnectedActors.map((a: any) => a.id)).toEqual(dropped);
      const isolated = [...rest.entries()]
        .filter(([id, p]) => p.size === 0 && whole.get(id)!.size > 0)
        .map(([id]) => id);
      expect(resilience.isolatedActors.map((a: any) => a.id)).toEqual(isolated.sort());
      expect(resilience.newComponents.map((c: any) => c.actors.map((a: any) => a.id))).toEqual(
        after.filter((c) => c !== after[0] && c.some((a) => before[0].includes(a))),
      );

      // Who carries the bridging now: betweenness on the rest, by its definition.
      const expected = betweenness(rest);
      expect(resilience.brokers.map((b: any) => b.actor.id)).toEqual(ranking(expected));
      for (const b of resilience.brokers) expect(b.betweenness).toBeCloseTo(expected.get(b.actor.id)!, 10);
      expect(resilience.brokers[0].actor.id).toBe('stadt-bottrop');
      expect(resilience.brokers[0].betweenness).toBeGreaterThan(2 * resilience.brokers[0].betweennessBefore);
      expect(resilience.brokers[0].rankBefore).toBe(2);

      // Who depended on the agency: the share of each partner's shared collaborations that were with it.
      const partnersOfAgency = [...whole.get(AGENCY)!.keys()];
      expect(resilience.dependents.map((d: any) => d.actor.id).sort()).toEqual(partnersOfAgency.sort());
      const dependence = (id: string) =>
        whole.get(id)!.get(AGENCY)! / [...whole.get(id)!.values()].reduce((a, b) => a + b, 0);
      for (const d of resilience.dependents) {
        expect(d.partnersLost).toBe(1);
        expect(d.dependence).toBeCloseTo(dependence(d.actor.id), 10);
      }
      expect(resilience.dependents.map((d: any) => d.dependence)).toEqual(
        [...resilience.dependents.map((d: any) => d.dependence)].sort((a, b) => b - a),
      );
    });

    test('hand-over within a date range (2023): the same comparison on the collaborations of that year', async () => {
      const in2023 = (c: GraphData['collaborations'][number]) =>
        Boolean(c.startDate) && c.startDate! <= '2023-12-31' && (c.endDate ?? c.startDate)! >= '2023-01-01';
      const { resilience } =
        await api.data(`{ resilience(removeActorIds: ["${AGENCY}"], filter: { from: "2023-01-01", to: "2023-12-31" }) {
        componentsAfter disconnectedActors { id } isolatedActors { id } newComponents { actors { id } } } }`);
      const scopedBefore = components(adjacencyOf(batenbrock, new Set(), in2023));
      const rest = adjacencyOf(batenbrock, new Set([AGENCY]), in2023);
      const after = components(rest);
      const mainAfter = new Set(after[0]);
      expect(resilience.componentsAfter).toBe(after.length);
      expect(resilience.disconnectedActors.map((a: any) => a.id)).toEqual(
        scopedBefore[0].filter((a) => a !== AGENCY && !mainAfter.has(a)),
      );
      const isolated = [...rest.entries()].filter(
        ([id, p]) => p.size === 0 && adjacencyOf(batenbrock, new Set(), in2023).get(id)!.size > 0,
      );
      expect(resilience.isolatedActors.map((a: any) => a.id)).toEqual(isolated.map(([id]) => id).sort());
    });

    test('hand-over: actors who worked only with the agency drop out, and pairs held only by it break off', async () => {
      // On the seed everyone has other ties; add a newcomer and a pair who only met through the agency.
      await api.data(`mutation {
        a: createActor(input: { id: "tafel", name: "Tafel Batenbrock", kind: INITIATIVE }) { id }
        b: createActor(input: { id: "lesepaten", name: "Lesepaten", kind: GROUP }) { id }
        c: createActor(input: { id: "lesecafe", name: "Lesecafé", kind: INITIATIVE }) { id }
        m1: createCollaboration(input: { id: "tafel-agentur", title: "Tafel trifft Agentur", kind: MEETING, startDate: "2024-03-01",
          participants: [{ actorId: "tafel", role: ORGANISER }, { actorId: "${AGENCY}", role: PARTICIPANT }] }) { id }
        m2: createCollaboration(input: { id: "lesen-agentur", title: "Leseprojekt", kind: PROJECT, startDate: "2024-04-01",
          participants: [{ actorId: "lesepaten", role: ORGANISER }, { actorId: "lesecafe", role: HOST }, { actorId: "${AGENCY}", role: FUNDER }] }) { id }
      }`);
      try {
        const { resilience } = await api.data(`{ resilience(removeActorIds: ["${AGENCY}"]) {
          disconnectedActors { id } isolatedActors { id } newComponents { size actors { id } } dependents { dependence actor { id } } } }`);
        expect(resilience.disconnectedActors.map((a: any) => a.id)).toEqual(['lesecafe', 'lesepaten', 'tafel']);
        expect(resilience.isolatedActors.map((a: any) => a.id)).toEqual(['tafel']);
        expect(resilience.newComponents).toEqual([
          { size: 2, actors: [{ id: 'lesecafe' }, { id: 'lesepaten' }] },
          { size: 1, actors: [{ id: 'tafel' }] },
        ]);
        expect(resilience.dependents.find((d: any) => d.actor.id === 'tafel').dependence).toBe(1);
        expect(resilience.dependents.find((d: any) => d.actor.id === 'lesepaten').dependence).toBe(0.5);
      } finally {
        await api.data(`mutation { a: deleteCollaboration(id: "tafel-agentur") b: deleteCollaboration(id: "lesen-agentur")
          c: deleteActor(id: "tafel") d: deleteActor(id: "lesepaten") e: deleteActor(id: "lesecafe") }`);
      }
    });

    test('hand-over: unknown actors answer NOT_FOUND; an empty removal changes nothing', async () => {
      expect(errorCodes(await api.run(`{ resilience(removeActorIds: ["nope"]) { actorCount } }`))).toEqual([
        'NOT_FOUND',
      ]);
      const { resilience } = await api.data(
        `{ resilience(removeActorIds: []) { actorCount componentsBefore componentsAfter disconnectedCount dependents { actor { id } } } }`,
      );
      expect(resilience.actorCount).toBe(batenbrock.actors.length);
      expect(resilience.componentsAfter).toBe(resilience.componentsBefore);
      expect(resilience.disconnectedCount).toBe(0);
      expect(resilience.dependents).toEqual([]);
    });

    test('clusters: deterministic, disjoint, cover every actor with a tie; topics and bridges from the data', async () => {
      const query = `{ clusters(first: 50) { modularity provisional count unclusteredCount clusters { id size internalTies externalTies
        actors { id } dominantTopics { count topic { id } } bridgingActors { externalTies otherClusters actor { id } } } } }`;
      const { clusters } = await api.data(query);
      const again = await api.data(query);
      expect(again.clusters).toEqual(clusters);
      expect(clusters.count).toBeGreaterThanOrEqual(2);
      expect(clusters.modularity).toBeGreaterThan(0);
      // Below the exact limit clusters are always computed from scratch.
      expect(clusters.provisional).toBe(false);
      const clusterOf = new Map<string, string>();
      for (const c of clusters.clusters) {
        expect(c.size).toBe(c.actors.length);
        for (const a of c.actors) {
          expect(clusterOf.has(a.id)).toBe(false);
          clusterOf.set(a.id, c.id);
        }
      }
      const withTies = [...whole.entries()].filter(([, p]) => p.size > 0).map(([id]) => id);
      expect([...clusterOf.keys()].sort()).toEqual(withTies.sort());
      expect(clusters.unclusteredCount).toBe(batenbrock.actors.length - withTies.length);
      for (const c of clusters.clusters) {
        expect(c.dominantTopics.length).toBeGreaterThan(0);
        for (const b of c.bridgingActors) {
          const external = [...whole.get(b.actor.id)!.keys()].filter((p) => clusterOf.get(p) !== c.id);
          expect(b.externalTies).toBe(external.length);
          expect(b.otherClusters).toBe(new Set(external.map((p) => clusterOf.get(p))).size);
        }
        // interests of the members count towards the cluster's topics
        const top = c.dominantTopics[0];
        const interested = c.actors.filter((a: any) =>
          batenbrock.actors.find((x) => x.id === a.id)!.interests?.some((i) => i.topicId === top.topic.id),
        ).length;
        expect(top.count).toBeGreaterThanOrEqual(interested);
      }
    });

    test('change over time: actors and ties that appeared, faded and vanished between two dates', async () => {
      const { networkChange } = await api.data(`{ networkChange(from: "2021-12-31", to: "2023-12-31", windowDays: 365) {
        activeActorsBefore activeActorsAfter activeTiesBefore activeTiesAfter
        appearedActors { id } vanishedActors { id }
        appearedTies { before after actors { id } } fadedTies { before after actors { id } } vanishedTies { before after actors { id } } } }`);
      const window = (date: string) => (c: GraphData['collaborations'][number]) => {
        const from = new Date(Date.parse(date) - 365 * 86_400_000).toISOString().slice(0, 10);
        return Boolean(c.startDate) && c.startDate! <= date && (c.endDate ?? c.startDate)! >= from;
      };
      const activeBefore = adjacencyOf(batenbrock, new Set(), window('2021-12-31'));
      const activeAfter = adjacencyOf(batenbrock, new Set(), window('2023-12-31'));
      const seen = adjacencyOf(batenbrock, new Set(), (c) => Boolean(c.startDate) && c.startDate! <= '2021-12-31');
      const active = (adjacency: Adjacency) => [...adjacency.entries()].filter(([, p]) => p.size > 0).map(([id]) => id);
      const ties = (adjacency: Adjacency) =>
        [...adjacency.entries()].flatMap(([a, p]) => [...p.keys()].filter((b) => a < b).map((b) => [a, b]));
      const ids = (list: any[]) => list.map((a: any) => a.id);
      const pairs = (list: any[]) => list.map((t: any) => ids(t.actors));

      expect(networkChange.activeActorsBefore).toBe(active(activeBefore).length);
      expect(networkChange.activeActorsAfter).toBe(active(activeAfter).length);
      expect(networkChange.activeTiesBefore).toBe(ties(activeBefore).length);
      expect(networkChange.activeTiesAfter).toBe(ties(activeAfter).length);
      expect(ids(networkChange.appearedActors)).toEqual(
        active(activeAfter)
          .filter((a) => seen.get(a)!.size === 0)
          .sort(),
      );
      expect(ids(networkChange.vanishedActors)).toEqual(
        active(activeBefore)
          .filter((a) => activeAfter.get(a)!.size === 0)
          .sort(),
      );
      const sortPairs = (list: string[][]) => list.sort((x, y) => (x.join() < y.join() ? -1 : 1));
      expect(pairs(networkChange.appearedTies)).toEqual(
        sortPairs(ties(activeAfter).filter(([a, b]) => !seen.get(a)!.has(b))),
      );
      expect(pairs(networkChange.vanishedTies)).toEqual(
        sortPairs(ties(activeBefore).filter(([a, b]) => !activeAfter.get(a)!.has(b))),
      );
      expect(pairs(networkChange.fadedTies)).toEqual(
        sortPairs(
          ties(activeBefore).filter(
            ([a, b]) => activeAfter.get(a)!.has(b) && activeAfter.get(a)!.get(b)! < activeBefore.get(a)!.get(b)!,
          ),
        ),
      );
      expect(networkChange.appearedActors.length + networkChange.vanishedActors.length).toBeGreaterThan(0);
      expect(networkChange.vanishedTies.length).toBeGreaterThan(0);

      expect(
        errorCodes(await api.run(`{ networkChange(from: "2023-01-01", to: "2022-01-01") { activeTiesAfter } }`)),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        errorCodes(await api.run(`{ networkChange(from: "2023-02-30", to: "2024-01-01") { activeTiesAfter } }`)),
      ).toEqual(['BAD_USER_INPUT']);
    });

    test('change over time: `first` cuts each tie list, the counts stay whole', async () => {
      const all = (
        await api.data(`{ networkChange(from: "2021-12-31", to: "2023-12-31") {
        appearedTieCount fadedTieCount vanishedTieCount appearedTies { actors { id } } fadedTies { actors { id } } vanishedTies { actors { id } } } }`)
      ).networkChange;
      const cut = (
        await api.data(`{ networkChange(from: "2021-12-31", to: "2023-12-31", first: 2) {
        appearedTieCount vanishedTieCount appearedTies { actors { id } } fadedTies { actors { id } } vanishedTies { actors { id } } } }`)
      ).networkChange;
      expect(all.appearedTieCount).toBe(all.appearedTies.length);
      expect(all.fadedTieCount).toBe(all.fadedTies.length);
      expect(all.vanishedTieCount).toBe(all.vanishedTies.length);
      expect(all.vanishedTies.length).toBeGreaterThan(2);
      expect(cut.appearedTieCount).toBe(all.appearedTieCount);
      expect(cut.vanishedTieCount).toBe(all.vanishedTieCount);
      expect(cut.appearedTies).toEqual(all.appearedTies.slice(0, 2));
      expect(cut.fadedTies).toEqual(all.fadedTies.slice(0, 2));
      expect(cut.vanishedTies).toEqual(all.vanishedTies.slice(0, 2));
      expect(
        errorCodes(
          await api.run(`{ networkChange(from: "2021-12-31", to: "2023-12-31", first: 0) { appearedTieCount } }`),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    });
  });
}
