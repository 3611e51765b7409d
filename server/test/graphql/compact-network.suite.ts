/**
 * compactNetwork, the map's answer: the same actors, sizes and ties as `network`, in parallel lists;
 * with maxTies each actor's strongest ties only, and tieCount saying how many there are. Through the
 * whole request pipeline on the Batenbrock seed; expectations from `network` and the seed itself.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const COMPACT = `query($filter: NetworkFilterInput, $maxTies: Int) { compactNetwork(filter: $filter, maxTies: $maxTies) {
  truncated tieCount actorIds actorNames actorKinds actorSizes tieSources tieTargets tieWeights
  topicIds topicNames topicSizes interestActors interestTopics } }`;
const FULL = `query($filter: NetworkFilterInput) { network(filter: $filter) { truncated
  nodes { type entityId label actorKind size } edges { type source target weight } } }`;

interface Compact {
  truncated: boolean;
  tieCount: number;
  actorIds: string[];
  actorNames: string[];
  actorKinds: string[];
  actorSizes: number[];
  tieSources: number[];
  tieTargets: number[];
  tieWeights: number[];
  topicIds: string[];
  topicNames: string[];
  topicSizes: number[];
  interestActors: number[];
  interestTopics: number[];
}

/** Ties as "a|b weight" lines, comparable with `network`'s edges. */
const tieLines = (c: Compact) =>
  c.tieSources.map((s, i) => `actor:${c.actorIds[s]}|actor:${c.actorIds[c.tieTargets[i]]} ${c.tieWeights[i]}`).sort();

/** Each actor's piece (the smallest actor index in it), over the ties sent. */
function pieces(c: Compact): number[] {
  const piece = c.actorIds.map((_, i) => i);
  const root = (a: number): number => (piece[a] === a ? a : (piece[a] = root(piece[a])));
  c.tieSources.forEach((s, i) => {
    const [a, b] = [root(s), root(c.tieTargets[i])];
    if (a !== b) piece[Math.max(a, b)] = Math.min(a, b);
  });
  return c.actorIds.map((_, i) => root(i));
}

