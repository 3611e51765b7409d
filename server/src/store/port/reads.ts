/**
 * Reads of the network (part of the NetworkStore port, network-store.ts): records by id, their
 * relations by key, paged lists and the snapshot for the projection. Batched reads answer one entry
 * per key, in the order of the keys.
 */
import type {
  Actor,
  Collaboration,
  Collaborator,
  Interest,
  Participation,
  Topic,
  TopicStats,
} from '../../domain/model';
import type { CollaborationPageRequest, Page, PageRequest } from '../../domain/paging';
import type {
  ActorFilter,
  CollaborationFilter,
  GraphSnapshot,
  TopicFilter,
  TouchedIds,
  TouchedState,
} from '../../domain/records';

/** Batched lookups by id. */
export interface RecordReads {
  getActors(ids: readonly string[]): Promise<Array<Actor | null>>;
  /** The actors' names alone (null for an unknown id): for labels, without the rest of each record. */
  actorNames(ids: readonly string[]): Promise<Array<string | null>>;
  getTopics(ids: readonly string[]): Promise<Array<Topic | null>>;
  getCollaborations(ids: readonly string[]): Promise<Array<Collaboration | null>>;
  /**
   * getActors, getTopics and getCollaborations at once, in one read (one round trip on Neo4j): an
   * answer that names records of all three kinds (a suggestion's explanation) needs them together.
   */
  getRecords(ids: RecordIds): Promise<RecordsById>;
}

/** The ids asked of getRecords, per kind (repeats and unknown ids allowed, as in getActors). */
export interface RecordIds {
  actors: readonly string[];
  topics: readonly string[];
  collaborations: readonly string[];
}

/** What getRecords answers: per kind one entry per requested id, in their order, null when missing. */
export interface RecordsById {
  actors: Array<Actor | null>;
  topics: Array<Topic | null>;
  collaborations: Array<Collaboration | null>;
}

/** Batched relations by key. */
export interface LinkReads {
  /** Per actor: its interests, by topic nameKey then topic id. */
  interestsOfActors(actorIds: readonly string[]): Promise<Interest[][]>;
  /** Per topic: the interests in it, by actor nameKey then actor id. */
  interestsInTopics(topicIds: readonly string[]): Promise<Interest[][]>;
  /** Per actor: its participations, newest collaboration first (collaboration order). */
  participationsOfActors(actorIds: readonly string[]): Promise<Participation[][]>;
  /** Per collaboration: its participants, by actor nameKey then actor id. */
  participationsOfCollaborations(collaborationIds: readonly string[]): Promise<Participation[][]>;
  /**
   * participationsOfActors, with the records of those collaborations (each once) read with them:
   * a page showing an actor's collaborations needs both, and the second lookup would be a second
   * round trip to the store.
   */
  participationsAndCollaborationsOfActors(
    actorIds: readonly string[],
  ): Promise<{ participations: Participation[][]; collaborations: Collaboration[] }>;
  /**
   * interestsOfActors, with the records of those topics (each once) read with them: an actor's
   * `topics` needs both (actor list, actor panel), and the second lookup would be a second round trip.
   */
  interestsAndTopicsOfActors(actorIds: readonly string[]): Promise<{ interests: Interest[][]; topics: Topic[] }>;
  /** participationsOfCollaborations, with the participants' records (each once) read with them. */
  participationsAndActorsOfCollaborations(
    collaborationIds: readonly string[],
  ): Promise<{ participations: Participation[][]; actors: Actor[] }>;
  /**
   * An actor page in one read (one round trip on Neo4j): the actors' records and their
   * participations with everything `participationsAndCollaborationsOfActors` and
   * `participationsAndActorsOfCollaborations` of those collaborations would answer.
   */
  actorPages(actorIds: readonly string[]): Promise<ActorPages>;
  /**
   * An actor panel in one read (one round trip on Neo4j), as the map page asks it: the actors'
   * records, what `interestsOfActors` answers with those topics' records, and what
   * `participationsAndCollaborationsOfActors` answers — not the participants of those
   * collaborations, which the page asks for one collaboration at a time.
   */
  actorPanels(actorIds: readonly string[]): Promise<ActorPanels>;
  /**
   * One page of each actor's participations in collaboration order (newest first, no date last,
   * ties by id): at most `page.first`, after the collaboration `page.after` (null: from the
   * newest), cut in the store; with those collaborations' records (each once). Null for an actor
   * that did not take part in `page.after` (unknown, deleted, or it left it): the page has no place
   * to continue from.
   */
  participationPagesOfActors(
    actorIds: readonly string[],
    page: CollaborationPageRequest,
  ): Promise<{ participations: Array<Participation[] | null>; collaborations: Collaboration[] }>;
  /**
   * actorPanels with one page of each actor's participations (as participationPagesOfActors) instead
   * of all; with the records of `withActorIds` too (as getActors: the panel's top collaborators, whom
   * the projection names before the store is asked), in the same read — one round trip on Neo4j
   * instead of two.
   */
  actorPanelPages(
    actorIds: readonly string[],
    page: CollaborationPageRequest,
    withActorIds?: readonly string[],
  ): Promise<ActorPanelPages>;
  /** Per collaboration: ids of its topics, by topic nameKey then id. */
  topicsOfCollaborations(collaborationIds: readonly string[]): Promise<string[][]>;
  /** Per topic: ids of the collaborations about it, in collaboration order. */
  collaborationsOfTopics(topicIds: readonly string[]): Promise<string[][]>;
  /**
   * A large topic read in parts (the embedded store answers a call in one block of the event loop):
   * its interests in actor-id order after the actor id `after` ('' for the first page), at most
   * `limit`, each with its actor's nameKey, so that the pages can be put in the order of
   * interestsInTopics (actor nameKey, then id) once they are all read. Cheap per page on both
   * stores: the topic's index is read from `after` on, nothing is sorted by name.
   */
  interestsInTopicPage(topicId: string, after: string, limit: number): Promise<InterestOfNamedActor[]>;
  /**
   * As interestsInTopicPage, for a busy actor's participations: in collaboration-id order, each with
   * its collaboration's record (its start date gives the list's order, and the page shows it next).
   */
  participationsOfActorPage(actorId: string, after: string, limit: number): Promise<ParticipationWithCollaboration[]>;
  /** As interestsInTopicPage, for the collaborations about a topic: in id order, each with its start date (the list's order). */
  collaborationsOfTopicPage(topicId: string, after: string, limit: number): Promise<DatedCollaborationId[]>;
  /** Per topic: how many actors are interested in it and how many collaborations are about it. */
  topicStats(topicIds: readonly string[]): Promise<TopicStats[]>;
  /**
   * Per actor: every other actor it shares a collaboration with, with the shared collaborations
   * (collaboration order). Ordered by number shared descending, then partner id ascending.
   */
  collaboratorsOfActors(actorIds: readonly string[]): Promise<Collaborator[][]>;
}

