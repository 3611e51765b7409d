/**
 * The bulk merge of the Neo4j store (TransferStore.mergeGraph, port/transfer.ts): everything that
 * needs no database is checked and prepared before the transaction opens; then `UNWIND $rows`
 * batches of the MERGE_* statements (cypher.ts) in one transaction.
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
import { existing } from './checks';
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
