/**
 * Collaboration and participation writes of the embedded store (port/writes.ts); updates and
 * deletes follow update-rules.ts.
 */
import { randomUUID } from 'node:crypto';

import { ConflictError } from '../../domain/errors';
import { MissingReferenceError, checkParticipants } from '../../domain/input-rules';
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
import { now, type EmbeddedDatabase } from './database';
import { appendChanges } from './history';
import { embeddedRecordReads } from './record-reads';
import * as W from './record-writes';
import { type CollaborationRow, type ParticipationRow, opt, toCollaboration, toParticipation } from './rows';

export function embeddedCollaborationWrites(d: EmbeddedDatabase): CollaborationWrites {
  const collaborationById = (id: string) => {
    const row = d.sql.get<CollaborationRow>('SELECT * FROM collaboration WHERE id = ?', id);
    return row ? toCollaboration(row) : null;
  };

  /** The given topic ids without repeats, all of which must exist (NOT_FOUND, field `topicIds`). */
  const existingTopics = (topicIds: readonly string[]): string[] => {
    const [missing] = d.sql.missing('topic', topicIds);
    if (missing !== undefined) throw new MissingReferenceError('Topic', missing, 'topicIds');
    return [...new Set(topicIds)];
  };

  const insertAbout = (collaborationId: string, topicIds: readonly string[]): void => {
    for (const topicId of topicIds) {
      d.sql.run('INSERT INTO about (collaboration_id, topic_id) VALUES (?, ?)', collaborationId, topicId);
    }
  };

  const topicIdsOf = (collaborationId: string): string[] =>
    d.sql
      .all<{ topic_id: string }>('SELECT topic_id FROM about WHERE collaboration_id = ?', collaborationId)
      .map((r) => r.topic_id);

  const roleOf = (collaborationId: string, actorId: string): ParticipationRole | null =>
    d.sql.get<{ role: ParticipationRole }>(
      'SELECT role FROM participation WHERE actor_id = ? AND collaboration_id = ?',
      actorId,
      collaborationId,
    )?.role ?? null;

  const participantsOf = (collaborationId: string) =>
    d.sql
      .all<ParticipationRow>('SELECT * FROM participation WHERE collaboration_id = ?', collaborationId)
      .map(toParticipation);

  const setRole = (collaborationId: string, actorId: string, role: ParticipationRole): void => {
    d.sql.run(
      `INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)
       ON CONFLICT (actor_id, collaboration_id) DO UPDATE SET role = excluded.role`,
      actorId,
      collaborationId,
      role,
    );
  };

  /** A participant added, removed or given another role changes the collaboration. */
  const bumpVersion = (collaborationId: string): void => {
    d.sql.run('UPDATE collaboration SET version = version + 1, updated_at = ? WHERE id = ?', now(), collaborationId);
  };

  const requireParticipationEnds = (collaborationId: string, actorId: string): void => {
    if (!d.sql.exists('collaboration', collaborationId)) {
      throw new MissingReferenceError('Collaboration', collaborationId, 'collaborationId');
    }
    if (!d.sql.exists('actor', actorId)) throw new MissingReferenceError('Actor', actorId, 'actorId');
  };

  const reads = embeddedRecordReads(d);

  const writes: Omit<CollaborationWrites, 'createCollaborationWithParticipants'> = {
    async createCollaboration(input: CreateCollaborationInput, meta?: H.WriteMeta): Promise<Collaboration> {
      return d.write(() => {
        const id = input.id ?? randomUUID();
        if (d.sql.exists('collaboration', id)) throw new ConflictError(`Collaboration "${id}" already exists`, 'id');
        const participants = input.participants ?? [];
        checkParticipants(participants);
        const topicIds = existingTopics(input.topicIds ?? []);
        const [missingActor] = d.sql.missing(
          'actor',
          participants.map((p) => p.actorId),
        );
        if (missingActor !== undefined) throw new MissingReferenceError('Actor', missingActor, 'participants');

        const at = now();
        const collaboration: Collaboration = {
          id,
          title: input.title,
          kind: input.kind,
          startDate: opt(input.startDate),
          endDate: opt(input.endDate),
          location: opt(input.location),
          description: opt(input.description),
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        W.insertCollaboration(d.sql, collaboration);
        insertAbout(id, topicIds);
        for (const p of participants) {
          d.sql.run(
            'INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)',
            p.actorId,
            id,
            p.role,
          );
        }
        appendChanges(d.sql, meta, [H.collaborationCreated({ collaboration, topicIds, participants })], at);
        return collaboration;
      });
    },

    async updateCollaboration(
      id: string,
      patch: CollaborationPatch,
      expectedVersion?: number | null,
      meta?: H.WriteMeta,
    ): Promise<Collaboration> {
      return d.write(() => {
        const current = collaborationById(id);
        const topicIdsBefore = current && replacesTopics(patch) ? topicIdsOf(id) : undefined;
        const plan = planCollaborationUpdate({ id, current, topicIdsBefore, patch, expectedVersion, at: now() });
        if (plan.topicIds !== undefined) existingTopics(plan.topicIds);
        W.updateCollaboration(d.sql, plan.after);
        if (plan.topicIds !== undefined) {
          d.sql.run('DELETE FROM about WHERE collaboration_id = ?', id);
          insertAbout(id, plan.topicIds);
        }
        appendChanges(d.sql, meta, plan.changes, plan.after.updatedAt);
        return plan.after;
      });
    },

    async editCollaboration(
      id: string,
      edit: CollaborationEdit,
      expectedVersion?: number | null,
      meta?: H.WriteMeta,
    ): Promise<Collaboration> {
      return d.write(() => {
        const current = collaborationById(id);
        const known = (table: 'topic' | 'actor', ids: readonly string[]) => {
          const missing = new Set(d.sql.missing(table, ids));
          return new Set(ids.filter((x) => !missing.has(x)));
        };
        const creates = edit.creates ?? NO_CREATES;
        const plan = planCollaborationEdit({
          id,
          current,
          topicIdsBefore: current ? topicIdsOf(id) : [],
          participantsBefore: current ? participantsOf(id) : [],
          edit,
          knownTopicIds: withIds(known('topic', edit.topicIds), creates.topics),
          knownActorIds: withIds(
            known(
              'actor',
              edit.participants.map((p) => p.actorId),
            ),
            creates.actors,
          ),
          expectedVersion,
          at: now(),
        });
        const created = W.insertEditCreates(d.sql, creates, plan.after.updatedAt);
        if (!plan.changed) return plan.after;
        W.updateCollaboration(d.sql, plan.after);
        if (plan.topicIds !== undefined) {
          d.sql.run('DELETE FROM about WHERE collaboration_id = ?', id);
          insertAbout(id, plan.topicIds);
        }
        for (const actorId of plan.removeActorIds) {
          d.sql.run('DELETE FROM participation WHERE actor_id = ? AND collaboration_id = ?', actorId, id);
        }
        for (const p of plan.setParticipants) setRole(id, p.actorId, p.role);
        appendChanges(d.sql, meta, [...created, ...plan.changes], plan.after.updatedAt);
        return plan.after;
      });
    },

    async deleteCollaboration(id: string, meta?: H.WriteMeta): Promise<void> {
      d.write(() => {
        const before = {
          collaboration: requireRecord('Collaboration', id, collaborationById(id)),
          topicIds: topicIdsOf(id),
          participants: participantsOf(id),
        };
        // Participations and ABOUT relationships go with it (ON DELETE CASCADE).
        d.sql.run('DELETE FROM collaboration WHERE id = ?', id);
        appendChanges(d.sql, meta, [H.collaborationDeleted(before)]);
      });
    },

    async addParticipant(
      collaborationId: string,
      actorId: string,
      role: ParticipationRole,
      meta?: H.WriteMeta,
    ): Promise<Participation> {
      return d.write(() => {
        requireParticipationEnds(collaborationId, actorId);
        const before = roleOf(collaborationId, actorId);
        appendChanges(d.sql, meta, H.participationChanged(collaborationId, actorId, before, role));
        setRole(collaborationId, actorId, role);
        if (before !== role) bumpVersion(collaborationId);
        return { actorId, collaborationId, role };
      });
    },

    async removeParticipant(collaborationId: string, actorId: string, meta?: H.WriteMeta): Promise<boolean> {
      return d.write(() => {
        requireParticipationEnds(collaborationId, actorId);
        const before = roleOf(collaborationId, actorId);
        if (before === null) return false;
        d.sql.run('DELETE FROM participation WHERE actor_id = ? AND collaboration_id = ?', actorId, collaborationId);
        bumpVersion(collaborationId);
        appendChanges(d.sql, meta, H.participationChanged(collaborationId, actorId, before, null));
        return true;
      });
    },
  };
  return {
    ...writes,
    // In process, reading after the write costs next to nothing.
    async createCollaborationWithParticipants(input: CreateCollaborationInput, meta?: H.WriteMeta) {
      const collaboration = await writes.createCollaboration(input, meta);
      const { participations, actors } = await reads.participationsAndActorsOfCollaborations([collaboration.id]);
      return { collaboration, participations: participations[0], actors };
    },
  };
}
