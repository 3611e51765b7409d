/**
 * The requests of the benchmark, each three ways: the GraphQL operation the server answers, its
 * floor on the embedded store (the same port calls the resolvers make, no GraphQL, no HTTP), and
 * its floor on Neo4j (one hand-written Cypher query, shaped as our server's `data`, which the thin
 * server of thin-server.ts answers over GraphQL too). Each way ends in the same canonical answer,
 * so the bench checks on a sample that all of them (and the peer) answer alike.
 */
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { collaboratorsOf } from '../server/src/graph/collaborators';
import { actorQuery, PANEL_COLLABORATIONS_PAGE } from '../viewer/src/queries';
import type { NetworkService } from '../server/src/service/network-service';
import type { NetworkStore } from '../server/src/store/network-store';

export type RequestKind =
  | 'fixedCost'
  | 'actorPage'
  | 'actorPanel'
  | 'actorList'
  | 'collaborators'
  | 'egoNetwork'
  | 'nameSearch'
  | 'write'
  | 'suggestions';

/** What one call of a request is about: a centre actor, other actors (writes), a search term. */
export interface RequestInput {
  actorId: string;
  others: string[];
  search: string;
  seq: number;
}

export interface RequestSpec {
  kind: RequestKind;
  label: string;
  /** Depends on the actor (reported for random and busy actors apart). */
  perActor: boolean;
  query: string;
  variables(input: RequestInput): Record<string, unknown>;
  /** The GraphQL answer in canonical form. */
  canonical(data: unknown): unknown;
  embeddedFloor?(store: NetworkStore, service: NetworkService, input: RequestInput): Promise<unknown>;
  /**
   * The Neo4j floor's one Cypher call for the operation's variables (`variables(input)`), its rows
   * shaped as our server's `data` for `query` would be. The floor is this and `canonical`; the thin
   * server (thin-server.ts) answers the root field of it.
   */
  neo4jData?(driver: Driver, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The Neo4j floor: `neo4jData`, then `canonical` (as ours ends); set for each spec with `neo4jData`. */
  cypherFloor?(driver: Driver, input: RequestInput): Promise<unknown>;
}

export const EGO = { depth: 2, maxActors: 300 };
export const TOP_COLLABORATORS = 10;
export const LIST_PAGE = 50;
export const SEARCH_PAGE = 20;
/** The collaborators the map page's actor panel asks for (viewer/src/queries.ts actorQuery). */
export const PANEL_COLLABORATORS = 30;

/**
 * The ego network in one Cypher statement, as the projection answers it: breadth-first, ring 1 by
 * id, ring 2 by (first parent, id), ring 2 only expanded when ring 1 leaves room under `$max`;
 * `shown`, `truncated` and `edges` ([source, target, shared collaborations]) for a final RETURN.
 * The Cypher floor and the @neo4j/graphql peer's `@cypher` field (peer.ts) both use it.
 */
export const EGO_CYPHER = `MATCH (centre:Actor {id: $id})
OPTIONAL MATCH (centre)-[:PARTICIPATED_IN]->(:Collaboration)<-[:PARTICIPATED_IN]-(n:Actor) WHERE n <> centre
WITH centre, n ORDER BY n.id
WITH centre, collect(DISTINCT n) AS ring1
CALL (centre, ring1) {
  WITH centre, ring1 WHERE size(ring1) + 1 < $max
  UNWIND range(0, size(ring1) - 1) AS i
  WITH centre, i, ring1[i] AS p
  MATCH (p)-[:PARTICIPATED_IN]->(:Collaboration)<-[:PARTICIPATED_IN]-(m:Actor)
  WHERE m <> centre
  WITH m, min(i) AS parent ORDER BY parent, m.id
  RETURN collect(m) AS reached
}
WITH [centre] + ring1 + [m IN reached WHERE NOT m IN ring1] AS everyone
WITH everyone[0..$max] AS shown, size(everyone) > $max AS truncated
CALL (shown) {
  UNWIND shown AS a
  MATCH (a)-[:PARTICIPATED_IN]->(c:Collaboration)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE a.id < b.id AND b IN shown
  WITH a, b, count(c) AS w
  RETURN collect([a.id, b.id, w]) AS edges
}`;

const unique = <T>(items: T[]) => [...new Set(items)];
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type Any = any;

async function cypher(driver: Driver, statement: string, params: Record<string, unknown>) {
  const result = await driver.executeQuery(statement, params, { routing: neo4j.routing.READ });
  return result.records;
}
async function cypherWrite(driver: Driver, statement: string, params: Record<string, unknown>) {
  const result = await driver.executeQuery(statement, params, { routing: neo4j.routing.WRITE });
  return result.records;
}
const num = (v: unknown) => (neo4j.isInt(v) ? (v as Any).toNumber() : (v as number));

// ---------------------------------------------------------------------------------------------

const actorPage: RequestSpec = {
  kind: 'actorPage',
  label: 'actor page (collaborations + participants)',
  perActor: true,
  query: `query ActorPage($id: ID!) { actor(id: $id) { id name kind
    collaborations { role collaboration { id title startDate participants { role actor { id name } } } } } }`,
  variables: (i) => ({ id: i.actorId }),
  canonical: (data: Any) => {
    const a = data.actor;
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      collaborations: a.collaborations.map((p: Any) => [
        p.collaboration.id,
        p.role,
        p.collaboration.title,
        p.collaboration.startDate,
        p.collaboration.participants.map((q: Any) => [q.actor.id, q.actor.name, q.role]),
      ]),
    };
  },
  async embeddedFloor(store, _service, input) {
    const [actor] = await store.getActors([input.actorId]);
    const [participations] = await store.participationsOfActors([input.actorId]);
    const ids = participations.map((p) => p.collaborationId);
    const collaborations = await store.getCollaborations(ids);
    const members = await store.participationsOfCollaborations(ids);
    const people = await store.getActors(unique(members.flat().map((m) => m.actorId)));
    const name = new Map(people.map((p) => [p!.id, p!.name]));
    return {
      id: actor!.id,
      name: actor!.name,
      kind: actor!.kind,
      collaborations: participations.map((p, i) => [
        p.collaborationId,
        p.role,
        collaborations[i]!.title,
        collaborations[i]!.startDate,
        members[i].map((m) => [m.actorId, name.get(m.actorId), m.role]),
      ]),
    };
  },
  async neo4jData(driver, variables) {
    const [r] = await cypher(
      driver,
      `MATCH (a:Actor {id: $id})
       CALL (a) {
         OPTIONAL MATCH (a)-[r:PARTICIPATED_IN]->(c:Collaboration)
         WITH r, c ORDER BY coalesce(c.startDate, '') DESC, c.id
         CALL (c) {
           OPTIONAL MATCH (p:Actor)-[q:PARTICIPATED_IN]->(c)
           WITH p, q ORDER BY p.nameKey, p.id
           RETURN collect([p.id, p.name, q.role]) AS participants
         }
         RETURN collect(CASE WHEN c IS NULL THEN null ELSE [c.id, r.role, c.title, c.startDate, participants] END) AS collaborations
       }
       RETURN a.id AS id, a.name AS name, a.kind AS kind, collaborations`,
      { id: variables.id },
    );
    return {
      actor: {
        id: r.get('id'),
        name: r.get('name'),
        kind: r.get('kind'),
        collaborations: (r.get('collaborations') as Any[]).map(([id, role, title, startDate, participants]) => ({
          role,
          collaboration: {
            id,
            title,
            startDate,
            participants: (participants as Any[]).map(([actorId, name, actorRole]) => ({
              role: actorRole,
              actor: { id: actorId, name },
            })),
          },
        })),
      },
    };
  },
};

