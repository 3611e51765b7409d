/**
 * readTouched in the embedded store (port/reads.ts TouchedReads): the entities some feed events
 * touched, read for the projection in one read transaction (one snapshot of the database). Seven
 * small indexed statements, each with the keys bound as one JSON array; SQLite answers them in
 * process, so there is no round trip to save, only the one snapshot to keep.
 */
import type { ActorKind, CollaborationKind, IsoDate } from '../../domain/model';
import type { TouchedIds, TouchedState } from '../../domain/records';
import type { TouchedReads } from '../port/reads';
import type { EmbeddedDatabase } from './database';
import { groupByKey, pickById } from './rows';
import { keysJson } from './sql';

const KEYS = '(SELECT value FROM json_each(?))';

const ACTORS = `SELECT id, kind FROM actor WHERE id IN ${KEYS}`;
const INTERESTS_OF = `SELECT actor_id AS k, topic_id AS v FROM interest WHERE actor_id IN ${KEYS} ORDER BY topic_id`;
const PARTICIPATIONS_OF = `
  SELECT actor_id AS k, collaboration_id AS v FROM participation WHERE actor_id IN ${KEYS} ORDER BY collaboration_id`;
const COLLABORATIONS = `
  SELECT id, kind, start_date AS startDate, end_date AS endDate FROM collaboration WHERE id IN ${KEYS}`;
const TOPICS_OF = `SELECT collaboration_id AS k, topic_id AS v FROM about WHERE collaboration_id IN ${KEYS} ORDER BY topic_id`;
const PARTICIPANTS_OF = `
  SELECT collaboration_id AS k, actor_id AS v FROM participation WHERE collaboration_id IN ${KEYS} ORDER BY actor_id`;
const TOPICS = `SELECT id FROM topic WHERE id IN ${KEYS}`;

type Pair = { k: string; v: string };

/** The touched entities, read on the caller's transaction (inside `d.read`). */
export function readTouchedState(
  d: EmbeddedDatabase,
  { actorIds, collaborationIds, topicIds }: TouchedIds,
): TouchedState {
  const pairs = (statement: string, keys: readonly string[]) =>
    keys.length === 0
      ? []
      : groupByKey(
          keys,
          d.sql.all<Pair>(statement, keysJson(keys)),
          (r) => r.k,
          (r) => r.v,
        );
  const actorRows = actorIds.length ? d.sql.all<{ id: string; kind: ActorKind }>(ACTORS, keysJson(actorIds)) : [];
  const interests = pairs(INTERESTS_OF, actorIds);
  const participations = pairs(PARTICIPATIONS_OF, actorIds);
  const collaborationRows = collaborationIds.length
    ? d.sql.all<{ id: string; kind: CollaborationKind; startDate: IsoDate | null; endDate: IsoDate | null }>(
        COLLABORATIONS,
        keysJson(collaborationIds),
      )
    : [];
  const about = pairs(TOPICS_OF, collaborationIds);
  const participants = pairs(PARTICIPANTS_OF, collaborationIds);
  const topicRows = topicIds.length ? d.sql.all<{ id: string }>(TOPICS, keysJson(topicIds)) : [];
  const actors = new Map(actorRows.map((r) => [r.id, r] as const));
  const collaborations = new Map(collaborationRows.map((r) => [r.id, r] as const));
  return {
    actors: actorIds.map((id, i) => {
      const r = actors.get(id);
      return r ? { id, kind: r.kind, topicIds: interests[i]!, collaborationIds: participations[i]! } : null;
    }),
    collaborations: collaborationIds.map((id, i) => {
      const r = collaborations.get(id);
      return r ? { ...r, topicIds: about[i]!, actorIds: participants[i]! } : null;
    }),
    topics: pickById(topicIds, topicRows, (r) => ({ id: r.id })),
  };
}

export function embeddedTouchedReads(d: EmbeddedDatabase): TouchedReads {
  return {
    async readTouched(ids: TouchedIds): Promise<TouchedState> {
      return d.read(() => readTouchedState(d, ids));
    },
  };
}
