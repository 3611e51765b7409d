/**
 * Paged lists: filters as SQL conditions with bound values, and keyset pagination in the orders of
 * domain/ordering.ts. Every list is read from table alias `r`.
 */
import type { Page, PageRequest } from '../../domain/paging';
import { checkPageSize, decodeCursor } from '../../domain/paging';
import { nameKey } from '../../domain/text';
import type { ActorFilter, CollaborationFilter, TopicFilter } from '../network-store';
import type { Actor, Collaboration, ParticipationRole, Topic } from '../../domain/model';
import type { ListReads, RankedParticipation } from '../port/reads';
import type { EmbeddedDatabase } from './database';
import { toActor, toCollaboration, toTopic } from './rows';
import { nameContainsCondition, type NameSearchTable } from './name-search';
import { embeddedRecordReads } from './record-reads';

/** A WHERE clause as fixed SQL fragments (ANDed) and the values bound to their `?`s, in order. */
export interface Conditions {
  sql: string[];
  params: unknown[];
}

/** The sort of a list: an SQL expression for the key of its SortKey, and the direction. */
export interface ListOrder {
  key: string;
  /** `ascending`: key ASC, id ASC. `newestFirst`: key DESC, id ASC (the collaboration order). */
  direction: 'ascending' | 'newestFirst';
}

export const BY_NAME_KEY: ListOrder = { key: 'r.name_key', direction: 'ascending' };
/** NULL start dates sort last: the cursor key of "no date" is '' (domain/ordering.ts). */
export const NEWEST_FIRST: ListOrder = { key: "coalesce(r.start_date, '')", direction: 'newestFirst' };

/** Inside a query whose parameter is a JSON array of keys. */
const IN_KEYS = 'IN (SELECT value FROM json_each(?))';

function nameContains(c: Conditions, table: NameSearchTable, query: string | null | undefined): void {
  const key = query == null ? '' : nameKey(query);
  if (key !== '') {
    const condition = nameContainsCondition(table, key);
    c.sql.push(condition.sql);
    c.params.push(condition.param);
  }
}

/** `null`/absent lists do not filter; an empty list matches nothing ("any of none"). */
function anyOf(c: Conditions, sql: string, values: readonly string[] | null | undefined): void {
  if (values != null) {
    c.sql.push(sql);
    c.params.push(JSON.stringify(values));
  }
}

export function actorConditions(filter: ActorFilter): Conditions {
  const c: Conditions = { sql: [], params: [] };
  nameContains(c, 'actor', filter.nameContains);
  anyOf(c, `r.kind ${IN_KEYS}`, filter.kinds);
  anyOf(c, `EXISTS (SELECT 1 FROM interest i WHERE i.actor_id = r.id AND i.topic_id ${IN_KEYS})`, filter.topicIds);
  return c;
}

export function topicConditions(filter: TopicFilter): Conditions {
  const c: Conditions = { sql: [], params: [] };
  nameContains(c, 'topic', filter.nameContains);
  return c;
}

export function collaborationConditions(filter: CollaborationFilter): Conditions {
  const c: Conditions = { sql: [], params: [] };
  anyOf(c, `r.kind ${IN_KEYS}`, filter.kinds);
  anyOf(c, `EXISTS (SELECT 1 FROM about b WHERE b.collaboration_id = r.id AND b.topic_id ${IN_KEYS})`, filter.topicIds);
  // Overlap with [from, to]; without a start date a collaboration never matches a date filter.
  if (filter.from != null) {
    c.sql.push('r.start_date IS NOT NULL AND coalesce(r.end_date, r.start_date) >= ?');
    c.params.push(filter.from);
  }
  if (filter.to != null) {
    c.sql.push('r.start_date IS NOT NULL AND r.start_date <= ?');
    c.params.push(filter.to);
  }
  return c;
}

/** Runs one SQL statement with bound parameters and answers its rows. */
export type Query = <R>(sql: string, params: unknown[]) => R[];

/**
 * One page of `table` under `where` in `order`: the rows after the cursor, `first + 1` of them to
 * learn whether another page follows, and the count of the whole filtered set.
 * Validates `first` and `after` before touching the database (BAD_USER_INPUT).
 */
export function keysetPage<R, T>(
  query: Query,
  table: string,
  where: Conditions,
  order: ListOrder,
  page: PageRequest,
  map: (row: R) => T,
): Page<T> {
  checkPageSize(page.first);
  const after = page.after != null ? decodeCursor(page.after) : null;

  const whereSql = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : '');
  const [{ n: totalCount }] = query<{ n: number }>(
    `SELECT count(*) AS n FROM ${table} r ${whereSql(where.sql)}`,
    where.params,
  ) as [{ n: number }];

  const sql = [...where.sql];
  const params = [...where.params];
  if (after) {
    const [key, id] = after;
    if (order.direction === 'ascending') {
      sql.push(`(${order.key}, r.id) > (?, ?)`);
      params.push(key, id);
    } else {
      sql.push(`${order.key} < ? OR (${order.key} = ? AND r.id > ?)`);
      params.push(key, key, id);
    }
  }
  const orderBy = order.direction === 'ascending' ? `${order.key}, r.id` : `${order.key} DESC, r.id`;
  const rows = query<R>(`SELECT r.* FROM ${table} r ${whereSql(sql)} ORDER BY ${orderBy} LIMIT ?`, [
    ...params,
    page.first + 1,
  ]);

  return {
    items: rows.slice(0, page.first).map(map),
    totalCount,
    hasNextPage: rows.length > page.first,
  };
}

/** Paged lists of the embedded store (port/reads.ts). */
export function embeddedListReads(d: EmbeddedDatabase): ListReads {
  const records = embeddedRecordReads(d);
  const listActors = (filter: ActorFilter, page: PageRequest): Page<Actor> =>
    d.read(() => keysetPage(d.query, 'actor', actorConditions(filter), BY_NAME_KEY, page, toActor));
  return {
    async listActors(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>> {
      return listActors(filter, page);
    },

    // The two reads one after the other: in-process, they cost no round trip.
    async listActorsWithInterests(filter: ActorFilter, request: PageRequest) {
      const page = listActors(filter, request);
      const { interests, topics } = await records.interestsAndTopicsOfActors(page.items.map((a) => a.id));
      return { page, interests, topics };
    },

    async listTopics(filter: TopicFilter, page: PageRequest): Promise<Page<Topic>> {
      return d.read(() => keysetPage(d.query, 'topic', topicConditions(filter), BY_NAME_KEY, page, toTopic));
    },

    async listParticipants(collaborationId: string, page: PageRequest): Promise<Page<RankedParticipation>> {
      // The participants as a table of their own (r.id = the actor's id), read through the
      // participation_by_collaboration index, in the actors' order.
      const participants = `(SELECT a.id, a.name_key, p.collaboration_id, p.role
        FROM participation p JOIN actor a ON a.id = p.actor_id)`;
      const where: Conditions = { sql: ['r.collaboration_id = ?'], params: [collaborationId] };
      type Row = { id: string; name_key: string; collaboration_id: string; role: string };
      return d.read(() =>
        keysetPage(d.query, participants, where, BY_NAME_KEY, page, (r: Row) => ({
          actorId: r.id,
          collaborationId: r.collaboration_id,
          role: r.role as ParticipationRole,
          actorNameKey: r.name_key,
        })),
      );
    },

    async listCollaborations(filter: CollaborationFilter, page: PageRequest): Promise<Page<Collaboration>> {
      return d.read(() =>
        keysetPage(d.query, 'collaboration', collaborationConditions(filter), NEWEST_FIRST, page, toCollaboration),
      );
    },
  };
}
