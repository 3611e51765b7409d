/**
 * Keyset pagination shared by the stores and the GraphQL layer.
 * A cursor is the sort key of the last item seen, opaque to clients (base64url of a JSON array).
 * Every list has a total order ending in the id, so pages never skip or repeat an item.
 */
import { BadInputError } from './errors';

export interface PageRequest {
  /** Page size, 1..MAX_PAGE_SIZE. */
  first: number;
  /** Cursor of the last item of the previous page. */
  after?: string | null;
}

/**
 * A page of an actor's collaborations (`Actor.collaborations(first, after)`): at most `first`
 * (1..MAX_PAGE_SIZE) in collaboration order, after the collaboration of id `after` (null: from the newest).
 */
export interface CollaborationPageRequest {
  first: number;
  after: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export const MAX_PAGE_SIZE = 500;

/** Sort key of a list: `[key, id]`, compared as strings. */
export type SortKey = [string, string];

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) {
      return parsed as SortKey;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError(`"${cursor}" is not a valid cursor`, 'after');
}

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be an integer from 1 to ${MAX_PAGE_SIZE}`, 'first');
  }
}
