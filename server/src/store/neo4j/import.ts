/**
 * importGraph for the Neo4j store (rules: store/import-rules.ts), inside the caller's transaction:
 * load what the document touches (UNWIND batches), let planImport decide, write the plan with one
 * UNWIND statement per kind of write and batch. Statements are parameterised constants.
 */
import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Actor, Collaboration, ParticipationRole, Topic } from '../../domain/model';
import { nameKey } from '../../domain/text';
import type { WriteMeta } from '../../features/history/history-rules';
import {
  importKeys,
  pairKey,
  planImport,
  planSize,
  type ImportGraph,
  type ImportOptions,
  type ImportPlan,
  type ImportState,
} from '../../features/transfer/import-rules';
import * as Q from './cypher';
import { appendChanges } from './history';
import { actorOfRow, optionalStringField, stringField, toCollaboration, toNumber, toTopic } from './records';

/** Rows per UNWIND statement (all batches run in the caller's one transaction). */
export const IMPORT_BATCH_SIZE = 10_000;

/** Stored interests among the pairs `$pairs` ({a: actorId, b: topicId}). */
export const IMPORT_INTERESTS = `
UNWIND $pairs AS p
MATCH (:Actor {id: p.a})-[r:INTERESTED_IN]->(:Topic {id: p.b})
RETURN p.a AS a, p.b AS b, r.weight AS weight`;

/** Stored ABOUT relationships among the pairs `$pairs` ({a: collaborationId, b: topicId}). */
export const IMPORT_ABOUT = `
UNWIND $pairs AS p
MATCH (:Collaboration {id: p.a})-[:ABOUT]->(:Topic {id: p.b})
RETURN p.a AS a, p.b AS b`;

/** Stored participations among the pairs `$pairs` ({a: actorId, b: collaborationId}). */
export const IMPORT_PARTICIPATIONS = `
UNWIND $pairs AS p
MATCH (:Actor {id: p.a})-[r:PARTICIPATED_IN]->(:Collaboration {id: p.b})
RETURN p.a AS a, p.b AS b, r.role AS role`;

/** Topics holding the slugs `$slugs` (unique-constraint index). */
export const TOPICS_BY_SLUG = `
MATCH (t:Topic)
WHERE t.slug IN $slugs
RETURN t.id AS id, t.slug AS slug`;

/** Creates nodes from full property maps. */
export const IMPORT_CREATE_TOPICS = `
UNWIND $rows AS r
CREATE (t:Topic)
SET t = r`;
export const IMPORT_CREATE_ACTORS = `
UNWIND $rows AS r
CREATE (a:Actor)
SET a = r`;
export const IMPORT_CREATE_COLLABORATIONS = `
UNWIND $rows AS r
CREATE (c:Collaboration)
SET c = r`;

/** Sets full property maps on existing nodes (a null removes the property). */
export const IMPORT_UPDATE_TOPICS = `
UNWIND $rows AS r
MATCH (t:Topic {id: r.id})
SET t += r`;
export const IMPORT_UPDATE_ACTORS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.id})
SET a += r`;
export const IMPORT_UPDATE_COLLABORATIONS = `
UNWIND $rows AS r
MATCH (c:Collaboration {id: r.id})
SET c += r`;

/** Creates interests or sets their weight: rows {actorId, topicId, weight}. */
export const IMPORT_SET_INTERESTS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
MATCH (t:Topic {id: r.topicId})
MERGE (a)-[i:INTERESTED_IN]->(t)
SET i.weight = r.weight`;

/** Relates collaborations to topics: rows {collaborationId, topicId}. */
export const IMPORT_CREATE_ABOUT = `
UNWIND $rows AS r
MATCH (c:Collaboration {id: r.collaborationId})
MATCH (t:Topic {id: r.topicId})
MERGE (c)-[:ABOUT]->(t)`;

