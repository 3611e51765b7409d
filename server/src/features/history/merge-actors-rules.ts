/**
 * mergeActors, the rules both stores keep: `mergeIds` are folded into `keepId` in one transaction.
 * - Every participation of a merged actor moves to the kept actor. Where the kept actor (or another
 *   merged actor) already takes part in the same collaboration, the STRONGER role stays:
 *   ORGANISER > HOST > FUNDER > MEMBER > PARTICIPANT (an organiser merged into a participant stays
 *   the organiser: the merged records describe one actor, and it did organise).
 * - Every interest moves; where both had the topic, the larger weight stays.
 * - Suggestion feedback moves: verdicts given for a merged actor become the kept actor's, verdicts
 *   about it (suggested to others) are about the kept actor, each keeping its place in time (the
 *   latest verdict of a pair counts); verdicts between the kept and the merged actors are dropped
 *   (an actor is never suggested to itself).
 * - The kept actor's own fields stay as they are; its version goes up (its relations changed).
 * - The merged actors are deleted.
 * - Unknown keepId: NOT_FOUND (field `keepId`); an unknown merge id: NOT_FOUND (field `mergeIds`);
 *   keepId among mergeIds, or no mergeIds: BAD_USER_INPUT (field `mergeIds`). Repeats are ignored.
 */
import { BadInputError } from '../../domain/errors';
import type { ParticipationRole } from '../../domain/model';

/** Strongest first. */
export const ROLE_STRENGTH: readonly ParticipationRole[] = ['ORGANISER', 'HOST', 'FUNDER', 'MEMBER', 'PARTICIPANT'];

export function strongerRole(a: ParticipationRole, b: ParticipationRole): ParticipationRole {
  return ROLE_STRENGTH.indexOf(a) <= ROLE_STRENGTH.indexOf(b) ? a : b;
}

/** At most this many actors merged in one call. */
export const MAX_MERGED_ACTORS = 100;

/** The merge ids without repeats; BAD_USER_INPUT for what no store can do. */
export function checkMergeInput(keepId: string, mergeIds: readonly string[]): string[] {
  const ids = [...new Set(mergeIds)];
  if (ids.length === 0) throw new BadInputError('mergeIds must name at least one actor', 'mergeIds');
  if (ids.length > MAX_MERGED_ACTORS)
    throw new BadInputError(`at most ${MAX_MERGED_ACTORS} actors can be merged at once`, 'mergeIds');
  if (ids.includes(keepId)) throw new BadInputError(`keepId "${keepId}" cannot also be merged into itself`, 'mergeIds');
  return ids;
}

/** What the store reports besides the kept actor. */
export interface MergeActorsResult {
  participationsMoved: number;
  interestsMoved: number;
}
