/**
 * The network as GraphData (what the import reads and the export writes) from a store's records and
 * relationship rows, in one order for every store: records by id, a record's interests by topic
 * id, its topics and participants by id. Each store reads its rows (embedded/graph-reads.ts,
 * neo4j/graph-reads.ts); putting them together is the same for both.
 */
import type { Actor, Collaboration, ParticipationRole, Topic } from '../domain/model';
import type { GraphData } from './network-store';

export interface GraphRows {
  topics: Topic[];
  actors: Actor[];
  collaborations: Collaboration[];
  interests: Array<{ actorId: string; topicId: string; weight: number }>;
  about: Array<{ collaborationId: string; topicId: string }>;
  participations: Array<{ actorId: string; collaborationId: string; role: ParticipationRole }>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => byString(a.id, b.id);

/** Rows grouped by a key, in row order. */
export function groupBy<R, V>(rows: readonly R[], key: (row: R) => string, value: (row: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}

export function assembleGraphData(rows: GraphRows): GraphData {
  const interests = groupBy(
    rows.interests,
    (r) => r.actorId,
    (r) => ({ topicId: r.topicId, weight: r.weight }),
  );
  const about = groupBy(
    rows.about,
    (r) => r.collaborationId,
    (r) => r.topicId,
  );
  const participants = groupBy(
    rows.participations,
    (r) => r.collaborationId,
    (r) => ({ actorId: r.actorId, role: r.role }),
  );
  return {
    topics: [...rows.topics].sort(byId).map((t) => ({ id: t.id, name: t.name, aliases: t.aliases })),
    actors: [...rows.actors].sort(byId).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      description: a.description,
      district: a.district,
      website: a.website,
      contact: a.contact,
      interests: (interests.get(a.id) ?? []).sort((x, y) => byString(x.topicId, y.topicId)),
    })),
    collaborations: [...rows.collaborations].sort(byId).map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      startDate: c.startDate,
      endDate: c.endDate,
      location: c.location,
      description: c.description,
      topicIds: (about.get(c.id) ?? []).sort(byString),
      participants: (participants.get(c.id) ?? []).sort((x, y) => byString(x.actorId, y.actorId)),
    })),
  };
}
