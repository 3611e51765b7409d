/**
 * Collaboration and participation writes of the Neo4j store (port/writes.ts); updates and deletes
 * follow update-rules.ts.
 */
import { randomUUID } from 'node:crypto';

import neo4j, { type ManagedTransaction } from 'neo4j-driver';

import { ConflictError } from '../../domain/errors';
import { checkParticipants, distinct, MissingReferenceError } from '../../domain/input-rules';
import type { Collaboration, Participation, ParticipationRole } from '../../domain/model';
import type { CollaborationPatch, CreateCollaborationInput } from '../../domain/records';
import * as H from '../../features/history/history-rules';
import {
  type CollaborationEdit,
  planCollaborationEdit,
  planCollaborationUpdate,
  replacesTopics,
  requireRecord,
} from '../../features/history/update-rules';
import { NO_CREATES, withIds } from '../../features/history/edit-create-rules';
import { feedBounds } from '../../features/live/feed-rules';
import type { CollaborationWrites, CreatedCollaboration } from '../port/writes';
import { existing, requireAll, topicIdsOf } from './checks';
import { now, propsOf, type Neo4jConnection } from './connection';
import * as Q from './cypher';
import * as W from './cypher-writes';
import { createEditRecords } from './edit-creates';
import { feedPageOf, TOUCHED_BY_EVENTS, TOUCHED_BY_EVENTS_PARAMS } from './feed';
import { appendChanges, changeParameters, roleOf } from './history';
import {
  numberField,
  stringField,
  toActor,
  toCollaboration,
  toParticipationInCollaboration,
  toStringList,
} from './records';

/**
 * createCollaboration in one statement: whether `$id` is taken, which of `$topicIds` and of the
 * participants' actors are missing; only when none of that refuses it, the collaboration
 * (CREATE_COLLABORATION), its topics (CREATE_ABOUT_OF_COLLABORATION), its participations
 * (SET_PARTICIPATIONS) and its history and change-feed records (APPEND_CHANGES, history.ts), one
 * statement instead of five (checks, then writes, pipelined: two round trips). Answers the stored
 * collaboration with its participations (in PARTICIPATIONS_OF_COLLABORATIONS order) and the
 * participants' records, as PARTICIPATIONS_AND_ACTORS_OF_COLLABORATIONS would read them after the
 * write; all three null when refused.
 *
 * And, when `$feedAfter` is given and at most `$feedLimit` seqs lie between it and the head, `feed`:
 * the page READ_FEED_PAGE (feed.ts) would answer after the commit, read in the write. The write holds
 * the lock on the ChangeSequence node from its SET until its commit, and every writer takes it before
 * its events get their seq, so every event below this write's is committed (or rolled back, its seq
 * never used) and visible here, and none above it exists yet: the page is complete up to the head,
 * this write's own last seq. The price: that lock, which every writer queues on, is held while the
 * page's touched records are read, hence the bound ($feedLimit) on what is read this way.
 */
