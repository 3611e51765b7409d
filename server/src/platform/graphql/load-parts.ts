import type { SortKey } from '../../domain/paging';

/**
 * How a loader batch is cut into store calls. The embedded store answers synchronously, so one
 * call is one block of the event loop, and what a call costs is the rows it reads: the interests in
 * 100 topics of the 100k network are 191,443 rows — one call of ~1.9 s. Keys alone do not tell it
 * (a topic of the seed has a few actors, one of the 100k network up to 26,390), so a batch of keys
 * whose rows are known beforehand (see LoadSizes) is cut by rows as well.
 */

/** Keys per store call of a batch without known sizes; larger batches are loaded in parts. */
export const MAX_KEYS_PER_CALL = 500;

/**
 * Keys per store call of a larger batch. The participants of 500 of the 100k hub's collaborations
 * (~5,000 rows, joined and sorted) held the event loop ~140 ms; in parts of 100 a call stays a few
 * tens of ms.
 */
export const KEYS_PER_PART = 100;

/**
 * Rows per store call where the rows of each key are known: joined and sorted rows cost the
 * embedded store 10–28 µs each at 100k actors (interests in topics, participants), so a call of
 * 2,500 rows stays within 25–70 ms. A key with more rows than this is a call of its own.
 */
export const ROWS_PER_CALL = 2500;

/**
 * How many rows a key of a loader brings, known before the store is asked (the projection's counts);
 * for a topic only an upper bound, which makes the loader count its rows in the store first.
 */
export interface LoadSizes {
  participationsOfActor(actorId: string): number;
  participationsOfCollaboration(collaborationId: string): number;
  interestsInTopic(topicId: string): number;
  collaborationsOfTopic(topicId: string): number;
}

/**
 * The store calls for a batch, in key order: one call when it is small enough (at most
 * MAX_KEYS_PER_CALL keys and, when sizes are known, at most ROWS_PER_CALL rows), else parts of at
 * most KEYS_PER_PART keys and ROWS_PER_CALL rows.
 */
export function partsOf(keys: readonly string[], rowsOf?: (key: string) => number): Array<readonly string[]> {
  const rows = rowsOf ? keys.map(rowsOf) : null;
  const total = rows ? rows.reduce((sum, n) => sum + n, 0) : 0;
  if (keys.length <= MAX_KEYS_PER_CALL && total <= ROWS_PER_CALL) return [keys];
  const parts: Array<readonly string[]> = [];
  let start = 0;
  let partRows = 0;
  for (let i = 0; i < keys.length; i++) {
    const keyRows = rows ? rows[i] : 0;
    if (i > start && (i - start >= KEYS_PER_PART || partRows + keyRows > ROWS_PER_CALL)) {
      parts.push(keys.slice(start, i));
      start = i;
      partRows = 0;
    }
    partRows += keyRows;
  }
  parts.push(keys.slice(start));
  return parts;
}

/**
 * Reads the list of one key with more rows than a call should hold, in pages of ROWS_PER_CALL
 * (`between` runs after each full page: a turn of the event loop, a check of the request), and puts
 * it in the list's order once it is read. The pages come in the store's index order (by id): cheap
 * to read in parts, where reading them in the list's order would make the store sort the key's
 * whole list for every page (the 26,015 interests of the 100k network's largest topic: 28 ms per
 * page by name against 5 ms by id, measured with SQLite).
 */
export async function readInPages<R>(
  readPage: (after: string, limit: number) => Promise<R[]>,
  idOf: (row: R) => string,
  sortKeyOf: (row: R) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  between: () => Promise<void>,
): Promise<R[]> {
  const keyed: Array<{ key: SortKey; row: R }> = [];
  let after = '';
  for (;;) {
    const page = await readPage(after, ROWS_PER_CALL);
    for (const row of page) keyed.push({ key: sortKeyOf(row), row });
    if (page.length < ROWS_PER_CALL) break;
    after = idOf(page[page.length - 1]!);
    await between();
  }
  return keyed.sort((a, b) => compare(a.key, b.key)).map((k) => k.row);
}
