/**
 * Network insight answers the same on the embedded store and on Neo4j — on the Batenbrock seed and
 * on a generated network: brokers, the hand-over analysis, clusters, change over time, recency.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import type { GraphData } from '../../src/store/network-store';
import { describeParity, type Operations } from '../support/parity';
import { describeNeo4j, type Neo4jTestConfig } from '../support/stores';

function operations(removed: string, actor: string): Operations {
  return [
    [
      'brokers',
      `{ brokers(first: 1000) { approximate actorCount tieCount nodes { rank degree weightedDegree betweenness closeness actor { id } } } }`,
    ],
    [
      'brokers by closeness in a range',
      `{ brokers(orderBy: CLOSENESS, filter: { from: "2018-01-01", to: "2023-12-31" }, first: 50) { nodes { rank closeness actor { id } } } }`,
    ],
    [
      'resilience',
      `{ resilience(removeActorIds: ["${removed}"], first: 50) { actorCount componentsBefore componentsAfter largestComponentAfter
        disconnectedActors { id } isolatedActors { id } newComponents { actors { id } } brokers { rank betweenness actor { id } }
        dependents { dependence actor { id } } } }`,
    ],
    [
      'clusters',
      `{ clusters(first: 100) { modularity count unclusteredCount clusters { id size actors { id }
        dominantTopics { count topic { id } } bridgingActors { externalTies otherClusters actor { id } } } } }`,
    ],
    [
      'change',
      `{ networkChange(from: "2019-06-30", to: "2023-12-31") { activeTiesBefore activeTiesAfter appearedActors { id } vanishedActors { id }
        appearedTies { actors { id } } fadedTies { before after actors { id } } vanishedTies { actors { id } } } }`,
    ],
    [
      'recent ties',
      `{ recentTies(actorId: "${actor}", recency: { asOf: "2024-06-30", halfLifeDays: 180 }) { weight sharedCount lastDate partner { id } } }`,
    ],
  ];
}

function insightParitySuite(config: Neo4jTestConfig): void {
  const cases: Array<[string, GraphData, [string, string]]> = [
    ['the Batenbrock seed', batenbrock, ['stadtteilagentur-batenbrock', 'bobbie-ev']],
    ['a generated network of 400 actors', generateNetwork({ actors: 400, seed: 13 }), ['a000001', 'a000002']],
  ];
  describeParity(
    config,
    'same insight on both stores',
    'every insight operation answers the same',
    cases.map(([name, data, [removed, actor]]) => ({ name, data, operations: operations(removed, actor) })),
  );
}

describeNeo4j('network insight parity of the stores', (config) => insightParitySuite(config));