export const CREATE_COLLABORATION_RECORDED = `
CALL () {
  RETURN EXISTS { MATCH (:Collaboration {id: $id}) } AS taken
}
CALL () {
  UNWIND $topicIds AS topicId
  OPTIONAL MATCH (t:Topic {id: topicId})
  WITH topicId, t WHERE t IS NULL
  RETURN collect(topicId) AS missingTopics
}
CALL () {
  UNWIND $participants AS p
  OPTIONAL MATCH (a:Actor {id: p.actorId})
  WITH p, a WHERE a IS NULL
  RETURN collect(p.actorId) AS missingActors
}
OPTIONAL CALL (taken, missingTopics, missingActors) {
  WITH * WHERE NOT taken AND size(missingTopics) = 0 AND size(missingActors) = 0
  CREATE (c:Collaboration)
  SET c = $props, c.version = 1
  WITH c
  CALL (c) {
    UNWIND $topicIds AS topicId
    MATCH (t:Topic {id: topicId})
    MERGE (c)-[:ABOUT]->(t)
  }
  CALL (c) {
    UNWIND $participants AS p
    MATCH (a:Actor {id: p.actorId})
    MERGE (a)-[r:PARTICIPATED_IN]->(c)
    SET r.role = p.role
  }
  MERGE (s:ChangeSequence {id: 'changes'})
  ON CREATE SET s.value = 0
  SET s.value = s.value + size($records)
  WITH c, s, s.value - size($records) AS base
  CALL (base) {
    UNWIND range(0, size($records) - 1) AS i
    CREATE (ch:Change)
    SET ch = $records[i], ch.seq = base + i + 1, ch.at = $at, ch.author = $author
    CREATE (e:FeedEvent {seq: base + i + 1, at: $at, author: $author, entityType: $records[i].entityType,
      entityId: $records[i].entityId, operation: $records[i].operation, fields: $fields[i]})
  }
  OPTIONAL CALL (s) {
    WITH s.value AS head, coalesce(s.prunedThrough, 0) AS prunedThrough
    WHERE head - $feedAfter <= $feedLimit
    CALL () {
      MATCH (e:FeedEvent)
      WHERE e.seq > $feedAfter
      WITH e ORDER BY e.seq
      RETURN collect(properties(e)) AS events
    }
    ${TOUCHED_BY_EVENTS}
    RETURN {events: events, head: head, prunedThrough: prunedThrough, actorIds: actorIds,
      collaborationIds: collaborationIds, topicIds: topicIds, actors: actors, collaborations: collaborations,
      topics: topics} AS feed
  }
  CALL (c) {
    MATCH (a:Actor)-[r:PARTICIPATED_IN]->(c)
    WITH a, r
    ORDER BY a.nameKey, a.id
    RETURN collect([a.id, r.role]) AS participations, collect(properties(a)) AS actors
  }
  RETURN properties(c) AS collaboration, participations, actors, feed
}
RETURN taken, missingTopics, missingActors, collaboration, participations, actors, feed`;

/**
 * Most seqs between the reader's last and the head that the write reads as its feed page (above:
 * the read of what they touch holds the sequence lock); more, and the reader reads the feed after
 * the commit as usual. A service that is the only writer finds its own write's event alone.
 */
export const FEED_IN_WRITE_LIMIT = 32;

/** CREATE_COLLABORATION_RECORDED's parameters of its feed page (none read when `feedAfter` is absent). */
export function feedParameters(feedAfter?: number) {
  return {
    feedAfter: feedAfter === undefined ? null : neo4j.int(feedBounds(feedAfter, 1).after),
    feedLimit: neo4j.int(FEED_IN_WRITE_LIMIT),
    ...TOUCHED_BY_EVENTS_PARAMS,
  };
}

/** MissingReferenceError (naming `field`) for the first of `ids` that is among `missing`. */
function firstMissing(entity: 'Topic' | 'Actor', ids: readonly string[], missing: readonly string[], field: string) {
  if (missing.length === 0) return;
  const gone = new Set(missing);
  const first = ids.find((id) => gone.has(id));
  if (first !== undefined) throw new MissingReferenceError(entity, first, field);
}

/** The collaboration with its write lock taken (see LOCK_COLLABORATION), or null. */
async function lockedCollaboration(tx: ManagedTransaction, id: string): Promise<Collaboration | null> {
  const found = (await tx.run(W.LOCK_COLLABORATION, { id })).records[0];
  return found ? toCollaboration(found.get('collaboration')) : null;
}

async function participantsOf(tx: ManagedTransaction, id: string): Promise<Participation[]> {
  const found = (await tx.run(Q.PARTICIPATIONS_OF_COLLABORATIONS, { ids: [id] })).records[0];
  const participations = found?.get('participations') as unknown[] | undefined;
  return (participations ?? []).map((v) => toParticipationInCollaboration(id, v));
}

