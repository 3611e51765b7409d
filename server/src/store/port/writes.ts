/**
 * Writes of single records (part of the NetworkStore port, network-store.ts). Each is one
 * transaction and appends its ChangeRecords in that transaction, with the author of `meta`
 * ("system" when absent: see history-rules.ts). Updates and deletes follow update-rules.ts: an
 * unknown id is NOT_FOUND (field `id`), a stale `expectedVersion` CONFLICT.
 */
import type { Actor, Collaboration, Interest, Participation, ParticipationRole, Topic } from '../../domain/model';
import type {
  ActorPatch,
  CollaborationPatch,
  CreateActorInput,
  CreateCollaborationInput,
  CreateTopicInput,
  InterestInput,
  TopicPatch,
} from '../../domain/records';
import type { WriteMeta } from '../../features/history/history-rules';
import type { FeedPage } from '../../features/live/feed-rules';
import type { ActorEdit, CollaborationEdit } from '../../features/history/update-rules';

export interface ActorWrites {
  createActor(input: CreateActorInput, meta?: WriteMeta): Promise<Actor>;
  /**
   * Bumps version and updatedAt. `expectedVersion`, when given, must equal the stored version.
   * With `meta.undoes` the change is recorded as an UNDO of that record.
   */
  updateActor(id: string, patch: ActorPatch, expectedVersion?: number | null, meta?: WriteMeta): Promise<Actor>;
  /** Removes the actor, its interests and its participations; never other actors or collaborations. */
  deleteActor(id: string, meta?: WriteMeta): Promise<void>;
  /**
   * Like updateActor, and when `interests` is given it replaces the actor's interests in the same
   * transaction (history: the UPDATE record, then a SET_INTERESTS record when they changed).
   * Unknown topics: NOT_FOUND (field `interests`). `newTopics` are created in the same transaction
   * and join the interests (edit-create-rules.ts: CREATE records first; an id stored by now: CONFLICT).
   */
  editActor(id: string, edit: ActorEdit, expectedVersion?: number | null, meta?: WriteMeta): Promise<Actor>;
  /** Replaces the actor's interests; answers them in interestsOfActors order. */
  setActorInterests(actorId: string, interests: InterestInput[], meta?: WriteMeta): Promise<Interest[]>;
}

export interface TopicWrites {
  createTopic(input: CreateTopicInput, meta?: WriteMeta): Promise<Topic>;
  updateTopic(id: string, patch: TopicPatch, meta?: WriteMeta): Promise<Topic>;
  /** Removes the topic and every INTERESTED_IN / ABOUT relationship to it. */
  deleteTopic(id: string, meta?: WriteMeta): Promise<void>;
}

/** A collaboration just created, with what participationsAndActorsOfCollaborations would answer for it. */
export interface CreatedCollaboration {
  collaboration: Collaboration;
  /** Its participations, in participationsOfCollaborations order. */
  participations: Participation[];
  /** The participants' records. */
  actors: Actor[];
  /**
   * When asked for (`feedAfter`) and the store can read it in the write: what readFeedPage(feedAfter,
   * MAX_FEED_PAGE) answers right after the commit, this write's own events the last of it. Absent
   * otherwise (the caller reads the feed as usual).
   */
  feed?: FeedPage;
}

export interface CollaborationWrites {
  createCollaboration(input: CreateCollaborationInput, meta?: WriteMeta): Promise<Collaboration>;
  /**
   * createCollaboration, answering its participants too (read in the write: no read after it), and
   * the feed after `feedAfter` (the seq its reader applied last) where the store reads it in the write.
   */
  createCollaborationWithParticipants(
    input: CreateCollaborationInput,
    meta?: WriteMeta,
    feedAfter?: number,
  ): Promise<CreatedCollaboration>;
  /** Bumps version and updatedAt. `expectedVersion`, when given, must equal the stored version. */
  updateCollaboration(
    id: string,
    patch: CollaborationPatch,
    expectedVersion?: number | null,
    meta?: WriteMeta,
  ): Promise<Collaboration>;
  /**
   * Replaces the collaboration's fields, topics and complete participant list (with roles) in one
   * transaction, as planned by planCollaborationEdit (update-rules.ts): refusals, version, history.
   * The topics and actors of `edit.creates` are created in the same transaction, after the plan
   * (edit-create-rules.ts).
   */
  editCollaboration(
    id: string,
    edit: CollaborationEdit,
    expectedVersion?: number | null,
    meta?: WriteMeta,
  ): Promise<Collaboration>;
  /** Removes the collaboration with its participations and ABOUT relationships. */
  deleteCollaboration(id: string, meta?: WriteMeta): Promise<void>;
  /** Adds the actor, or changes its role when it already takes part. */
  addParticipant(
    collaborationId: string,
    actorId: string,
    role: ParticipationRole,
    meta?: WriteMeta,
  ): Promise<Participation>;
  /** Answers false when the actor did not take part (nothing changes, nothing is recorded). */
  removeParticipant(collaborationId: string, actorId: string, meta?: WriteMeta): Promise<boolean>;
}
