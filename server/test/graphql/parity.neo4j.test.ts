/**
 * The same GraphQL requests give the same answers on the embedded store and on Neo4j: every read
 * operation of the API, run on both stores loaded with the same network, compared field by field
 * (timestamps aside, which record when each store was loaded).
 */
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import type { GraphData } from '../../src/store/network-store';
import { describeParity, type Operations } from '../support/parity';
import { describeNeo4j, type Neo4jTestConfig } from '../support/stores';

const ACTOR = 'id name kind description district website contact version';
const COLLABORATION = 'id title kind startDate endDate location description';

/** Read operations covering every query of the schema, with the ids of the network at hand. */
function operations(actorA: string, actorB: string, topic: string): Operations {
  return [
    [
      'actors, paged',
      `{ actors(first: 7) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ACTOR} } } } }`,
    ],
    ['actors, second page', `{ a: actors(first: 3) { pageInfo { endCursor } } }`],
    ['actors by name', `{ actors(filter: { nameContains: "e" }, first: 50) { totalCount nodes { id } } }`],
    [
      'actors by kind and topic',
      `{ actors(filter: { kinds: [ASSOCIATION, INSTITUTION, GROUP], topicIds: ["${topic}"] }, first: 50) { totalCount nodes { id } } }`,
    ],
    [
      'one actor in depth',
      `{ actor(id: "${actorA}") { ${ACTOR} interests { weight topic { id name slug aliases } } topics { id }
        collaborations { role collaboration { ${COLLABORATION} } } collaborationCount
        collaborators { sharedCount actor { id } collaborations { id } } } }`,
    ],
    ['topics', `{ topics(first: 100) { totalCount nodes { id name slug aliases actorCount collaborationCount } } }`],
    [
      'one topic',
      `{ topic(id: "${topic}") { id actors { id } interests { weight actor { id } } collaborations { id } } }`,
    ],
    [
      'collaborations',
      `{ collaborations(first: 100) { totalCount edges { cursor node { ${COLLABORATION} participants { role actor { id } } topics { id } } } } }`,
    ],
    [
      'collaborations filtered',
      `{ collaborations(filter: { from: "2021-01-01", to: "2022-12-31", topicIds: ["${topic}"] }, first: 100) { totalCount nodes { id } } }`,
    ],
    [
      'shortest path',
      `{ shortestPath(fromActorId: "${actorA}", toActorId: "${actorB}") { length steps { from { id } collaboration { id } to { id } } } }`,
    ],
    [
      'network',
      `{ network { truncated nodes { id type label actorKind size } edges { id type source target weight collaborations { id } } } }`,
    ],
    [
      'ego network with topics and collaborations',
      `{ network(filter: { centreActorId: "${actorA}", depth: 2, includeTopics: true, includeCollaborations: true }) {
        nodes { id type label size } edges { id type source target weight } } }`,
    ],
  ];
}

function paritySuite(config: Neo4jTestConfig): void {
  const cases: Array<[string, GraphData, [string, string, string]]> = [
    ['the Batenbrock seed', batenbrock, ['bobbie-ev', 'eu-efre', 'gemeinschaftsgarten']],
    ['a generated network of 300 actors', generateNetwork({ actors: 300, seed: 11 }), ['a000001', 'a000250', 't0001']],
  ];
  describeParity(
    config,
    'same answers on both stores',
    'every read operation answers the same',
    cases.map(([name, data, [actorA, actorB, topic]]) => ({
      name,
      data,
      operations: operations(actorA, actorB, topic),
    })),
  );
}

describeNeo4j('GraphQL parity of the stores', (config) => paritySuite(config));
