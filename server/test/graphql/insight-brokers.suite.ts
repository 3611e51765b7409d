/**
 * Brokers and reach through real GraphQL requests on the Batenbrock seed: degree, betweenness and
 * closeness, scoped by date and topic or to some actors, recency-weighted ties, and the cache of
 * the results. Expected values come from insight-setup.ts. Run against every store.
 */
import { batenbrock } from '../../../seed/batenbrock';
import type { GraphData } from '../../src/store/network-store';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';
import { AGENCY, adjacencyOf, betweenness, closeness, ranking } from './insight-setup';

export function describeInsightBrokers(label: string, harness: StoreHarness): void {
  describe(`GraphQL network insight on the Batenbrock seed (${label})`, () => {
    let api: TestApi;

    useSeededApi(harness, batenbrock, (started) => (api = started));

    const whole = adjacencyOf(batenbrock);

    test('brokers: degree, weighted degree, betweenness and closeness of every actor, ranked', async () => {
      const { brokers } = await api.data(`{ brokers(orderBy: BETWEENNESS, first: 100) {
        orderBy computedAt approximate actorCount tieCount
        nodes { rank degree weightedDegree betweenness closeness actor { id name } } } }`);
      const expectedBetweenness = betweenness(whole);
      const expectedCloseness = closeness(whole);
      expect(brokers.approximate).toBe(false);
      expect(brokers.actorCount).toBe(batenbrock.actors.length);
      expect(brokers.tieCount).toBe([...whole.values()].reduce((sum, p) => sum + p.size, 0) / 2);
      expect(brokers.nodes).toHaveLength(batenbrock.actors.length);
      expect(brokers.nodes.map((m: any) => m.actor.id)).toEqual(ranking(expectedBetweenness));
      expect(brokers.nodes[0].actor.id).toBe(AGENCY); // the district agency holds the network together
      for (const m of brokers.nodes) {
        const partners = whole.get(m.actor.id)!;
        expect(m.degree).toBe(partners.size);
        expect(m.weightedDegree).toBe([...partners.values()].reduce((a, b) => a + b, 0));
        expect(m.betweenness).toBeCloseTo(expectedBetweenness.get(m.actor.id)!, 10);
        expect(m.closeness).toBeCloseTo(expectedCloseness.get(m.actor.id)!, 10);
      }
      expect(brokers.nodes.map((m: any) => m.rank)).toEqual(brokers.nodes.map((_: unknown, i: number) => i + 1));

      const { brokers: byDegree } = await api.data(
        `{ brokers(orderBy: DEGREE, first: 3) { nodes { degree actor { id } } } }`,
      );
      const degrees = new Map([...whole.entries()].map(([id, p]) => [id, p.size]));
      expect(byDegree.nodes.map((m: any) => m.actor.id)).toEqual(ranking(degrees).slice(0, 3));
    });

    test('brokers within a date range and a topic', async () => {
      const inRange = (c: GraphData['collaborations'][number]) =>
        Boolean(c.startDate) && c.startDate! <= '2023-12-31' && (c.endDate ?? c.startDate)! >= '2023-01-01';
      const { brokers } = await api.data(`{ brokers(filter: { from: "2023-01-01", to: "2023-12-31" }, first: 100) {
        tieCount nodes { degree betweenness actor { id } } } }`);
      const scoped = adjacencyOf(batenbrock, new Set(), inRange);
      const expected = betweenness(scoped);
      expect(brokers.tieCount).toBe([...scoped.values()].reduce((sum, p) => sum + p.size, 0) / 2);
      for (const m of brokers.nodes) {
        expect(m.degree).toBe(scoped.get(m.actor.id)!.size);
        expect(m.betweenness).toBeCloseTo(expected.get(m.actor.id)!, 10);
      }

      const garden = (c: GraphData['collaborations'][number]) => (c.topicIds ?? []).includes('gemeinschaftsgarten');
      const { brokers: gardening } =
        await api.data(`{ brokers(filter: { topicIds: ["gemeinschaftsgarten"] }, orderBy: WEIGHTED_DEGREE, first: 5) {
        nodes { weightedDegree actor { id } } } }`);
      const gardenGraph = adjacencyOf(batenbrock, new Set(), garden);
      const weighted = new Map(
        [...gardenGraph.entries()].map(([id, p]) => [id, [...p.values()].reduce((a, b) => a + b, 0)]),
      );
      expect(gardening.nodes.map((m: any) => m.actor.id)).toEqual(ranking(weighted).slice(0, 5));
    });

    test('brokers of some actors keep their rank among all; unknown ids and repeats are ignored', async () => {
      const { brokers: all } = await api.data(
        `{ brokers(orderBy: CLOSENESS, first: 100) { nodes { rank closeness actor { id } } } }`,
      );
      const picked = [all.nodes[7], all.nodes[2], all.nodes[20]].map((m: any) => m.actor.id);
      const { brokers: some } = await api.data(
        `query($ids: [ID!]) { brokers(orderBy: CLOSENESS, actorIds: $ids, first: 2) { nodes { rank closeness actor { id } } } }`,
        { ids: [...picked, 'nobody', picked[0]] },
      );
      expect(some.nodes).toEqual([all.nodes[2], all.nodes[7]]);
    });

    test('ties weighted by recency: a recent collaboration counts more than an old one', async () => {
      const { recentTies } =
        await api.data(`{ recentTies(actorId: "bobbie-ev", recency: { asOf: "2024-06-30", halfLifeDays: 365 }, first: 100) {
        weight sharedCount lastDate partner { id } } }`);
      const weightOf = (c: GraphData['collaborations'][number]) =>
        0.5 ** (Math.max(0, Date.parse('2024-06-30') - Date.parse((c.endDate ?? c.startDate)!)) / 86_400_000 / 365);
      const expected = new Map<string, number>();
      for (const c of batenbrock.collaborations) {
        const members = (c.participants ?? []).map((p) => p.actorId);
        if (!members.includes('bobbie-ev') || !c.startDate || c.startDate > '2024-06-30') continue;
        for (const m of members) if (m !== 'bobbie-ev') expected.set(m, (expected.get(m) ?? 0) + weightOf(c));
      }
      expect(recentTies.map((t: any) => t.partner.id)).toEqual(ranking(expected));
      for (const t of recentTies) {
        expect(t.weight).toBeCloseTo(expected.get(t.partner.id)!, 10);
        expect(t.weight).toBeLessThanOrEqual(t.sharedCount);
      }
      const { brokers } = await api.data(
        `{ brokers(recency: { asOf: "2024-06-30", halfLifeDays: 365 }, actorIds: ["bobbie-ev"]) { nodes { weightedDegree } } }`,
      );
      expect(brokers.nodes[0].weightedDegree).toBeCloseTo(
        [...expected.values()].reduce((a, b) => a + b, 0),
        10,
      );
      expect(
        errorCodes(await api.run(`{ recentTies(actorId: "nope", recency: { asOf: "2024-01-01" }) { weight } }`)),
      ).toEqual(['NOT_FOUND']);
    });

    test('results are cached until the network changes, with when they were computed', async () => {
      const query = `{ brokers(first: 1, actorIds: ["repair-cafe-batenbrock"]) { computedAt nodes { degree } } }`;
      const first = (await api.data(query)).brokers;
      const second = (await api.data(query)).brokers;
      expect(second.computedAt).toBe(first.computedAt);
      expect(first.nodes[0].degree).toBe(0);
      await api.data(
        `mutation { addParticipant(collaborationId: "stadtteilkonferenz-2022", actorId: "repair-cafe-batenbrock", role: PARTICIPANT) { id } }`,
      );
      const after = (await api.data(query)).brokers;
      expect(after.nodes[0].degree).toBeGreaterThan(0);
      expect(Date.parse(after.computedAt)).toBeGreaterThanOrEqual(Date.parse(first.computedAt));
      await api.data(
        `mutation { removeParticipant(collaborationId: "stadtteilkonferenz-2022", actorId: "repair-cafe-batenbrock") { id } }`,
      );
      expect((await api.data(query)).brokers.nodes[0].degree).toBe(0);
    });
  });
}
