/**
 * What an import does to a store, the same in every store: `planImport` compares the import
 * document with what the store holds of the records and relationships it touches and answers what
 * to create, what to update, what is unchanged, and the history records to append. The adapters only
 * load that state (`importKeys` says which) and write the plan, all in one transaction.
 *
 * Rules:
 * - Records are matched by id. A record that does not exist is created and needs its required
 *   fields (name and kind; name; title and kind); one that exists gets the fields the document
 *   carries (absent: unchanged; null: cleared) — unchanged when they already hold those values.
 * - Relationships are only ever added or changed, never removed: an interest's weight and a
 *   participation's role are set when given (absent: kept, 1 / PARTICIPANT for a new one).
 * - Every reference must be in the document or in the store: NOT_FOUND otherwise.
 * - A topic's slug is unique: CONFLICT when a topic would take the slug of another.
 * - An updated actor's version goes up by one, and so does a collaboration's whose fields, topics or
 *   participants changed; updatedAt is the import's time.
 * - History: one IMPORT record per created or changed topic, actor and collaboration (changed
 *   fields; `interest:<topicId>` on the actor, `topic:<topicId>` and `participant:<actorId>` on the
 *   collaboration for added or changed relationships) and one IMPORT record on "network" with the
 *   counts. Nothing is recorded for what is unchanged.
 */
import { BadInputError, ConflictError } from '../../domain/errors';
import type { Actor, Collaboration, ParticipationRole, Topic } from '../../domain/model';
import { slugify } from '../../domain/text';
import { checkDateRange } from '../../domain/validation';
import {
  ACTOR_FIELDS,
  COLLABORATION_FIELDS,
  TOPIC_FIELDS,
  diffFields,
  type ChangeDraft,
  type FieldChange,
} from '../history/history-rules';
import { MissingReferenceError } from '../../domain/input-rules';

export * from './import-document';
import type { ImportCollaborationTopic, ImportCounts, ImportGraph, ImportTable, TableCounts } from './import-document';
import { IMPORT_TABLES } from './import-document';

// ---------------------------------------------------------------------------------------------
// What the store holds of what the document touches

/** Pair keys of relationships: `a\u0000b`. */
export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

export interface ImportKeys {
  topicIds: string[];
  actorIds: string[];
  collaborationIds: string[];
  interests: Array<{ actorId: string; topicId: string }>;
  collaborationTopics: Array<{ collaborationId: string; topicId: string }>;
  participations: Array<{ actorId: string; collaborationId: string }>;
  /** Slugs the document's topic names would take. */
  topicSlugs: string[];
}

export interface ImportState {
  topics: Map<string, Topic>;
  actors: Map<string, Actor>;
  collaborations: Map<string, Collaboration>;
  /** pairKey(actorId, topicId) → weight */
  interests: Map<string, number>;
  /** pairKey(collaborationId, topicId) */
  collaborationTopics: Set<string>;
  /** pairKey(actorId, collaborationId) → role */
  participations: Map<string, ParticipationRole>;
  /** slug → id of the stored topic that has it (for the slugs in ImportKeys.topicSlugs) */
  topicSlugs: Map<string, string>;
}

const unique = (values: Iterable<string>) => [...new Set(values)];

/** Which records and relationships the adapter must load for `planImport`. */
export function importKeys(doc: ImportGraph): ImportKeys {
  return {
    topicIds: unique([
      ...doc.topics.map((t) => t.id),
      ...doc.interests.map((i) => i.topicId),
      ...doc.collaborationTopics.map((b) => b.topicId),
    ]),
    actorIds: unique([
      ...doc.actors.map((a) => a.id),
      ...doc.interests.map((i) => i.actorId),
      ...doc.participations.map((p) => p.actorId),
    ]),
    collaborationIds: unique([
      ...doc.collaborations.map((c) => c.id),
      ...doc.collaborationTopics.map((b) => b.collaborationId),
      ...doc.participations.map((p) => p.collaborationId),
    ]),
    interests: doc.interests.map((i) => ({ actorId: i.actorId, topicId: i.topicId })),
    collaborationTopics: doc.collaborationTopics.map((b) => ({
      collaborationId: b.collaborationId,
      topicId: b.topicId,
    })),
    participations: doc.participations.map((p) => ({ actorId: p.actorId, collaborationId: p.collaborationId })),
    topicSlugs: unique(doc.topics.filter((t) => t.name !== undefined).map((t) => slugify(t.name!))),
  };
}

