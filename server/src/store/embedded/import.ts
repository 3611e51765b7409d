/**
 * importGraph for the embedded store (rules: store/import-rules.ts): load what the document
 * touches, let planImport decide, write the plan. Runs inside the caller's transaction.
 */
import type { ParticipationRole } from '../../domain/model';
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
import { appendChanges } from './history';
import { type ActorRow, type CollaborationRow, type TopicRow, toActor, toCollaboration, toTopic } from './rows';
import { keysJson, type Sql } from './sql';
import * as W from './record-writes';

const KEYS = '(SELECT value FROM json_each(?))';
/** Pairs bound as one JSON array of [a, b] arrays. */
const PAIRS = "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))";

/** How many writes between two progress reports. */
const PROGRESS_EVERY = 5000;

export function loadImportState(sql: Sql, doc: ImportGraph): ImportState {
  const keys = importKeys(doc);
  const pairs = (list: Array<[string, string]>) => JSON.stringify(list);
  return {
    topics: new Map(
      sql
        .all<TopicRow>(`SELECT * FROM topic WHERE id IN ${KEYS}`, keysJson(keys.topicIds))
        .map((r) => [r.id, toTopic(r)]),
    ),
    actors: new Map(
      sql
        .all<ActorRow>(`SELECT * FROM actor WHERE id IN ${KEYS}`, keysJson(keys.actorIds))
        .map((r) => [r.id, toActor(r)]),
    ),
    collaborations: new Map(
      sql
        .all<CollaborationRow>(`SELECT * FROM collaboration WHERE id IN ${KEYS}`, keysJson(keys.collaborationIds))
        .map((r) => [r.id, toCollaboration(r)]),
    ),
    interests: new Map(
      sql
        .all<{ actor_id: string; topic_id: string; weight: number }>(
          `SELECT actor_id, topic_id, weight FROM interest WHERE (actor_id, topic_id) IN ${PAIRS}`,
          pairs(keys.interests.map((i) => [i.actorId, i.topicId])),
        )
        .map((r) => [pairKey(r.actor_id, r.topic_id), r.weight]),
    ),
    collaborationTopics: new Set(
      sql
        .all<{ collaboration_id: string; topic_id: string }>(
          `SELECT collaboration_id, topic_id FROM about WHERE (collaboration_id, topic_id) IN ${PAIRS}`,
          pairs(keys.collaborationTopics.map((b) => [b.collaborationId, b.topicId])),
        )
        .map((r) => pairKey(r.collaboration_id, r.topic_id)),
    ),
    participations: new Map(
      sql
        .all<{ actor_id: string; collaboration_id: string; role: ParticipationRole }>(
          `SELECT actor_id, collaboration_id, role FROM participation WHERE (actor_id, collaboration_id) IN ${PAIRS}`,
          pairs(keys.participations.map((p) => [p.actorId, p.collaborationId])),
        )
        .map((r) => [pairKey(r.actor_id, r.collaboration_id), r.role]),
    ),
    topicSlugs: new Map(
      sql
        .all<{ id: string; slug: string }>(
          `SELECT id, slug FROM topic WHERE slug IN ${KEYS}`,
          keysJson(keys.topicSlugs),
        )
        .map((r) => [r.slug, r.id]),
    ),
  };
}

/** Loads the state and plans (inside the caller's transaction). */
export function planEmbeddedImport(sql: Sql, doc: ImportGraph, now: string): ImportPlan {
  return planImport(doc, loadImportState(sql, doc), now);
}

export function applyImportPlan(
  sql: Sql,
  plan: ImportPlan,
  options: ImportOptions,
  meta: WriteMeta | undefined,
  now: string,
): void {
  const total = planSize(plan);
  let done = 0;
  const step = () => {
    done++;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === total)) options.onProgress(done, total);
  };

  for (const t of plan.createTopics) {
    W.insertTopic(sql, t);
    step();
  }
  for (const t of plan.updateTopics) {
    W.updateTopic(sql, t);
    step();
  }
  for (const a of plan.createActors) {
    W.insertActor(sql, a);
    step();
  }
  for (const a of plan.updateActors) {
    W.updateActor(sql, a);
    step();
  }
  for (const c of plan.createCollaborations) {
    W.insertCollaboration(sql, c);
    step();
  }
  for (const c of plan.updateCollaborations) {
    W.updateCollaboration(sql, c);
    step();
  }
  for (const i of plan.setInterests) {
    sql.run(
      `INSERT INTO interest (actor_id, topic_id, weight) VALUES (?, ?, ?)
       ON CONFLICT (actor_id, topic_id) DO UPDATE SET weight = excluded.weight`,
      i.actorId,
      i.topicId,
      i.weight,
    );
    step();
  }
  for (const b of plan.createCollaborationTopics) {
    sql.run('INSERT INTO about (collaboration_id, topic_id) VALUES (?, ?)', b.collaborationId, b.topicId);
    step();
  }
  for (const p of plan.setParticipations) {
    sql.run(
      `INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)
       ON CONFLICT (actor_id, collaboration_id) DO UPDATE SET role = excluded.role`,
      p.actorId,
      p.collaborationId,
      p.role,
    );
    step();
  }
  for (let start = 0; start < plan.drafts.length; start += PROGRESS_EVERY) {
    const batch = plan.drafts.slice(start, start + PROGRESS_EVERY);
    appendChanges(sql, meta, batch, now);
    for (let i = 0; i < batch.length; i++) step();
  }
}
