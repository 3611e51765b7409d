/**
 * The peer: `@neo4j/graphql` 7 (a dev dependency of the benchmark only) on the same Neo4j data,
 * served the plain way (apollo-http.ts: Apollo Server through Express, over HTTP). Type definitions
 * are written as its documentation recommends: `@node` types, `@relationship` (with
 * `@relationshipProperties` for the role), `@cypher` for derived fields (collaboration count, top
 * collaborators, ego network).
 * Every answer is brought into the bench's canonical form, so it is checked against ours.
 */
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { PANEL_COLLABORATIONS_PAGE } from '../viewer/src/queries';
import { serveSchema } from './apollo-http';
import { graphqlClient } from './http-client';
import {
  EGO,
  EGO_CYPHER,
  LIST_PAGE,
  PANEL_COLLABORATORS,
  SEARCH_PAGE,
  TOP_COLLABORATORS,
  type RequestInput,
  type RequestKind,
} from './requests';

export interface Peer {
  supports(kind: RequestKind): boolean;
  call(kind: RequestKind, input: RequestInput): Promise<unknown>;
  close(): Promise<void>;
}

type Any = any;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Actor @node {
    id: ID!
    name: String!
    nameKey: String!
    kind: String!
    description: String
    district: String
    website: String
    topics: [Topic!]! @relationship(type: "INTERESTED_IN", direction: OUT)
    collaborations: [Collaboration!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    collaborationCount: Int!
      @cypher(statement: "RETURN COUNT { (this)-[:PARTICIPATED_IN]->(:Collaboration) } AS n", columnName: "n")
    topCollaborators(limit: Int = 10): [CollaboratorEntry!]!
      @cypher(
        statement: """
        MATCH (this)-[:PARTICIPATED_IN]->(c:Collaboration)<-[:PARTICIPATED_IN]-(p:Actor)
        WHERE p <> this
        WITH p, count(c) AS shared ORDER BY shared DESC, p.id LIMIT $limit
        RETURN {actorId: p.id, name: p.name, kind: p.kind, sharedCount: shared} AS entry
        """
        columnName: "entry"
      )
  }

  type CollaboratorEntry {
    actorId: ID!
    name: String!
    kind: String!
    sharedCount: Int!
  }

  type Participation @relationshipProperties {
    role: String!
  }

  type Collaboration @node {
    id: ID!
    title: String!
    kind: String!
    startDate: String
    endDate: String
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
  }

  type Topic @node {
    id: ID!
    name: String!
    nameKey: String!
  }

  type EgoNode {
    id: ID!
    label: String!
  }
  type EgoEdge {
    source: ID!
    target: ID!
    weight: Int!
  }
  type EgoNetwork {
    truncated: Boolean!
    nodes: [EgoNode!]!
    edges: [EgoEdge!]!
  }

  type Query {
    egoNetwork(id: ID!, max: Int = ${EGO.maxActors}): EgoNetwork
      @cypher(
        statement: """
        ${EGO_CYPHER}
        RETURN {truncated: truncated, nodes: [x IN shown | {id: x.id, label: x.name}], edges: [e IN edges | {source: e[0], target: e[1], weight: e[2]}]} AS network
        """
        columnName: "network"
      )
  }
`;

const QUERIES: Partial<Record<RequestKind, string>> = {
  actorPage: `query ($id: ID!) { actors(where: { id: { eq: $id } }) { id name kind
    collaborationsConnection(sort: [{ node: { startDate: DESC } }, { node: { id: ASC } }]) { edges { properties { role }
      node { id title startDate participantsConnection(sort: [{ node: { nameKey: ASC } }, { node: { id: ASC } }]) {
        edges { properties { role } node { id name } } } } } } } }`,
  actorPanel: `query ($id: ID!) { actors(where: { id: { eq: $id } }) { id name kind description district website
    collaborationCount topics(sort: [{ nameKey: ASC }, { id: ASC }]) { id name }
    collaborationsConnection(first: ${PANEL_COLLABORATIONS_PAGE}, sort: [{ node: { startDate: DESC } }, { node: { id: ASC } }]) { edges { properties { role }
      node { id title kind startDate endDate } } }
    topCollaborators(limit: ${PANEL_COLLABORATORS}) { actorId name kind sharedCount } } }`,
  fixedCost: 'query FixedCost { __typename }',
  actorList: `query { actors(limit: ${LIST_PAGE}, sort: [{ nameKey: ASC }, { id: ASC }]) { id name
    topics(sort: [{ nameKey: ASC }, { id: ASC }]) { id name } collaborationCount } }`,
  collaborators: `query ($id: ID!) { actors(where: { id: { eq: $id } }) { topCollaborators(limit: ${TOP_COLLABORATORS}) { actorId name sharedCount } } }`,
  egoNetwork: `query ($id: ID!) { egoNetwork(id: $id) { truncated nodes { id label } edges { source target weight } } }`,
  nameSearch: `query ($q: String!) { actors(where: { nameKey: { contains: $q } }, limit: ${SEARCH_PAGE}, sort: [{ nameKey: ASC }, { id: ASC }]) { id name }
    actorsConnection(where: { nameKey: { contains: $q } }) { aggregate { count { nodes } } } }`,
  write: `mutation ($input: [CollaborationCreateInput!]!) { createCollaborations(input: $input) { collaborations { title
    participantsConnection(sort: [{ node: { nameKey: ASC } }, { node: { id: ASC } }]) { edges { properties { role } node { id } } } } } }`,
};

function variables(kind: RequestKind, input: RequestInput): Record<string, unknown> {
  switch (kind) {
    case 'nameSearch':
      return { q: input.search.toLowerCase() };
    case 'write': {
      const people = [input.actorId, ...input.others.filter((o) => o !== input.actorId)].slice(0, 5);
      return {
        input: [
          {
            id: randomUUID(),
            title: `Bench-Treffen ${input.seq}`,
            kind: 'MEETING',
            startDate: '2026-05-04',
            participants: {
              connect: people.map((id, i) => ({
                where: { node: { id: { eq: id } } },
                edge: { role: i === 0 ? 'ORGANISER' : 'PARTICIPANT' },
              })),
            },
          },
        ],
      };
    }
    case 'fixedCost':
    case 'actorList':
      return {};
    default:
      return { id: input.actorId };
  }
}

function canonical(kind: RequestKind, data: Any): unknown {
  switch (kind) {
    case 'actorPage': {
      const a = data.actors[0];
      return {
        id: a.id,
        name: a.name,
        kind: a.kind,
        collaborations: a.collaborationsConnection.edges.map((e: Any) => [
          e.node.id,
          e.properties.role,
          e.node.title,
          e.node.startDate,
          e.node.participantsConnection.edges.map((q: Any) => [q.node.id, q.node.name, q.properties.role]),
        ]),
      };
    }
    case 'actorPanel': {
      const a = data.actors[0];
      return {
        id: a.id,
        name: a.name,
        kind: a.kind,
        description: a.description,
        district: a.district,
        website: a.website,
        collaborationCount: a.collaborationCount,
        topics: a.topics.map((t: Any) => [t.id, t.name]),
        collaborations: a.collaborationsConnection.edges.map((e: Any) => [
          e.node.id,
          e.properties.role,
          e.node.title,
          e.node.kind,
          e.node.startDate,
          e.node.endDate,
        ]),
        collaborators: a.topCollaborators.map((c: Any) => [c.actorId, c.name, c.kind, c.sharedCount]),
      };
    }
    case 'fixedCost':
      return data.__typename;
    case 'actorList':
      return data.actors.map((a: Any) => [
        a.id,
        a.name,
        a.topics.map((t: Any) => [t.id, t.name]),
        a.collaborationCount,
      ]);
    case 'collaborators':
      return data.actors[0].topCollaborators.map((c: Any) => [c.actorId, c.name, c.sharedCount]);
    case 'egoNetwork': {
      const n = data.egoNetwork;
      return {
        truncated: n.truncated,
        nodes: n.nodes.map((x: Any) => [x.id, x.label]).sort((a: Any, b: Any) => byString(a[0], b[0])),
        edges: n.edges
          .map((e: Any) => [e.source, e.target, e.weight])
          .sort((a: Any, b: Any) => byString(a[0], b[0]) || byString(a[1], b[1])),
      };
    }
    case 'nameSearch':
      return { total: data.actorsConnection.aggregate.count.nodes, nodes: data.actors.map((a: Any) => [a.id, a.name]) };
    case 'write': {
      const c = data.createCollaborations.collaborations[0];
      return {
        title: c.title,
        participants: c.participantsConnection.edges.map((e: Any) => [e.node.id, e.properties.role]),
      };
    }
    default:
      return data;
  }
}

export async function startPeer(driver: Driver): Promise<Peer> {
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  const server = await serveSchema(await neoSchema.getSchema());
  const client = graphqlClient(server.url);
  return {
    supports: (kind) => kind in QUERIES,
    async call(kind, input) {
      return canonical(kind, await client.request(QUERIES[kind]!, variables(kind, input)));
    },
    async close() {
      client.close();
      await server.close();
    },
  };
}