// ---------------------------------------------------------------------------------------------
// The plan

export interface ImportPlan {
  counts: ImportCounts;
  createTopics: Topic[];
  updateTopics: Topic[];
  /** Full records: version 1 (created) or the stored version + 1 (updated), timestamps set. */
  createActors: Actor[];
  updateActors: Actor[];
  createCollaborations: Collaboration[];
  updateCollaborations: Collaboration[];
  /** Interests to create or whose weight to set. */
  setInterests: Array<{ actorId: string; topicId: string; weight: number }>;
  createCollaborationTopics: ImportCollaborationTopic[];
  /** Participations to create or whose role to set. */
  setParticipations: Array<{ actorId: string; collaborationId: string; role: ParticipationRole }>;
  drafts: ChangeDraft[];
}

/** How many writes a plan makes (for progress). */
export function planSize(plan: ImportPlan): number {
  return (
    plan.createTopics.length +
    plan.updateTopics.length +
    plan.createActors.length +
    plan.updateActors.length +
    plan.createCollaborations.length +
    plan.updateCollaborations.length +
    plan.setInterests.length +
    plan.createCollaborationTopics.length +
    plan.setParticipations.length +
    plan.drafts.length
  );
}

function emptyCounts(): ImportCounts {
  return Object.fromEntries(IMPORT_TABLES.map((t) => [t, { created: 0, updated: 0, unchanged: 0 }])) as ImportCounts;
}

/** Field-level changes per entity, gathered while planning, turned into drafts at the end. */
class Changes {
  private readonly byEntity = new Map<string, ChangeDraft>();

  add(entityType: 'Actor' | 'Topic' | 'Collaboration', entityId: string, changes: readonly FieldChange[]): void {
    if (changes.length === 0) return;
    const key = `${entityType}\u0000${entityId}`;
    let draft = this.byEntity.get(key);
    if (!draft) this.byEntity.set(key, (draft = { entityType, entityId, operation: 'IMPORT', changes: [] }));
    draft.changes.push(...changes);
  }

  drafts(): ChangeDraft[] {
    return [...this.byEntity.values()];
  }
}

function once<T extends object>(items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k))
      throw new BadInputError(`${what} "${k.replace('\u0000', '" / "')}" is listed twice in the import`, 'files');
    seen.add(k);
  }
}

/** A patch value of a required field: absent keeps, null or blank is refused. */
function requiredValue<T>(value: T | undefined, current: T | undefined, field: string, what: string): T {
  if (value === undefined) {
    if (current === undefined) throw new BadInputError(`${field} is required for the new ${what}`, field);
    return current;
  }
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new BadInputError(`${field} of ${what} cannot be empty`, field);
  }
  return value;
}

function optionalValue<T>(value: T | null | undefined, current: T | null): T | null {
  return value === undefined ? current : value;
}