/**
 * The actor panel as the map page asks it (viewer/src/queries.ts `actorQuery`, imported so the two
 * cannot drift; a viewer's, without `contact`): the actor's fields, topics, the first page of its
 * collaborations (PANEL_COLLABORATIONS_PAGE newest, without their participants: the page loads those
 * when one is opened, and the next page on demand), how many there are, and the top collaborators.
 */
const PANEL_QUERY = actorQuery(false);
if (!PANEL_QUERY.includes(`collaborators(first: ${PANEL_COLLABORATORS})`))
  throw new Error('bench: the actor panel no longer asks collaborators(first: 30); update PANEL_COLLABORATORS');
if (!PANEL_QUERY.includes(`collaborations(first: ${PANEL_COLLABORATIONS_PAGE})`))
  throw new Error(
    'bench: the actor panel no longer asks its first page of collaborations; update the floors and the peer',
  );

export interface PanelAnswer {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  district: string | null;
  website: string | null;
  collaborationCount: number;
  topics: Array<[string, string]>;
  /** [collaboration id, role, title, kind, startDate, endDate] */
  collaborations: Array<[string, string, string, string, string | null, string | null]>;
  /** [actor id, name, kind, shared collaborations] */
  collaborators: Array<[string, string, string, number]>;
}

const actorPanel: RequestSpec = {
  kind: 'actorPanel',
  label: 'actor panel (as the map page asks it)',
  perActor: true,
  query: PANEL_QUERY,
  variables: (i) => ({ id: i.actorId }),
  canonical: (data: Any): PanelAnswer => {
    const a = data.actor;
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      description: a.description,
      district: a.district,
      website: a.website,
      collaborationCount: a.collaborationCount,
      topics: a.topics.map((t: Any) => [t.id, t.name]),
      collaborations: a.collaborations.map((p: Any) => [
        p.collaboration.id,
        p.role,
        p.collaboration.title,
        p.collaboration.kind,
        p.collaboration.startDate,
        p.collaboration.endDate,
      ]),
      collaborators: a.collaborators.map((c: Any) => [c.actor.id, c.actor.name, c.actor.kind, c.sharedCount]),
    };
  },
  async embeddedFloor(store, service, input): Promise<PanelAnswer> {
    const [actor] = await store.getActors([input.actorId]);
    const [interests] = await store.interestsOfActors([input.actorId]);
    const topics = await store.getTopics(interests.map((i) => i.topicId));
    const page = await store.participationPagesOfActors([input.actorId], {
      first: PANEL_COLLABORATIONS_PAGE,
      after: null,
    });
    const participations = page.participations[0]!;
    const byId = new Map(page.collaborations.map((c) => [c.id, c]));
    const collaborations = participations.map((p) => byId.get(p.collaborationId));
    const top = collaboratorsOf(service.projection, input.actorId, PANEL_COLLABORATORS);
    const partners = await store.getActors(top.map((c) => c.partnerId));
    return {
      id: actor!.id,
      name: actor!.name,
      kind: actor!.kind,
      description: actor!.description ?? null,
      district: actor!.district ?? null,
      website: actor!.website ?? null,
      collaborationCount: service.projection.actors.get(input.actorId)?.collaborations.size ?? 0,
      topics: topics.map((t) => [t!.id, t!.name]),
      collaborations: participations.map((p, i) => {
        const c = collaborations[i]!;
        return [c.id, p.role, c.title, c.kind, c.startDate ?? null, c.endDate ?? null];
      }),
      collaborators: top.map((c, i) => [c.partnerId, partners[i]!.name, partners[i]!.kind, c.collaborationIds.length]),
    };
  },
  async neo4jData(driver, variables) {
    const [r] = await cypher(
      driver,
      `MATCH (a:Actor {id: $id})
       CALL (a) {
         OPTIONAL MATCH (a)-[:INTERESTED_IN]->(t:Topic)
         WITH t ORDER BY t.nameKey, t.id
         RETURN collect([t.id, t.name]) AS topics
       }
       CALL (a) {
         MATCH (a)-[r:PARTICIPATED_IN]->(c:Collaboration)
         WITH r, c ORDER BY coalesce(c.startDate, '') DESC, c.id LIMIT $first
         RETURN collect([c.id, r.role, c.title, c.kind, c.startDate, c.endDate]) AS collaborations
       }
       CALL (a) {
         MATCH (a)-[:PARTICIPATED_IN]->(c:Collaboration)<-[:PARTICIPATED_IN]-(p:Actor)
         WHERE p <> a
         WITH p, count(c) AS shared ORDER BY shared DESC, p.id LIMIT $limit
         RETURN collect([p.id, p.name, p.kind, shared]) AS collaborators
       }
       RETURN a.id AS id, a.name AS name, a.kind AS kind, a.description AS description, a.district AS district,
              a.website AS website, COUNT { (a)-[:PARTICIPATED_IN]->(:Collaboration) } AS collaborationCount,
              topics, collaborations, collaborators`,
      { id: variables.id, limit: neo4j.int(PANEL_COLLABORATORS), first: neo4j.int(PANEL_COLLABORATIONS_PAGE) },
    );
    const collaborations = r.get('collaborations') as PanelAnswer['collaborations'];
    return {
      actor: {
        id: r.get('id'),
        name: r.get('name'),
        kind: r.get('kind'),
        description: r.get('description'),
        district: r.get('district'),
        website: r.get('website'),
        collaborationCount: num(r.get('collaborationCount')),
        topics: (r.get('topics') as PanelAnswer['topics']).map(([id, name]) => ({ id, name })),
        collaborations: collaborations.map(([id, role, title, kind, startDate, endDate]) => ({
          role,
          collaboration: { id, title, kind, startDate, endDate },
        })),
        collaborators: (r.get('collaborators') as Any[]).map(([id, name, kind, shared]) => ({
          sharedCount: num(shared),
          actor: { id, name, kind },
        })),
      },
    };
  },
};

