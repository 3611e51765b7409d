/**
 * Rows as SQLite returns them, and their mapping to the domain model (column names are snake_case,
 * aliases are JSON text, optional values are NULL).
 */
import type {
  Actor,
  ActorKind,
  Collaboration,
  CollaborationKind,
  Interest,
  Participation,
  ParticipationRole,
  Topic,
} from '../../domain/model';

export interface ActorRow {
  id: string;
  name: string;
  name_key: string;
  kind: string;
  description: string | null;
  district: string | null;
  website: string | null;
  contact: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TopicRow {
  id: string;
  name: string;
  name_key: string;
  slug: string;
  aliases: string;
}

export interface CollaborationRow {
  id: string;
  title: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  location: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface InterestRow {
  actor_id: string;
  topic_id: string;
  weight: number;
}

export interface ParticipationRow {
  actor_id: string;
  collaboration_id: string;
  role: string;
}

export function toActor(r: ActorRow): Actor {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ActorKind,
    description: r.description,
    district: r.district,
    website: r.website,
    contact: r.contact,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export function toTopic(r: TopicRow): Topic {
  return { id: r.id, name: r.name, slug: r.slug, aliases: JSON.parse(r.aliases) as string[] };
}

export function toCollaboration(r: CollaborationRow): Collaboration {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as CollaborationKind,
    startDate: r.start_date,
    endDate: r.end_date,
    location: r.location,
    description: r.description,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export function toInterest(r: InterestRow): Interest {
  return { actorId: r.actor_id, topicId: r.topic_id, weight: r.weight };
}

export function toParticipation(r: ParticipationRow): Participation {
  return { actorId: r.actor_id, collaborationId: r.collaboration_id, role: r.role as ParticipationRole };
}

/** Optional text fields: absent and null both store NULL. */
export function opt(value: string | null | undefined): string | null {
  return value ?? null;
}

/**
 * Regroups rows of a batched query by key, answering one entry per requested key in the order of
 * the keys. Rows must arrive in the wanted order within a key. Each answer gets its own objects,
 * so callers may mutate one without touching another (keys may repeat).
 */
export function groupByKey<R, T>(
  keys: readonly string[],
  rows: readonly R[],
  keyOf: (row: R) => string,
  map: (row: R) => T,
): T[][] {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }
  return keys.map((k) => (byKey.get(k) ?? []).map(map));
}

/** One record (or null) per requested id, in the order of the ids. */
export function pickById<R extends { id: string }, T>(
  ids: readonly string[],
  rows: readonly R[],
  map: (row: R) => T,
): Array<T | null> {
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  return ids.map((id) => {
    const row = byId.get(id);
    return row ? map(row) : null;
  });
}
