/**
 * Paged lists of the Neo4j store (port/reads.ts): the page (first + 1 rows) and the total count.
 * Actors (the map's list, the name search): both in one auto-commit statement. The other lists:
 * two auto-commit statements sent at once on two pooled connections — one round trip of waiting
 * instead of BEGIN, two RUNs one after the other and COMMIT. The pair was never one snapshot
 * anyway: a Neo4j transaction reads committed, so a write between its two statements showed as well.
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

import type { Collaboration, Interest, ParticipationRole, Topic } from '../../domain/model';
import { checkPageSize, decodeCursor, type Page, type PageRequest } from '../../domain/paging';
import type { ActorFilter, CollaborationFilter, TopicFilter } from '../../domain/records';
import { nameKey } from '../../domain/text';
import type { ActorPageWithInterests, ListReads, RankedParticipation } from '../port/reads';
import type { Neo4jConnection, Params } from './connection';
import * as Q from './cypher';
import { actorOfRow, numberField, stringField, toCollaboration, toNumber, toTopic, topicOfRow } from './records';

/** The nameContains parameter: nameKey of the query, null (no filter) when that is empty. */
function nameFilter(query: string | null | undefined): string | null {
  const key = query == null ? '' : nameKey(query);
  return key === '' ? null : key;
}

export function neo4jListReads(db: Neo4jConnection): ListReads {
  async function page<T>(
    list: { statement: string; params: Params; map: (row: Neo4jRecord) => T },
    count: { statement: string; params: Params },
    first: number,
  ): Promise<Page<T>> {
    const [rows, total] = await Promise.all([
      db.readStatement(list.statement, { ...list.params, limit: neo4j.int(first + 1) }),
      db.readStatement(count.statement, count.params),
    ]);
    return {
      items: rows.slice(0, first).map(list.map),
      totalCount: numberField(total[0], 'total'),
      hasNextPage: rows.length > first,
    };
  }

  /**
   * A page of actors and its total in one statement (cypher.ts): one round trip, one session; with
   * `withInterests`, the page's interests and their topics read in the same statement.
   */
  async function actorPage(
    filter: ActorFilter,
    request: PageRequest,
    withInterests: boolean,
  ): Promise<ActorPageWithInterests> {
    checkPageSize(request.first);
    const after = request.after != null ? decodeCursor(request.after) : null;
    const filters = {
      kinds: filter.kinds ?? null,
      nameContains: nameFilter(filter.nameContains),
      topicIds: filter.topicIds ?? null,
    };
    const keyset = {
      afterKey: after?.[0] ?? '',
      afterId: after?.[1] ?? null,
      limit: neo4j.int(request.first + 1),
      withInterests,
    };
    const [row] =
      filters.kinds === null && filters.nameContains === null && filters.topicIds === null
        ? await db.readStatement(Q.LIST_ALL_ACTORS, keyset)
        : await db.readStatement(filters.nameContains !== null ? Q.SEARCH_ACTORS : Q.LIST_ACTORS, {
            ...filters,
            ...keyset,
          });
    const actors = (row.get('actors') as unknown[]).map(actorOfRow);
    const items = actors.slice(0, request.first);
    // Interest rows [actorId, topicId, weight] come in topic order; grouped per actor they keep it.
    // The extra row (hasNextPage) is not asked for: neither its interests nor topics only it has.
    const byActor = new Map<string, Interest[]>(items.map((a) => [a.id, []]));
    const topicIds = new Set<string>();
    for (const [actorId, topicId, weight] of row.get('interests') as Array<[string, string, unknown]>) {
      const list = byActor.get(actorId);
      if (!list) continue;
      list.push({ actorId, topicId, weight: toNumber(weight) });
      topicIds.add(topicId);
    }
    const topics = (row.get('topics') as unknown[]).map(topicOfRow).filter((t) => topicIds.has(t.id));
    return {
      page: { items, totalCount: numberField(row, 'total'), hasNextPage: actors.length > request.first },
      interests: items.map((a) => byActor.get(a.id)!),
      topics,
    };
  }

  return {
    listActors: async (filter, request) => (await actorPage(filter, request, false)).page,
    listActorsWithInterests: (filter, request) => actorPage(filter, request, true),

    async listParticipants(collaborationId: string, request: PageRequest): Promise<Page<RankedParticipation>> {
      checkPageSize(request.first);
      const after = request.after != null ? decodeCursor(request.after) : null;
      return page(
        {
          statement: Q.LIST_PARTICIPANTS,
          params: { id: collaborationId, afterKey: after?.[0] ?? '', afterId: after?.[1] ?? null },
          map: (r) => ({
            actorId: stringField(r, 'actorId'),
            collaborationId,
            role: stringField(r, 'role') as ParticipationRole,
            actorNameKey: stringField(r, 'nameKey'),
          }),
        },
        { statement: Q.COUNT_PARTICIPANTS, params: { id: collaborationId } },
        request.first,
      );
    },

    async listTopics(filter: TopicFilter, request: PageRequest): Promise<Page<Topic>> {
      checkPageSize(request.first);
      const after = request.after != null ? decodeCursor(request.after) : null;
      const filters = { nameContains: nameFilter(filter.nameContains) };
      return page(
        {
          statement: Q.LIST_TOPICS,
          params: { ...filters, afterKey: after?.[0] ?? '', afterId: after?.[1] ?? null },
          map: (r) => toTopic(r.get('topic')),
        },
        filters.nameContains === null
          ? { statement: Q.COUNT_ALL_TOPICS, params: {} }
          : { statement: Q.COUNT_TOPICS, params: filters },
        request.first,
      );
    },

    async listCollaborations(filter: CollaborationFilter, request: PageRequest): Promise<Page<Collaboration>> {
      checkPageSize(request.first);
      const after = request.after != null ? decodeCursor(request.after) : null;
      const filters = {
        kinds: filter.kinds ?? null,
        topicIds: filter.topicIds ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      };
      const unfiltered = Object.values(filters).every((v) => v === null);
      return page(
        {
          statement: Q.LIST_COLLABORATIONS,
          params: { ...filters, afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null },
          map: (r) => toCollaboration(r.get('collaboration')),
        },
        unfiltered
          ? { statement: Q.COUNT_ALL_COLLABORATIONS, params: {} }
          : { statement: Q.COUNT_COLLABORATIONS, params: filters },
        request.first,
      );
    },
  };
}