const actorList: RequestSpec = {
  kind: 'actorList',
  label: `first ${LIST_PAGE} actors by name (topics, collaboration count)`,
  perActor: false,
  query: `query ActorList { actors(first: ${LIST_PAGE}) { nodes { id name topics { id name } collaborationCount } } }`,
  variables: () => ({}),
  canonical: (data: Any) =>
    data.actors.nodes.map((a: Any) => [a.id, a.name, a.topics.map((t: Any) => [t.id, t.name]), a.collaborationCount]),
  async embeddedFloor(store) {
    const page = await store.listActors({}, { first: LIST_PAGE });
    const ids = page.items.map((a) => a.id);
    const interests = await store.interestsOfActors(ids);
    const participations = await store.participationsOfActors(ids);
    const topics = await store.getTopics(unique(interests.flat().map((i) => i.topicId)));
    const topicName = new Map(topics.map((t) => [t!.id, t!.name]));
    return page.items.map((a, i) => [
      a.id,
      a.name,
      interests[i].map((t) => [t.topicId, topicName.get(t.topicId)]),
      participations[i].length,
    ]);
  },
  // The count is the actor's degree (every PARTICIPATED_IN ends at a collaboration), which Neo4j
  // reads from the node without walking the relationships: a label test on the far end made it
  // walk all of them (22k db hits for the first 50 actors at 100k, hubs among them).
  async neo4jData(driver) {
    const records = await cypher(
      driver,
      `MATCH (a:Actor) WHERE a.nameKey >= ''
       WITH a ORDER BY a.nameKey, a.id LIMIT $limit
       CALL (a) {
         OPTIONAL MATCH (a)-[:INTERESTED_IN]->(t:Topic)
         WITH t ORDER BY t.nameKey, t.id
         RETURN collect([t.id, t.name]) AS topics
       }
       RETURN a.id AS id, a.name AS name, topics, COUNT { (a)-[:PARTICIPATED_IN]->() } AS n`,
      { limit: neo4j.int(LIST_PAGE) },
    );
    return {
      actors: {
        nodes: records.map((r) => ({
          id: r.get('id'),
          name: r.get('name'),
          topics: (r.get('topics') as Array<[string, string]>).map(([id, name]) => ({ id, name })),
          collaborationCount: num(r.get('n')),
        })),
      },
    };
  },
};