/** An interest with its actor's nameKey (interestsInTopicPage). */
export interface InterestOfNamedActor {
  interest: Interest;
  nameKey: string;
}

/** A participation with its collaboration's record (participationsOfActorPage). */
export interface ParticipationWithCollaboration {
  participation: Participation;
  collaboration: Collaboration;
}

/** A collaboration's id with its start date (collaborationsOfTopicPage). */
export interface DatedCollaborationId {
  id: string;
  startDate: string | null;
}

/** What `actorPages` answers. */
export interface ActorPages {
  /** Per requested actor: its record, null when unknown. */
  actors: Array<Actor | null>;
  /** Per requested actor: as participationsOfActors. */
  participations: Participation[][];
  /** Those collaborations, each once. */
  collaborations: Collaboration[];
  /** Per entry of `collaborations`: its participants, as participationsOfCollaborations. */
  members: Participation[][];
  /** The records of those participants, each once. */
  participants: Actor[];
}

/** What `actorPanels` answers. */
export interface ActorPanels {
  /** Per requested actor: its record, null when unknown. */
  actors: Array<Actor | null>;
  /** Per requested actor: as interestsOfActors. */
  interests: Interest[][];
  /** Those topics, each once. */
  topics: Topic[];
  /** Per requested actor: as participationsOfActors. */
  participations: Participation[][];
  /** Those collaborations, each once. */
  collaborations: Collaboration[];
}

/** What `actorPanelPages` answers: as ActorPanels, the participations a page each (null: `after` is not the actor's). */
export interface ActorPanelPages extends Omit<ActorPanels, 'participations'> {
  participations: Array<Participation[] | null>;
  /** Per id of `withActorIds`: its record, null when unknown (as getActors); [] when none were asked. */
  withActors: Array<Actor | null>;
}

/** A participation with its actor's nameKey: the participants page's sort key is [nameKey, actorId]. */
export interface RankedParticipation extends Participation {
  actorNameKey: string;
}

/** A page of actors with their interests (one list per actor of the page, in its order) and those topics (each once). */
export interface ActorPageWithInterests {
  page: Page<Actor>;
  interests: Interest[][];
  topics: Topic[];
}

/** Paged lists. */
export interface ListReads {
  listActors(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>>;
  /**
   * listActors with interestsAndTopicsOfActors of the page's actors, in one read: a list that
   * shows each actor's topics (the map's actor list) needs both, and on Neo4j the second read
   * would be a second round trip.
   */
  listActorsWithInterests(filter: ActorFilter, page: PageRequest): Promise<ActorPageWithInterests>;
  /**
   * One page of a collaboration's participants, by actor nameKey then actor id (the order of
   * `participationsOfCollaborations`); an unknown collaboration has none.
   */
  listParticipants(collaborationId: string, page: PageRequest): Promise<Page<RankedParticipation>>;
  listTopics(filter: TopicFilter, page: PageRequest): Promise<Page<Topic>>;
  listCollaborations(filter: CollaborationFilter, page: PageRequest): Promise<Page<Collaboration>>;
}

/** Structure for the projection. */
export interface SnapshotReads {
  loadSnapshot(): Promise<GraphSnapshot>;
}

/** What the projection needs of the entities some feed events touched (features/live/feed-follower.ts). */
export interface TouchedReads {
  /**
   * The actors (kind, interest topic ids, collaboration ids), collaborations (kind, dates, topic ids,
   * participant ids) and topics (existence) of `ids`, all read in ONE read transaction — one
   * consistent state, one round trip where the store has them.
   */
  readTouched(ids: TouchedIds): Promise<TouchedState>;
}
