/**
 * Collaboration and participation writes of the Neo4j store (port/writes.ts); updates and deletes
 * follow update-rules.ts.
 */
import { randomUUID } from 'node:crypto';

import type { ManagedTransaction, QueryResult } from 'neo4j-driver';

import { checkParticipants, distinct } from '../../domain/input-rules';
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
import type { CollaborationWrites } from '../port/writes';
import { existing, inOrder, requireAll, requireNew, topicIdsOf } from './checks';
import { now, propsOf, type Neo4jConnection } from './connection';
import * as Q from './cypher';
import * as W from './cypher-writes';
import { createEditRecords } from './edit-creates';
import { appendChanges, roleOf } from './history';
import { numberField, stringField, toCollaboration, toParticipationInCollaboration } from './records';

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
  return {
    async createCollaboration(input: CreateCollaborationInput, meta?: H.WriteMeta): Promise<Collaboration> {
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
      // The driver sends a transaction's statements without waiting for the answers of the ones
      // before (pipelining): the checks go out together, then the writes together — two round
      // trips and the commit instead of one round trip per statement (5–6 and the commit).
      return db.write(async (tx) => {
        await inOrder([
          requireNew(tx, 'Collaboration', id),
          requireAll(tx, 'Topic', topicIds, 'topicIds'),
          requireAll(
            tx,
            'Actor',
            participants.map((p) => p.actorId),
            'participants',
          ),
        ]);
        // What CREATE_COLLABORATION stores and answers (SET c = $props, c.version = 1).
        const created = toCollaboration({ ...props, version: 1 });
        const [result] = await inOrder<[QueryResult, unknown, unknown, void]>([
          tx.run(W.CREATE_COLLABORATION, { props }),
          topicIds.length > 0 ? tx.run(W.CREATE_ABOUT_OF_COLLABORATION, { id, topicIds }) : null,
          participants.length > 0
            ? tx.run(W.SET_PARTICIPATIONS, {
                id,
                participants: participants.map((p) => ({ actorId: p.actorId, role: p.role })),
              })
            : null,
          appendChanges(tx, meta, [H.collaborationCreated({ collaboration: created, topicIds, participants })], at),
        ]);
        return toCollaboration(result.records[0].get('collaboration'));
      });
    },

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