const collaborators: RequestSpec = {
  kind: 'collaborators',
  label: `top ${TOP_COLLABORATORS} collaborators of an actor`,
  perActor: true,
  query: `query Collaborators($id: ID!) { actor(id: $id) { collaborators(first: ${TOP_COLLABORATORS}) { sharedCount actor { id name } } } }`,
  variables: (i) => ({ id: i.actorId }),
  canonical: (data: Any) => data.actor.collaborators.map((c: Any) => [c.actor.id, c.actor.name, c.sharedCount]),
  async embeddedFloor(store, service, input) {
    const top = collaboratorsOf(service.projection, input.actorId, TOP_COLLABORATORS);
    const people = await store.getActors(top.map((c) => c.partnerId));
    return top.map((c, i) => [c.partnerId, people[i]!.name, c.collaborationIds.length]);
  },
  async neo4jData(driver, variables) {
    const records = await cypher(
      driver,
      `MATCH (a:Actor {id: $id})-[:PARTICIPATED_IN]->(c:Collaboration)<-[:PARTICIPATED_IN]-(p:Actor)
       WHERE p <> a
       WITH p, count(c) AS shared ORDER BY shared DESC, p.id LIMIT $limit
       RETURN p.id AS id, p.name AS name, shared`,
      { id: variables.id, limit: neo4j.int(TOP_COLLABORATORS) },
    );
    return {
      actor: {
        collaborators: records.map((r) => ({
          sharedCount: num(r.get('shared')),
          actor: { id: r.get('id'), name: r.get('name') },
        })),
      },
    };
  },
};

