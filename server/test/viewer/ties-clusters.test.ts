/**
 * The viewer's pure parts that decide what a big network looks like: the strongest ties drawn
 * (viewer/src/ties.ts) and the cluster map's names and ties (viewer/src/clusters.ts). No browser.
 */
import type { ClusterInfo, Network } from '../../../viewer/src/api';
import { clusterElements, clusterTies, clusterTopics, membersOnly } from '../../../viewer/src/clusters';
import { strongestPerActor, withinBudget } from '../../../viewer/src/ties';

const tie = (source: string, target: string, weight: number) => ({ source, target, weight });

describe('strongest ties', () => {
  const ties = [
    tie('a', 'b', 5),
    tie('a', 'c', 1),
    tie('a', 'd', 3),
    tie('b', 'c', 1),
    tie('c', 'd', 1),
    tie('e', 'a', 1),
  ];

  test('each actor keeps its k heaviest ties; a tie stays when either end keeps it', () => {
    const one = strongestPerActor(ties, 1);
    // a: a–b (5); b: a–b; c: c–a, c–b and c–d weigh 1 each, the first by the other end's id (a);
    // d: a–d (3); e: e–a (its only tie).
    expect(one).toEqual([tie('a', 'b', 5), tie('a', 'c', 1), tie('a', 'd', 3), tie('e', 'a', 1)]);
    const everyActor = new Set(one.flatMap((t) => [t.source, t.target]));
    expect([...everyActor].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('within the budget nothing is dropped; beyond it, as many per actor as fit', () => {
    expect(withinBudget(ties, 5, 6)).toBe(ties);
    expect(withinBudget(ties, 5, 5)).toEqual(strongestPerActor(ties, 1));
    expect(withinBudget(ties, 2, 5)).toEqual(strongestPerActor(ties, 2));
  });
});

describe('cluster map', () => {
  const topic = (id: string) => ({ id, name: id.toUpperCase() });
  const cluster = (id: string, actors: string[], topics: Array<[string, number]>): ClusterInfo => ({
    id,
    size: actors.length,
    internalTies: 0,
    externalTies: 0,
    dominantTopics: topics.map(([t, count]) => ({ count, topic: topic(t) })),
    bridgingActors: [],
    actors: actors.map((a) => ({ id: a, name: a, kind: 'ASSOCIATION' as const })),
  });
  const clusters = [
    cluster(
      '1',
      ['a', 'b', 'c'],
      [
        ['everywhere', 9],
        ['garden', 4],
        ['youth', 2],
      ],
    ),
    cluster(
      '2',
      ['d', 'e'],
      [
        ['everywhere', 8],
        ['sport', 3],
      ],
    ),
    cluster(
      '3',
      ['f', 'g'],
      [
        ['everywhere', 7],
        ['garden', 1],
        ['culture', 1],
      ],
    ),
  ];
  const edge = (a: string, b: string, weight = 1) => ({
    type: 'COLLABORATES_WITH' as const,
    source: `actor:${a}`,
    target: `actor:${b}`,
    weight,
  });
  const network: Network = {
    truncated: false,
    nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((a) => ({
      id: `actor:${a}`,
      type: 'ACTOR' as const,
      entityId: a,
      label: a,
      actorKind: 'ASSOCIATION' as const,
      size: 1,
    })),
    edges: [edge('a', 'b'), edge('a', 'd', 2), edge('b', 'e'), edge('c', 'f', 3), edge('d', 'e'), edge('f', 'g')],
    tieCount: 6,
  };

  test('a topic every cluster has counts for less: rarer topics come first', () => {
    expect(clusterTopics(clusters[0], clusters)).toEqual(['GARDEN', 'YOUTH']);
    expect(clusterTopics(clusters[1], clusters)).toEqual(['SPORT', 'EVERYWHERE']);
  });

  test('ties between clusters: pairs across, with their shared collaborations', () => {
    expect(clusterTies(clusters, network)).toEqual([
      { a: '1', b: '2', ties: 2, weight: 3 },
      { a: '1', b: '3', ties: 1, weight: 3 },
    ]);
    const elements = clusterElements(
      { count: 3, unclusteredCount: 0, modularity: 0.3, computedAt: '', clusters },
      clusterTies(clusters, network),
      (n) => `${n} members`,
    );
    expect(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id, e.data.size, e.data.label])).toEqual([
      ['cluster:1', 3, 'GARDEN\nYOUTH\n3 members'],
      ['cluster:2', 2, 'SPORT\nEVERYWHERE\n2 members'],
      // Nothing else stands out in cluster 3: the common topic, seven times as often, comes first there.
      ['cluster:3', 2, 'EVERYWHERE\nCULTURE\n2 members'],
    ]);
    expect(
      elements.filter((e) => e.group === 'edges').map((e) => [e.data.source, e.data.target, e.data.weight]),
    ).toEqual([
      ['cluster:1', 'cluster:2', 2],
      ['cluster:1', 'cluster:3', 1],
    ]);
  });

  test("a cluster's members: its actors and the edges among them only", () => {
    const members = membersOnly(network, ['a', 'b', 'c']);
    expect(members.nodes.map((n) => n.entityId)).toEqual(['a', 'b', 'c']);
    expect(members.edges).toEqual([edge('a', 'b')]);
    expect(members.tieCount).toBe(1);
  });
});
