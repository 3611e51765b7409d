/**
 * The service's side of duplicates, merging and undo (NetworkService calls these inside its write
 * queue where they write).
 *
 * **What undo covers.** `undoLastChange(actorId)` reverts the actor's last *field update*: the
 * newest of its change records that is an UPDATE with changed fields, not itself an UNDO and not
 * already undone. Its fields get their `before` values back through an ordinary `updateActor`
 * (version +1, recorded as an UNDO naming the record it reverts), so undo can be repeated to step
 * back through earlier updates, and a new update after an undo becomes the next one undone.
 * Refused:
 * - unknown (or deleted) actor: NOT_FOUND — a deletion is not undone;
 * - an editor's undo of a change someone else made: FORBIDDEN (admins undo any change);
 * - no update to undo: BAD_USER_INPUT (field `actorId`);
 * - the actor's last change is not a field update (created, interests set, a participation added
 *   or removed, another actor merged into it): BAD_USER_INPUT naming that operation — undo never
 *   reaches past a newer change of another kind;
 * - a field no longer holds the value the update wrote (changed by a write that bypassed the
 *   history), or the actor changes while undo runs: CONFLICT.
 */
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { DuplicateInput, DuplicatePair } from '../../domain/duplicates';
import type { Actor } from '../../domain/model';
import { actorSortKey } from '../../domain/ordering';
import { encodeCursor, MAX_PAGE_SIZE } from '../../domain/paging';
import type { NetworkProjection } from '../../graph/projection';
import { historyCursor, type ChangeRecord, type WriteMeta } from './history-rules';
import type { ActorPatch, NetworkStore } from '../../store/network-store';

export interface DuplicateCandidates {
  pairs: DuplicatePair[];
  computedAt: Date;
}

const duplicateCache = new WeakMap<NetworkProjection, { version: number; result: Promise<DuplicateCandidates> }>();

/**
 * Every likely duplicate pair (domain/duplicates.ts) over all actors, read page by page from the
 * store (names, websites and contacts are not in the projection) and compared by `find` (the
 * service runs it in the insight worker); kept until the projection's `revision` changes (every actor
 * write bumps it, also a name edit that leaves the structural `version`).
 */
export function duplicateCandidates(
  store: NetworkStore,
  projection: NetworkProjection,
  find: (actors: readonly DuplicateInput[]) => Promise<DuplicatePair[]>,
): Promise<DuplicateCandidates> {
  const hit = duplicateCache.get(projection);
  if (hit && hit.version === projection.revision) return hit.result;
  const version = projection.revision;
  const result = (async () => {
    // Only what is compared: 100k whole records kept until the end made every scavenge meanwhile dearer.
    const actors: DuplicateInput[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.listActors({}, { first: MAX_PAGE_SIZE, after });
      for (const a of page.items) actors.push({ id: a.id, name: a.name, website: a.website, contact: a.contact });
      if (!page.hasNextPage || page.items.length === 0) break;
      const last = page.items[page.items.length - 1];
      after = encodeCursor(actorSortKey(last));
      // The embedded store answers synchronously: without a turn of the event loop between pages,
      // reading 100k actors would hold it for ~0.3 s.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { pairs: await find(actors), computedAt: new Date() };
  })();
  duplicateCache.set(projection, { version, result });
  result.catch(() => duplicateCache.delete(projection));
  return result;
}

/** The projection after a merge: the merged actors' collaborations and topics go to the kept one. */
export function mergeActorsInProjection(
  projection: NetworkProjection,
  keepId: string,
  mergeIds: readonly string[],
): void {
  const kept = projection.actors.get(keepId);
  const topics = new Set(kept?.topics ?? []);
  for (const id of mergeIds) {
    const merged = projection.actors.get(id);
    if (!merged) continue;
    for (const c of merged.collaborations) projection.addParticipant(c, keepId);
    for (const t of merged.topics) topics.add(t);
    projection.removeActor(id);
  }
  projection.setInterests(keepId, topics);
}

export interface UndoResult {
  actor: Actor;
  /** The record whose update was reverted. */
  undone: ChangeRecord;
}

/** The record undo would revert, or the reason it refuses. */
async function lastUndoable(store: NetworkStore, actorId: string): Promise<ChangeRecord> {
  const undone = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const page = await store.history(actorId, { first: 100, after });
    for (const record of page.items) {
      if (record.operation === 'UNDO') {
        if (record.undoes != null) undone.add(record.undoes);
        continue;
      }
      if (undone.has(record.seq)) continue;
      if (record.operation === 'UPDATE' && record.changes.length === 0) continue;
      if (record.operation !== 'UPDATE') {
        throw new BadInputError(
          `the last change of actor "${actorId}" (${record.operation} at ${record.at}) is not a field update; ` +
            'undo reverts field updates only',
          'actorId',
        );
      }
      return record;
    }
    if (!page.hasNextPage || page.items.length === 0) break;
    after = historyCursor(page.items[page.items.length - 1]);
  }
  throw new BadInputError(`actor "${actorId}" has no update to undo`, 'actorId');
}

export async function undoLastActorChange(
  store: NetworkStore,
  actorId: string,
  meta: (undoes: number) => WriteMeta,
  /** Only a change this author made may be undone (editors); null: any change (admins). */
  onlyChangesOf: string | null = null,
): Promise<UndoResult> {
  const [actor] = await store.getActors([actorId]);
  if (!actor) throw new NotFoundError('Actor', actorId, 'actorId');
  const record = await lastUndoable(store, actorId);
  if (onlyChangesOf !== null && record.author !== onlyChangesOf) {
    throw new ForbiddenError(
      `the last change of actor "${actorId}" was made by someone else; only an admin may undo it`,
      'actorId',
    );
  }
  const patch: Record<string, unknown> = {};
  for (const change of record.changes) {
    const current = (actor as unknown as Record<string, unknown>)[change.field] ?? null;
    if (JSON.stringify(current) !== JSON.stringify(change.after ?? null)) {
      throw new ConflictError(
        `actor "${actorId}" field ${change.field} has changed since change ${record.seq}; undo would overwrite it`,
        change.field,
      );
    }
    patch[change.field] = change.before;
  }
  const restored = await store.updateActor(actorId, patch as ActorPatch, actor.version, meta(record.seq));
  return { actor: restored, undone: record };
}
