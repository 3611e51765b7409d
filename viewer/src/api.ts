/**
 * The page's only way to the data: the public GraphQL API (POST /graphql, JSON — Apollo's CSRF
 * prevention accepts it), with the tab's API key (auth.ts). Errors keep the server's
 * `extensions.code`; UNAUTHENTICATED also calls the handler set with onUnauthenticated.
 */
import { apiKey, authHeaders, canSeeContact, type Role } from './auth';
import { unpackNetwork, type CompactNetwork } from './compact-network';
import {
  actorQuery,
  MORE_COLLABORATIONS,
  CLUSTERS,
  HAND_OVER,
  ME,
  NETWORK,
  PARTICIPANTS,
  PATH,
  SEARCH,
  SUGGEST,
  TOPICS,
  yearsQuery,
} from './queries';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
    /** COMPUTING: when to ask again. */
    readonly retryAfterSeconds: number | null = null,
    /** BAD_USER_INPUT: the argument or input field refused. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let endpoint: string | null = null;

/** The API's path, next to the page (read when first asked, so importing this module needs no document). */
export function apiEndpoint(): string {
  endpoint ??= new URL('graphql', document.baseURI).pathname;
  return endpoint;
}

let unauthenticated: (refused: boolean) => void = () => undefined;

/** Called when the API refuses the request for want of an acceptable key (`refused`: a key was sent). */
export function onUnauthenticated(handler: (refused: boolean) => void): void {
  unauthenticated = handler;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError((error as Error).message, 'NETWORK');
  }
  let body: {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string; retryAfterSeconds?: number; field?: string } }>;
  };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`, 'HTTP', response.status);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    if (first.extensions?.code === 'UNAUTHENTICATED') unauthenticated(apiKey() !== null);
    throw new ApiError(
      first.message,
      first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      response.status,
      first.extensions?.retryAfterSeconds ?? null,
      first.extensions?.field ?? null,
    );
  }
  if (!response.ok || !body.data) throw new ApiError(`HTTP ${response.status}`, 'HTTP', response.status);
  return body.data;
}

// ---------------------------------------------------------------------------------------------
// Shapes (the subset of the schema the page reads)

export type ActorKind =
  | 'ASSOCIATION'
  | 'AGENCY'
  | 'CITY_DEPARTMENT'
  | 'INSTITUTION'
  | 'INITIATIVE'
  | 'BUSINESS'
  | 'FUNDER'
  | 'GROUP'
  | 'PERSON';
export const ACTOR_KINDS: ActorKind[] = [
  'ASSOCIATION',
  'AGENCY',
  'CITY_DEPARTMENT',
  'INSTITUTION',
  'INITIATIVE',
  'BUSINESS',
  'FUNDER',
  'GROUP',
  'PERSON',
];

export interface NetworkFilter {
  topicIds?: string[];
  actorKinds?: ActorKind[];
  from?: string;
  to?: string;
  centreActorId?: string;
  depth?: number;
  includeTopics?: boolean;
  maxActors?: number;
}

export interface NetworkNode {
  id: string;
  type: 'ACTOR' | 'TOPIC' | 'COLLABORATION';
  entityId: string;
  label: string;
  actorKind: ActorKind | null;
  size: number;
}
export interface NetworkEdge {
  type: 'COLLABORATES_WITH' | 'INTERESTED_IN' | 'PARTICIPATED_IN';
  source: string;
  target: string;
  weight: number;
}
export interface Network {
  truncated: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Collaborates-with ties in scope: more than those in `edges` when only the strongest were fetched. */
  tieCount: number;
}

export interface TopicRef {
  id: string;
  name: string;
}
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}
export interface CollaborationRef {
  id: string;
  title: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
}
export interface ActorDetails extends ActorRef {
  description: string | null;
  /** Asked for only with the role EDITOR or ADMIN (personal data); undefined otherwise. */
  contact?: string | null;
  district: string | null;
  website: string | null;
  collaborationCount: number;
  topics: TopicRef[];
  collaborations: Array<{ role: string; collaboration: CollaborationRef }>;
  collaborators: Array<{ sharedCount: number; actor: ActorRef }>;
}
export interface Chain {
  length: number;
  actors: ActorRef[];
  steps: Array<{ from: ActorRef; to: ActorRef; collaboration: CollaborationRef }>;
}
export interface Suggestion {
  actor: ActorRef;
  score: number;
  explanation: string;
  parts: Array<{ name: string; label: string; value: number; contribution: number }>;
  sharedTopics: Array<{ weight: number; topic: TopicRef }>;
  mutualCollaborators: Array<{
    actor: ActorRef;
    withActor: Array<{ id: string; title: string }>;
    withSuggested: Array<{ id: string; title: string }>;
  }>;
}

export async function fetchTopics(): Promise<Array<TopicRef & { actorCount: number }>> {
  const data = await gql<{ topics: { nodes: Array<TopicRef & { actorCount: number }> } }>(TOPICS);
  return data.topics.nodes;
}

/**
 * The network in scope; `maxTies`: only each actor's strongest ties, about that many (chosen by the
 * server, which still counts them all in `tieCount`), else every tie.
 */
export async function fetchNetwork(filter: NetworkFilter, maxTies?: number, signal?: AbortSignal): Promise<Network> {
  const data = await gql<{ compactNetwork: CompactNetwork }>(NETWORK, { filter, maxTies: maxTies ?? null }, signal);
  return unpackNetwork(data.compactNetwork);
}

export async function searchActors(text: string, signal?: AbortSignal): Promise<ActorRef[]> {
  const data = await gql<{ actors: { nodes: ActorRef[] } }>(SEARCH, { text }, signal);
  return data.actors.nodes;
}

export interface Me {
  name: string;
  role: Role;
  via: 'API_KEY' | 'JWT' | 'ANONYMOUS';
}

export async function fetchMe(): Promise<Me> {
  return (await gql<{ me: Me }>(ME)).me;
}

export async function fetchActor(id: string): Promise<ActorDetails | null> {
  const data = await gql<{ actor: ActorDetails | null }>(actorQuery(await canSeeContact()), { id });
  return data.actor;
}

export type ActorCollaboration = ActorDetails['collaborations'][number];

/**
 * The next page of an actor's collaborations after `after` (the id of the last one shown), with
 * their current count; null when the actor is gone. The server answers BAD_USER_INPUT (field
 * `after`) when `after` is no longer one of its collaborations: isStaleCursor tells that apart.
 */
export async function fetchMoreCollaborations(
  id: string,
  after: string,
): Promise<{ collaborationCount: number; collaborations: ActorCollaboration[] } | null> {
  const data = await gql<{ actor: { collaborationCount: number; collaborations: ActorCollaboration[] } | null }>(
    MORE_COLLABORATIONS,
    { id, after },
  );
  return data.actor;
}

export function isStaleCursor(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field === 'after';
}

export async function fetchPath(fromActorId: string, toActorId: string): Promise<Chain | null> {
  const data = await gql<{ shortestPath: Chain | null }>(PATH, { a: fromActorId, b: toActorId });
  return data.shortestPath;
}

/** Answers null when the server has no `suggestContacts` (an older server). */
export async function fetchSuggestions(
  actorId: string,
  first = 8,
  kinds: ActorKind[] | null = null,
): Promise<Suggestion[] | null> {
  try {
    const data = await gql<{ suggestContacts: Suggestion[] }>(SUGGEST, { id: actorId, first, kinds });
    return data.suggestContacts;
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.code === 'GRAPHQL_VALIDATION_FAILED' &&
      /suggestContacts|ContactSuggestion|ScorePart|SharedTopic|MutualCollaborator/.test(error.message)
    ) {
      return null;
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Network insight: clusters, the hand-over analysis, collaborations per year

/**
 * Insight on a large network is computed in the background: while it is, the API answers
 * COMPUTING with `retryAfterSeconds`. Asks again after that long (telling `onComputing`), until
 * there is an answer or `cancelled()` (the page asked for something else meanwhile).
 */
export interface Computing {
  onComputing?(retryAfterSeconds: number): void;
  cancelled?(): boolean;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export async function whenComputed<T>(ask: () => Promise<T>, computing: Computing = {}): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'COMPUTING') throw error;
      const seconds = Math.max(1, error.retryAfterSeconds ?? 2);
      computing.onComputing?.(seconds);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      if (computing.cancelled?.()) throw new Cancelled();
    }
  }
}

/** The part of the network filter the insight queries take (`ScopeFilterInput`). */
export interface ScopeFilter {
  topicIds?: string[];
  actorKinds?: ActorKind[];
  from?: string;
  to?: string;
}

export interface ClusterInfo {
  id: string;
  size: number;
  internalTies: number;
  externalTies: number;
  dominantTopics: Array<{ count: number; topic: TopicRef }>;
  bridgingActors: Array<{ externalTies: number; otherClusters: number; actor: ActorRef }>;
  actors: ActorRef[];
}
export interface Clustering {
  count: number;
  unclusteredCount: number;
  modularity: number;
  computedAt: string;
  clusters: ClusterInfo[];
}

/** Every cluster of at least two actors (the API lists at most 1000). */
export async function fetchClusters(scope: ScopeFilter, computing?: Computing): Promise<Clustering> {
  const data = await whenComputed(() => gql<{ clusters: Clustering }>(CLUSTERS, { filter: scope }), computing);
  return data.clusters;
}

export interface ResilienceBroker {
  rank: number;
  rankBefore: number;
  betweenness: number;
  betweennessBefore: number;
  actor: ActorRef;
}
export interface Resilience {
  actorCount: number;
  approximate: boolean;
  computedAt: string;
  componentsBefore: number;
  componentsAfter: number;
  largestComponentBefore: number;
  largestComponentAfter: number;
  disconnectedCount: number;
  isolatedCount: number;
  removedActors: ActorRef[];
  disconnectedActors: ActorRef[];
  isolatedActors: ActorRef[];
  newComponents: Array<{ size: number; actors: ActorRef[] }>;
  brokers: ResilienceBroker[];
  dependents: Array<{ dependence: number; partnersLost: number; partnersBefore: number; actor: ActorRef }>;
}

export async function fetchResilience(
  removeActorIds: string[],
  scope: ScopeFilter,
  first = 10,
  computing?: Computing,
): Promise<Resilience> {
  const data = await whenComputed(
    () => gql<{ resilience: Resilience }>(HAND_OVER, { ids: removeActorIds, filter: scope, first }),
    computing,
  );
  return data.resilience;
}

/**
 * How many collaborations took place in each year from `firstYear` to `lastYear` — one request,
 * one aliased count per year (the API has no histogram).
 */
export async function fetchYearCounts(
  firstYear: number,
  lastYear: number,
): Promise<Array<{ year: number; count: number }>> {
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const data = await gql<Record<string, { totalCount: number }>>(yearsQuery(years));
  return years.map((year) => ({ year, count: data[`y${year}`].totalCount }));
}

/** Who took part in a collaboration, with their roles. */
export async function fetchParticipants(collaborationId: string): Promise<Array<{ role: string; actor: ActorRef }>> {
  const data = await gql<{ collaboration: { participants: Array<{ role: string; actor: ActorRef }> } | null }>(
    PARTICIPANTS,
    { id: collaborationId },
  );
  return data.collaboration?.participants ?? [];
}
