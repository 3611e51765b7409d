/**
 * Both stores give the same suggestions — ranking, scores, reasons — for the same network: the
 * scoring runs on the projection (one module for both stores), and the details come from each store
 * through the same loaders. Checked on the Batenbrock seed and on a generated network.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import type { GraphData } from '../../src/store/network-store';
import { describeParity, type Operations } from '../support/parity';
import { describeNeo4j, type Neo4jTestConfig } from '../support/stores';

function operations(actors: string[], topics: string[]): Operations {
  return [
    ...actors.map((id): [string, string] => [
      `suggestContacts ${id}`,
      `{ suggestContacts(actorId: "${id}", first: 25) { actor { id name } score parts { name label value contribution }
          sharedTopics { weight topic { id name } } mutualCollaborators { actor { id } withActor { id title } withSuggested { id title } }
          explanation } }`,
    ]),
    [
      `suggestContacts filtered`,
      `{ suggestContacts(actorId: "${actors[0]}", topicIds: ["${topics[0]}"], kinds: [ASSOCIATION, INITIATIVE, GROUP], first: 10) { actor { id } score } }`,
    ],
    [
      `matchActors`,
      `{ matchActors(topicIds: ${JSON.stringify(topics)}, first: 20) { actor { id } score sharedTopics { weight topic { id } } } }`,
    ],
    [
      `similarActors`,
      `{ similarActors(actorId: "${actors[0]}", first: 20) { actor { id } score sharedTopics { weight topic { id } } } }`,
    ],
  ];
}

function suggestionParitySuite(config: Neo4jTestConfig): void {
  const cases: Array<[string, GraphData, string[], string[]]> = [
    [
      'the Batenbrock seed',
      batenbrock,
      ['bobbie-ev', 'burgerhaus-batenbrock', 'heimatverein-rosenviertel', 'repair-cafe-batenbrock'],
      ['jugend', 'sport'],
    ],
    [
      'a generated network of 1,000 actors',
      generateNetwork({ actors: 1000, seed: 21 }),
      ['a000000', 'a000010', 'a000500', 'a000999'],
      ['t0001', 't0007'],
    ],
  ];
  describeParity(
    config,
    'same suggestions on both stores',
    'suggestContacts, matchActors and similarActors answer the same',
    cases.map(([name, data, actors, topics]) => ({ name, data, operations: operations(actors, topics) })),
  );
}

describeNeo4j('contact suggestion parity of the stores', (config) => suggestionParitySuite(config));
