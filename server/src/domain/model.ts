/**
 * The Quartiernetz domain model: the same property graph in every store.
 * Nothing here knows GraphQL, SQLite or Neo4j.
 */

export const ACTOR_KINDS = [
  'ASSOCIATION',
  'AGENCY',
  'CITY_DEPARTMENT',
  'INSTITUTION',
  'INITIATIVE',
  'BUSINESS',
  'FUNDER',
  'GROUP',
  'PERSON',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const COLLABORATION_KINDS = [
  'CONFERENCE',
  'MEETING',
  'PROJECT',
  'EVENT',
  'FUNDING',
  'WORKING_GROUP',
  'JURY',
  /** A standing cooperation of two or more actors (e.g. reported through an update link). */
  'COOPERATION',
] as const;
export type CollaborationKind = (typeof COLLABORATION_KINDS)[number];

export const PARTICIPATION_ROLES = ['ORGANISER', 'HOST', 'PARTICIPANT', 'FUNDER', 'MEMBER'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

/** Calendar dates are ISO strings `YYYY-MM-DD`; timestamps are ISO-8601 instants. */
export type IsoDate = string;
export type IsoTimestamp = string;

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  description: string | null;
  district: string | null;
  website: string | null;
  /** Personal data (e-mail, phone of a contact person); optional. */
  contact: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  /** Incremented by every update; used for optimistic concurrency. Starts at 1. */
  version: number;
}

export interface Topic {
  id: string;
  name: string;
  slug: string;
  aliases: string[];
}

export interface Collaboration {
  id: string;
  title: string;
  kind: CollaborationKind;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  location: string | null;
  description: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  /**
   * Incremented by every change of the collaboration — its fields, its topics, a participant added,
   * removed or given another role; used for optimistic concurrency. Starts at 1.
   */
  version: number;
}

/** `(Actor)-[:INTERESTED_IN {weight}]->(Topic)` */
export interface Interest {
  actorId: string;
  topicId: string;
  /** How central the topic is to the actor, in (0, 1]; 1 by default. */
  weight: number;
}

/** `(Actor)-[:PARTICIPATED_IN {role}]->(Collaboration)` */
export interface Participation {
  actorId: string;
  collaborationId: string;
  role: ParticipationRole;
}

/**
 * Derived, never stored: two actors collaborate when they took part in the same collaboration.
 * `collaborationIds` lists the shared ones, newest first (by startDate, then id).
 */
export interface Collaborator {
  actorId: string;
  partnerId: string;
  collaborationIds: string[];
}

export interface TopicStats {
  topicId: string;
  actorCount: number;
  collaborationCount: number;
}
