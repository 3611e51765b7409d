/**
 * Paged lists of the Neo4j store (port/reads.ts): the page (first + 1 rows) and the total count,
 * two auto-commit statements sent at once on two pooled connections — one round trip of waiting
 * instead of BEGIN, two RUNs one after the other and COMMIT. The pair was never one snapshot
 * anyway: a Neo4j transaction reads committed, so a write between its two statements showed as well.
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

import type { Actor, Collaboration, ParticipationRole, Topic } from '../../domain/model';
import { checkPageSize, decodeCursor, type Page, type PageRequest } from '../../domain/paging';
import type { ActorFilter, CollaborationFilter, TopicFilter } from '../../domain/records';
import { nameKey } from '../../domain/text';
import type { ListReads, RankedParticipation } from '../port/reads';
import type { Neo4jConnection, Params } from './connection';
import * as Q from './cypher';
import { numberField, stringField, toActor, toCollaboration, toTopic } from './records';

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

  return {
    async listActors(filter: ActorFilter, request: PageRequest): Promise<Page<Actor>> {
      checkPageSize(request.first);
      const after = request.after != null ? decodeCursor(request.after) : null;
      const filters = {
        kinds: filter.kinds ?? null,
        nameContains: nameFilter(filter.nameContains),
        topicIds: filter.topicIds ?? null,
      };
      const unfiltered = filters.kinds === null && filters.nameContains === null && filters.topicIds === null;
      const search = filters.nameContains !== null;
      return page(
        {
          statement: search ? Q.SEARCH_ACTORS : Q.LIST_ACTORS,
          params: { ...filters, afterKey: after?.[0] ?? '', afterId: after?.[1] ?? null },
          map: (r) => toActor(r.get('actor')),
        },
        unfiltered
          ? { statement: Q.COUNT_ALL_ACTORS, params: {} }
          : { statement: search ? Q.COUNT_SEARCH_ACTORS : Q.COUNT_ACTORS, params: filters },
        request.first,
      );
    },

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
