/**
 * The embedded NetworkStore: the network in one SQLite file (better-sqlite3, WAL, synchronous=FULL),
 * in process. better-sqlite3 is synchronous, so each method runs to completion within one turn of
 * the event loop; the promises only keep the port's shape.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BadInputError, ConflictError, NotFoundError } from '../../domain/errors';
import type {
  Actor,
  Collaboration,
  Collaborator,
  Interest,
  Participation,
  ParticipationRole,
  Topic,
  TopicStats,
} from '../../domain/model';
import { checkPageSize, type Page, type PageRequest } from '../../domain/paging';
import { slugify } from '../../domain/text';
import type {
  ApiKeyRecord,
  NewApiKeyInput,
  ActorFilter,
  ActorPatch,
  CollaborationFilter,
  CollaborationPatch,
  CreateActorInput,
  CreateCollaborationInput,
  CreateTopicInput,
  GraphData,
  GraphSnapshot,
  InterestInput,
  MergeReport,
  NetworkStore,
  StoreCounts,
  SuggestionFeedback,
  SuggestionFeedbackCounts,
  SuggestionFeedbackInput,
  TopicFilter,
  TopicPatch,
} from '../network-store';
import { toDomainError } from './errors';
import {
  BY_NAME_KEY,
  NEWEST_FIRST,
  actorConditions,
  collaborationConditions,
  keysetPage,
  topicConditions,
  type Query,
} from './lists';
import { mergeGraph } from './merge';
import {
  type ActorRow,
  type CollaborationRow,
  type InterestRow,
  type ParticipationRow,
  type TopicRow,
  groupByKey,
  opt,
  pickById,
  toActor,
  toCollaboration,
  toInterest,
  toParticipation,
  toTopic,
} from './rows';
import { configure, migrate } from './schema';
import { Sql, keysJson } from './sql';
import { checkInterests, checkParticipants, MissingReferenceError, topicIdOf } from '../../domain/input-rules';
import * as H from '../../features/history/history-rules';
import type { ChangeRecord, WriteMeta } from '../../features/history/history-rules';
import { checkMergeInput } from '../../features/history/merge-actors-rules';
import { appendChanges, readHistory } from './history';
import { mergeActors } from './merge-actors';
import { dismissedPairs, feedbackCounts, feedbackOf, recordFeedback } from './feedback';
import * as K from './api-keys';
import { actorIdsByName, collaborationIdsByTitle, readGraph } from './graph-reads';
import { applyImportPlan, planEmbeddedImport } from './import';
import { eraseActor, personalData, scrubFiles } from './gdpr';
import type { ErasureReport, PersonalData } from '../../features/gdpr/gdpr-rules';
import type { ImportCounts, ImportGraph, ImportOptions } from '../../features/transfer/import-rules';
import * as W from './record-writes';
import * as UL from './update-links';
import type * as U from '../../features/update-links/update-link-rules';
import * as Feed from './feed';
import type { FeedEvent, FeedHead } from '../../features/live/feed-rules';

export interface EmbeddedStoreOptions {
  /** Path of the database file (its directory is created), or `':memory:'` for tests. */
  filename: string;
}

/** `… IN (SELECT value FROM json_each(?))`: the keys of a batched read, bound as one JSON array. */
const KEYS = '(SELECT value FROM json_each(?))';
/** The collaboration order (domain/ordering.ts) for a query joining `collaboration c`. */
const NEWEST_FIRST_C = "coalesce(c.start_date, '') DESC, c.id";

const INTERESTS_OF_ACTORS = `
  SELECT i.actor_id, i.topic_id, i.weight FROM interest i JOIN topic t ON t.id = i.topic_id
  WHERE i.actor_id IN ${KEYS} ORDER BY t.name_key, t.id`;

export class EmbeddedStore implements NetworkStore {
  readonly name = 'embedded';
  private readonly db: Database.Database;
  private readonly sql: Sql;
  private readonly query: Query = (sql, params) => this.sql.all(sql, ...params);

  constructor(options: EmbeddedStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    try {
      configure(this.db);
    } catch (error) {
      this.db.close(); // e.g. the file is locked by another process beyond busy_timeout
      throw error;
    }
    this.sql = new Sql(this.db);
  }

