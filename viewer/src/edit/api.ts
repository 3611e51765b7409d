/**
 * The editing requests. Like ../api.ts gql, but a refused write keeps what the form needs: the
 * error's `extensions.field` (and every problem class-validator found), so the message is shown
 * next to the field.
 */
import type { ActorKind, ActorRef, TopicRef } from '../api';
import { apiEndpoint } from '../api';
import { authHeaders, type Role } from '../auth';
import {
  LOAD_ACTOR,
  ACTOR_COLLABORATIONS,
  ADD_PARTICIPANT,
  COLLABORATION,
  CREATE_ACTOR,
  CREATE_TOPIC,
  DELETE_ACTOR,
  DELETE_COLLABORATION,
  DUPLICATES,
  EDIT_COLLABORATION,
  HISTORY,
  INTERESTS,
  MATCH,
  ME,
  MERGE,
  RECORD_ACTOR,
  RECORD_COLLABORATION,
  REMOVE_PARTICIPANT,
  SEARCH,
  TOPICS,
  UNDO,
  UPDATE_ACTOR,
  UPDATE_COLLABORATION,
} from './queries';

export interface FieldProblem {
  field: string;
  messages: string[];
}

export class EditError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string | null = null,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'EditError';
  }
}

export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new EditError((error as Error).message, 'NETWORK');
  }
  let body: {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string; field?: string; problems?: FieldProblem[] } }>;
  };
  try {
    body = await response.json();
  } catch {
    throw new EditError(`HTTP ${response.status}`, 'HTTP');
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new EditError(
      e.message,
      e.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      e.extensions?.field ?? null,
      e.extensions?.problems ?? [],
    );
  }
  if (!body.data) throw new EditError(`HTTP ${response.status}`, 'HTTP');
  return body.data;
}

export type CollaborationKind = 'CONFERENCE' | 'EVENT' | 'FUNDING' | 'JURY' | 'MEETING' | 'PROJECT' | 'WORKING_GROUP';
export const COLLABORATION_KINDS: CollaborationKind[] = [
  'MEETING',
  'CONFERENCE',
  'EVENT',
  'PROJECT',
  'WORKING_GROUP',
  'FUNDING',
  'JURY',
];
export type Role2 = 'ORGANISER' | 'HOST' | 'PARTICIPANT' | 'MEMBER' | 'FUNDER';
export const ROLES: Role2[] = ['PARTICIPANT', 'ORGANISER', 'HOST', 'MEMBER', 'FUNDER'];

export interface EditableActor {
  id: string;
  name: string;
  kind: ActorKind;
  description: string | null;
  district: string | null;
  website: string | null;
  contact: string | null;
  version: number;
  topics: TopicRef[];
  collaborationCount: number;
}

/** Who the page acts as: the role, and how the history names this principal's writes. */
export async function whoAmI(): Promise<{ role: Role; author: string } | null> {
  try {
    return (await request<{ me: { role: Role; author: string } }>(ME)).me;
  } catch {
    return null;
  }
}

export async function allTopics(): Promise<TopicRef[]> {
  return (await request<{ topics: { nodes: TopicRef[] } }>(TOPICS)).topics.nodes;
}

export async function loadActor(id: string): Promise<EditableActor | null> {
  return (await request<{ actor: EditableActor | null }>(LOAD_ACTOR, { id })).actor;
}

export interface NameMatch {
  name: string;
  exact: ActorRef[];
  near: Array<{ similarity: number; actor: ActorRef }>;
}

export async function matchNames(names: string[]): Promise<NameMatch[]> {
  return (await request<{ matchNames: NameMatch[] }>(MATCH, { names })).matchNames;
}

export async function searchActors(text: string): Promise<ActorRef[]> {
  return (await request<{ actors: { nodes: ActorRef[] } }>(SEARCH, { t: text })).actors.nodes;
}

export interface ActorInput {
  name: string;
  kind: ActorKind;
  description: string | null;
  district: string | null;
  website: string | null;
  contact: string | null;
}

export async function recordActor(
  actor: ActorInput,
  topicIds: string[],
  newTopics: string[],
): Promise<{ id: string; name: string }> {
  return (
    await request<{ recordActor: { id: string; name: string } }>(RECORD_ACTOR, {
      input: { actor, topicIds, newTopics },
    })
  ).recordActor;
}

export async function updateActor(
  id: string,
  input: Partial<ActorInput> & { interests?: Array<{ topicId: string }>; newTopics?: string[] },
  expectedVersion: number,
): Promise<EditableActor> {
  return (await request<{ updateActor: EditableActor }>(UPDATE_ACTOR, { id, input, v: expectedVersion })).updateActor;
}

export async function setInterests(actorId: string, topicIds: string[]): Promise<void> {
  await request(INTERESTS, {
    id: actorId,
    i: topicIds.map((topicId) => ({ topicId })),
  });
}

export async function createTopic(name: string): Promise<TopicRef> {
  return (await request<{ createTopic: TopicRef }>(CREATE_TOPIC, { n: name })).createTopic;
}

