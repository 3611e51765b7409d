/**
 * The bulk merge of the Neo4j store (TransferStore.mergeGraph, port/transfer.ts): everything that
 * needs no database is checked and prepared before the transaction opens; then, in one transaction,
 * the references are checked, the new ids read, and `UNWIND $rows` batches of the CREATE_* (new
 * records, relationships of new records) and MERGE_* statements (cypher.ts) written, pipelined.
 */
import {
  MissingReferenceError,
  checkInterests,
  checkParticipants,
  distinct,
  topicIdOf,
} from '../../domain/input-rules';
import type { GraphData, MergeReport } from '../../domain/records';
import { nameKey, slugify } from '../../domain/text';
import * as H from '../../features/history/history-rules';
import type { WriteMeta } from '../../features/history/history-rules';
import type { ManagedTransaction } from 'neo4j-driver';
import { existing, type Entity } from './checks';
import { now, type Neo4jConnection, type Params } from './connection';
import * as Q from './cypher';
import { appendChanges } from './history';

/** Rows per `UNWIND $rows` statement in mergeGraph (all batches run in one transaction). */
export const MERGE_BATCH_SIZE = 10_000;

export async function mergeGraph(db: Neo4jConnection, data: GraphData, meta?: WriteMeta): Promise<MergeReport> {
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

  return db.write(async (tx) => {
    for (const entity of ['Topic', 'Actor'] as const) {
      const wanted = refs.filter((r) => r.entity === entity);
      const found = await existing(
        tx,
        entity,
        wanted.map((r) => r.id),
      );
      const missing = wanted.find((r) => !found.has(r.id));
      if (missing) throw new MissingReferenceError(entity, missing.id, missing.field);
    }
    // Which records are new, read once: they are written with CREATE, and so is every relationship
    // that has a new record at one end (a new record has none yet). Stored records stay untouched.
    const fresh = {
      topics: await newIds(tx, 'Topic', topicRows),
      actors: await newIds(tx, 'Actor', actorRows),
      collaborations: await newIds(tx, 'Collaboration', collaborationRows),
    };
    const interests = splitPairs(
      interestRows,
      (r) => fresh.actors.has(r.actorId as string) || fresh.topics.has(r.topicId as string),
      (r) => `${r.actorId as string}\u0000${r.topicId as string}`,
    );
    const participations = splitPairs(
      participationRows,
      (r) => fresh.collaborations.has(r.collaborationId as string) || fresh.actors.has(r.actorId as string),
      (r) => `${r.actorId as string}\u0000${r.collaborationId as string}`,
    );
    const about = splitPairs(
      aboutRows,
      (r) => fresh.collaborations.has(r.collaborationId as string) || fresh.topics.has(r.topicId as string),
      (r) => `${r.collaborationId as string}\u0000${r.topicId as string}`,
    );
    // Every batch is sent at once without waiting for the one before: the driver pipelines them on
    // the transaction's connection and Neo4j runs them in order, so packing the next batch overlaps
    // with the database writing this one.
    const batches = (statement: string, rows: Params[], counter: 'nodesCreated' | 'relationshipsCreated') => {
      const pending: Array<Promise<number>> = [];
      for (let start = 0; start < rows.length; start += MERGE_BATCH_SIZE) {
        const result = tx.run(statement, { rows: rows.slice(start, start + MERGE_BATCH_SIZE) });
        pending.push(result.summary().then((summary) => summary.counters.updates()[counter]));
      }
      return Promise.all(pending).then((counts) => counts.reduce((sum, n) => sum + n, 0));
    };
    const written = await Promise.all([
      batches(Q.CREATE_TOPICS, pick(topicRows, fresh.topics), 'nodesCreated'),
      batches(Q.CREATE_ACTORS, pick(actorRows, fresh.actors), 'nodesCreated'),
      batches(Q.CREATE_COLLABORATIONS, pick(collaborationRows, fresh.collaborations), 'nodesCreated'),
      batches(Q.CREATE_INTERESTS, interests.create, 'relationshipsCreated'),
      batches(Q.MERGE_INTERESTS, interests.merge, 'relationshipsCreated'),
      batches(Q.CREATE_PARTICIPATIONS, participations.create, 'relationshipsCreated'),
      batches(Q.MERGE_PARTICIPATIONS, participations.merge, 'relationshipsCreated'),
      batches(Q.CREATE_ABOUT, about.create, 'relationshipsCreated'),
      batches(Q.MERGE_ABOUT, about.merge, 'relationshipsCreated'),
    ]);
    const report: MergeReport = {
      topicsCreated: written[0],
      actorsCreated: written[1],
      collaborationsCreated: written[2],
      interestsCreated: written[3] + written[4],
      participationsCreated: written[5] + written[6],
      aboutCreated: written[7] + written[8],
    };
    await appendChanges(tx, meta, [H.imported({ ...report })], at);
    return report;
  });
}

/** The ids among `rows` that the store does not hold (records of `entity`). */
async function newIds(tx: ManagedTransaction, entity: Entity, rows: readonly Params[]): Promise<Set<string>> {
  const ids = rows.map((r) => r.id as string);
  const stored = await existing(tx, entity, ids);
  return new Set(ids.filter((id) => !stored.has(id)));
}

/** The first row of each id in `fresh` (a later row of the same id would have merged into it). */
function pick(rows: readonly Params[], fresh: ReadonlySet<string>): Params[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const id = r.id as string;
    if (!fresh.has(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Relationship rows split into those to CREATE (a new record at one end; each pair once, the
 * first row winning as MERGE … ON CREATE would) and those to MERGE (both ends stored).
 */
function splitPairs(
  rows: readonly Params[],
  touchesNew: (row: Params) => boolean,
  key: (row: Params) => string,
): { create: Params[]; merge: Params[] } {
  const create: Params[] = [];
  const merge: Params[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (!touchesNew(row)) merge.push(row);
    else if (!seen.has(key(row))) {
      seen.add(key(row));
      create.push(row);
    }
  }
  return { create, merge };
}
