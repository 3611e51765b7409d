/**
 * Reads of records by id, their relations by key and the projection's snapshot, in the embedded
 * store (port/reads.ts). Each batched read is one statement with the keys bound as one JSON array;
 * the answer has one entry per requested key.
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
import type { CollaborationPageRequest } from '../../domain/paging';
import type { GraphSnapshot } from '../../domain/records';
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
import type { EmbeddedDatabase } from './database';
import {
  type ActorRow,
  type CollaborationRow,
  type InterestRow,
  type ParticipationRow,
  type TopicRow,
  groupByKey,
  pickById,
  toActor,
  toCollaboration,
  toInterest,
  toParticipation,
  toTopic,
} from './rows';
import { keysJson } from './sql';

/** `… IN (SELECT value FROM json_each(?))`: the keys of a batched read, bound as one JSON array. */
const KEYS = '(SELECT value FROM json_each(?))';
/** The collaboration order (domain/ordering.ts) for a query joining `collaboration c`. */
const NEWEST_FIRST_C = "coalesce(c.start_date, '') DESC, c.id";

export const INTERESTS_OF_ACTORS = `
  SELECT i.actor_id, i.topic_id, i.weight FROM interest i JOIN topic t ON t.id = i.topic_id
  WHERE i.actor_id IN ${KEYS} ORDER BY t.name_key, t.id`;

/** Where an actor's page continues: the sort key of `after` if the actor took part in it. */
const PAGE_CURSOR = `
  SELECT coalesce(c.start_date, '') AS key FROM participation p JOIN collaboration c ON c.id = p.collaboration_id
  WHERE p.actor_id = ? AND p.collaboration_id = ?`;

/** One page of an actor's participations after the key [date, id] (date null: from the newest), cut by LIMIT. */
const PARTICIPATION_PAGE = `
  SELECT p.role, c.* FROM participation p JOIN collaboration c ON c.id = p.collaboration_id
  WHERE p.actor_id = ?
    AND (? IS NULL OR coalesce(c.start_date, '') < ? OR (coalesce(c.start_date, '') = ? AND c.id > ?))
  ORDER BY ${NEWEST_FIRST_C} LIMIT ?`;