  async init(): Promise<void> {
    migrate(this.db);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.sql.clear();
    this.db.close();
  }

  async ping(): Promise<void> {
    this.sql.get('SELECT 1');
  }

  async counts(): Promise<StoreCounts> {
    return this.sql.get<StoreCounts>(
      `SELECT (SELECT count(*) FROM actor) AS actors, (SELECT count(*) FROM topic) AS topics,
              (SELECT count(*) FROM collaboration) AS collaborations,
              (SELECT count(*) FROM participation) AS participations,
              (SELECT count(*) FROM interest) AS interests`,
    )!;
  }

  // --- batched lookups by id -----------------------------------------------------------------

  async getActors(ids: readonly string[]): Promise<Array<Actor | null>> {
    const rows = this.sql.all<ActorRow>(`SELECT * FROM actor WHERE id IN ${KEYS}`, keysJson(ids));
    return pickById(ids, rows, toActor);
  }

  async getTopics(ids: readonly string[]): Promise<Array<Topic | null>> {
    const rows = this.sql.all<TopicRow>(`SELECT * FROM topic WHERE id IN ${KEYS}`, keysJson(ids));
    return pickById(ids, rows, toTopic);
  }

  async getCollaborations(ids: readonly string[]): Promise<Array<Collaboration | null>> {
    const rows = this.sql.all<CollaborationRow>(`SELECT * FROM collaboration WHERE id IN ${KEYS}`, keysJson(ids));
    return pickById(ids, rows, toCollaboration);
  }

  // --- batched relations by key --------------------------------------------------------------

  async interestsOfActors(actorIds: readonly string[]): Promise<Interest[][]> {
    const rows = this.sql.all<InterestRow>(INTERESTS_OF_ACTORS, keysJson(actorIds));
    return groupByKey(actorIds, rows, (r) => r.actor_id, toInterest);
  }

  async interestsInTopics(topicIds: readonly string[]): Promise<Interest[][]> {
    const rows = this.sql.all<InterestRow>(
      `SELECT i.actor_id, i.topic_id, i.weight FROM interest i JOIN actor a ON a.id = i.actor_id
       WHERE i.topic_id IN ${KEYS} ORDER BY a.name_key, a.id`,
      keysJson(topicIds),
    );
    return groupByKey(topicIds, rows, (r) => r.topic_id, toInterest);
  }

  async participationsOfActors(actorIds: readonly string[]): Promise<Participation[][]> {
    const rows = this.sql.all<ParticipationRow>(
      `SELECT p.actor_id, p.collaboration_id, p.role FROM participation p
       JOIN collaboration c ON c.id = p.collaboration_id
       WHERE p.actor_id IN ${KEYS} ORDER BY ${NEWEST_FIRST_C}`,
      keysJson(actorIds),
    );
    return groupByKey(actorIds, rows, (r) => r.actor_id, toParticipation);
  }

  async participationsOfCollaborations(collaborationIds: readonly string[]): Promise<Participation[][]> {
    const rows = this.sql.all<ParticipationRow>(
      `SELECT p.actor_id, p.collaboration_id, p.role FROM participation p JOIN actor a ON a.id = p.actor_id
       WHERE p.collaboration_id IN ${KEYS} ORDER BY a.name_key, a.id`,
      keysJson(collaborationIds),
    );
    return groupByKey(collaborationIds, rows, (r) => r.collaboration_id, toParticipation);
  }

