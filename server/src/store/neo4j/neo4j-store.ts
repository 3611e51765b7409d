/**
 * The production NetworkStore: Neo4j 5 through neo4j-driver.
 *
 * - One driver per store; one session per call, always closed. Reads run in `executeRead`, writes
 *   in `executeWrite` (one transaction per write). The driver retries a transaction only on
 *   transient / connection errors, never on the DomainErrors thrown here: those roll the transaction
 *   back and reach the caller unchanged.
 * - Every write checks its references (and the ids it would create) inside its transaction before
 *   writing anything, so a failing write throws before it changes anything.
 * - Every statement is a constant of cypher.ts with parameters; records become domain values in
 *   records.ts.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Config, Driver, ManagedTransaction, Record as Neo4jRecord, Session } from 'neo4j-driver';

import { ConflictError } from '../../domain/errors';
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
import type { Page, PageRequest } from '../../domain/paging';
import { checkPageSize, decodeCursor } from '../../domain/paging';
import { nameKey, slugify } from '../../domain/text';
import type {
  ActorFilter,
  ApiKeyRecord,
  NewApiKeyInput,
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
import * as Q from './cypher';
import { translateError } from './errors';
import {
  numberField,
  optionalStringField,
  stringField,
  toActor,
  toCollaboration,
  toInterestInTopic,
  toInterestOfActor,
  toParticipationInCollaboration,
  toParticipationOfActor,
  toStringList,
  toTopic,
} from './records';
import { ALREADY_EXISTS_CODES, AWAIT_INDEXES, AWAIT_INDEXES_TIMEOUT_SECONDS, SCHEMA_STATEMENTS } from './schema';
import {
  MissingReferenceError,
  checkInterests,
  checkParticipants,
  checkRequired,
  distinct,
  topicIdOf,
} from '../../domain/input-rules';
import * as H from '../../features/history/history-rules';
import type { ChangeRecord, WriteMeta } from '../../features/history/history-rules';
import { checkMergeInput } from '../../features/history/merge-actors-rules';
import { appendChanges, readHistory, roleOf } from './history';
import * as Feed from './feed';
import type { FeedEvent, FeedHead } from '../../features/live/feed-rules';
import { mergeActors } from './merge-actors';
import { dismissedPairs, feedbackCounts, feedbackOf, recordFeedback } from './feedback';
import * as K from './api-keys';
import * as UL from './update-links';
import type * as U from '../../features/update-links/update-link-rules';
import { actorIdsByName, collaborationIdsByTitle, readGraph } from './graph-reads';
import { applyImportPlan, planNeo4jImport } from './import';
import { eraseActor, personalData } from './gdpr';
import type { ErasureReport, PersonalData } from '../../features/gdpr/gdpr-rules';
import type { ImportCounts, ImportGraph, ImportOptions } from '../../features/transfer/import-rules';

export interface Neo4jStoreOptions {
  /** `bolt://host:7687`, `neo4j://…` (routing) or `neo4j+s://…` (Aura). */
  uri: string;
  /** Basic auth when given; no auth otherwise. */
  user?: string;
  password?: string;
  /** The database to use; the server's default database when absent. */
  database?: string;
}

/**
 * How long the driver keeps retrying a transaction that failed transiently (deadlock, leader
 * switch, lost connection) — its default is 30 s, which with its back-off let a request on a
 * stopped server hang for about a minute before failing. 5 s covers deadlocks and a cluster's
 * leader election; beyond that the caller gets "Neo4j is not reachable" (measured: after about 7 s).
 */
export const MAX_TRANSACTION_RETRY_MS = 5_000;

/** Rows per `UNWIND $rows` statement in mergeGraph (all batches run in one transaction). */
export const MERGE_BATCH_SIZE = 10_000;

type Entity = 'Actor' | 'Topic' | 'Collaboration';
type Params = { [key: string]: unknown };

const EXISTING_IDS: Record<Entity, string> = {
  Actor: Q.EXISTING_ACTOR_IDS,
  Topic: Q.EXISTING_TOPIC_IDS,
  Collaboration: Q.EXISTING_COLLABORATION_IDS,
};

const ACTOR_FIELDS = ['name', 'kind', 'description', 'district', 'website', 'contact'] as const;
const COLLABORATION_FIELDS = ['title', 'kind', 'startDate', 'endDate', 'location', 'description'] as const;

function now(): string {
  return new Date().toISOString();
}

/** The nameContains parameter: nameKey of the query, null (no filter) when that is empty. */
function nameFilter(query: string | null | undefined): string | null {
  const key = query == null ? '' : nameKey(query);
  return key === '' ? null : key;
}

/** The properties a patch sets (`null` clears: `SET n += {p: null}` removes the property). */
function patchProps<K extends string>(patch: Partial<Record<K, unknown>>, fields: readonly K[]): Params {
  const props: Params = {};
  for (const f of fields) if (patch[f] !== undefined) props[f] = patch[f];
  return props;
}

