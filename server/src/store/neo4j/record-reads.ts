/**
 * Reads of records by id, their relations by key and the projection's snapshot, in the Neo4j store
 * (port/reads.ts). Each batched read is one statement for the distinct keys; the answer has one
 * entry per requested key.
 */
import type {
  Actor,
  Collaboration,
  Collaborator,
  Interest,
  Participation,
  Topic,
  TopicStats,
} from '../../domain/model';
import { distinct } from '../../domain/input-rules';
import type { CollaborationPageRequest } from '../../domain/paging';
import type { GraphSnapshot } from '../../domain/records';
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type {
  DatedCollaborationId,
  ParticipationWithCollaboration,
  InterestOfNamedActor,
  LinkReads,
  RecordIds,
  RecordReads,
  RecordsById,
  SnapshotReads,
} from '../port/reads';
import type { Neo4jConnection } from './connection';
import * as Q from './cypher';
import {
  actorOfRow,
  collaborationOfRow,
  numberField,
  optionalStringField,
  stringField,
  toActor,
  toCollaboration,
  toInterestInTopic,
  toInterestOfActor,
  toNamesById,
  toParticipationInCollaboration,
  toParticipationOfActor,
  toStringList,
  toTopic,
  topicOfRow,
} from './records';

/** A row of a participation page (PARTICIPATION_PAGES_OF_ACTORS), and an actor's rows. */
interface PageRow {
  role: unknown;
  collaboration: unknown;
}
interface ActorPageRows {
  id: string;
  rows: PageRow[];
}

function pageParams(actorIds: readonly string[], { first, after }: CollaborationPageRequest) {
  return { ids: distinct(actorIds), after, limit: neo4j.int(first) };
}

/** Per requested actor its page (null: no row, `after` is not its collaboration), and the collaborations each once. */
function pagesByActor(actorIds: readonly string[], pages: readonly ActorPageRows[]) {
  const rowsOf = new Map(pages.map((p) => [String(p.id), p.rows]));
  const collaborations = new Map<string, Collaboration>();
  const participations = actorIds.map((id) => {
    const rows = rowsOf.get(id);
    if (!rows) return null;
    return rows.map((row) => {
      const collaboration = collaborationOfRow(row.collaboration);
      collaborations.set(collaboration.id, collaboration);
      return toParticipationOfActor(id, { collaborationId: collaboration.id, role: row.role });
    });
  });
  return { participations, collaborations: [...collaborations.values()] };
}

