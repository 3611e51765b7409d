/** Actor writes of the embedded store (port/writes.ts); updates and deletes follow update-rules.ts. */
import { randomUUID } from 'node:crypto';

import { ConflictError } from '../../domain/errors';
import { MissingReferenceError, checkInterests } from '../../domain/input-rules';
import type { Actor, Interest } from '../../domain/model';
import type { ActorPatch, CreateActorInput, InterestInput } from '../../domain/records';
import * as H from '../../features/history/history-rules';
import { interestsWithNewTopics, needsStoredInterests } from '../../features/history/edit-create-rules';
import { type ActorEdit, planActorUpdate, requireRecord } from '../../features/history/update-rules';
import type { ActorWrites } from '../port/writes';
import { now, type EmbeddedDatabase } from './database';
import { appendChanges } from './history';
import * as W from './record-writes';
import { INTERESTS_OF_ACTORS } from './record-reads';
import { type ActorRow, type InterestRow, opt, toActor, toInterest } from './rows';
import { keysJson } from './sql';

export function embeddedActorWrites(d: EmbeddedDatabase): ActorWrites {
  const actorById = (id: string) => {
    const row = d.sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', id);
    return row ? toActor(row) : null;
  };
  const interestsOf = (actorId: string) =>
    d.sql.all<InterestRow>(INTERESTS_OF_ACTORS, keysJson([actorId])).map(toInterest);

  /** Replaces the actor's interests (the actor exists); answers the history draft. */
  const replaceInterests = (actorId: string, interests: readonly InterestInput[], field: string): H.ChangeDraft => {
    const wanted = checkInterests(interests);
    const [missing] = d.sql.missing(
      'topic',
      wanted.map((i) => i.topicId),
    );
    if (missing !== undefined) throw new MissingReferenceError('Topic', missing, field);
    const before = interestsOf(actorId);
    d.sql.run('DELETE FROM interest WHERE actor_id = ?', actorId);
    for (const i of wanted) {
      d.sql.run('INSERT INTO interest (actor_id, topic_id, weight) VALUES (?, ?, ?)', actorId, i.topicId, i.weight);
    }
    return H.interestsSet(actorId, before, interestsOf(actorId));
  };

  const editActor = (
    id: string,
    edit: ActorEdit,
    expectedVersion?: number | null,
    meta?: H.WriteMeta,
  ): Promise<Actor> =>
    Promise.resolve().then(() =>
      d.write(() => {
        const plan = planActorUpdate({
          id,
          current: actorById(id),
          patch: edit.patch,
          expectedVersion,
          meta,
          at: now(),
        });
        const newTopics = edit.newTopics ?? [];
        const created = W.insertEditCreates(d.sql, { topics: newTopics, actors: [] }, plan.after.updatedAt);
        W.updateActor(d.sql, plan.after);
        const changes = [...created, ...plan.changes];
        const stored = needsStoredInterests(edit.interests, newTopics) ? interestsOf(id) : null;
        const interests = interestsWithNewTopics(edit.interests, newTopics, stored);
        if (interests !== undefined) {
          const set = replaceInterests(id, interests, 'interests');
          if (set.changes.length > 0) changes.push(set);
        }
        appendChanges(d.sql, meta, changes, plan.after.updatedAt);
        return plan.after;
      }),
    );

  return {
    async createActor(input: CreateActorInput, meta?: H.WriteMeta): Promise<Actor> {
      return d.write(() => {
        const id = input.id ?? randomUUID();
        if (d.sql.exists('actor', id)) throw new ConflictError(`Actor "${id}" already exists`, 'id');
        const at = now();
        const actor: Actor = {
          id,
          name: input.name,
          kind: input.kind,
          description: opt(input.description),
          district: opt(input.district),
          website: opt(input.website),
          contact: opt(input.contact),
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        W.insertActor(d.sql, actor);
        appendChanges(d.sql, meta, [H.actorCreated(actor)], at);
        return actor;
      });
    },

    async updateActor(
      id: string,
      patch: ActorPatch,
      expectedVersion?: number | null,
      meta?: H.WriteMeta,
    ): Promise<Actor> {
      return editActor(id, { patch }, expectedVersion, meta);
    },

    editActor,

    async deleteActor(id: string, meta?: H.WriteMeta): Promise<void> {
      d.write(() => {
        const before = requireRecord('Actor', id, actorById(id));
        W.bumpCollaborationsOf(d.sql, [id], now());
        // Interests and participations go with it (ON DELETE CASCADE).
        d.sql.run('DELETE FROM actor WHERE id = ?', id);
        appendChanges(d.sql, meta, [H.actorDeleted(before)]);
      });
    },

    async setActorInterests(actorId: string, interests: InterestInput[], meta?: H.WriteMeta): Promise<Interest[]> {
      return d.write(() => {
        if (!d.sql.exists('actor', actorId)) throw new MissingReferenceError('Actor', actorId, 'actorId');
        appendChanges(d.sql, meta, [replaceInterests(actorId, interests, 'interests')]);
        return interestsOf(actorId);
      });
    },
  };
}