export async function deleteActor(id: string): Promise<void> {
  await request(DELETE_ACTOR, { id });
}

export interface RecordCollaborationInput {
  collaboration: {
    title: string;
    kind: CollaborationKind;
    startDate: string | null;
    endDate: string | null;
    location: string | null;
    description: string | null;
    topicIds: string[];
    participants: Array<{ actorId: string; role: Role2 }>;
  };
  newActors: Array<{ name: string; kind: ActorKind; role: Role2 }>;
  newTopics: string[];
}

export async function recordCollaboration(
  input: RecordCollaborationInput,
): Promise<{ collaboration: { id: string; title: string }; newActors: ActorRef[] }> {
  return (
    await request<{ recordCollaboration: { collaboration: { id: string; title: string }; newActors: ActorRef[] } }>(
      RECORD_COLLABORATION,
      { input },
    )
  ).recordCollaboration;
}

export interface ChangeRecord {
  at: string;
  author: string;
  operation: string;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}

export async function history(entityId: string): Promise<ChangeRecord[]> {
  return (await request<{ history: { nodes: ChangeRecord[] } }>(HISTORY, { id: entityId })).history.nodes;
}

export async function undoLastChange(actorId: string): Promise<void> {
  await request(UNDO, { id: actorId });
}

export interface EditableCollaboration {
  id: string;
  title: string;
  kind: CollaborationKind;
  startDate: string | null;
  endDate: string | null;
  location: string | null;
  description: string | null;
  /** For the conflict check of editCollaboration. */
  version: number;
  topics: TopicRef[];
  participants: Array<{ role: Role2; actor: ActorRef }>;
}

/** A collaboration as a whole, as editCollaboration replaces it. */
export interface CollaborationEditInput {
  title: string;
  kind: CollaborationKind;
  startDate: string | null;
  endDate: string | null;
  location: string | null;
  description: string | null;
  topicIds: string[];
  participants: Array<{ actorId: string; role: Role2 }>;
  /** Topics and actors created inside the same write (none when it is refused). */
  newTopics?: string[];
  newActors?: Array<{ name: string; kind: ActorKind; role: Role2 }>;
}

/** Fields, topics and participants in ONE write; CONFLICT when someone saved since `expectedVersion`. */
export async function editCollaboration(
  id: string,
  input: CollaborationEditInput,
  expectedVersion: number,
): Promise<{ id: string; version: number }> {
  return (
    await request<{ editCollaboration: { id: string; version: number } }>(EDIT_COLLABORATION, {
      id,
      input,
      v: expectedVersion,
    })
  ).editCollaboration;
}

export async function loadCollaboration(id: string): Promise<EditableCollaboration | null> {
  return (await request<{ collaboration: EditableCollaboration | null }>(COLLABORATION, { id })).collaboration;
}

export interface CollaborationsPage {
  total: number;
  items: Array<{ id: string; title: string; startDate: string | null }>;
}

/** A page of the actor's collaborations, newest first, after the one with id `after` (the first page without). */
export async function collaborationsOf(actorId: string, first: number, after?: string): Promise<CollaborationsPage> {
  const data = await request<{
    actor: {
      collaborationCount: number;
      collaborations: Array<{ collaboration: { id: string; title: string; startDate: string | null } }>;
    } | null;
  }>(ACTOR_COLLABORATIONS, { id: actorId, first, after: after ?? null });
  return {
    total: data.actor?.collaborationCount ?? 0,
    items: data.actor?.collaborations.map((c) => c.collaboration) ?? [],
  };
}

export async function updateCollaboration(id: string, input: Record<string, unknown>): Promise<void> {
  await request(UPDATE_COLLABORATION, { id, input });
}

export async function addParticipant(collaborationId: string, actorId: string, role: Role2): Promise<void> {
  await request(ADD_PARTICIPANT, { c: collaborationId, a: actorId, r: role });
}

export async function removeParticipant(collaborationId: string, actorId: string): Promise<void> {
  await request(REMOVE_PARTICIPANT, { c: collaborationId, a: actorId });
}

export async function createActor(input: { name: string; kind: ActorKind }): Promise<ActorRef> {
  return (await request<{ createActor: ActorRef }>(CREATE_ACTOR, { input })).createActor;
}

export async function deleteCollaboration(id: string): Promise<void> {
  await request(DELETE_COLLABORATION, { id });
}

export interface DuplicatePair {
  reasons: string[];
  similarity: number;
  actors: EditableActor[];
}

export async function duplicates(): Promise<DuplicatePair[]> {
  return (await request<{ duplicateCandidates: { candidates: DuplicatePair[] } }>(DUPLICATES)).duplicateCandidates
    .candidates;
}

export async function mergeActors(keepId: string, mergeIds: string[]): Promise<EditableActor> {
  return (await request<{ mergeActors: EditableActor }>(MERGE, { k: keepId, m: mergeIds })).mergeActors;
}