/** Canonical ego network: the node ids and labels, and the weighted edges, sorted. */
function canonicalEgo(truncated: boolean, nodes: Array<[string, string]>, edges: Array<[string, string, number]>) {
  return {
    truncated,
    nodes: [...nodes].sort((a, b) => byString(a[0], b[0])),
    edges: [...edges].sort((a, b) => byString(a[0], b[0]) || byString(a[1], b[1])),
  };
}

const egoNetwork: RequestSpec = {
  kind: 'egoNetwork',
  label: `ego network, depth ${EGO.depth}, <= ${EGO.maxActors} actors`,
  perActor: true,
  query: `query Ego($id: ID!) { network(filter: { centreActorId: $id, depth: ${EGO.depth}, maxActors: ${EGO.maxActors} }) {
    truncated nodes { id label } edges { source target weight } } }`,
  variables: (i) => ({ id: i.actorId }),
  canonical: (data: Any) =>
    canonicalEgo(
      data.network.truncated,
      data.network.nodes.map((n: Any) => [n.id.replace(/^actor:/, ''), n.label]),
      data.network.edges.map((e: Any) => [e.source.replace(/^actor:/, ''), e.target.replace(/^actor:/, ''), e.weight]),
    ),
  async embeddedFloor(store, service, input) {
    const view = service.network({ centreActorId: input.actorId, depth: EGO.depth, maxActors: EGO.maxActors });
    const actors = await store.getActors(view.actorIds);
    return canonicalEgo(
      view.truncated,
      actors.map((a) => [a!.id, a!.name]),
      view.collaboratesWith.map((e) => [e.sourceId, e.targetId, e.collaborationIds.length]),
    );
  },
  async neo4jData(driver, variables) {
    const [r] = await cypher(
      driver,
      `${EGO_CYPHER}
       RETURN truncated, [x IN shown | [x.id, x.name]] AS nodes, edges`,
      { id: variables.id, max: neo4j.int(EGO.maxActors) },
    );
    return {
      network: {
        truncated: r.get('truncated'),
        nodes: (r.get('nodes') as Array<[string, string]>).map(([id, label]) => ({ id: `actor:${id}`, label })),
        edges: (r.get('edges') as Any[]).map(([source, target, weight]) => ({
          source: `actor:${source}`,
          target: `actor:${target}`,
          weight: num(weight),
        })),
      },
    };
  },
};

const nameSearch: RequestSpec = {
  kind: 'nameSearch',
  label: `name search (substring, first ${SEARCH_PAGE}, totalCount)`,
  perActor: true,
  query: `query Search($q: String!) { actors(filter: { nameContains: $q }, first: ${SEARCH_PAGE}) { totalCount nodes { id name } } }`,
  variables: (i) => ({ q: i.search }),
  canonical: (data: Any) => ({
    total: data.actors.totalCount,
    nodes: data.actors.nodes.map((a: Any) => [a.id, a.name]),
  }),
  async embeddedFloor(store, _service, input) {
    const page = await store.listActors({ nameContains: input.search }, { first: SEARCH_PAGE });
    return { total: page.totalCount, nodes: page.items.map((a) => [a.id, a.name]) };
  },
  async neo4jData(driver, variables) {
    const [r] = await cypher(
      driver,
      `MATCH (a:Actor) WHERE a.nameKey CONTAINS $q
       WITH a ORDER BY a.nameKey, a.id
       WITH collect(a) AS found
       RETURN size(found) AS total, [x IN found[0..$limit] | [x.id, x.name]] AS nodes`,
      { q: String(variables.q).toLowerCase(), limit: neo4j.int(SEARCH_PAGE) },
    );
    return {
      actors: {
        totalCount: num(r.get('total')),
        nodes: (r.get('nodes') as Array<[string, string]>).map(([id, name]) => ({ id, name })),
      },
    };
  },
};

/** Five participants: the actor and four others. */
function participantsOf(input: RequestInput) {
  return [input.actorId, ...input.others.filter((o) => o !== input.actorId)].slice(0, 5).map((actorId, i) => ({
    actorId,
    role: i === 0 ? 'ORGANISER' : 'PARTICIPANT',
  }));
}
const writeTitle = (input: RequestInput) => `Bench-Treffen ${input.seq}`;

/**
 * The write floor's participations of the new collaboration `c`, answered as `participants` in the
 * loaders' order (also the floor with history records, write-floors.ts).
 */
