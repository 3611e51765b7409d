/**
 * Records of the Neo4j driver → domain values. This is the edge where neo4j Integers become JS
 * numbers and temporal values become the domain's ISO strings: nothing neo4j-specific leaves the
 * adapter. Properties Neo4j does not store (a null was written) come back missing and become null.
 */
import neo4j from 'neo4j-driver';
import type { Record as Neo4jRecord } from 'neo4j-driver';
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

type Props = { [key: string]: unknown };

/**
 * A driver value as a plain JS value: Integer → number, Date/DateTime/… → ISO string (their
 * `toString()` is ISO 8601), lists and maps converted deeply.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and floats: answered before the driver's six type tests (each reads
  // marker properties; at 100k, 0.3 ms of CPU per actor list of 50).
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Props = {};
    for (const [k, v] of Object.entries(value as Props)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** A number (Integer or Float) as a JS number; 0 when absent. */
export function toNumber(value: unknown): number {
  const plain = toPlain(value);
  return typeof plain === 'number' ? plain : 0;
}

function str(value: unknown): string {
  const plain = toPlain(value);
  return plain === null ? '' : String(plain);
}

function optStr(value: unknown): string | null {
  const plain = toPlain(value);
  return plain === null ? null : String(plain);
}

function props(value: unknown): Props {
  return (value ?? {}) as Props;
}

/** `properties(a)` of an Actor → Actor. */
export function toActor(value: unknown): Actor {
  const p = props(value);
  return {
    id: str(p.id),
    name: str(p.name),
    kind: str(p.kind) as ActorKind,
    description: optStr(p.description),
    district: optStr(p.district),
    website: optStr(p.website),
    contact: optStr(p.contact),
    createdAt: str(p.createdAt),
    updatedAt: str(p.updatedAt),
    version: toNumber(p.version),
  };
}

/**
 * An actor as a list of its properties in this order, as the actor lists return it
 * (`[a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt,
 * a.updatedAt, a.version]`): a list decodes without a key per value, a map with one.
 */
export const ACTOR_ROW = [
  'id',
  'name',
  'kind',
  'description',
  'district',
  'website',
  'contact',
  'createdAt',
  'updatedAt',
  'version',
] as const;

/** A topic as a list of its properties in this order (`[t.id, t.name, t.slug, t.aliases]`), as ACTOR_ROW. */
export const TOPIC_ROW = ['id', 'name', 'slug', 'aliases'] as const;

/**
 * A collaboration as a list of its properties in this order (`[c.id, c.title, c.kind, c.startDate,
 * c.endDate, c.location, c.description, c.createdAt, c.updatedAt, c.version]`), as ACTOR_ROW.
 */
export const COLLABORATION_ROW = [
  'id',
  'title',
  'kind',
  'startDate',
  'endDate',
  'location',
  'description',
  'createdAt',
  'updatedAt',
  'version',
] as const;

function propsOfRow(fields: readonly string[], row: unknown): Props {
  const values = row as unknown[];
  const p: Props = {};
  fields.forEach((field, i) => (p[field] = values[i]));
  return p;
}

/** An ACTOR_ROW list → Actor. */
export function actorOfRow(row: unknown): Actor {
  return toActor(propsOfRow(ACTOR_ROW, row));
}

/** A COLLABORATION_ROW list → Collaboration. */
export function collaborationOfRow(row: unknown): Collaboration {
  return toCollaboration(propsOfRow(COLLABORATION_ROW, row));
}

/** A TOPIC_ROW list → Topic. */
export function topicOfRow(row: unknown): Topic {
  return toTopic(propsOfRow(TOPIC_ROW, row));
}

/** `properties(t)` of a Topic → Topic. */
export function toTopic(value: unknown): Topic {
  const p = props(value);
  const aliases = toPlain(p.aliases);
  return {
    id: str(p.id),
    name: str(p.name),
    slug: str(p.slug),
    aliases: Array.isArray(aliases) ? aliases.map((a) => String(a)) : [],
  };
}

/** `properties(c)` of a Collaboration → Collaboration. */
export function toCollaboration(value: unknown): Collaboration {
  const p = props(value);
  return {
    id: str(p.id),
    title: str(p.title),
    kind: str(p.kind) as CollaborationKind,
    startDate: optStr(p.startDate),
    endDate: optStr(p.endDate),
    location: optStr(p.location),
    description: optStr(p.description),
    createdAt: str(p.createdAt),
    updatedAt: str(p.updatedAt),
    // Collaborations stored before they had a version have none: they are at version 1.
    version: p.version == null ? 1 : toNumber(p.version),
  };
}

/** `{topicId, weight}` of INTERESTS_OF_ACTORS → Interest of `actorId`. */
export function toInterestOfActor(actorId: string, value: unknown): Interest {
  const p = props(value);
  return { actorId, topicId: str(p.topicId), weight: toNumber(p.weight) };
}

/** `{actorId, weight}` of INTERESTS_IN_TOPICS → Interest in `topicId`. */
export function toInterestInTopic(topicId: string, value: unknown): Interest {
  const p = props(value);
  return { actorId: str(p.actorId), topicId, weight: toNumber(p.weight) };
}

/** `{collaborationId, role}` → Participation of `actorId`. */
export function toParticipationOfActor(actorId: string, value: unknown): Participation {
  const p = props(value);
  return { actorId, collaborationId: str(p.collaborationId), role: str(p.role) as ParticipationRole };
}

/** `[actorId, role]` (the participations of a collaboration, as lists: see ACTOR_ROW) → Participation in `collaborationId`. */
export function toParticipationInCollaboration(collaborationId: string, value: unknown): Participation {
  const [actorId, role] = value as [unknown, unknown];
  return { actorId: str(actorId), collaborationId, role: str(role) as ParticipationRole };
}

/** A list of ids (strings) from a record field. */
export function toStringList(value: unknown): string[] {
  const plain = toPlain(value);
  return Array.isArray(plain) ? plain.map((v) => String(v)) : [];
}

/** `[id, name]` pairs (GET_ACTOR_NAMES) by id; a name null in the store reads as '' (as stringField). */
export function toNamesById(value: unknown): Map<string, string> {
  return new Map(((value ?? []) as Array<[unknown, unknown]>).map(([id, name]) => [str(id), str(name)]));
}

/** A field of a record as a string ('' when null). */
export function stringField(record: Neo4jRecord, key: string): string {
  return str(record.get(key));
}

/** A field of a record as a string or null. */
export function optionalStringField(record: Neo4jRecord, key: string): string | null {
  return optStr(record.get(key));
}

/** A field of a record as a number (Integer or Float). */
export function numberField(record: Neo4jRecord, key: string): number {
  return toNumber(record.get(key));
}