export function neo4jCollaborationWrites(db: Neo4jConnection): CollaborationWrites {
  async function createWithParticipants(
    input: CreateCollaborationInput,
    meta?: H.WriteMeta,
    feedAfter?: number,
  ): Promise<CreatedCollaboration> {
    const id = input.id ?? randomUUID();
    const participants = input.participants ?? [];
    checkParticipants(participants);
    const topicIds = distinct(input.topicIds ?? []);
    const at = now();
    const props = {
      id,
      title: input.title,
      kind: input.kind,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      location: input.location ?? null,
      description: input.description ?? null,
      createdAt: at,
      updatedAt: at,
    };
    // One statement, one round trip with its commit (auto-commit, connection.ts writeStatement):
    // the checks, then (only when they pass) the collaboration, its topics and participations, and
    // its history and change-feed records.
    const created = toCollaboration({ ...props, version: 1 });
    const changes = changeParameters(
      meta,
      [H.collaborationCreated({ collaboration: created, topicIds, participants })],
      at,
    );
    const [row] = await db.writeStatement(CREATE_COLLABORATION_RECORDED, {
      id,
      props,
      topicIds,
      participants: participants.map((p) => ({ actorId: p.actorId, role: p.role })),
      ...changes,
      ...feedParameters(feedAfter),
    });
    // Refused: the statement wrote nothing; the errors in the order of the checks before (requireNew,
    // requireAll Topic, requireAll Actor), so the same input answers the same error.
    if (row.get('taken') === true) throw new ConflictError(`Collaboration "${id}" already exists`, 'id');
    firstMissing('Topic', topicIds, toStringList(row.get('missingTopics')), 'topicIds');
    firstMissing(
      'Actor',
      participants.map((p) => p.actorId),
      toStringList(row.get('missingActors')),
      'participants',
    );
    const collaboration = toCollaboration(row.get('collaboration'));
    const feed = row.get('feed') as Record<string, unknown> | null;
    return {
      collaboration,
      participations: (row.get('participations') as unknown[]).map((v) =>
        toParticipationInCollaboration(collaboration.id, v),
      ),
      actors: (row.get('actors') as unknown[]).map(toActor),
      // The write has committed: a page that cannot be completed is left out (its reader reads the feed).
      ...(feed && { feed: await feedPageOf(db, (key) => feed[key]).catch(() => undefined) }),
    };
  }

  return {
    async createCollaboration(input: CreateCollaborationInput, meta?: H.WriteMeta): Promise<Collaboration> {
      return (await createWithParticipants(input, meta)).collaboration;
    },

    createCollaborationWithParticipants: createWithParticipants,

    async updateCollaboration(
      id: string,
      patch: CollaborationPatch,
      expectedVersion?: number | null,
      meta?: H.WriteMeta,
    ): Promise<Collaboration> {
      return db.write(async (tx) => {
        const current = await lockedCollaboration(tx, id);
        const topicIdsBefore = current && replacesTopics(patch) ? await topicIdsOf(tx, id) : undefined;
        const plan = planCollaborationUpdate({ id, current, topicIdsBefore, patch, expectedVersion, at: now() });
        const { topicIds } = plan;
        if (topicIds !== undefined) await requireAll(tx, 'Topic', topicIds, 'topicIds');
        const props = propsOf(plan.after, H.COLLABORATION_FIELDS);
        const result = await tx.run(W.UPDATE_COLLABORATION, { id, props, now: plan.after.updatedAt });
        if (topicIds !== undefined) {
          await tx.run(W.DELETE_ABOUT_OF_COLLABORATION, { id });
          if (topicIds.length > 0) await tx.run(W.CREATE_ABOUT_OF_COLLABORATION, { id, topicIds });
        }
        const collaboration = toCollaboration(result.records[0].get('collaboration'));
        await appendChanges(tx, meta, plan.changes, collaboration.updatedAt);
        return collaboration;
      });
    },

    async editCollaboration(
      id: string,
      edit: CollaborationEdit,
      expectedVersion?: number | null,
      meta?: H.WriteMeta,
    ): Promise<Collaboration> {
      return db.write(async (tx) => {
        const current = await lockedCollaboration(tx, id);
        const creates = edit.creates ?? NO_CREATES;
        const plan = planCollaborationEdit({
          id,
          current,
          topicIdsBefore: current ? await topicIdsOf(tx, id) : [],
          participantsBefore: current ? await participantsOf(tx, id) : [],
          edit,
          knownTopicIds: withIds(await existing(tx, 'Topic', edit.topicIds), creates.topics),
          knownActorIds: withIds(
            await existing(
              tx,
              'Actor',
              edit.participants.map((p) => p.actorId),
            ),
            creates.actors,
          ),
          expectedVersion,
          at: now(),
        });
        const created = await createEditRecords(tx, creates, plan.after.updatedAt);
        if (!plan.changed) return plan.after;
        const props = propsOf(plan.after, H.COLLABORATION_FIELDS);
        const result = await tx.run(W.UPDATE_COLLABORATION, { id, props, now: plan.after.updatedAt });
        if (plan.topicIds !== undefined) {
          await tx.run(W.DELETE_ABOUT_OF_COLLABORATION, { id });
          if (plan.topicIds.length > 0) await tx.run(W.CREATE_ABOUT_OF_COLLABORATION, { id, topicIds: plan.topicIds });
        }
        if (plan.removeActorIds.length > 0) {
          await tx.run(W.REMOVE_PARTICIPATIONS, { id, actorIds: plan.removeActorIds });
        }
        if (plan.setParticipants.length > 0) {
          await tx.run(W.SET_PARTICIPATIONS, { id, participants: plan.setParticipants });
        }
        const collaboration = toCollaboration(result.records[0].get('collaboration'));
        await appendChanges(tx, meta, [...created, ...plan.changes], collaboration.updatedAt);
        return collaboration;
      });
    },

    async deleteCollaboration(id: string, meta?: H.WriteMeta): Promise<void> {
      await db.write(async (tx) => {
        const found = (await tx.run(Q.GET_COLLABORATIONS, { ids: [id] })).records[0];
        const collaboration = requireRecord('Collaboration', id, found && toCollaboration(found.get('collaboration')));
        const before = {
          collaboration,
          topicIds: await topicIdsOf(tx, id),
          participants: await participantsOf(tx, id),
        };
        await tx.run(W.DELETE_COLLABORATION, { id });
        await appendChanges(tx, meta, [H.collaborationDeleted(before)]);
      });
    },

    async addParticipant(
      collaborationId: string,
      actorId: string,
      role: ParticipationRole,
      meta?: H.WriteMeta,
    ): Promise<Participation> {
      return db.write(async (tx) => {
        await requireAll(tx, 'Collaboration', [collaborationId], 'collaborationId');
        await requireAll(tx, 'Actor', [actorId], 'actorId');
        const before = (await roleOf(tx, collaborationId, actorId)) as ParticipationRole | null;
        await appendChanges(tx, meta, H.participationChanged(collaborationId, actorId, before, role));
        const result = await tx.run(W.SET_PARTICIPATIONS, { id: collaborationId, participants: [{ actorId, role }] });
        if (before !== role) await tx.run(W.BUMP_COLLABORATION, { id: collaborationId, now: now() });
        const r = result.records[0];
        return {
          actorId: stringField(r, 'actorId'),
          collaborationId: stringField(r, 'collaborationId'),
          role: stringField(r, 'role') as ParticipationRole,
        };
      });
    },

    async removeParticipant(collaborationId: string, actorId: string, meta?: H.WriteMeta): Promise<boolean> {
      return db.write(async (tx) => {
        await requireAll(tx, 'Collaboration', [collaborationId], 'collaborationId');
        await requireAll(tx, 'Actor', [actorId], 'actorId');
        const before = (await roleOf(tx, collaborationId, actorId)) as ParticipationRole | null;
        const result = await tx.run(W.REMOVE_PARTICIPATION, { collaborationId, actorId });
        const removed = numberField(result.records[0], 'removed') > 0;
        if (removed) {
          await tx.run(W.BUMP_COLLABORATION, { id: collaborationId, now: now() });
          await appendChanges(tx, meta, H.participationChanged(collaborationId, actorId, before, null));
        }
        return removed;
      });
    },
  };
}
