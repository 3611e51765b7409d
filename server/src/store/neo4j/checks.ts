/**
 * Checks run first inside the Neo4j store's write transactions, so that a failing write throws
 * before it changes anything: unknown references (NOT_FOUND naming the field), ids taken (CONFLICT).
 */
import type { ManagedTransaction } from 'neo4j-driver';

import { ConflictError } from '../../domain/errors';
import { MissingReferenceError, distinct } from '../../domain/input-rules';
import * as Q from './cypher';
import { stringField, toStringList } from './records';

export type Entity = 'Actor' | 'Topic' | 'Collaboration';

const EXISTING_IDS: Record<Entity, string> = {
  Actor: Q.EXISTING_ACTOR_IDS,
  Topic: Q.EXISTING_TOPIC_IDS,
  Collaboration: Q.EXISTING_COLLABORATION_IDS,
};

/** The ids of `entity` among `ids` that are stored. */
export async function existing(tx: ManagedTransaction, entity: Entity, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await tx.run(EXISTING_IDS[entity], { ids: distinct(ids) });
  return new Set(result.records.map((r) => stringField(r, 'id')));
}

/** NOT_FOUND (naming `field`) for the first of `ids` that is not a stored `entity`. */
export async function requireAll(
  tx: ManagedTransaction,
  entity: Entity,
  ids: readonly string[],
  field: string,
): Promise<void> {
  const found = await existing(tx, entity, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new MissingReferenceError(entity, missing, field);
}

/** CONFLICT when `id` is already a stored `entity`. */
export async function requireNew(tx: ManagedTransaction, entity: Entity, id: string): Promise<void> {
  if ((await existing(tx, entity, [id])).size > 0) {
    throw new ConflictError(`${entity} "${id}" already exists`, 'id');
  }
}

/** CONFLICT (field `name`) when another topic than `id` has the slug. */
export async function requireFreeSlug(tx: ManagedTransaction, slug: string, id: string): Promise<void> {
  const owners = (await tx.run(Q.TOPIC_ID_BY_SLUG, { slug })).records.map((r) => stringField(r, 'id'));
  const other = owners.find((owner) => owner !== id);
  if (other !== undefined) {
    throw new ConflictError(`Topic "${other}" already has the slug "${slug}"`, 'name');
  }
}

/** The ids of a collaboration's topics, in topic order. */
export async function topicIdsOf(tx: ManagedTransaction, collaborationId: string): Promise<string[]> {
  const r = (await tx.run(Q.TOPICS_OF_COLLABORATIONS, { ids: [collaborationId] })).records[0];
  return r ? toStringList(r.get('topicIds')) : [];
}