export function describeCompactNetwork(label: string, harness: StoreHarness): void {
  describe(`compactNetwork on the Batenbrock seed (${label})`, () => {
    let api: TestApi;
    useSeededApi(harness, batenbrock, (started) => (api = started));

    const compact = async (variables: Record<string, unknown>): Promise<Compact> =>
      (await api.data<{ compactNetwork: Compact }>(COMPACT, variables)).compactNetwork;

    test('without maxTies: what `network` answers, in parallel lists', async () => {
      for (const filter of [{}, { centreActorId: 'bobbie-ev', depth: 1, includeTopics: true }]) {
        const [c, { network }] = await Promise.all([compact({ filter }), api.data(FULL, { filter })]);
        const actors = network.nodes.filter((n: any) => n.type === 'ACTOR');
        expect(c.actorIds).toEqual(actors.map((n: any) => n.entityId));
        expect(c.actorNames).toEqual(actors.map((n: any) => n.label));
        expect(c.actorKinds).toEqual(actors.map((n: any) => n.actorKind));
        expect(c.actorSizes).toEqual(actors.map((n: any) => n.size));
        const ties = network.edges.filter((e: any) => e.type === 'COLLABORATES_WITH');
        expect(c.tieCount).toBe(ties.length);
        expect(tieLines(c)).toEqual(ties.map((e: any) => `${e.source}|${e.target} ${e.weight}`).sort());
        const topics = network.nodes.filter((n: any) => n.type === 'TOPIC');
        expect(c.topicIds).toEqual(topics.map((n: any) => n.entityId));
        expect(c.topicNames).toEqual(topics.map((n: any) => n.label));
        expect(c.topicSizes).toEqual(topics.map((n: any) => n.size));
        const interests = c.interestActors.map(
          (a, i) => `actor:${c.actorIds[a]}|topic:${c.topicIds[c.interestTopics[i]]}`,
        );
        expect(interests.sort()).toEqual(
          network.edges
            .filter((e: any) => e.type === 'INTERESTED_IN')
            .map((e: any) => `${e.source}|${e.target}`)
            .sort(),
        );
      }
      const whole = await compact({});
      expect(whole.actorIds).toHaveLength(batenbrock.actors.length);
      expect(whole.actorNames[whole.actorIds.indexOf('bobbie-ev')]).toBe('Bobbie e.V.');
      expect(whole.topicIds).toEqual([]);
    });

    test("with maxTies: each actor's strongest tie and those joining the pieces; tieCount counts all", async () => {
      const all = await compact({});
      const strongest = await compact({ maxTies: 1 });
      expect(strongest.actorIds).toEqual(all.actorIds);
      expect(strongest.tieCount).toBe(all.tieCount);
      expect(strongest.tieSources.length).toBeLessThan(all.tieSources.length);
      const allLines = new Set(tieLines(all));
      for (const line of tieLines(strongest)) expect(allLines.has(line)).toBe(true);
      // Every actor with a tie keeps one of its heaviest.
      const heaviest = (c: Compact) => {
        const out = new Map<number, number>();
        c.tieSources.forEach((s, i) => {
          for (const a of [s, c.tieTargets[i]]) out.set(a, Math.max(out.get(a) ?? 0, c.tieWeights[i]));
        });
        return out;
      };
      expect(heaviest(strongest)).toEqual(heaviest(all));
      // The kept ties join the actors into the same pieces as all ties.
      expect(pieces(strongest)).toEqual(pieces(all));
      // A budget above the number of ties sends them all.
      const roomy = await compact({ maxTies: all.tieCount });
      expect(tieLines(roomy)).toEqual(tieLines(all));
    });

    test('the same view asked again after a write answers the new state (an actor renamed, a new tie, a topic renamed)', async () => {
      const filter = { includeTopics: true };
      const before = await compact({ filter, maxTies: 6000 });
      // Asked again with nothing written: the same answer (kept per projection revision on the server).
      expect(await compact({ filter, maxTies: 6000 })).toEqual(before);
      const tied = new Set(before.tieSources.map((s, i) => `${s}|${before.tieTargets[i]}`));
      let pair: [number, number] | null = null;
      for (let a = 0; a < before.actorIds.length && !pair; a++)
        for (let b = a + 1; b < before.actorIds.length && !pair; b++)
          if (!tied.has(`${a}|${b}`) && !tied.has(`${b}|${a}`)) pair = [a, b];
      const [a, b] = pair!.map((i) => before.actorIds[i]);
      await api.data(`mutation { updateActor(id: "${a}", input: { name: "Umbenannt e.V." }) { id } }`);
      await api.data(
        `mutation { createCollaboration(input: { title: "Neues Treffen", kind: EVENT, startDate: "2024-05-02",
          participants: [{ actorId: "${a}" }, { actorId: "${b}" }] }) { id } }`,
      );
      await api.data(`mutation { updateTopic(id: "${before.topicIds[0]}", input: { name: "Neu benannt" }) { id } }`);
      const after = await compact({ filter, maxTies: 6000 });
      expect(after.actorNames[after.actorIds.indexOf(a)]).toBe('Umbenannt e.V.');
      expect(after.tieCount).toBe(before.tieCount + 1);
      const ia = after.actorIds.indexOf(a);
      const ib = after.actorIds.indexOf(b);
      expect(
        after.tieSources.some(
          (s, i) => (s === ia && after.tieTargets[i] === ib) || (s === ib && after.tieTargets[i] === ia),
        ),
      ).toBe(true);
      expect(after.topicNames[after.topicIds.indexOf(before.topicIds[0])]).toBe('Neu benannt');
    });

    test('refuses collaborations as nodes and a budget below one with BAD_USER_INPUT and the field', async () => {
      const collaborations = await api.run(COMPACT, { filter: { includeCollaborations: true } });
      expect(errorCodes(collaborations)).toEqual(['BAD_USER_INPUT']);
      expect(collaborations.errors![0].extensions?.field).toBe('filter.includeCollaborations');
      const none = await api.run(COMPACT, { maxTies: 0 });
      expect(errorCodes(none)).toEqual(['BAD_USER_INPUT']);
      expect(none.errors![0].extensions?.field).toBe('maxTies');
    });
  });
}