export function embeddedRecordReads(d: EmbeddedDatabase): RecordReads & LinkReads & SnapshotReads {
  const reads: RecordReads & LinkReads & SnapshotReads = {
    async getActors(ids: readonly string[]): Promise<Array<Actor | null>> {
      const rows = d.sql.all<ActorRow>(`SELECT * FROM actor WHERE id IN ${KEYS}`, keysJson(ids));
      return pickById(ids, rows, toActor);
    },

    async actorNames(ids: readonly string[]): Promise<Array<string | null>> {
      const rows = d.sql.all<{ id: string; name: string }>(
        `SELECT id, name FROM actor WHERE id IN ${KEYS}`,
        keysJson(ids),
      );
      return pickById(ids, rows, (r) => r.name);
    },

    async getTopics(ids: readonly string[]): Promise<Array<Topic | null>> {
      const rows = d.sql.all<TopicRow>(`SELECT * FROM topic WHERE id IN ${KEYS}`, keysJson(ids));
      return pickById(ids, rows, toTopic);
    },

    async getCollaborations(ids: readonly string[]): Promise<Array<Collaboration | null>> {
      const rows = d.sql.all<CollaborationRow>(`SELECT * FROM collaboration WHERE id IN ${KEYS}`, keysJson(ids));
      return pickById(ids, rows, toCollaboration);
    },

    async getRecords(ids: RecordIds): Promise<RecordsById> {
      // Three synchronous reads of the file, no round trips: one statement would gain nothing here.
      return {
        actors: await reads.getActors(ids.actors),
        topics: await reads.getTopics(ids.topics),
        collaborations: await reads.getCollaborations(ids.collaborations),
      };
    },

    async interestsOfActors(actorIds: readonly string[]): Promise<Interest[][]> {
      const rows = d.sql.all<InterestRow>(INTERESTS_OF_ACTORS, keysJson(actorIds));
      return groupByKey(actorIds, rows, (r) => r.actor_id, toInterest);
    },

    async interestsInTopics(topicIds: readonly string[]): Promise<Interest[][]> {
      const rows = d.sql.all<InterestRow>(
        `SELECT i.actor_id, i.topic_id, i.weight FROM interest i JOIN actor a ON a.id = i.actor_id
       WHERE i.topic_id IN ${KEYS} ORDER BY a.name_key, a.id`,
        keysJson(topicIds),
      );
      return groupByKey(topicIds, rows, (r) => r.topic_id, toInterest);
    },

    async participationsOfActors(actorIds: readonly string[]): Promise<Participation[][]> {
      const rows = d.sql.all<ParticipationRow>(
        `SELECT p.actor_id, p.collaboration_id, p.role FROM participation p
       JOIN collaboration c ON c.id = p.collaboration_id
       WHERE p.actor_id IN ${KEYS} ORDER BY ${NEWEST_FIRST_C}`,
        keysJson(actorIds),
      );
      return groupByKey(actorIds, rows, (r) => r.actor_id, toParticipation);
    },

    async participationsOfCollaborations(collaborationIds: readonly string[]): Promise<Participation[][]> {
      const rows = d.sql.all<ParticipationRow>(
        `SELECT p.actor_id, p.collaboration_id, p.role FROM participation p JOIN actor a ON a.id = p.actor_id
       WHERE p.collaboration_id IN ${KEYS} ORDER BY a.name_key, a.id`,
        keysJson(collaborationIds),
      );
      return groupByKey(collaborationIds, rows, (r) => r.collaboration_id, toParticipation);
    },

    // The two lookups one after the other: they cost no round trip here (SQLite runs in the process).
    async participationsAndCollaborationsOfActors(actorIds: readonly string[]) {
      const participations = await reads.participationsOfActors(actorIds);
      const ids = [...new Set(participations.flat().map((p) => p.collaborationId))];
      const collaborations = (await reads.getCollaborations(ids)).filter((c): c is Collaboration => c !== null);
      return { participations, collaborations };
    },

    async interestsAndTopicsOfActors(actorIds: readonly string[]) {
      const interests = await reads.interestsOfActors(actorIds);
      const ids = [...new Set(interests.flat().map((i) => i.topicId))];
      const topics = (await reads.getTopics(ids)).filter((t): t is Topic => t !== null);
      return { interests, topics };
    },

    async participationsAndActorsOfCollaborations(collaborationIds: readonly string[]) {
      const participations = await reads.participationsOfCollaborations(collaborationIds);
      const ids = [...new Set(participations.flat().map((p) => p.actorId))];
      const actors = (await reads.getActors(ids)).filter((a): a is Actor => a !== null);
      return { participations, actors };
    },

    async actorPages(actorIds: readonly string[]) {
      const actors = await reads.getActors(actorIds);
      const { participations, collaborations } = await reads.participationsAndCollaborationsOfActors(actorIds);
      const { participations: members, actors: participants } = await reads.participationsAndActorsOfCollaborations(
        collaborations.map((c) => c.id),
      );
      return { actors, participations, collaborations, members, participants };
    },

    async actorPanels(actorIds: readonly string[]) {
      const actors = await reads.getActors(actorIds);
      const { interests, topics } = await reads.interestsAndTopicsOfActors(actorIds);
      const { participations, collaborations } = await reads.participationsAndCollaborationsOfActors(actorIds);
      return { actors, interests, topics, participations, collaborations };
    },

    async participationPagesOfActors(actorIds: readonly string[], { first, after }: CollaborationPageRequest) {
      const byId = new Map<string, Collaboration>();
      // One statement per actor: LIMIT cuts each actor's page (a batch is nearly always one actor).
      const participations = actorIds.map((actorId) => {
        let key: string | null = null;
        if (after !== null) {
          const cursor = d.sql.get<{ key: string }>(PAGE_CURSOR, actorId, after);
          if (!cursor) return null;
          key = cursor.key;
        }
        const rows = d.sql.all<CollaborationRow & { role: string }>(
          PARTICIPATION_PAGE,
          actorId,
          key,
          key,
          key,
          after,
          first,
        );
        return rows.map((r) => {
          if (!byId.has(r.id)) byId.set(r.id, toCollaboration(r));
          return toParticipation({ actor_id: actorId, collaboration_id: r.id, role: r.role });
        });
      });
      return { participations, collaborations: [...byId.values()] };
    },

    async actorPanelPages(
      actorIds: readonly string[],
      page: CollaborationPageRequest,
      withActorIds: readonly string[] = [],
    ) {
      const actors = await reads.getActors(actorIds);
      const { interests, topics } = await reads.interestsAndTopicsOfActors(actorIds);
      const { participations, collaborations } = await reads.participationPagesOfActors(actorIds, page);
      const withActors = withActorIds.length > 0 ? await reads.getActors(withActorIds) : [];
      return { actors, interests, topics, participations, collaborations, withActors };
    },

    async topicsOfCollaborations(collaborationIds: readonly string[]): Promise<string[][]> {
      const rows = d.sql.all<{ collaboration_id: string; topic_id: string }>(
        `SELECT b.collaboration_id, b.topic_id FROM about b JOIN topic t ON t.id = b.topic_id
       WHERE b.collaboration_id IN ${KEYS} ORDER BY t.name_key, t.id`,
        keysJson(collaborationIds),
      );
      return groupByKey(
        collaborationIds,
        rows,
        (r) => r.collaboration_id,
        (r) => r.topic_id,
      );
    },

    async collaborationsOfTopics(topicIds: readonly string[]): Promise<string[][]> {
      const rows = d.sql.all<{ collaboration_id: string; topic_id: string }>(
        `SELECT b.collaboration_id, b.topic_id FROM about b JOIN collaboration c ON c.id = b.collaboration_id
       WHERE b.topic_id IN ${KEYS} ORDER BY ${NEWEST_FIRST_C}`,
        keysJson(topicIds),
      );
      return groupByKey(
        topicIds,
        rows,
        (r) => r.topic_id,
        (r) => r.collaboration_id,
      );
    },

    async interestsInTopicPage(topicId: string, after: string, limit: number): Promise<InterestOfNamedActor[]> {
      const rows = d.sql.all<InterestRow & { name_key: string }>(
        `SELECT i.actor_id, i.topic_id, i.weight, a.name_key FROM interest i JOIN actor a ON a.id = i.actor_id
       WHERE i.topic_id = ? AND i.actor_id > ? ORDER BY i.actor_id LIMIT ?`,
        topicId,
        after,
        limit,
      );
      return rows.map((r) => ({ interest: toInterest(r), nameKey: r.name_key }));
    },

    async participationsOfActorPage(
      actorId: string,
      after: string,
      limit: number,
    ): Promise<ParticipationWithCollaboration[]> {
      const rows = d.sql.all<CollaborationRow & { role: string }>(
        `SELECT p.role, c.* FROM participation p JOIN collaboration c ON c.id = p.collaboration_id
       WHERE p.actor_id = ? AND p.collaboration_id > ? ORDER BY p.collaboration_id LIMIT ?`,
        actorId,
        after,
        limit,
      );
      return rows.map((r) => ({
        participation: toParticipation({ actor_id: actorId, collaboration_id: r.id, role: r.role }),
        collaboration: toCollaboration(r),
      }));
    },

    async collaborationsOfTopicPage(topicId: string, after: string, limit: number): Promise<DatedCollaborationId[]> {
      return d.sql.all<DatedCollaborationId>(
        `SELECT b.collaboration_id AS id, c.start_date AS startDate FROM about b
       JOIN collaboration c ON c.id = b.collaboration_id
       WHERE b.topic_id = ? AND b.collaboration_id > ? ORDER BY b.collaboration_id LIMIT ?`,
        topicId,
        after,
        limit,
      );
    },

    async topicStats(topicIds: readonly string[]): Promise<TopicStats[]> {
      // One row per distinct key; an unknown topic has no actors and no collaborations.
      const rows = d.sql.all<TopicStats>(
        `SELECT k.value AS topicId,
              (SELECT count(*) FROM interest i WHERE i.topic_id = k.value) AS actorCount,
              (SELECT count(*) FROM about b WHERE b.topic_id = k.value) AS collaborationCount
       FROM json_each(?) k`,
        keysJson(topicIds),
      );
      const byId = new Map(rows.map((r) => [r.topicId, r] as const));
      return topicIds.map((id) => ({ ...byId.get(id)! }));
    },

    async collaboratorsOfActors(actorIds: readonly string[]): Promise<Collaborator[][]> {
      // One row per (actor, partner, shared collaboration), collaborations in collaboration order.
      const rows = d.sql.all<{ actor_id: string; partner_id: string; collaboration_id: string }>(
        `SELECT p.actor_id, q.actor_id AS partner_id, c.id AS collaboration_id
       FROM participation p
       JOIN participation q ON q.collaboration_id = p.collaboration_id AND q.actor_id <> p.actor_id
       JOIN collaboration c ON c.id = p.collaboration_id
       WHERE p.actor_id IN ${KEYS}
       ORDER BY p.actor_id, q.actor_id, ${NEWEST_FIRST_C}`,
        keysJson(actorIds),
      );
      const byActor = new Map<string, Map<string, string[]>>();
      for (const r of rows) {
        let partners = byActor.get(r.actor_id);
        if (!partners) byActor.set(r.actor_id, (partners = new Map()));
        const shared = partners.get(r.partner_id);
        if (shared) shared.push(r.collaboration_id);
        else partners.set(r.partner_id, [r.collaboration_id]);
      }
      return actorIds.map((actorId) =>
        [...(byActor.get(actorId) ?? new Map<string, string[]>())]
          .map(([partnerId, shared]) => ({ actorId, partnerId, collaborationIds: [...shared] }))
          .sort(
            (a, b) =>
              b.collaborationIds.length - a.collaborationIds.length ||
              (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0),
          ),
      );
    },

    async loadSnapshot(): Promise<GraphSnapshot> {
      return d.read(() => ({
        actors: d.sql.all<GraphSnapshot['actors'][number]>('SELECT id, kind FROM actor ORDER BY id'),
        collaborations: d.sql.all<GraphSnapshot['collaborations'][number]>(
          'SELECT id, kind, start_date AS startDate, end_date AS endDate FROM collaboration ORDER BY id',
        ),
        participations: d.sql.all<GraphSnapshot['participations'][number]>(
          'SELECT actor_id AS actorId, collaboration_id AS collaborationId FROM participation',
        ),
        interests: d.sql.all<GraphSnapshot['interests'][number]>(
          'SELECT actor_id AS actorId, topic_id AS topicId FROM interest',
        ),
        about: d.sql.all<GraphSnapshot['about'][number]>(
          'SELECT collaboration_id AS collaborationId, topic_id AS topicId FROM about',
        ),
        topics: d.sql.all<GraphSnapshot['topics'][number]>('SELECT id FROM topic ORDER BY id'),
      }));
    },
  };
  return reads;
}
