/**
 * The paging arguments of `Actor.collaborations` (pure): none asks every collaboration, as the
 * field always answered; `first` asks a page, `after` (the id of the last collaboration of the
 * previous page) where it continues.
 */
import { BadInputError } from '../../domain/errors';
import { checkPageSize, type CollaborationPageRequest } from '../../domain/paging';

/** The page asked for, null for the whole list; BAD_USER_INPUT naming the argument when it does not fit. */
export function collaborationPageOf(
  first: number | null | undefined,
  after: string | null | undefined,
): CollaborationPageRequest | null {
  const hasAfter = after !== null && after !== undefined;
  if (first === null || first === undefined) {
    if (hasAfter) throw new BadInputError('after needs first (the size of the page to continue with)', 'first');
    return null;
  }
  checkPageSize(first);
  if (hasAfter && after.trim() === '') throw new BadInputError('after must be the id of a collaboration', 'after');
  return { first, after: hasAfter ? after : null };
}

/** The page could not continue: the actor has no collaboration `after` (any more). */
export function staleAfterError(actorId: string, after: string): BadInputError {
  return new BadInputError(
    `after: "${after}" is not one of the collaborations of actor "${actorId}" (deleted or left meanwhile?); ask again from the first page, without after`,
    'after',
  );
}
