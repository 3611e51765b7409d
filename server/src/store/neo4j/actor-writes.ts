/** Actor writes of the Neo4j store (port/writes.ts); updates and deletes follow update-rules.ts. */
import { randomUUID } from 'node:crypto';

import type { ManagedTransaction } from 'neo4j-driver';

import { checkInterests } from '../../domain/input-rules';
import type { Actor, Interest } from '../../domain/model';
import type { ActorPatch, CreateActorInput, InterestInput } from '../../domain/records';
import { nameKey } from '../../domain/text';
import * as H from '../../features/history/history-rules';
import { interestsWithNewTopics, needsStoredInterests } from '../../features/history/edit-create-rules';
import { type ActorEdit, planActorUpdate, requireRecord } from '../../features/history/update-rules';
import type { ActorWrites } from '../port/writes';
import { requireAll, requireNew } from './checks';
import { now, propsOf, type Neo4jConnection } from './connection';
import * as Q from './cypher';
import * as W from './cypher-writes';
import { createEditRecords } from './edit-creates';
import { appendChanges } from './history';
import { actorOfRow, toActor, toInterestOfActor } from './records';
import { deleteUpdateRecords } from './update-links';

async function interestsOf(tx: ManagedTransaction, actorId: string): Promise<Interest[]> {
  const result = await tx.run(Q.INTERESTS_OF_ACTORS, { ids: [actorId] });
  const stored = result.records[0]?.get('interests') as unknown[] | undefined;
  return (stored ?? []).map((value) => toInterestOfActor(actorId, value));
}

/** Replaces the actor's interests (the actor exists); answers the history draft. */
async function replaceInterests(
  tx: ManagedTransaction,
  actorId: string,
  interests: readonly InterestInput[],
): Promise<{ draft: H.ChangeDraft; after: Interest[] }> {
  const checked = checkInterests(interests);
  await requireAll(
    tx,
    'Topic',
    checked.map((i) => i.topicId),
    'interests',
  );
  const interestsNow = () => interestsOf(tx, actorId);
  const before = await interestsNow();
  await tx.run(W.DELETE_INTERESTS_OF_ACTOR, { actorId });
  if (checked.length > 0) await tx.run(W.CREATE_INTERESTS_OF_ACTOR, { actorId, interests: checked });
  const after = await interestsNow();
  return { draft: H.interestsSet(actorId, before, after), after };
}

export function neo4jActorWrites(db: Neo4jConnection): ActorWrites {
  const editActor = (
    id: string,
    edit: ActorEdit,
    expectedVersion?: number | null,
    meta?: H.WriteMeta,
  ): Promise<Actor> => {
    if (edit.interests != null) checkInterests(edit.interests);
    const newTopics = edit.newTopics ?? [];
    return db.write(async (tx) => {
      // The lock first: concurrent updates queue here, so the version read next is the last committed one.
      const locked = (await tx.run(W.LOCK_ACTOR, { id })).records.length > 0;
      const current = locked ? actorOfRow((await tx.run(Q.GET_ACTORS, { ids: [id] })).records[0].get('actor')) : null;
      const plan = planActorUpdate({ id, current, patch: edit.patch, expectedVersion, meta, at: now() });
      const created = await createEditRecords(tx, { topics: newTopics, actors: [] }, plan.after.updatedAt);
      const props = { ...propsOf(plan.after, H.ACTOR_FIELDS), nameKey: nameKey(plan.after.name) };
      const result = await tx.run(W.UPDATE_ACTOR, { id, props, now: plan.after.updatedAt });
      const actor = toActor(result.records[0].get('actor'));
      const changes = [...created, ...plan.changes];
      const stored = needsStoredInterests(edit.interests, newTopics) ? await interestsOf(tx, id) : null;
      const interests = interestsWithNewTopics(edit.interests, newTopics, stored);
      if (interests !== undefined) {
        const { draft } = await replaceInterests(tx, id, interests);
        if (draft.changes.length > 0) changes.push(draft);
      }
      await appendChanges(tx, meta, changes, actor.updatedAt);
      return actor;
    });
  };

  return {
    async createActor(input: CreateActorInput, meta?: H.WriteMeta): Promise<Actor> {
      const id = input.id ?? randomUUID();
      const at = now();
      const props = {
        id,
        name: input.name,
        nameKey: nameKey(input.name),
        kind: input.kind,
        description: input.description ?? null,
        district: input.district ?? null,
        website: input.website ?? null,
        contact: input.contact ?? null,
        createdAt: at,
        updatedAt: at,
      };
      return db.write(async (tx) => {
        await requireNew(tx, 'Actor', id);
        const result = await tx.run(W.CREATE_ACTOR, { props });
        const actor = toActor(result.records[0].get('actor'));
        await appendChanges(tx, meta, [H.actorCreated(actor)], at);
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
      await db.write(async (tx) => {
        const found = (await tx.run(Q.GET_ACTORS, { ids: [id] })).records[0];
        const before = requireRecord('Actor', id, found && actorOfRow(found.get('actor')));
        await deleteUpdateRecords(tx, [id]);
        await tx.run(W.BUMP_COLLABORATIONS_OF, { ids: [id], now: now() });
        await tx.run(W.DELETE_ACTOR, { id });
        await appendChanges(tx, meta, [H.actorDeleted(before)]);
      });
    },

    async setActorInterests(actorId: string, interests: InterestInput[], meta?: H.WriteMeta): Promise<Interest[]> {
      checkInterests(interests);
      return db.write(async (tx) => {
        await requireAll(tx, 'Actor', [actorId], 'actorId');
        const { draft, after } = await replaceInterests(tx, actorId, interests);
        await appendChanges(tx, meta, [draft]);
        return after;
      });
    },
  };
}