export const FLOOR_PARTICIPATIONS = `CALL (c) {
  UNWIND $participants AS p
  MATCH (a:Actor {id: p.actorId})
  CREATE (a)-[r:PARTICIPATED_IN {role: p.role}]->(c)
  WITH a, r ORDER BY a.nameKey, a.id
  RETURN collect([a.id, r.role]) AS participants
}`;

const write: RequestSpec = {
  kind: 'write',
  label: 'write: createCollaboration with 5 participants',
  perActor: true,
  query: `mutation Write($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id title participants { role actor { id } } } }`,
  variables: (i) => ({
    input: {
      title: writeTitle(i),
      kind: 'MEETING',
      startDate: '2026-05-04',
      topicIds: [],
      participants: participantsOf(i),
    },
  }),
  canonical: (data: Any) => ({
    title: data.createCollaboration.title,
    participants: data.createCollaboration.participants.map((p: Any) => [p.actor.id, p.role]),
  }),
  async embeddedFloor(store, service, input) {
    const c = await service.createCollaboration({
      title: writeTitle(input),
      kind: 'MEETING',
      startDate: '2026-05-04',
      topicIds: [],
      participants: participantsOf(input) as Any,
    });
    const [members] = await store.participationsOfCollaborations([c.id]);
    return { title: c.title, participants: members.map((m) => [m.actorId, m.role]) };
  },
  async neo4jData(driver, variables) {
    const input = variables.input as { title: string; participants: Array<{ actorId: string; role: string }> };
    const [r] = await cypherWrite(
      driver,
      `CREATE (c:Collaboration {id: randomUUID(), title: $title, kind: 'MEETING', startDate: '2026-05-04',
                                createdAt: $now, updatedAt: $now})
       WITH c
       ${FLOOR_PARTICIPATIONS}
       RETURN c.id AS id, c.title AS title, participants`,
      { title: input.title, now: new Date().toISOString(), participants: input.participants },
    );
    return {
      createCollaboration: {
        id: r.get('id'),
        title: r.get('title'),
        participants: (r.get('participants') as Array<[string, string]>).map(([id, role]) => ({ role, actor: { id } })),
      },
    };
  },
};

/**
 * Suggestions for one actor, asked as the viewer asks them (viewer/src/api.ts fetchSuggestions):
 * score, explanation, the score's parts, shared topics and mutual collaborators of ten suggestions.
 * (An earlier version selected every field two levels deep, including each suggested actor's whole
 * collaboration list — a question no client asks.)
 */
const suggestions: RequestSpec = {
  kind: 'suggestions',
  label: "suggestions for one actor (suggestContacts, the viewer's selection)",
  perActor: true,
  query: `query Suggest($id: ID!) { suggestContacts(actorId: $id, first: 10) {
      score explanation actor { id name kind }
      parts { name label value contribution }
      sharedTopics { weight topic { id name } }
      mutualCollaborators { actor { id name kind } withActor { id title } withSuggested { id title } } } }`,
  variables: (i) => ({ id: i.actorId }),
  canonical: (data) => data,
};

/**
 * What every request pays before its own work: HTTP, Apollo's parse, validation and execution of
 * the smallest operation, the answer written — no store, no projection. Its floors do nothing (the
 * embedded one) or one trivial Cypher round trip (Neo4j), so its "× floor" is that fixed cost, the
 * measured reason a request whose own work is below a millisecond cannot be within floor + 1 ms.
 */
const fixedCost: RequestSpec = {
  kind: 'fixedCost',
  label: 'fixed cost: `{ __typename }` (HTTP and GraphQL, no store)',
  perActor: false,
  query: 'query FixedCost { __typename }',
  variables: () => ({}),
  canonical: (data: Any) => data.__typename,
  async embeddedFloor() {
    return 'Query';
  },
  async neo4jData(driver) {
    const [r] = await cypher(driver, "RETURN 'Query' AS typename", {});
    return { __typename: r.get('typename') };
  },
};

/** The Neo4j floor from its data: the same call, then the same canonical form as our answer. */
function withCypherFloor(spec: RequestSpec): RequestSpec {
  const data = spec.neo4jData;
  if (!data) return spec;
  return { ...spec, cypherFloor: async (driver, input) => spec.canonical(await data(driver, spec.variables(input))) };
}

export const REQUESTS: RequestSpec[] = [
  fixedCost,
  actorPage,
  actorPanel,
  actorList,
  collaborators,
  egoNetwork,
  nameSearch,
  suggestions,
  write,
].map(withCypherFloor);
