/**
 * Whole-network reads of the Neo4j store for import and export: the network's content (one read
 * transaction, grouped and put in id order here), and ids by name or title (references by name in
 * an import). Statements are parameterised constants.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ParticipationRole } from '../../domain/model';
import { nameKey } from '../../domain/text';
import { assembleGraphData, groupBy } from '../graph-data';
import type { GraphData } from '../network-store';
import { stringField, toActor, toCollaboration, toNumber, toTopic } from './records';

export const READ_TOPICS = 'MATCH (t:Topic) RETURN properties(t) AS topic';
export const READ_ACTORS = 'MATCH (a:Actor) RETURN properties(a) AS actor';
export const READ_COLLABORATIONS = 'MATCH (c:Collaboration) RETURN properties(c) AS collaboration';
export const READ_INTERESTS = `
MATCH (a:Actor)-[r:INTERESTED_IN]->(t:Topic)
RETURN a.id AS actorId, t.id AS topicId, r.weight AS weight`;
export const READ_ABOUT = `
MATCH (c:Collaboration)-[:ABOUT]->(t:Topic)
RETURN c.id AS collaborationId, t.id AS topicId`;
export const READ_PARTICIPATIONS = `
MATCH (a:Actor)-[r:PARTICIPATED_IN]->(c:Collaboration)
RETURN a.id AS actorId, c.id AS collaborationId, r.role AS role`;

/** Actors whose nameKey is one of `$keys` (range index on nameKey). */
export const ACTOR_IDS_BY_NAME_KEY = `
UNWIND $keys AS key
MATCH (a:Actor {nameKey: key})
RETURN key, a.id AS id`;

/** Collaborations whose title is one of `$titles`. */
export const COLLABORATION_IDS_BY_TITLE = `
MATCH (c:Collaboration)
WHERE c.title IN $titles
RETURN c.title AS title, c.id AS id`;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function readGraph(tx: ManagedTransaction): Promise<GraphData> {
  const rows = async (statement: string) => (await tx.run(statement)).records;
  return assembleGraphData({
    topics: (await rows(READ_TOPICS)).map((r) => toTopic(r.get('topic'))),
    actors: (await rows(READ_ACTORS)).map((r) => toActor(r.get('actor'))),
    collaborations: (await rows(READ_COLLABORATIONS)).map((r) => toCollaboration(r.get('collaboration'))),
    interests: (await rows(READ_INTERESTS)).map((r) => ({
      actorId: stringField(r, 'actorId'),
      topicId: stringField(r, 'topicId'),
      weight: toNumber(r.get('weight')),
    })),
    about: (await rows(READ_ABOUT)).map((r) => ({
      collaborationId: stringField(r, 'collaborationId'),
      topicId: stringField(r, 'topicId'),
    })),
    participations: (await rows(READ_PARTICIPATIONS)).map((r) => ({
      actorId: stringField(r, 'actorId'),
      collaborationId: stringField(r, 'collaborationId'),
      role: stringField(r, 'role') as ParticipationRole,
    })),
  });
}

export async function actorIdsByName(tx: ManagedTransaction, names: readonly string[]): Promise<string[][]> {
  const keys = names.map(nameKey);
  const records = (await tx.run(ACTOR_IDS_BY_NAME_KEY, { keys: [...new Set(keys)] })).records;
  const found = groupBy(
    records,
    (r) => stringField(r, 'key'),
    (r) => stringField(r, 'id'),
  );
  return keys.map((k) => [...(found.get(k) ?? [])].sort(byString));
}

export async function collaborationIdsByTitle(tx: ManagedTransaction, titles: readonly string[]): Promise<string[][]> {
  const records = (await tx.run(COLLABORATION_IDS_BY_TITLE, { titles: [...new Set(titles)] })).records;
  const found = groupBy(
    records,
    (r) => stringField(r, 'title'),
    (r) => stringField(r, 'id'),
  );
  return titles.map((t) => [...(found.get(t) ?? [])].sort(byString));
}
