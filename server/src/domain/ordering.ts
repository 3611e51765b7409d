/**
 * The order of every list, defined once so that both stores and the cursors agree.
 * - actors and topics: by nameKey(name) ascending, then id ascending;
 * - collaborations: newest first — by startDate descending (no date last), then id ascending.
 */
import type { Actor, Collaboration, Topic } from './model';
import type { SortKey } from './paging';
import { nameKey } from './text';

export function actorSortKey(a: Pick<Actor, 'name' | 'id'>): SortKey {
  return [nameKey(a.name), a.id];
}

export function topicSortKey(t: Pick<Topic, 'name' | 'id'>): SortKey {
  return [nameKey(t.name), t.id];
}

/** The empty string stands for "no start date" and sorts last in the descending order. */
export function collaborationSortKey(c: Pick<Collaboration, 'startDate' | 'id'>): SortKey {
  return [c.startDate ?? '', c.id];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending by key, then id. */
export function compareAscending(a: SortKey, b: SortKey): number {
  return compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]);
}

/** Descending by key, then ascending by id (the collaboration order). */
export function compareNewestFirst(a: SortKey, b: SortKey): number {
  return compareStrings(b[0], a[0]) || compareStrings(a[1], b[1]);
}