export function neo4jRecordReads(db: Neo4jConnection): RecordReads & LinkReads & SnapshotReads {
  /** One query for the distinct ids; answers one entry per requested id (null when missing). */
  async function getByIds<T extends { id: string }>(
    statement: string,
    field: string,
    map: (value: unknown) => T,
    ids: readonly string[],
  ): Promise<Array<T | null>> {
    if (ids.length === 0) return [];
    const records = await db.readRecords(statement, { ids: distinct(ids) });
    const byId = new Map<string, T>();
    for (const r of records) {
      const item = map(r.get(field));
      byId.set(item.id, item);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * One query for the distinct keys (rows `id`, `field` = the collected list, already in order);
   * answers a fresh list per requested key, empty for keys without a row.
   */
  async function listsByKey<T>(
    statement: string,
    field: string,
    map: (key: string, value: unknown) => T,
    keys: readonly string[],
  ): Promise<T[][]> {
    if (keys.length === 0) return [];
    const records = await db.readRecords(statement, { ids: distinct(keys) });
    const byKey = new Map<string, unknown[]>();
    for (const r of records) byKey.set(stringField(r, 'id'), r.get(field) as unknown[]);
    return keys.map((key) => (byKey.get(key) ?? []).map((value) => map(key, value)));
  }

  /**
   * A statement answering one row: `lists` (`{id, <listName>}` per key that has any, in order)
   * and `field`, the distinct records at their other ends. Answers the lists per requested key
   * (empty for keys without a row) and the records' property maps.
   */
  async function listsWithRecords<T>(
    statement: string,
    field: string,
    map: (key: string, value: unknown) => T,
    keys: readonly string[],
    listName = 'participations',
  ): Promise<{ lists: T[][]; records: unknown[] }> {
    if (keys.length === 0) return { lists: [], records: [] };
    const [row] = await db.readRecords(statement, { ids: distinct(keys) });
    const byKey = new Map<string, unknown[]>();
    for (const entry of row.get('lists') as Array<Record<string, unknown>>) {
      byKey.set(String(entry.id), entry[listName] as unknown[]);
    }
    return {
      lists: keys.map((key) => (byKey.get(key) ?? []).map((value) => map(key, value))),
      records: row.get(field) as unknown[],
    };
  }

  return {
    getActors(ids: readonly string[]): Promise<Array<Actor | null>> {
      return getByIds(Q.GET_ACTORS, 'actor', actorOfRow, ids);
    },

    async actorNames(ids: readonly string[]): Promise<Array<string | null>> {
      if (ids.length === 0) return [];
      const [row] = await db.readRecords(Q.GET_ACTOR_NAMES, { ids: distinct(ids) });
      const byId = toNamesById(row?.get('names'));
      return ids.map((id) => byId.get(id) ?? null);
    },

    getTopics(ids: readonly string[]): Promise<Array<Topic | null>> {
      return getByIds(Q.GET_TOPICS, 'topic', toTopic, ids);
    },

    getCollaborations(ids: readonly string[]): Promise<Array<Collaboration | null>> {
      return getByIds(Q.GET_COLLABORATIONS, 'collaboration', toCollaboration, ids);
    },

    async getRecords(ids: RecordIds): Promise<RecordsById> {
      if (ids.actors.length + ids.topics.length + ids.collaborations.length === 0)
        return { actors: [], topics: [], collaborations: [] };
      const [row] = await db.readRecords(Q.GET_RECORDS, {
        actorIds: distinct(ids.actors),
        topicIds: distinct(ids.topics),
        collaborationIds: distinct(ids.collaborations),
      });
      const inOrder = <T extends { id: string }>(asked: readonly string[], field: string, map: (v: unknown) => T) => {
        const byId = new Map((row.get(field) as unknown[]).map(map).map((r) => [r.id, r]));
        return asked.map((id) => byId.get(id) ?? null);
      };
      return {
        actors: inOrder(ids.actors, 'actors', toActor),
        topics: inOrder(ids.topics, 'topics', toTopic),
        collaborations: inOrder(ids.collaborations, 'collaborations', toCollaboration),
      };
    },

    interestsOfActors(actorIds: readonly string[]): Promise<Interest[][]> {
      return listsByKey(Q.INTERESTS_OF_ACTORS, 'interests', toInterestOfActor, actorIds);
    },

    interestsInTopics(topicIds: readonly string[]): Promise<Interest[][]> {
      return listsByKey(Q.INTERESTS_IN_TOPICS, 'interests', toInterestInTopic, topicIds);
    },

    participationsOfActors(actorIds: readonly string[]): Promise<Participation[][]> {
      return listsByKey(Q.PARTICIPATIONS_OF_ACTORS, 'participations', toParticipationOfActor, actorIds);
    },

    participationsOfCollaborations(collaborationIds: readonly string[]): Promise<Participation[][]> {
      return listsByKey(
        Q.PARTICIPATIONS_OF_COLLABORATIONS,
        'participations',
        toParticipationInCollaboration,
        collaborationIds,
      );
    },

    async participationsAndCollaborationsOfActors(actorIds: readonly string[]) {
      const { lists, records } = await listsWithRecords(
        Q.PARTICIPATIONS_AND_COLLABORATIONS_OF_ACTORS,
        'collaborations',
        toParticipationOfActor,
        actorIds,
      );
      return { participations: lists, collaborations: records.map(toCollaboration) };
    },

    async interestsAndTopicsOfActors(actorIds: readonly string[]) {
      const { lists, records } = await listsWithRecords(
        Q.INTERESTS_AND_TOPICS_OF_ACTORS,
        'topics',
        toInterestOfActor,
        actorIds,
        'interests',
      );
      return { interests: lists, topics: records.map(toTopic) };
    },

    async participationsAndActorsOfCollaborations(collaborationIds: readonly string[]) {
      const { lists, records } = await listsWithRecords(
        Q.PARTICIPATIONS_AND_ACTORS_OF_COLLABORATIONS,
        'actors',
        toParticipationInCollaboration,
        collaborationIds,
      );
      return { participations: lists, actors: records.map(actorOfRow) };
    },

    async actorPages(actorIds: readonly string[]) {
      if (actorIds.length === 0)
        return { actors: [], participations: [], collaborations: [], members: [], participants: [] };
      const [row] = await db.readRecords(Q.ACTOR_PAGES, { ids: distinct(actorIds) });
      const byId = new Map((row.get('actors') as unknown[]).map(toActor).map((a) => [a.id, a]));
      const lists = new Map<string, unknown[]>();
      for (const entry of row.get('lists') as Array<{ id: unknown; participations: unknown[] }>) {
        lists.set(String(entry.id), entry.participations);
      }
      const pages = row.get('collaborations') as Array<{ collaboration: unknown; members: unknown[] }>;
      const collaborations = pages.map((p) => toCollaboration(p.collaboration));
      return {
        actors: actorIds.map((id) => byId.get(id) ?? null),
        participations: actorIds.map((id) => (lists.get(id) ?? []).map((v) => toParticipationOfActor(id, v))),
        collaborations,
        members: pages.map((p, i) => p.members.map((v) => toParticipationInCollaboration(collaborations[i].id, v))),
        participants: (row.get('participants') as unknown[]).map(actorOfRow),
      };
    },

    async actorPanels(actorIds: readonly string[]) {
      if (actorIds.length === 0)
        return { actors: [], interests: [], topics: [], participations: [], collaborations: [] };
      const [row] = await db.readRecords(Q.ACTOR_PANELS, { ids: distinct(actorIds) });
      const byId = new Map((row.get('actors') as unknown[]).map(toActor).map((a) => [a.id, a]));
      const listsOf = (field: string, name: string) => {
        const lists = new Map<string, unknown[]>();
        for (const entry of row.get(field) as Array<Record<string, unknown>>) {
          lists.set(String(entry.id), entry[name] as unknown[]);
        }
        return lists;
      };
      const interests = listsOf('interestLists', 'interests');
      const participations = listsOf('lists', 'participations');
      return {
        actors: actorIds.map((id) => byId.get(id) ?? null),
        interests: actorIds.map((id) => (interests.get(id) ?? []).map((v) => toInterestOfActor(id, v))),
        topics: (row.get('topics') as unknown[]).map(toTopic),
        participations: actorIds.map((id) => (participations.get(id) ?? []).map((v) => toParticipationOfActor(id, v))),
        collaborations: (row.get('collaborations') as unknown[]).map(toCollaboration),
      };
    },

    async participationPagesOfActors(actorIds: readonly string[], page: CollaborationPageRequest) {
      if (actorIds.length === 0) return { participations: [], collaborations: [] };
      const records = await db.readRecords(Q.PARTICIPATION_PAGES_OF_ACTORS, pageParams(actorIds, page));
      return pagesByActor(
        actorIds,
        records.map((r) => ({ id: String(r.get('id')), rows: r.get('rows') as PageRow[] })),
      );
    },

    async actorPanelPages(actorIds: readonly string[], page: CollaborationPageRequest) {
      if (actorIds.length === 0)
        return { actors: [], interests: [], topics: [], participations: [], collaborations: [] };
      const [row] = await db.readRecords(Q.ACTOR_PANEL_PAGES, pageParams(actorIds, page));
      const byId = new Map((row.get('actors') as unknown[]).map(actorOfRow).map((a) => [a.id, a]));
      const interests = new Map<string, unknown[]>();
      for (const entry of row.get('interestLists') as Array<{ id: string; interests: unknown[] }>) {
        interests.set(String(entry.id), entry.interests);
      }
      const { participations, collaborations } = pagesByActor(actorIds, row.get('pages') as ActorPageRows[]);
      return {
        actors: actorIds.map((id) => byId.get(id) ?? null),
        interests: actorIds.map((id) => (interests.get(id) ?? []).map((v) => toInterestOfActor(id, v))),
        topics: (row.get('topics') as unknown[]).map(topicOfRow),
        participations,
        collaborations,
      };
    },

    async topicsOfCollaborations(collaborationIds: readonly string[]): Promise<string[][]> {
      return listsByKey(Q.TOPICS_OF_COLLABORATIONS, 'topicIds', (_key, id) => String(id), collaborationIds);
    },

    async collaborationsOfTopics(topicIds: readonly string[]): Promise<string[][]> {
      return listsByKey(Q.COLLABORATIONS_OF_TOPICS, 'collaborationIds', (_key, id) => String(id), topicIds);
    },

    async interestsInTopicPage(topicId: string, after: string, limit: number): Promise<InterestOfNamedActor[]> {
      const records = await db.readRecords(Q.INTERESTS_IN_TOPIC_PAGE, { topicId, after, limit: neo4j.int(limit) });
      return records.map((r) => ({
        interest: { actorId: stringField(r, 'actorId'), topicId, weight: numberField(r, 'weight') },
        nameKey: stringField(r, 'nameKey'),
      }));
    },

    async participationsOfActorPage(
      actorId: string,
      after: string,
      limit: number,
    ): Promise<ParticipationWithCollaboration[]> {
      const records = await db.readRecords(Q.PARTICIPATIONS_OF_ACTOR_PAGE, { actorId, after, limit: neo4j.int(limit) });
      return records.map((r) => {
        const collaboration = toCollaboration(r.get('collaboration'));
        const participation = toParticipationOfActor(actorId, {
          collaborationId: collaboration.id,
          role: r.get('role'),
        });
        return { participation, collaboration };
      });
    },

    async collaborationsOfTopicPage(topicId: string, after: string, limit: number): Promise<DatedCollaborationId[]> {
      const records = await db.readRecords(Q.COLLABORATIONS_OF_TOPIC_PAGE, { topicId, after, limit: neo4j.int(limit) });
      return records.map((r) => ({ id: stringField(r, 'id'), startDate: optionalStringField(r, 'startDate') }));
    },

    async topicStats(topicIds: readonly string[]): Promise<TopicStats[]> {
      if (topicIds.length === 0) return [];
      const records = await db.readRecords(Q.TOPIC_STATS, { ids: distinct(topicIds) });
      const byId = new Map<string, { actorCount: number; collaborationCount: number }>();
      for (const r of records) {
        byId.set(stringField(r, 'id'), {
          actorCount: numberField(r, 'actorCount'),
          collaborationCount: numberField(r, 'collaborationCount'),
        });
      }
      return topicIds.map((topicId) => ({
        topicId,
        ...(byId.get(topicId) ?? { actorCount: 0, collaborationCount: 0 }),
      }));
    },

    collaboratorsOfActors(actorIds: readonly string[]): Promise<Collaborator[][]> {
      return listsByKey(
        Q.COLLABORATORS_OF_ACTORS,
        'collaborators',
        (actorId, value) => {
          const v = value as { partnerId: unknown; collaborationIds: unknown };
          return { actorId, partnerId: String(v.partnerId), collaborationIds: toStringList(v.collaborationIds) };
        },
        actorIds,
      );
    },

    async loadSnapshot(): Promise<GraphSnapshot> {
      return db.read(async (tx) => {
        // Each row is turned into its plain object as it arrives and its driver record dropped:
        // `result.records` would hold all of them at once (at 100k actors ~390k participation
        // records: the heap peaked 3× the snapshot's own size, and the process kept that RSS).
        const rows = <T>(statement: string, toRow: (record: Neo4jRecord) => T): Promise<T[]> =>
          new Promise((resolve, reject) => {
            const out: T[] = [];
            tx.run(statement).subscribe({
              onNext: (record) => out.push(toRow(record)),
              onCompleted: () => resolve(out),
              onError: reject,
            });
          });
        const actors = await rows(Q.SNAPSHOT_ACTORS, (r) => ({
          id: stringField(r, 'id'),
          kind: stringField(r, 'kind') as GraphSnapshot['actors'][number]['kind'],
        }));
        const collaborations = await rows(Q.SNAPSHOT_COLLABORATIONS, (r) => ({
          id: stringField(r, 'id'),
          kind: stringField(r, 'kind') as GraphSnapshot['collaborations'][number]['kind'],
          startDate: optionalStringField(r, 'startDate'),
          endDate: optionalStringField(r, 'endDate'),
        }));
        const participations = await rows(Q.SNAPSHOT_PARTICIPATIONS, (r) => ({
          actorId: stringField(r, 'actorId'),
          collaborationId: stringField(r, 'collaborationId'),
        }));
        const interests = await rows(Q.SNAPSHOT_INTERESTS, (r) => ({
          actorId: stringField(r, 'actorId'),
          topicId: stringField(r, 'topicId'),
        }));
        const about = await rows(Q.SNAPSHOT_ABOUT, (r) => ({
          collaborationId: stringField(r, 'collaborationId'),
          topicId: stringField(r, 'topicId'),
        }));
        const topics = await rows(Q.SNAPSHOT_TOPICS, (r) => ({ id: stringField(r, 'id') }));
        return { actors, collaborations, participations, interests, about, topics };
      });
    },
  };
}
