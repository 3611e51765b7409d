/**
 * Whole-network reads of the Neo4j store for import and export: the network's content (one read
 * transaction, grouped and put in id order here), and ids by name or title (references by name in
 * an import). Statements are parameterised constants.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ParticipationRole } from '../../domain/model';
import { nameKey } from '../../domain/text';
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

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function readGraph(tx: ManagedTransaction): Promise<GraphData> {
  const rows = async (statement: string) => (await tx.run(statement)).records;
  const interests = new Map<string, Array<{ topicId: string; weight: number }>>();
  for (const r of await rows(READ_INTERESTS)) push(interests, stringField(r, 'actorId'), { topicId: stringField(r, 'topicId'), weight: toNumber(r.get('weight')) });
  const about = new Map<string, string[]>();
  for (const r of await rows(READ_ABOUT)) push(about, stringField(r, 'collaborationId'), stringField(r, 'topicId'));
  const participants = new Map<string, Array<{ actorId: string; role: ParticipationRole }>>();
  for (const r of await rows(READ_PARTICIPATIONS)) {
    push(participants, stringField(r, 'collaborationId'), { actorId: stringField(r, 'actorId'), role: stringField(r, 'role') as ParticipationRole });
  }

  const topics = (await rows(READ_TOPICS)).map((r) => {
    const t = toTopic(r.get('topic'));
    return { id: t.id, name: t.name, aliases: t.aliases };
  });
  const actors = (await rows(READ_ACTORS)).map((r) => {
    const a = toActor(r.get('actor'));
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      description: a.description,
      district: a.district,
      website: a.website,
      contact: a.contact,
      interests: (interests.get(a.id) ?? []).sort((x, y) => byString(x.topicId, y.topicId)),
    };
  });
  const collaborations = (await rows(READ_COLLABORATIONS)).map((r) => {
    const c = toCollaboration(r.get('collaboration'));
    return {
      id: c.id,
      title: c.title,
      kind: c.kind,
      startDate: c.startDate,
      endDate: c.endDate,
      location: c.location,
      description: c.description,
      topicIds: (about.get(c.id) ?? []).sort(byString),
      participants: (participants.get(c.id) ?? []).sort((x, y) => byString(x.actorId, y.actorId)),
    };
  });
  return { topics: topics.sort(byId), actors: actors.sort(byId), collaborations: collaborations.sort(byId) };
}

export async function actorIdsByName(tx: ManagedTransaction, names: readonly string[]): Promise<string[][]> {
  const keys = names.map(nameKey);
  const found = new Map<string, string[]>();
  for (const r of (await tx.run(ACTOR_IDS_BY_NAME_KEY, { keys: [...new Set(keys)] })).records) push(found, stringField(r, 'key'), stringField(r, 'id'));
  return keys.map((k) => [...(found.get(k) ?? [])].sort(byString));
}

export async function collaborationIdsByTitle(tx: ManagedTransaction, titles: readonly string[]): Promise<string[][]> {
  const found = new Map<string, string[]>();
  for (const r of (await tx.run(COLLABORATION_IDS_BY_TITLE, { titles: [...new Set(titles)] })).records) {
    push(found, stringField(r, 'title'), stringField(r, 'id'));
  }
  return titles.map((t) => [...(found.get(t) ?? [])].sort(byString));
}