/** Creates participations or sets their role: rows {actorId, collaborationId, role}. */
export const IMPORT_SET_PARTICIPATIONS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
MATCH (c:Collaboration {id: r.collaborationId})
MERGE (a)-[p:PARTICIPATED_IN]->(c)
SET p.role = r.role`;

type Params = { [key: string]: unknown };

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE)
    out.push(items.slice(start, start + IMPORT_BATCH_SIZE));
  return out;
}

export async function loadImportState(tx: ManagedTransaction, doc: ImportGraph): Promise<ImportState> {
  const keys = importKeys(doc);
  const records = async (statement: string, name: string, values: readonly unknown[]) => {
    const out = [];
    for (const batch of batches(values)) out.push(...(await tx.run(statement, { [name]: batch })).records);
    return out;
  };
  const state: ImportState = {
    topics: new Map(),
    actors: new Map(),
    collaborations: new Map(),
    interests: new Map(),
    collaborationTopics: new Set(),
    participations: new Map(),
    topicSlugs: new Map(),
  };
  for (const r of await records(Q.GET_TOPICS, 'ids', keys.topicIds)) {
    const t = toTopic(r.get('topic'));
    state.topics.set(t.id, t);
  }
  for (const r of await records(Q.GET_ACTORS, 'ids', keys.actorIds)) {
    const a = actorOfRow(r.get('actor'));
    state.actors.set(a.id, a);
  }
  for (const r of await records(Q.GET_COLLABORATIONS, 'ids', keys.collaborationIds)) {
    const c = toCollaboration(r.get('collaboration'));
    state.collaborations.set(c.id, c);
  }
  const pairs = (list: Array<[string, string]>) => list.map(([a, b]) => ({ a, b }));
  for (const r of await records(IMPORT_INTERESTS, 'pairs', pairs(keys.interests.map((i) => [i.actorId, i.topicId])))) {
    state.interests.set(pairKey(stringField(r, 'a'), stringField(r, 'b')), toNumber(r.get('weight')));
  }
  for (const r of await records(
    IMPORT_ABOUT,
    'pairs',
    pairs(keys.collaborationTopics.map((b) => [b.collaborationId, b.topicId])),
  )) {
    state.collaborationTopics.add(pairKey(stringField(r, 'a'), stringField(r, 'b')));
  }
  for (const r of await records(
    IMPORT_PARTICIPATIONS,
    'pairs',
    pairs(keys.participations.map((p) => [p.actorId, p.collaborationId])),
  )) {
    state.participations.set(
      pairKey(stringField(r, 'a'), stringField(r, 'b')),
      optionalStringField(r, 'role') as ParticipationRole,
    );
  }
  for (const r of await records(TOPICS_BY_SLUG, 'slugs', keys.topicSlugs)) {
    state.topicSlugs.set(stringField(r, 'slug'), stringField(r, 'id'));
  }
  return state;
}

export async function planNeo4jImport(tx: ManagedTransaction, doc: ImportGraph, now: string): Promise<ImportPlan> {
  return planImport(doc, await loadImportState(tx, doc), now);
}

export const topicProps = (t: Topic): Params => ({
  id: t.id,
  name: t.name,
  nameKey: nameKey(t.name),
  slug: t.slug,
  aliases: t.aliases,
});

export const actorProps = (a: Actor): Params => ({
  id: a.id,
  name: a.name,
  nameKey: nameKey(a.name),
  kind: a.kind,
  description: a.description,
  district: a.district,
  website: a.website,
  contact: a.contact,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  version: neo4j.int(a.version),
});

export const collaborationProps = (c: Collaboration): Params => ({ ...c, version: neo4j.int(c.version) });

export async function applyImportPlan(
  tx: ManagedTransaction,
  plan: ImportPlan,
  options: ImportOptions,
  meta: WriteMeta | undefined,
  now: string,
): Promise<void> {
  const total = planSize(plan);
  let done = 0;
  const run = async <T>(statement: string, items: readonly T[], toRow: (item: T) => Params) => {
    for (const batch of batches(items)) {
      await tx.run(statement, { rows: batch.map(toRow) });
      done += batch.length;
      options.onProgress?.(done, total);
    }
  };
  await run(IMPORT_CREATE_TOPICS, plan.createTopics, topicProps);
  await run(IMPORT_UPDATE_TOPICS, plan.updateTopics, topicProps);
  await run(IMPORT_CREATE_ACTORS, plan.createActors, actorProps);
  await run(IMPORT_UPDATE_ACTORS, plan.updateActors, actorProps);
  await run(IMPORT_CREATE_COLLABORATIONS, plan.createCollaborations, collaborationProps);
  await run(IMPORT_UPDATE_COLLABORATIONS, plan.updateCollaborations, collaborationProps);
  await run(IMPORT_SET_INTERESTS, plan.setInterests, (i) => ({ ...i }));
  await run(IMPORT_CREATE_ABOUT, plan.createCollaborationTopics, (b) => ({ ...b }));
  await run(IMPORT_SET_PARTICIPATIONS, plan.setParticipations, (p) => ({ ...p }));
  for (const batch of batches(plan.drafts)) {
    await appendChanges(tx, meta, batch, now);
    done += batch.length;
    options.onProgress?.(done, total);
  }
}