export class Neo4jStore implements NetworkStore {
  readonly name = 'neo4j';
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private closed = false;

  constructor(
    private readonly options: Neo4jStoreOptions,
    driverConfig: Config = {},
  ) {
    const auth = options.user != null ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      userAgent: 'quartiernetz',
      maxTransactionRetryTime: MAX_TRANSACTION_RETRY_MS,
      ...driverConfig,
    });
    this.database = options.database || undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Sessions and transactions

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** One read transaction in a session of its own. */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw translateError(error, this.options.uri);
    } finally {
      await session.close();
    }
  }

  /** One write transaction in a session of its own; a throw inside `work` rolls it back. */
  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translateError(error, this.options.uri);
    } finally {
      await session.close();
    }
  }

  /** Runs one statement of a read and answers its records. */
  private async readRecords(statement: string, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.read(async (tx) => (await tx.run(statement, params)).records);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  async init(): Promise<void> {
    for (const statement of SCHEMA_STATEMENTS) {
      try {
        await this.write((tx) => tx.run(statement));
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code === undefined || !ALREADY_EXISTS_CODES.includes(code)) throw error;
      }
    }
    await this.read((tx) => tx.run(AWAIT_INDEXES, { timeoutSeconds: neo4j.int(AWAIT_INDEXES_TIMEOUT_SECONDS) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  async ping(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw translateError(error, this.options.uri);
    }
    await this.readRecords(Q.PING);
  }

  async counts(): Promise<StoreCounts> {
    const [r] = await this.readRecords(Q.COUNTS);
    return {
      actors: numberField(r, 'actors'),
      topics: numberField(r, 'topics'),
      collaborations: numberField(r, 'collaborations'),
      participations: numberField(r, 'participations'),
      interests: numberField(r, 'interests'),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Batched lookups by id

  /** One query for the distinct ids; answers one entry per requested id (null when missing). */
  private async getByIds<T extends { id: string }>(
    statement: string,
    field: string,
    map: (value: unknown) => T,
    ids: readonly string[],
  ): Promise<Array<T | null>> {
    if (ids.length === 0) return [];
    const records = await this.readRecords(statement, { ids: distinct(ids) });
    const byId = new Map<string, T>();
    for (const r of records) {
      const item = map(r.get(field));
      byId.set(item.id, item);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  getActors(ids: readonly string[]): Promise<Array<Actor | null>> {
    return this.getByIds(Q.GET_ACTORS, 'actor', toActor, ids);
  }

  getTopics(ids: readonly string[]): Promise<Array<Topic | null>> {
    return this.getByIds(Q.GET_TOPICS, 'topic', toTopic, ids);
  }

  getCollaborations(ids: readonly string[]): Promise<Array<Collaboration | null>> {
    return this.getByIds(Q.GET_COLLABORATIONS, 'collaboration', toCollaboration, ids);
  }

  // -------------------------------------------------------------------------------------------
  // Batched relations by key

  /**
   * One query for the distinct keys (rows `id`, `field` = the collected list, already in order);
   * answers a fresh list per requested key, empty for keys without a row.
   */
  private async listsByKey<T>(
    statement: string,
    field: string,
    map: (key: string, value: unknown) => T,
    keys: readonly string[],
  ): Promise<T[][]> {
    if (keys.length === 0) return [];
    const records = await this.readRecords(statement, { ids: distinct(keys) });
    const byKey = new Map<string, unknown[]>();
    for (const r of records) byKey.set(stringField(r, 'id'), r.get(field) as unknown[]);
    return keys.map((key) => (byKey.get(key) ?? []).map((value) => map(key, value)));
  }

  interestsOfActors(actorIds: readonly string[]): Promise<Interest[][]> {
    return this.listsByKey(Q.INTERESTS_OF_ACTORS, 'interests', toInterestOfActor, actorIds);
  }

  interestsInTopics(topicIds: readonly string[]): Promise<Interest[][]> {
    return this.listsByKey(Q.INTERESTS_IN_TOPICS, 'interests', toInterestInTopic, topicIds);
  }

  participationsOfActors(actorIds: readonly string[]): Promise<Participation[][]> {
    return this.listsByKey(Q.PARTICIPATIONS_OF_ACTORS, 'participations', toParticipationOfActor, actorIds);
  }

  participationsOfCollaborations(collaborationIds: readonly string[]): Promise<Participation[][]> {
    return this.listsByKey(
      Q.PARTICIPATIONS_OF_COLLABORATIONS,
      'participations',
      toParticipationInCollaboration,
      collaborationIds,
    );
  }

  async topicsOfCollaborations(collaborationIds: readonly string[]): Promise<string[][]> {
    return this.listsByKey(Q.TOPICS_OF_COLLABORATIONS, 'topicIds', (_key, id) => String(id), collaborationIds);
  }

  async collaborationsOfTopics(topicIds: readonly string[]): Promise<string[][]> {
    return this.listsByKey(Q.COLLABORATIONS_OF_TOPICS, 'collaborationIds', (_key, id) => String(id), topicIds);
  }

  async topicStats(topicIds: readonly string[]): Promise<TopicStats[]> {
    if (topicIds.length === 0) return [];
    const records = await this.readRecords(Q.TOPIC_STATS, { ids: distinct(topicIds) });
    const byId = new Map<string, { actorCount: number; collaborationCount: number }>();
    for (const r of records) {
      byId.set(stringField(r, 'id'), {
        actorCount: numberField(r, 'actorCount'),
        collaborationCount: numberField(r, 'collaborationCount'),
      });
    }
    return topicIds.map((topicId) => ({ topicId, ...(byId.get(topicId) ?? { actorCount: 0, collaborationCount: 0 }) }));
  }

  collaboratorsOfActors(actorIds: readonly string[]): Promise<Collaborator[][]> {
    return this.listsByKey(
      Q.COLLABORATORS_OF_ACTORS,
      'collaborators',
      (actorId, value) => {
        const v = value as { partnerId: unknown; collaborationIds: unknown };
        return { actorId, partnerId: String(v.partnerId), collaborationIds: toStringList(v.collaborationIds) };
      },
      actorIds,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Paged lists: the page (first + 1 rows) and the total count in one read transaction

  private async page<T>(
    list: { statement: string; params: Params; field: string; map: (value: unknown) => T },
    count: { statement: string; params: Params },
    first: number,
  ): Promise<Page<T>> {
    const [rows, total] = await this.read(async (tx) => {
      const page = await tx.run(list.statement, { ...list.params, limit: neo4j.int(first + 1) });
      const counted = await tx.run(count.statement, count.params);
      return [page.records, counted.records] as const;
    });
    return {
      items: rows.slice(0, first).map((r) => list.map(r.get(list.field))),
      totalCount: numberField(total[0], 'total'),
      hasNextPage: rows.length > first,
    };
  }

  async listActors(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>> {
    checkPageSize(page.first);
    const after = page.after != null ? decodeCursor(page.after) : null;
    const filters = {
      kinds: filter.kinds ?? null,
      nameContains: nameFilter(filter.nameContains),
      topicIds: filter.topicIds ?? null,
    };
    const unfiltered = filters.kinds === null && filters.nameContains === null && filters.topicIds === null;
    const search = filters.nameContains !== null;
    return this.page(
      {
        statement: search ? Q.SEARCH_ACTORS : Q.LIST_ACTORS,
        params: { ...filters, afterKey: after?.[0] ?? '', afterId: after?.[1] ?? null },
        field: 'actor',
        map: toActor,
      },
      unfiltered
        ? { statement: Q.COUNT_ALL_ACTORS, params: {} }
        : { statement: search ? Q.COUNT_SEARCH_ACTORS : Q.COUNT_ACTORS, params: filters },
      page.first,
    );
  }

  async listTopics(filter: TopicFilter, page: PageRequest): Promise<Page<Topic>> {
    checkPageSize(page.first);
    const after = page.after != null ? decodeCursor(page.after) : null;
    const filters = { nameContains: nameFilter(filter.nameContains) };
    return this.page(
      {
        statement: Q.LIST_TOPICS,
        params: { ...filters, afterKey: after?.[0] ?? '', afterId: after?.[1] ?? null },
        field: 'topic',
        map: toTopic,
      },
      filters.nameContains === null
        ? { statement: Q.COUNT_ALL_TOPICS, params: {} }
        : { statement: Q.COUNT_TOPICS, params: filters },
      page.first,
    );
  }

  async listCollaborations(filter: CollaborationFilter, page: PageRequest): Promise<Page<Collaboration>> {
    checkPageSize(page.first);
    const after = page.after != null ? decodeCursor(page.after) : null;
    const filters = {
      kinds: filter.kinds ?? null,
      topicIds: filter.topicIds ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    };
    const unfiltered = Object.values(filters).every((v) => v === null);
    return this.page(
      {
        statement: Q.LIST_COLLABORATIONS,
        params: { ...filters, afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null },
        field: 'collaboration',
        map: toCollaboration,
      },
      unfiltered
        ? { statement: Q.COUNT_ALL_COLLABORATIONS, params: {} }
        : { statement: Q.COUNT_COLLABORATIONS, params: filters },
      page.first,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Snapshot

  async loadSnapshot(): Promise<GraphSnapshot> {
    return this.read(async (tx) => {
      const rows = async (statement: string) => (await tx.run(statement)).records;
      const actors = (await rows(Q.SNAPSHOT_ACTORS)).map((r) => ({
        id: stringField(r, 'id'),
        kind: stringField(r, 'kind') as GraphSnapshot['actors'][number]['kind'],
      }));
      const collaborations = (await rows(Q.SNAPSHOT_COLLABORATIONS)).map((r) => ({
        id: stringField(r, 'id'),
        kind: stringField(r, 'kind') as GraphSnapshot['collaborations'][number]['kind'],
        startDate: optionalStringField(r, 'startDate'),
        endDate: optionalStringField(r, 'endDate'),
      }));
      const participations = (await rows(Q.SNAPSHOT_PARTICIPATIONS)).map((r) => ({
        actorId: stringField(r, 'actorId'),
        collaborationId: stringField(r, 'collaborationId'),
      }));
      const interests = (await rows(Q.SNAPSHOT_INTERESTS)).map((r) => ({
        actorId: stringField(r, 'actorId'),
        topicId: stringField(r, 'topicId'),
      }));
      const about = (await rows(Q.SNAPSHOT_ABOUT)).map((r) => ({
        collaborationId: stringField(r, 'collaborationId'),
        topicId: stringField(r, 'topicId'),
      }));
      const topics = (await rows(Q.SNAPSHOT_TOPICS)).map((r) => ({ id: stringField(r, 'id') }));
      return { actors, collaborations, participations, interests, about, topics };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Checks run first inside write transactions

  /** The ids of `entity` among `ids` that are stored. */
  private async existing(tx: ManagedTransaction, entity: Entity, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await tx.run(EXISTING_IDS[entity], { ids: distinct(ids) });
    return new Set(result.records.map((r) => stringField(r, 'id')));
  }

  /** NOT_FOUND (naming `field`) for the first of `ids` that is not a stored `entity`. */
  private async requireAll(
    tx: ManagedTransaction,
    entity: Entity,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    const found = await this.existing(tx, entity, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new MissingReferenceError(entity, missing, field);
  }

  /** CONFLICT when `id` is already a stored `entity`. */
  private async requireNew(tx: ManagedTransaction, entity: Entity, id: string): Promise<void> {
    if ((await this.existing(tx, entity, [id])).size > 0) {
      throw new ConflictError(`${entity} "${id}" already exists`, 'id');
    }
  }

  /** CONFLICT (field `name`) when another topic than `id` has the slug. */
  private async requireFreeSlug(tx: ManagedTransaction, slug: string, id: string): Promise<void> {
    const owners = (await tx.run(Q.TOPIC_ID_BY_SLUG, { slug })).records.map((r) => stringField(r, 'id'));
    const other = owners.find((owner) => owner !== id);
    if (other !== undefined) {
      throw new ConflictError(`Topic "${other}" already has the slug "${slug}"`, 'name');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Actor writes

  async createActor(input: CreateActorInput, meta?: WriteMeta): Promise<Actor> {
    const id = input.id ?? randomUUID();
    const at = now();
    const props = {
      id,
      name: input.name,
      nameKey: nameKey(input.name),
      kind: input.kind,
      description: input.description ?? null,
      district: input.district ?? null,
      website: input.website ?? null,
      contact: input.contact ?? null,
      createdAt: at,
      updatedAt: at,
    };
    return this.write(async (tx) => {
      await this.requireNew(tx, 'Actor', id);
      const result = await tx.run(Q.CREATE_ACTOR, { props });
      const actor = toActor(result.records[0].get('actor'));
      await appendChanges(tx, meta, [H.actorCreated(actor)], at);
      return actor;
    });
  }

  async updateActor(id: string, patch: ActorPatch, expectedVersion?: number | null, meta?: WriteMeta): Promise<Actor> {
    checkRequired(patch, ['name', 'kind']);
    const props = patchProps(patch, ACTOR_FIELDS);
    if (patch.name !== undefined) props.nameKey = nameKey(patch.name);
    return this.write(async (tx) => {
      const locked = await tx.run(Q.LOCK_ACTOR, { id });
      if (locked.records.length === 0) throw new MissingReferenceError('Actor', id, 'id');
      const version = numberField(locked.records[0], 'version');
      if (expectedVersion != null && expectedVersion !== version) {
        throw new ConflictError(
          `Actor "${id}" has changed: its version is ${version}, not ${expectedVersion}`,
          'expectedVersion',
        );
      }
      const before = toActor((await tx.run(Q.GET_ACTORS, { ids: [id] })).records[0].get('actor'));
      const result = await tx.run(Q.UPDATE_ACTOR, { id, props, now: now() });
      const actor = toActor(result.records[0].get('actor'));
      await appendChanges(tx, meta, [H.actorUpdated(before, actor, meta)], actor.updatedAt);
      return actor;
    });
  }

  async deleteActor(id: string, meta?: WriteMeta): Promise<void> {
    await this.write(async (tx) => {
      const found = (await tx.run(Q.GET_ACTORS, { ids: [id] })).records;
      await UL.deleteUpdateRecords(tx, [id]);
      const result = await tx.run(Q.DELETE_ACTOR, { id });
      if (found.length === 0 || numberField(result.records[0], 'deleted') === 0)
        throw new MissingReferenceError('Actor', id, 'id');
      await appendChanges(tx, meta, [H.actorDeleted(toActor(found[0].get('actor')))]);
    });
  }

  async setActorInterests(actorId: string, interests: InterestInput[], meta?: WriteMeta): Promise<Interest[]> {
    const checked = checkInterests(interests);
    return this.write(async (tx) => {
      await this.requireAll(tx, 'Actor', [actorId], 'actorId');
      await this.requireAll(
        tx,
        'Topic',
        checked.map((i) => i.topicId),
        'interests',
      );
      const interestsNow = async () => {
        const result = await tx.run(Q.INTERESTS_OF_ACTORS, { ids: [actorId] });
        const stored = result.records[0]?.get('interests') as unknown[] | undefined;
        return (stored ?? []).map((value) => toInterestOfActor(actorId, value));
      };
      const before = await interestsNow();
      await tx.run(Q.DELETE_INTERESTS_OF_ACTOR, { actorId });
      if (checked.length > 0) await tx.run(Q.CREATE_INTERESTS_OF_ACTOR, { actorId, interests: checked });
      const after = await interestsNow();
      await appendChanges(tx, meta, [H.interestsSet(actorId, before, after)]);
      return after;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Topic writes

  async createTopic(input: CreateTopicInput, meta?: WriteMeta): Promise<Topic> {
    const id = topicIdOf(input);
    const slug = slugify(input.name);
    const props = { id, name: input.name, nameKey: nameKey(input.name), slug, aliases: input.aliases ?? [] };
    return this.write(async (tx) => {
      await this.requireNew(tx, 'Topic', id);
      await this.requireFreeSlug(tx, slug, id);
      const result = await tx.run(Q.CREATE_TOPIC, { props });
      const topic = toTopic(result.records[0].get('topic'));
      await appendChanges(tx, meta, [H.topicCreated(topic)]);
      return topic;
    });
  }

  async updateTopic(id: string, patch: TopicPatch, meta?: WriteMeta): Promise<Topic> {
    checkRequired(patch, ['name']);
    const props: Params = {};
    if (patch.name !== undefined) {
      props.name = patch.name;
      props.nameKey = nameKey(patch.name);
      props.slug = slugify(patch.name);
    }
    // Like an absent field, null aliases keep the stored ones (the port types them as a list).
    if (patch.aliases != null) props.aliases = patch.aliases;
    return this.write(async (tx) => {
      await this.requireAll(tx, 'Topic', [id], 'id');
      if (typeof props.slug === 'string') await this.requireFreeSlug(tx, props.slug, id);
      const before = toTopic((await tx.run(Q.GET_TOPICS, { ids: [id] })).records[0].get('topic'));
      const result = await tx.run(Q.UPDATE_TOPIC, { id, props });
      const topic = toTopic(result.records[0].get('topic'));
      await appendChanges(tx, meta, [H.topicUpdated(before, topic)]);
      return topic;
    });
  }

  async deleteTopic(id: string, meta?: WriteMeta): Promise<void> {
    await this.write(async (tx) => {
      const found = (await tx.run(Q.GET_TOPICS, { ids: [id] })).records;
      const result = await tx.run(Q.DELETE_TOPIC, { id });
      if (found.length === 0 || numberField(result.records[0], 'deleted') === 0)
        throw new MissingReferenceError('Topic', id, 'id');
      await appendChanges(tx, meta, [H.topicDeleted(toTopic(found[0].get('topic')))]);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Collaboration writes

  async createCollaboration(input: CreateCollaborationInput, meta?: WriteMeta): Promise<Collaboration> {
    const id = input.id ?? randomUUID();
    const participants = input.participants ?? [];
    checkParticipants(participants);
    const topicIds = distinct(input.topicIds ?? []);
    const at = now();
    const props = {
      id,
      title: input.title,
      kind: input.kind,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      location: input.location ?? null,
      description: input.description ?? null,
      createdAt: at,
      updatedAt: at,
    };
    return this.write(async (tx) => {
      await this.requireNew(tx, 'Collaboration', id);
      await this.requireAll(tx, 'Topic', topicIds, 'topicIds');
      await this.requireAll(
        tx,
        'Actor',
        participants.map((p) => p.actorId),
        'participants',
      );
      const result = await tx.run(Q.CREATE_COLLABORATION, { props });
      if (topicIds.length > 0) await tx.run(Q.CREATE_ABOUT_OF_COLLABORATION, { id, topicIds });
      if (participants.length > 0) {
        await tx.run(Q.SET_PARTICIPATIONS, {
          id,
          participants: participants.map((p) => ({ actorId: p.actorId, role: p.role })),
        });
      }
      const collaboration = toCollaboration(result.records[0].get('collaboration'));
      await appendChanges(tx, meta, [H.collaborationCreated({ collaboration, topicIds, participants })], at);
      return collaboration;
    });
  }

  async updateCollaboration(id: string, patch: CollaborationPatch, meta?: WriteMeta): Promise<Collaboration> {
    checkRequired(patch, ['title', 'kind']);
    const props = patchProps(patch, COLLABORATION_FIELDS);
    // topicIds replace the topics when given (null, outside the port's type, counts as absent).
    const topicIds = patch.topicIds != null ? distinct(patch.topicIds) : undefined;
    return this.write(async (tx) => {
      await this.requireAll(tx, 'Collaboration', [id], 'id');
      if (topicIds !== undefined) await this.requireAll(tx, 'Topic', topicIds, 'topicIds');
      const before = {
        collaboration: toCollaboration(
          (await tx.run(Q.GET_COLLABORATIONS, { ids: [id] })).records[0].get('collaboration'),
        ),
        topicIds: topicIds !== undefined ? await this.topicIdsOf(tx, id) : undefined,
      };
      const result = await tx.run(Q.UPDATE_COLLABORATION, { id, props, now: now() });
      if (topicIds !== undefined) {
        await tx.run(Q.DELETE_ABOUT_OF_COLLABORATION, { id });
        if (topicIds.length > 0) await tx.run(Q.CREATE_ABOUT_OF_COLLABORATION, { id, topicIds });
      }
      const collaboration = toCollaboration(result.records[0].get('collaboration'));
      await appendChanges(
        tx,
        meta,
        [H.collaborationUpdated(before, { collaboration, topicIds })],
        collaboration.updatedAt,
      );
      return collaboration;
    });
  }

  async deleteCollaboration(id: string, meta?: WriteMeta): Promise<void> {
    await this.write(async (tx) => {
      const found = (await tx.run(Q.GET_COLLABORATIONS, { ids: [id] })).records;
      const participations = (await tx.run(Q.PARTICIPATIONS_OF_COLLABORATIONS, { ids: [id] })).records[0]?.get(
        'participations',
      ) as unknown[] | undefined;
      const before = found.length
        ? {
            collaboration: toCollaboration(found[0].get('collaboration')),
            topicIds: await this.topicIdsOf(tx, id),
            participants: (participations ?? []).map((v) => toParticipationInCollaboration(id, v)),
          }
        : null;
      const result = await tx.run(Q.DELETE_COLLABORATION, { id });
      if (numberField(result.records[0], 'deleted') === 0) {
        throw new MissingReferenceError('Collaboration', id, 'id');
      }
      if (before) await appendChanges(tx, meta, [H.collaborationDeleted(before)]);
    });
  }

  async addParticipant(
    collaborationId: string,
    actorId: string,
    role: ParticipationRole,
    meta?: WriteMeta,
  ): Promise<Participation> {
    return this.write(async (tx) => {
      await this.requireAll(tx, 'Collaboration', [collaborationId], 'collaborationId');
      await this.requireAll(tx, 'Actor', [actorId], 'actorId');
      const before = (await roleOf(tx, collaborationId, actorId)) as ParticipationRole | null;
      await appendChanges(tx, meta, H.participationChanged(collaborationId, actorId, before, role));
      const result = await tx.run(Q.SET_PARTICIPATIONS, { id: collaborationId, participants: [{ actorId, role }] });
      const r = result.records[0];
      return {
        actorId: stringField(r, 'actorId'),
        collaborationId: stringField(r, 'collaborationId'),
        role: stringField(r, 'role') as ParticipationRole,
      };
    });
  }

  async removeParticipant(collaborationId: string, actorId: string, meta?: WriteMeta): Promise<boolean> {
    return this.write(async (tx) => {
      await this.requireAll(tx, 'Collaboration', [collaborationId], 'collaborationId');
      await this.requireAll(tx, 'Actor', [actorId], 'actorId');
      const before = (await roleOf(tx, collaborationId, actorId)) as ParticipationRole | null;
      const result = await tx.run(Q.REMOVE_PARTICIPATION, { collaborationId, actorId });
      const removed = numberField(result.records[0], 'removed') > 0;
      if (removed) await appendChanges(tx, meta, H.participationChanged(collaborationId, actorId, before, null));
      return removed;
    });
  }

  async mergeActors(keepId: string, mergeIds: readonly string[], meta?: WriteMeta): Promise<Actor> {
    const ids = checkMergeInput(keepId, mergeIds);
    return this.write((tx) => mergeActors(tx, keepId, ids, meta));
  }

  // --- the change feed (feed.ts) ---
  async readFeed(afterSeq: number, limit: number): Promise<FeedEvent[]> {
    return this.read((tx) => Feed.readFeed(tx, afterSeq, limit));
  }
  async feedHead(): Promise<FeedHead> {
    return this.read((tx) => Feed.feedHead(tx));
  }
  async pruneFeed(before: string): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.write((tx) => Feed.pruneFeed(tx, before));
      total += n;
      if (n < Feed.PRUNE_BATCH) return total;
    }
  }

  async history(entityId: string, page: PageRequest): Promise<Page<ChangeRecord>> {
    checkPageSize(page.first);
    return this.read((tx) => readHistory(tx, entityId, page));
  }

  async recordSuggestionFeedback(input: SuggestionFeedbackInput): Promise<SuggestionFeedback> {
    return this.write((tx) => recordFeedback(tx, input));
  }

  async suggestionFeedback(actorIds: readonly string[]): Promise<SuggestionFeedback[][]> {
    if (actorIds.length === 0) return [];
    return this.read((tx) => feedbackOf(tx, actorIds));
  }

  async dismissedSuggestions(): Promise<Array<{ actorId: string; suggestedId: string }>> {
    return this.read((tx) => dismissedPairs(tx));
  }

  // -------------------------------------------------------------------------------------------
  // API keys (api-keys.ts)

  async createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord> {
    return this.write((tx) => K.createApiKey(tx, input));
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.read((tx) => K.listApiKeys(tx));
  }

  async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    return this.read((tx) => K.findApiKeyByHash(tx, hash));
  }

  async revokeApiKey(id: string): Promise<ApiKeyRecord> {
    return this.write((tx) => K.revokeApiKey(tx, id, now()));
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.write((tx) => K.touchApiKey(tx, id, at));
  }

  // Import, export, GDPR (graph-reads.ts, import.ts, gdpr.ts)

  async readGraph(): Promise<GraphData> {
    return this.read((tx) => readGraph(tx));
  }

  async actorIdsByName(names: readonly string[]): Promise<string[][]> {
    if (names.length === 0) return [];
    return this.read((tx) => actorIdsByName(tx, names));
  }

  async collaborationIdsByTitle(titles: readonly string[]): Promise<string[][]> {
    if (titles.length === 0) return [];
    return this.read((tx) => collaborationIdsByTitle(tx, titles));
  }

  async importGraph(doc: ImportGraph, options: ImportOptions = {}, meta?: WriteMeta): Promise<ImportCounts> {
    const at = now();
    if (options.dryRun) return this.read(async (tx) => (await planNeo4jImport(tx, doc, at)).counts);
    return this.write(async (tx) => {
      const plan = await planNeo4jImport(tx, doc, at);
      await applyImportPlan(tx, plan, options, meta, at);
      return plan.counts;
    });
  }

  // --- personal update links (update-links.ts) ------------------------------------------------

  async createUpdateLinks(inputs: readonly U.NewUpdateLinkInput[]): Promise<U.UpdateLinkRecord[]> {
    return this.write((tx) => UL.createUpdateLinks(tx, inputs, now()));
  }
  async updateLinks(filter: U.UpdateLinkFilter): Promise<U.UpdateLinkRecord[]> {
    return this.read((tx) => UL.updateLinks(tx, filter));
  }
  async findUpdateLinkByHash(hash: string): Promise<U.UpdateLinkRecord | null> {
    return this.read((tx) => UL.findUpdateLinkByHash(tx, hash));
  }
  async revokeUpdateLink(id: string, at: string): Promise<U.UpdateLinkRecord> {
    return this.write((tx) => UL.revokeUpdateLink(tx, id, at));
  }
  async markUpdateLinkOpened(id: string, at: string): Promise<void> {
    await this.write((tx) => UL.markUpdateLinkOpened(tx, id, at));
  }
  async recordUpdateAnswer(input: U.UpdateAnswerInput, at: string): Promise<U.UpdateAnswerRecord> {
    return this.write((tx) => UL.recordUpdateAnswer(tx, input, at));
  }
  async updateProposals(filter: U.UpdateProposalFilter): Promise<U.UpdateProposal[]> {
    return this.read((tx) => UL.updateProposals(tx, filter));
  }
  async decideUpdateProposal(id: string, decision: U.ProposalDecision, at: string): Promise<U.UpdateProposal> {
    return this.write((tx) => UL.decideUpdateProposal(tx, id, decision, at));
  }
  async withdrawConsent(actorId: string, at: string): Promise<U.ConsentRecord[]> {
    return this.write((tx) => UL.withdrawConsent(tx, actorId, at));
  }
  async consents(actorIds: readonly string[]): Promise<U.ConsentRecord[][]> {
    return this.read((tx) => UL.consents(tx, actorIds));
  }

  async personalData(actorId: string): Promise<PersonalData | null> {
    return this.read((tx) => personalData(tx, actorId));
  }

  async eraseActor(actorId: string, meta?: WriteMeta): Promise<ErasureReport> {
    return this.write((tx) => eraseActor(tx, actorId, meta));
  }

  async suggestionFeedbackCounts(): Promise<SuggestionFeedbackCounts> {
    return this.read((tx) => feedbackCounts(tx));
  }

  private async topicIdsOf(tx: ManagedTransaction, collaborationId: string): Promise<string[]> {
    const r = (await tx.run(Q.TOPICS_OF_COLLABORATIONS, { ids: [collaborationId] })).records[0];
    return r ? toStringList(r.get('topicIds')) : [];
  }

  // -------------------------------------------------------------------------------------------
  // Bulk merge

  async mergeGraph(data: GraphData, meta?: WriteMeta): Promise<MergeReport> {
    // Everything that needs no database is checked and prepared before the transaction opens.
    const at = now();
    const topicIds = data.topics.map((t) => topicIdOf(t));
    const topicsInData = new Set(topicIds);
    const actorsInData = new Set(data.actors.map((a) => a.id));
    const refs: Array<{ entity: 'Actor' | 'Topic'; id: string; field: string }> = [];

    const topicRows = data.topics.map((t, i) => ({
      id: topicIds[i],
      name: t.name,
      nameKey: nameKey(t.name),
      slug: slugify(t.name),
      aliases: t.aliases ?? [],
    }));
    const actorRows: Params[] = [];
    const interestRows: Params[] = [];
    for (const a of data.actors) {
      actorRows.push({
        id: a.id,
        name: a.name,
        nameKey: nameKey(a.name),
        kind: a.kind,
        description: a.description ?? null,
        district: a.district ?? null,
        website: a.website ?? null,
        contact: a.contact ?? null,
        createdAt: at,
        updatedAt: at,
      });
      for (const i of checkInterests(a.interests ?? [])) {
        if (!topicsInData.has(i.topicId)) refs.push({ entity: 'Topic', id: i.topicId, field: 'interests' });
        interestRows.push({ actorId: a.id, topicId: i.topicId, weight: i.weight });
      }
    }
    const collaborationRows: Params[] = [];
    const participationRows: Params[] = [];
    const aboutRows: Params[] = [];
    for (const c of data.collaborations) {
      collaborationRows.push({
        id: c.id,
        title: c.title,
        kind: c.kind,
        startDate: c.startDate ?? null,
        endDate: c.endDate ?? null,
        location: c.location ?? null,
        description: c.description ?? null,
        createdAt: at,
        updatedAt: at,
      });
      for (const topicId of distinct(c.topicIds ?? [])) {
        if (!topicsInData.has(topicId)) refs.push({ entity: 'Topic', id: topicId, field: 'topicIds' });
        aboutRows.push({ collaborationId: c.id, topicId });
      }
      const participants = c.participants ?? [];
      checkParticipants(participants, ` in collaboration "${c.id}"`);
      for (const p of participants) {
        if (!actorsInData.has(p.actorId)) refs.push({ entity: 'Actor', id: p.actorId, field: 'participants' });
        participationRows.push({ actorId: p.actorId, collaborationId: c.id, role: p.role });
      }
    }

    return this.write(async (tx) => {
      for (const entity of ['Topic', 'Actor'] as const) {
        const wanted = refs.filter((r) => r.entity === entity);
        const found = await this.existing(
          tx,
          entity,
          wanted.map((r) => r.id),
        );
        const missing = wanted.find((r) => !found.has(r.id));
        if (missing) throw new MissingReferenceError(entity, missing.id, missing.field);
      }
      const batches = async (statement: string, rows: Params[], counter: 'nodesCreated' | 'relationshipsCreated') => {
        let created = 0;
        for (let start = 0; start < rows.length; start += MERGE_BATCH_SIZE) {
          const result = await tx.run(statement, { rows: rows.slice(start, start + MERGE_BATCH_SIZE) });
          created += result.summary.counters.updates()[counter];
        }
        return created;
      };
      const report: MergeReport = {
        topicsCreated: await batches(Q.MERGE_TOPICS, topicRows, 'nodesCreated'),
        actorsCreated: await batches(Q.MERGE_ACTORS, actorRows, 'nodesCreated'),
        collaborationsCreated: await batches(Q.MERGE_COLLABORATIONS, collaborationRows, 'nodesCreated'),
        interestsCreated: await batches(Q.MERGE_INTERESTS, interestRows, 'relationshipsCreated'),
        participationsCreated: await batches(Q.MERGE_PARTICIPATIONS, participationRows, 'relationshipsCreated'),
        aboutCreated: await batches(Q.MERGE_ABOUT, aboutRows, 'relationshipsCreated'),
      };
      await appendChanges(tx, meta, [H.imported({ ...report })], at);
      return report;
    });
  }
}