export function planImport(doc: ImportGraph, state: ImportState, now: string): ImportPlan {
  once(doc.topics, (t) => t.id, 'Topic');
  once(doc.actors, (a) => a.id, 'Actor');
  once(doc.collaborations, (c) => c.id, 'Collaboration');
  once(doc.interests, (i) => pairKey(i.actorId, i.topicId), 'Interest');
  once(doc.collaborationTopics, (b) => pairKey(b.collaborationId, b.topicId), 'Collaboration topic');
  once(doc.participations, (p) => pairKey(p.actorId, p.collaborationId), 'Participation');

  const counts = emptyCounts();
  const changes = new Changes();
  const plan: ImportPlan = {
    counts,
    createTopics: [],
    updateTopics: [],
    createActors: [],
    updateActors: [],
    createCollaborations: [],
    updateCollaborations: [],
    setInterests: [],
    createCollaborationTopics: [],
    setParticipations: [],
    drafts: [],
  };
  const tally = (table: ImportTable, outcome: keyof TableCounts) => counts[table][outcome]++;

  // --- topics (slugs unique across the document and the store) ---
  const slugOwner = new Map(state.topicSlugs);
  const topicIds = new Set(state.topics.keys());
  for (const t of doc.topics) {
    const current = state.topics.get(t.id);
    const name = requiredValue(t.name, current?.name, 'name', `topic "${t.id}"`);
    const topic: Topic = {
      id: t.id,
      name,
      slug: slugify(name),
      aliases: t.aliases !== undefined ? [...t.aliases] : (current?.aliases ?? []),
    };
    if (topic.slug === '') throw new BadInputError(`the name of topic "${t.id}" has no letters or digits`, 'name');
    const owner = slugOwner.get(topic.slug);
    if (owner !== undefined && owner !== t.id) {
      throw new ConflictError(
        `Topic "${owner}" already has the slug "${topic.slug}" (the name of topic "${t.id}")`,
        'name',
      );
    }
    if (current && current.slug !== topic.slug && slugOwner.get(current.slug) === t.id) slugOwner.delete(current.slug);
    slugOwner.set(topic.slug, t.id);
    topicIds.add(t.id);
    const fieldChanges = diffFields(current ?? null, topic, TOPIC_FIELDS);
    if (!current) {
      plan.createTopics.push(topic);
      tally('topics', 'created');
    } else if (fieldChanges.length > 0) {
      plan.updateTopics.push(topic);
      tally('topics', 'updated');
    } else {
      tally('topics', 'unchanged');
      continue;
    }
    changes.add('Topic', t.id, fieldChanges);
  }

  // --- actors ---
  const actorIds = new Set(state.actors.keys());
  for (const a of doc.actors) {
    const current = state.actors.get(a.id);
    const what = `actor "${a.id}"`;
    const fields = {
      name: requiredValue(a.name, current?.name, 'name', what),
      kind: requiredValue(a.kind, current?.kind, 'kind', what),
      description: optionalValue(a.description, current?.description ?? null),
      district: optionalValue(a.district, current?.district ?? null),
      website: optionalValue(a.website, current?.website ?? null),
      contact: optionalValue(a.contact, current?.contact ?? null),
    };
    actorIds.add(a.id);
    const fieldChanges = diffFields(current ?? null, fields, ACTOR_FIELDS);
    if (!current) {
      plan.createActors.push({ id: a.id, ...fields, createdAt: now, updatedAt: now, version: 1 });
      tally('actors', 'created');
    } else if (fieldChanges.length > 0) {
      plan.updateActors.push({ ...current, ...fields, updatedAt: now, version: current.version + 1 });
      tally('actors', 'updated');
    } else {
      tally('actors', 'unchanged');
      continue;
    }
    changes.add('Actor', a.id, fieldChanges);
  }

  // --- collaborations ---
  const collaborationIds = new Set(state.collaborations.keys());
  for (const c of doc.collaborations) {
    const current = state.collaborations.get(c.id);
    const what = `collaboration "${c.id}"`;
    const fields = {
      title: requiredValue(c.title, current?.title, 'title', what),
      kind: requiredValue(c.kind, current?.kind, 'kind', what),
      startDate: optionalValue(c.startDate, current?.startDate ?? null),
      endDate: optionalValue(c.endDate, current?.endDate ?? null),
      location: optionalValue(c.location, current?.location ?? null),
      description: optionalValue(c.description, current?.description ?? null),
    };
    checkDateRange(fields.startDate, fields.endDate);
    collaborationIds.add(c.id);
    const fieldChanges = diffFields(current ?? null, fields, COLLABORATION_FIELDS);
    if (!current) {
      plan.createCollaborations.push({ id: c.id, ...fields, createdAt: now, updatedAt: now, version: 1 });
      tally('collaborations', 'created');
    } else if (fieldChanges.length > 0) {
      plan.updateCollaborations.push({ ...current, ...fields, updatedAt: now, version: current.version + 1 });
      tally('collaborations', 'updated');
    } else {
      tally('collaborations', 'unchanged');
      continue;
    }
    changes.add('Collaboration', c.id, fieldChanges);
  }

  const requireRef = (known: Set<string>, entity: 'Actor' | 'Topic' | 'Collaboration', id: string, field: string) => {
    if (!known.has(id)) throw new MissingReferenceError(entity, id, field);
  };

  // --- interests ---
  for (const i of doc.interests) {
    requireRef(actorIds, 'Actor', i.actorId, 'interests');
    requireRef(topicIds, 'Topic', i.topicId, 'interests');
    if (i.weight !== undefined && !(i.weight > 0 && i.weight <= 1)) {
      throw new BadInputError(`weight must be in (0, 1], got ${i.weight}`, 'interests');
    }
    const before = state.interests.get(pairKey(i.actorId, i.topicId));
    const weight = i.weight ?? before ?? 1;
    if (before === weight) {
      tally('interests', 'unchanged');
      continue;
    }
    tally('interests', before === undefined ? 'created' : 'updated');
    plan.setInterests.push({ actorId: i.actorId, topicId: i.topicId, weight });
    changes.add('Actor', i.actorId, [{ field: `interest:${i.topicId}`, before: before ?? null, after: weight }]);
  }

  // --- topics of collaborations ---
  for (const b of doc.collaborationTopics) {
    requireRef(collaborationIds, 'Collaboration', b.collaborationId, 'topicIds');
    requireRef(topicIds, 'Topic', b.topicId, 'topicIds');
    if (state.collaborationTopics.has(pairKey(b.collaborationId, b.topicId))) {
      tally('collaborationTopics', 'unchanged');
      continue;
    }
    tally('collaborationTopics', 'created');
    plan.createCollaborationTopics.push({ collaborationId: b.collaborationId, topicId: b.topicId });
    changes.add('Collaboration', b.collaborationId, [{ field: `topic:${b.topicId}`, before: null, after: true }]);
  }

  // --- participations ---
  for (const p of doc.participations) {
    requireRef(actorIds, 'Actor', p.actorId, 'participants');
    requireRef(collaborationIds, 'Collaboration', p.collaborationId, 'participants');
    const before = state.participations.get(pairKey(p.actorId, p.collaborationId));
    const role = p.role ?? before ?? 'PARTICIPANT';
    if (before === role) {
      tally('participations', 'unchanged');
      continue;
    }
    tally('participations', before === undefined ? 'created' : 'updated');
    plan.setParticipations.push({ actorId: p.actorId, collaborationId: p.collaborationId, role });
    changes.add('Collaboration', p.collaborationId, [
      { field: `participant:${p.actorId}`, before: before ?? null, after: role },
    ]);
  }

  // A stored collaboration whose topics or participants changed, and not its fields, is changed too.
  const touched = new Set([
    ...plan.createCollaborations.map((c) => c.id),
    ...plan.updateCollaborations.map((c) => c.id),
  ]);
  const related = [
    ...plan.createCollaborationTopics.map((b) => b.collaborationId),
    ...plan.setParticipations.map((p) => p.collaborationId),
  ];
  for (const id of related) {
    const current = state.collaborations.get(id);
    if (!current || touched.has(id)) continue;
    touched.add(id);
    plan.updateCollaborations.push({ ...current, updatedAt: now, version: current.version + 1 });
  }

  plan.drafts = changes.drafts();
  if (plan.drafts.length > 0) plan.drafts.push(importSummary(counts));
  return plan;
}

/** The one record on "network" that says what an import did. */
export function importSummary(counts: ImportCounts): ChangeDraft {
  return {
    entityType: 'Network',
    entityId: 'network',
    operation: 'IMPORT',
    changes: IMPORT_TABLES.map((table) => ({ field: table, before: null, after: { ...counts[table] } })),
  };
}