  async topicsOfCollaborations(collaborationIds: readonly string[]): Promise<string[][]> {
    const rows = this.sql.all<{ collaboration_id: string; topic_id: string }>(
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
  }

  async collaborationsOfTopics(topicIds: readonly string[]): Promise<string[][]> {
    const rows = this.sql.all<{ collaboration_id: string; topic_id: string }>(
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
  }

  async topicStats(topicIds: readonly string[]): Promise<TopicStats[]> {
    // One row per distinct key; an unknown topic has no actors and no collaborations.
    const rows = this.sql.all<TopicStats>(
      `SELECT k.value AS topicId,
              (SELECT count(*) FROM interest i WHERE i.topic_id = k.value) AS actorCount,
              (SELECT count(*) FROM about b WHERE b.topic_id = k.value) AS collaborationCount
       FROM json_each(?) k`,
      keysJson(topicIds),
    );
    const byId = new Map(rows.map((r) => [r.topicId, r] as const));
    return topicIds.map((id) => ({ ...byId.get(id)! }));
  }

  async collaboratorsOfActors(actorIds: readonly string[]): Promise<Collaborator[][]> {
    // One row per (actor, partner, shared collaboration), collaborations in collaboration order.
    const rows = this.sql.all<{ actor_id: string; partner_id: string; collaboration_id: string }>(
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
  }

  // --- paged lists ---------------------------------------------------------------------------

  async listActors(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>> {
    return this.read(() => keysetPage(this.query, 'actor', actorConditions(filter), BY_NAME_KEY, page, toActor));
  }

  async listTopics(filter: TopicFilter, page: PageRequest): Promise<Page<Topic>> {
    return this.read(() => keysetPage(this.query, 'topic', topicConditions(filter), BY_NAME_KEY, page, toTopic));
  }

  async listCollaborations(filter: CollaborationFilter, page: PageRequest): Promise<Page<Collaboration>> {
    return this.read(() =>
      keysetPage(this.query, 'collaboration', collaborationConditions(filter), NEWEST_FIRST, page, toCollaboration),
    );
  }

  // --- structure for the projection ----------------------------------------------------------

  async loadSnapshot(): Promise<GraphSnapshot> {
    return this.read(() => ({
      actors: this.sql.all<GraphSnapshot['actors'][number]>('SELECT id, kind FROM actor ORDER BY id'),
      collaborations: this.sql.all<GraphSnapshot['collaborations'][number]>(
        'SELECT id, kind, start_date AS startDate, end_date AS endDate FROM collaboration ORDER BY id',
      ),
      participations: this.sql.all<GraphSnapshot['participations'][number]>(
        'SELECT actor_id AS actorId, collaboration_id AS collaborationId FROM participation',
      ),
      interests: this.sql.all<GraphSnapshot['interests'][number]>(
        'SELECT actor_id AS actorId, topic_id AS topicId FROM interest',
      ),
      about: this.sql.all<GraphSnapshot['about'][number]>(
        'SELECT collaboration_id AS collaborationId, topic_id AS topicId FROM about',
      ),
      topics: this.sql.all<GraphSnapshot['topics'][number]>('SELECT id FROM topic ORDER BY id'),
    }));
  }

  // --- writes --------------------------------------------------------------------------------

  async createActor(input: CreateActorInput, meta?: WriteMeta): Promise<Actor> {
    return this.write(() => {
      const id = input.id ?? randomUUID();
      if (this.sql.exists('actor', id)) throw new ConflictError(`Actor "${id}" already exists`, 'id');
      const now = new Date().toISOString();
      const actor: Actor = {
        id,
        name: input.name,
        kind: input.kind,
        description: opt(input.description),
        district: opt(input.district),
        website: opt(input.website),
        contact: opt(input.contact),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      W.insertActor(this.sql, actor);
      appendChanges(this.sql, meta, [H.actorCreated(actor)], now);
      return actor;
    });
  }

  async updateActor(id: string, patch: ActorPatch, expectedVersion?: number | null, meta?: WriteMeta): Promise<Actor> {
    return this.write(() => {
      const row = this.sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', id);
      if (!row) throw new NotFoundError('Actor', id);
      if (expectedVersion != null && row.version !== expectedVersion) {
        throw new ConflictError(
          `Actor "${id}" is at version ${row.version}, not ${expectedVersion}; reload and retry`,
          'expectedVersion',
        );
      }
      const current = toActor(row);
      const actor: Actor = {
        ...current,
        name: required(patch.name, current.name, 'name'),
        kind: required(patch.kind, current.kind, 'kind'),
        description: patch.description === undefined ? current.description : patch.description,
        district: patch.district === undefined ? current.district : patch.district,
        website: patch.website === undefined ? current.website : patch.website,
        contact: patch.contact === undefined ? current.contact : patch.contact,
        updatedAt: new Date().toISOString(),
        version: current.version + 1,
      };
      W.updateActor(this.sql, actor);
      appendChanges(this.sql, meta, [H.actorUpdated(current, actor, meta)], actor.updatedAt);
      return actor;
    });
  }

  async deleteActor(id: string, meta?: WriteMeta): Promise<void> {
    this.write(() => {
      const row = this.sql.get<ActorRow>('SELECT * FROM actor WHERE id = ?', id);
      // Interests and participations go with it (ON DELETE CASCADE).
      if (!row || this.sql.run('DELETE FROM actor WHERE id = ?', id) === 0) throw new NotFoundError('Actor', id);
      appendChanges(this.sql, meta, [H.actorDeleted(toActor(row))]);
    });
  }

  async setActorInterests(actorId: string, interests: InterestInput[], meta?: WriteMeta): Promise<Interest[]> {
    return this.write(() => {
      if (!this.sql.exists('actor', actorId)) throw new MissingReferenceError('Actor', actorId, 'actorId');
      const wanted = checkInterests(interests);
      const [missing] = this.sql.missing(
        'topic',
        wanted.map((i) => i.topicId),
      );
      if (missing !== undefined) throw new MissingReferenceError('Topic', missing, 'interests');
      const before = this.sql.all<InterestRow>(INTERESTS_OF_ACTORS, keysJson([actorId])).map(toInterest);
      this.sql.run('DELETE FROM interest WHERE actor_id = ?', actorId);
      for (const i of wanted) {
        this.sql.run(
          'INSERT INTO interest (actor_id, topic_id, weight) VALUES (?, ?, ?)',
          actorId,
          i.topicId,
          i.weight,
        );
      }
      const after = this.sql.all<InterestRow>(INTERESTS_OF_ACTORS, keysJson([actorId])).map(toInterest);
      appendChanges(this.sql, meta, [H.interestsSet(actorId, before, after)]);
      return after;
    });
  }

  async createTopic(input: CreateTopicInput, meta?: WriteMeta): Promise<Topic> {
    return this.write(() => {
      const topic: Topic = {
        id: topicIdOf(input),
        name: input.name,
        slug: slugify(input.name),
        aliases: [...(input.aliases ?? [])],
      };
      if (this.sql.exists('topic', topic.id)) throw new ConflictError(`Topic "${topic.id}" already exists`, 'id');
      W.insertTopic(this.sql, topic);
      appendChanges(this.sql, meta, [H.topicCreated(topic)]);
      return topic;
    });
  }

  async updateTopic(id: string, patch: TopicPatch, meta?: WriteMeta): Promise<Topic> {
    return this.write(() => {
      const row = this.sql.get<TopicRow>('SELECT * FROM topic WHERE id = ?', id);
      if (!row) throw new NotFoundError('Topic', id);
      const current = toTopic(row);
      const name = required(patch.name, current.name, 'name');
      // A new name changes the slug too; the id stays.
      const topic: Topic = {
        id,
        name,
        slug: slugify(name),
        aliases: patch.aliases ? [...patch.aliases] : current.aliases,
      };
      W.updateTopic(this.sql, topic);
      appendChanges(this.sql, meta, [H.topicUpdated(current, topic)]);
      return topic;
    });
  }

  async deleteTopic(id: string, meta?: WriteMeta): Promise<void> {
    this.write(() => {
      const row = this.sql.get<TopicRow>('SELECT * FROM topic WHERE id = ?', id);
      // Interests in it and ABOUT relationships to it go with it (ON DELETE CASCADE).
      if (!row || this.sql.run('DELETE FROM topic WHERE id = ?', id) === 0) throw new NotFoundError('Topic', id);
      appendChanges(this.sql, meta, [H.topicDeleted(toTopic(row))]);
    });
  }

  async createCollaboration(input: CreateCollaborationInput, meta?: WriteMeta): Promise<Collaboration> {
    return this.write(() => {
      const id = input.id ?? randomUUID();
      if (this.sql.exists('collaboration', id)) throw new ConflictError(`Collaboration "${id}" already exists`, 'id');
      const participants = input.participants ?? [];
      checkParticipants(participants);
      const topicIds = this.existingTopics(input.topicIds ?? []);
      const [missingActor] = this.sql.missing(
        'actor',
        participants.map((p) => p.actorId),
      );
      if (missingActor !== undefined) throw new MissingReferenceError('Actor', missingActor, 'participants');

      const now = new Date().toISOString();
      const collaboration: Collaboration = {
        id,
        title: input.title,
        kind: input.kind,
        startDate: opt(input.startDate),
        endDate: opt(input.endDate),
        location: opt(input.location),
        description: opt(input.description),
        createdAt: now,
        updatedAt: now,
      };
      W.insertCollaboration(this.sql, collaboration);
      this.insertAbout(id, topicIds);
      for (const p of participants) {
        this.sql.run(
          'INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)',
          p.actorId,
          id,
          p.role,
        );
      }
      appendChanges(this.sql, meta, [H.collaborationCreated({ collaboration, topicIds, participants })], now);
      return collaboration;
    });
  }

  async updateCollaboration(id: string, patch: CollaborationPatch, meta?: WriteMeta): Promise<Collaboration> {
    return this.write(() => {
      const row = this.sql.get<CollaborationRow>('SELECT * FROM collaboration WHERE id = ?', id);
      if (!row) throw new NotFoundError('Collaboration', id);
      const current = toCollaboration(row);
      const topicIds = patch.topicIds === undefined ? undefined : this.existingTopics(patch.topicIds);
      const collaboration: Collaboration = {
        ...current,
        title: required(patch.title, current.title, 'title'),
        kind: required(patch.kind, current.kind, 'kind'),
        startDate: patch.startDate === undefined ? current.startDate : patch.startDate,
        endDate: patch.endDate === undefined ? current.endDate : patch.endDate,
        location: patch.location === undefined ? current.location : patch.location,
        description: patch.description === undefined ? current.description : patch.description,
        updatedAt: new Date().toISOString(),
      };
      W.updateCollaboration(this.sql, collaboration);
      const topicsBefore = topicIds ? this.topicIdsOf(id) : undefined;
      if (topicIds) {
        this.sql.run('DELETE FROM about WHERE collaboration_id = ?', id);
        this.insertAbout(id, topicIds);
      }
      appendChanges(
        this.sql,
        meta,
        [H.collaborationUpdated({ collaboration: current, topicIds: topicsBefore }, { collaboration, topicIds })],
        collaboration.updatedAt,
      );
      return collaboration;
    });
  }

  async deleteCollaboration(id: string, meta?: WriteMeta): Promise<void> {
    this.write(() => {
      const row = this.sql.get<CollaborationRow>('SELECT * FROM collaboration WHERE id = ?', id);
      if (!row) throw new NotFoundError('Collaboration', id);
      const before = {
        collaboration: toCollaboration(row),
        topicIds: this.topicIdsOf(id),
        participants: this.sql
          .all<ParticipationRow>('SELECT * FROM participation WHERE collaboration_id = ?', id)
          .map(toParticipation),
      };
      // Participations and ABOUT relationships go with it (ON DELETE CASCADE).
      if (this.sql.run('DELETE FROM collaboration WHERE id = ?', id) === 0) {
        throw new NotFoundError('Collaboration', id);
      }
      appendChanges(this.sql, meta, [H.collaborationDeleted(before)]);
    });
  }

  async addParticipant(
    collaborationId: string,
    actorId: string,
    role: ParticipationRole,
    meta?: WriteMeta,
  ): Promise<Participation> {
    return this.write(() => {
      this.requireParticipationEnds(collaborationId, actorId);
      const before = this.roleOf(collaborationId, actorId);
      appendChanges(this.sql, meta, H.participationChanged(collaborationId, actorId, before, role));
      this.sql.run(
        `INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)
         ON CONFLICT (actor_id, collaboration_id) DO UPDATE SET role = excluded.role`,
        actorId,
        collaborationId,
        role,
      );
      return { actorId, collaborationId, role };
    });
  }

  async removeParticipant(collaborationId: string, actorId: string, meta?: WriteMeta): Promise<boolean> {
    return this.write(() => {
      this.requireParticipationEnds(collaborationId, actorId);
      const before = this.roleOf(collaborationId, actorId);
      if (before === null) return false;
      this.sql.run('DELETE FROM participation WHERE actor_id = ? AND collaboration_id = ?', actorId, collaborationId);
      appendChanges(this.sql, meta, H.participationChanged(collaborationId, actorId, before, null));
      return true;
    });
  }

  async mergeGraph(data: GraphData, meta?: WriteMeta): Promise<MergeReport> {
    return this.write(() => {
      const report = mergeGraph(this.sql, data, new Date().toISOString());
      appendChanges(this.sql, meta, [H.imported({ ...report })]);
      return report;
    });
  }

  async mergeActors(keepId: string, mergeIds: readonly string[], meta?: WriteMeta): Promise<Actor> {
    const ids = checkMergeInput(keepId, mergeIds);
    return this.write(() => mergeActors(this.sql, keepId, ids, meta));
  }

  async history(entityId: string, page: PageRequest): Promise<Page<ChangeRecord>> {
    checkPageSize(page.first);
    return this.read(() => readHistory(this.sql, entityId, page));
  }

  // --- the change feed (feed.ts) ---
  async readFeed(afterSeq: number, limit: number): Promise<FeedEvent[]> {
    return this.read(() => Feed.readFeed(this.sql, afterSeq, limit));
  }
  async feedHead(): Promise<FeedHead> {
    return this.read(() => Feed.feedHead(this.sql));
  }
  async pruneFeed(before: string): Promise<number> {
    return this.write(() => Feed.pruneFeed(this.sql, before));
  }

  async recordSuggestionFeedback(input: SuggestionFeedbackInput): Promise<SuggestionFeedback> {
    return this.write(() => recordFeedback(this.sql, input));
  }

  async suggestionFeedback(actorIds: readonly string[]): Promise<SuggestionFeedback[][]> {
    return feedbackOf(this.sql, actorIds);
  }

  async dismissedSuggestions(): Promise<Array<{ actorId: string; suggestedId: string }>> {
    return dismissedPairs(this.sql);
  }

  // --- API keys (api-keys.ts) -----------------------------------------------------------------

  async createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord> {
    return this.write(() => K.createApiKey(this.sql, input));
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return K.listApiKeys(this.sql);
  }

  async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    return K.findApiKeyByHash(this.sql, hash);
  }

  async revokeApiKey(id: string): Promise<ApiKeyRecord> {
    return this.write(() => K.revokeApiKey(this.sql, id, new Date().toISOString()));
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    this.write(() => K.touchApiKey(this.sql, id, at));
  }

  // --- personal update links (update-links.ts) ------------------------------------------------

  async createUpdateLinks(inputs: readonly U.NewUpdateLinkInput[]): Promise<U.UpdateLinkRecord[]> {
    return this.write(() => UL.createUpdateLinks(this.sql, inputs, new Date().toISOString()));
  }
  async updateLinks(filter: U.UpdateLinkFilter): Promise<U.UpdateLinkRecord[]> {
    return UL.updateLinks(this.sql, filter);
  }
  async findUpdateLinkByHash(hash: string): Promise<U.UpdateLinkRecord | null> {
    return UL.findUpdateLinkByHash(this.sql, hash);
  }
  async revokeUpdateLink(id: string, at: string): Promise<U.UpdateLinkRecord> {
    return this.write(() => UL.revokeUpdateLink(this.sql, id, at));
  }
  async markUpdateLinkOpened(id: string, at: string): Promise<void> {
    this.write(() => UL.markUpdateLinkOpened(this.sql, id, at));
  }
  async recordUpdateAnswer(input: U.UpdateAnswerInput, at: string): Promise<U.UpdateAnswerRecord> {
    return this.write(() => UL.recordUpdateAnswer(this.sql, input, at));
  }
  async updateProposals(filter: U.UpdateProposalFilter): Promise<U.UpdateProposal[]> {
    return UL.updateProposals(this.sql, filter);
  }
  async decideUpdateProposal(id: string, decision: U.ProposalDecision, at: string): Promise<U.UpdateProposal> {
    return this.write(() => UL.decideUpdateProposal(this.sql, id, decision, at));
  }
  async withdrawConsent(actorId: string, at: string): Promise<U.ConsentRecord[]> {
    return this.write(() => UL.withdrawConsent(this.sql, actorId, at));
  }
  async consents(actorIds: readonly string[]): Promise<U.ConsentRecord[][]> {
    return UL.consents(this.sql, actorIds);
  }

  // --- import, export, GDPR (graph-reads.ts, import.ts, gdpr.ts) ------------------------------

  async readGraph(): Promise<GraphData> {
    return this.read(() => readGraph(this.sql));
  }

  async actorIdsByName(names: readonly string[]): Promise<string[][]> {
    return actorIdsByName(this.sql, names);
  }

  async collaborationIdsByTitle(titles: readonly string[]): Promise<string[][]> {
    return collaborationIdsByTitle(this.sql, titles);
  }

  async importGraph(doc: ImportGraph, options: ImportOptions = {}, meta?: WriteMeta): Promise<ImportCounts> {
    const now = new Date().toISOString();
    if (options.dryRun) return this.read(() => planEmbeddedImport(this.sql, doc, now).counts);
    return this.write(() => {
      const plan = planEmbeddedImport(this.sql, doc, now);
      applyImportPlan(this.sql, plan, options, meta, now);
      return plan.counts;
    });
  }

  async personalData(actorId: string): Promise<PersonalData | null> {
    return this.read(() => personalData(this.sql, actorId));
  }

  async eraseActor(actorId: string, meta?: WriteMeta): Promise<ErasureReport> {
    const report = this.write(() => eraseActor(this.sql, actorId, meta));
    scrubFiles(this.db);
    return report;
  }

  async suggestionFeedbackCounts(): Promise<SuggestionFeedbackCounts> {
    return feedbackCounts(this.sql);
  }

  // --- helpers -------------------------------------------------------------------------------

  /**
   * Runs a write as one IMMEDIATE transaction (taking the write lock up front, so a second process
   * on the same file waits for busy_timeout instead of failing on lock upgrade). Any throw rolls
   * everything back and surfaces as a DomainError where one applies.
   */
  private write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      throw toDomainError(error);
    }
  }

  /** Runs several reads on one snapshot of the database. */
  private read<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  /** The given topic ids without repeats, all of which must exist (NOT_FOUND, field `topicIds`). */
  private existingTopics(topicIds: readonly string[]): string[] {
    const [missing] = this.sql.missing('topic', topicIds);
    if (missing !== undefined) throw new MissingReferenceError('Topic', missing, 'topicIds');
    return [...new Set(topicIds)];
  }

  private insertAbout(collaborationId: string, topicIds: readonly string[]): void {
    for (const topicId of topicIds) {
      this.sql.run('INSERT INTO about (collaboration_id, topic_id) VALUES (?, ?)', collaborationId, topicId);
    }
  }

  private topicIdsOf(collaborationId: string): string[] {
    return this.sql
      .all<{ topic_id: string }>('SELECT topic_id FROM about WHERE collaboration_id = ?', collaborationId)
      .map((r) => r.topic_id);
  }

  private roleOf(collaborationId: string, actorId: string): ParticipationRole | null {
    return (
      this.sql.get<{ role: ParticipationRole }>(
        'SELECT role FROM participation WHERE actor_id = ? AND collaboration_id = ?',
        actorId,
        collaborationId,
      )?.role ?? null
    );
  }

  private requireParticipationEnds(collaborationId: string, actorId: string): void {
    if (!this.sql.exists('collaboration', collaborationId)) {
      throw new MissingReferenceError('Collaboration', collaborationId, 'collaborationId');
    }
    if (!this.sql.exists('actor', actorId)) throw new MissingReferenceError('Actor', actorId, 'actorId');
  }
}

/** A patch value for a required field: absent keeps the current value; null is not allowed. */
function required<T>(value: T | null | undefined, current: T, field: string): T {
  if (value === undefined) return current;
  if (value === null) throw new BadInputError(`${field} cannot be cleared`, field);
  return value;
}
