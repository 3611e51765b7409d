/**
 * Gives every checked record its id and turns every reference into an id, looking in the file
 * first and in the store second; answers the import document, or the rejections.
 *
 * Ids: the id column when given. Otherwise
 * - a topic: the stored topic of the same name (case and umlauts ignored), else the slug of the name;
 * - an actor: the one stored actor of the same name, else the slug of the name;
 * - a collaboration: the one stored collaboration with this title (and start date, when the row
 *   has one), else the slug of title and start date ("Netzwerktreffen 2022-03-01" →
 *   netzwerktreffen-2022-03-01).
 * So a file without ids imports into the same records every time. Two rows of one table with the
 * same id are refused.
 *
 * References (Themen, Beteiligte, Kooperation, Akteur) are tried as: an id in the file, an id in
 * the store, a name (title) in the file, a name in the store — topics also by their aliases last.
 * A name that fits several records is refused as ambiguous.
 */
import type { Collaboration, ParticipationRole, Topic } from '../../domain/model';
import { topicSortKey } from '../../domain/ordering';
import { encodeCursor, MAX_PAGE_SIZE } from '../../domain/paging';
import { nameKey, slugify } from '../../domain/text';
import type { ImportGraph, ImportParticipation } from './import-rules';
import type { NetworkStore } from '../../store/network-store';
import type { Rejection, Source } from './model';
import { EN, type RecordKind, type ReportMessages, type RequiredField } from './report-messages';
import { nearestName } from './validate';
import type { CheckedActor, CheckedCollaboration, CheckedParticipation, CheckedRows, CheckedTopic } from './validate';

/** What resolution reads from the store. */
export type ResolveStore = Pick<
  NetworkStore,
  'listTopics' | 'getActors' | 'getTopics' | 'getCollaborations' | 'actorIdsByName' | 'collaborationIdsByTitle'
>;

type Record_ = { source: Source; labels: { [column: string]: string }; rejected?: boolean };

/** Every stored topic (topics are few: a few hundred even in large networks). */
async function allTopics(store: ResolveStore): Promise<Topic[]> {
  const topics: Topic[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listTopics({}, { first: MAX_PAGE_SIZE, after });
    topics.push(...page.items);
    if (!page.hasNextPage || page.items.length === 0) return topics;
    after = encodeCursor(topicSortKey(page.items[page.items.length - 1]));
  }
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const sameDay = (c: Collaboration, startDate: string | null | undefined) =>
  startDate === undefined || c.startDate === startDate;

/** `m`: the messages of the report's language (report-messages.ts). */
export async function resolveRows(
  rows: CheckedRows,
  store: ResolveStore,
  m: ReportMessages = EN,
): Promise<{ graph: ImportGraph | null; rejections: Rejection[] }> {
  const rejections: Rejection[] = [];
  const reject = (record: Record_, column: string | null, reason: string) => {
    const { file, table, row } = record.source;
    rejections.push({ file, table, row, field: column === null ? null : (record.labels[column] ?? column), reason });
  };

  // --- ids of the file's records -------------------------------------------------------------
  const storedTopics = await allTopics(store);
  const storedTopicIds = new Set(storedTopics.map((t) => t.id));
  const storedTopicByName = new Map<string, string[]>();
  const storedTopicByAlias = new Map<string, string[]>();
  for (const t of storedTopics) {
    addTo(storedTopicByName, nameKey(t.name), t.id);
    for (const alias of t.aliases) addTo(storedTopicByAlias, nameKey(alias), t.id);
  }

  const topicIds = new Map<CheckedTopic, string>();
  for (const t of rows.topics) {
    const byName = t.name !== undefined ? storedTopicByName.get(nameKey(t.name)) : undefined;
    const id = t.id ?? (byName?.length === 1 ? byName[0] : t.name !== undefined ? slugify(t.name) : '');
    if (id === '') reject(t, 'name', m.noIdFrom(t.name ?? ''));
    else topicIds.set(t, id);
  }

  const unnamedActors = rows.actors.filter((a) => a.id === undefined && a.name !== undefined);
  const found = unnamedActors.length > 0 ? await store.actorIdsByName(unnamedActors.map((a) => a.name!)) : [];
  const actorsByName = new Map(unnamedActors.map((a, i) => [a, found[i]] as const));
  const actorIds = new Map<CheckedActor, string>();
  rows.actors.forEach((a) => {
    if (a.id !== undefined) return actorIds.set(a, a.id);
    const stored = actorsByName.get(a) ?? [];
    if (stored.length > 1) return reject(a, 'name', m.storedActorsNamed(stored.length, a.name ?? '', stored));
    const id = stored[0] ?? slugify(a.name ?? '');
    if (id === '') return reject(a, 'name', m.noIdFrom(a.name ?? ''));
    actorIds.set(a, id);
  });

  const untitled = rows.collaborations.filter((c) => c.id === undefined && c.title !== undefined);
  const titled = untitled.length > 0 ? await store.collaborationIdsByTitle(untitled.map((c) => c.title!)) : [];
  const byTitle = new Map(untitled.map((c, i) => [c, titled[i]] as const));
  const candidates = new Map(
    (await store.getCollaborations([...new Set(titled.flat())]))
      .filter((c): c is Collaboration => c !== null)
      .map((c) => [c.id, c]),
  );
  const collaborationIds = new Map<CheckedCollaboration, string>();
  rows.collaborations.forEach((c) => {
    if (c.id !== undefined) return collaborationIds.set(c, c.id);
    const stored = (byTitle.get(c) ?? []).filter((id) => sameDay(candidates.get(id)!, c.startDate));
    if (stored.length > 1) {
      return reject(c, 'title', m.storedCollaborationsTitled(stored.length, c.title ?? '', stored));
    }
    const id = stored[0] ?? slugify(`${c.title ?? ''} ${c.startDate ?? ''}`);
    if (id === '') return reject(c, 'title', m.noIdFrom(c.title ?? ''));
    collaborationIds.set(c, id);
  });

  const noRepeatedIds = <R extends Record_>(ids: Map<R, string>, what: RecordKind) => {
    const first = new Map<string, R>();
    for (const [record, id] of ids) {
      const earlier = first.get(id);
      if (earlier) reject(record, 'id', m.idTwice(what, id, earlier.source.file, earlier.source.row));
      else first.set(id, record);
    }
  };
  noRepeatedIds(topicIds, 'topic');
  noRepeatedIds(actorIds, 'actor');
  noRepeatedIds(collaborationIds, 'collaboration');

  // Topic names are one when their slugs are ("SPACE" and "Space", "Grünfläche" and "Grunflache"):
  // the store refuses a second one at write time, so the row is refused here.
  const topicBySlug = new Map<string, { id: string; where: string }>();
  for (const t of storedTopics) topicBySlug.set(slugify(t.name), { id: t.id, where: m.storedTopic(t.name, t.id) });
  for (const [t, id] of topicIds) {
    if (t.name === undefined || t.rejected) continue;
    const slug = slugify(t.name);
    const other = topicBySlug.get(slug);
    if (other && other.id !== id) reject(t, 'name', m.sameTopicName(t.name, other.where));
    else topicBySlug.set(slug, { id, where: m.topicInFile(t.name, t.source.file, t.source.row) });
  }

  // --- new records need their required fields -----------------------------------------------
  const storedIds = async <T extends { id: string }>(
    ids: Iterable<string>,
    get: (ids: readonly string[]) => Promise<Array<T | null>>,
  ) => new Set((await get([...new Set(ids)])).filter((x): x is T => x !== null).map((x) => x.id));
  const topicsStored = new Set([...topicIds.values()].filter((id) => storedTopicIds.has(id)));
  const actorsStored = await storedIds(actorIds.values(), (ids) => store.getActors(ids));
  const collaborationsStored = await storedIds(collaborationIds.values(), (ids) => store.getCollaborations(ids));
  const requireFor = <R extends Record_>(
    ids: Map<R, string>,
    stored: Set<string>,
    fields: Array<keyof R & RequiredField>,
    what: RecordKind,
  ) => {
    for (const [record, id] of ids) {
      if (stored.has(id) || record.rejected) continue;
      for (const field of fields) {
        if (record[field] === undefined) reject(record, null, m.newNeeds(what, id, field));
      }
    }
  };
  requireFor(topicIds, topicsStored, ['name'], 'topic');
  requireFor(actorIds, actorsStored, ['name', 'kind'], 'actor');
  requireFor(collaborationIds, collaborationsStored, ['title', 'kind'], 'collaboration');

  // An end date needs a start date: in the row (empty or absent for a new collaboration) or stored.
  const endOnly = [...collaborationIds].filter(
    ([c]) => !c.rejected && c.endDate && (c.startDate === undefined || c.startDate === null),
  );
  if (endOnly.length > 0) {
    const stored = new Map(
      (await store.getCollaborations(endOnly.map(([, id]) => id)))
        .filter((c): c is Collaboration => c !== null)
        .map((c) => [c.id, c]),
    );
    for (const [c, id] of endOnly) {
      if (c.startDate === undefined && stored.get(id)?.startDate) continue;
      reject(c, 'startDate', m.endWithoutStart());
    }
  }

  // --- references ----------------------------------------------------------------------------
  const fileTopicIds = new Set(topicIds.values());
  const fileTopicByName = new Map<string, string[]>();
  const fileTopicByAlias = new Map<string, string[]>();
  for (const [t, id] of topicIds) {
    if (t.name !== undefined) addTo(fileTopicByName, nameKey(t.name), id);
    for (const alias of t.aliases ?? []) addTo(fileTopicByAlias, nameKey(alias), id);
  }
  const topicOf = (ref: string): string[] => {
    if (fileTopicIds.has(ref) || storedTopicIds.has(ref)) return [ref];
    const key = nameKey(ref);
    for (const index of [fileTopicByName, storedTopicByName, fileTopicByAlias, storedTopicByAlias]) {
      const found = index.get(key);
      if (found) return found;
    }
    return [];
  };

  // Names a misspelled reference may mean: the file's actors, the file's and the stored topics.
  const fileActorNames = [...actorIds.keys()].flatMap((a) => (a.name !== undefined ? [a.name] : []));
  const topicNames = [
    ...[...topicIds.keys()].flatMap((t) => (t.name !== undefined ? [t.name] : [])),
    ...storedTopics.map((t) => t.name),
  ];
  const fileActorIds = new Set(actorIds.values());
  const fileActorByName = new Map<string, string[]>();
  for (const [a, id] of actorIds) if (a.name !== undefined) addTo(fileActorByName, nameKey(a.name), id);
  const actorRefs = [
    ...rows.collaborations.flatMap((c) => (c.participants ?? []).map((p) => p.ref)),
    ...rows.participations.map((p) => p.actor),
  ].filter((ref) => ref !== '' && !fileActorIds.has(ref));
  const actorRefsStored = await storedIds(actorRefs, (ids) => store.getActors(ids));
  const actorNameRefs = [
    ...new Set(actorRefs.filter((ref) => !actorRefsStored.has(ref) && !fileActorByName.has(nameKey(ref)))),
  ];
  const storedActorByName = new Map<string, string[]>();
  (actorNameRefs.length > 0 ? await store.actorIdsByName(actorNameRefs) : []).forEach((ids, i) =>
    storedActorByName.set(nameKey(actorNameRefs[i]), ids),
  );
  const actorOf = (ref: string): string[] => {
    if (fileActorIds.has(ref) || actorRefsStored.has(ref)) return [ref];
    return fileActorByName.get(nameKey(ref)) ?? storedActorByName.get(nameKey(ref)) ?? [];
  };

  const fileCollaborationIds = new Set(collaborationIds.values());
  const fileCollaborationByTitle = new Map<string, string[]>();
  for (const [c, id] of collaborationIds)
    if (c.title !== undefined) addTo(fileCollaborationByTitle, nameKey(c.title), id);
  const collaborationRefs = rows.participations
    .map((p) => p.collaboration)
    .filter((ref) => ref !== '' && !fileCollaborationIds.has(ref));
  const collaborationRefsStored = await storedIds(collaborationRefs, (ids) => store.getCollaborations(ids));
  const titleRefs = [
    ...new Set(
      collaborationRefs.filter(
        (ref) => !collaborationRefsStored.has(ref) && !fileCollaborationByTitle.has(nameKey(ref)),
      ),
    ),
  ];
  const storedByTitle = new Map<string, string[]>();
  (titleRefs.length > 0 ? await store.collaborationIdsByTitle(titleRefs) : []).forEach((ids, i) =>
    storedByTitle.set(titleRefs[i], ids),
  );
  const collaborationOf = (ref: string): string[] => {
    if (fileCollaborationIds.has(ref) || collaborationRefsStored.has(ref)) return [ref];
    return fileCollaborationByTitle.get(nameKey(ref)) ?? storedByTitle.get(ref) ?? [];
  };

  /** The one id a reference means, or undefined after rejecting the row. */
  const one = (record: Record_, column: string, ref: string, what: RecordKind, found: string[]): string | undefined => {
    if (found.length === 1) return found[0];
    if (record.rejected) return undefined;
    if (found.length === 0) {
      const guess = nearestName(ref, what === 'actor' ? fileActorNames : what === 'topic' ? topicNames : []);
      reject(record, column, m.unknownReference(what, ref, guess));
    } else reject(record, column, m.ambiguousReference(what, ref, found));
    return undefined;
  };

  const graph: ImportGraph = {
    topics: [],
    actors: [],
    collaborations: [],
    interests: [],
    collaborationTopics: [],
    participations: [],
  };
  const noneTwice = (record: Record_, column: string, ids: Array<string | undefined>, what: RecordKind): string[] => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (id === undefined) continue;
      if (seen.has(id) && !record.rejected) reject(record, column, m.listedTwice(what, id));
      seen.add(id);
    }
    return [...seen];
  };

  for (const [t, id] of topicIds) {
    graph.topics.push(definedOnly({ id, name: t.name, aliases: t.aliases }));
  }
  for (const [a, id] of actorIds) {
    graph.actors.push(
      definedOnly({
        id,
        name: a.name,
        kind: a.kind,
        description: a.description,
        district: a.district,
        website: a.website,
        contact: a.contact,
      }),
    );
    const topics = (a.topics ?? []).map((t) => ({ ...t, id: one(a, 'topics', t.ref, 'topic', topicOf(t.ref)) }));
    noneTwice(
      a,
      'topics',
      topics.map((t) => t.id),
      'topic',
    );
    for (const t of topics)
      if (t.id !== undefined) graph.interests.push(definedOnly({ actorId: id, topicId: t.id, weight: t.weight }));
  }

  const participations = new Map<string, { participation: ImportParticipation; record: Record_ }>();
  const addParticipation = (
    record: Record_,
    column: string,
    actorId: string,
    collaborationId: string,
    role: ParticipationRole | undefined,
  ) => {
    const key = `${actorId}\u0000${collaborationId}`;
    const earlier = participations.get(key);
    if (!earlier) {
      participations.set(key, { participation: definedOnly({ actorId, collaborationId, role }), record });
      return;
    }
    const before = earlier.participation.role;
    if (role !== undefined && before !== undefined && role !== before) {
      if (!record.rejected) {
        reject(
          record,
          column,
          m.roleConflict(actorId, collaborationId, before, earlier.record.source.file, earlier.record.source.row, role),
        );
      }
    } else if (role !== undefined) earlier.participation.role = role;
  };

  for (const [c, id] of collaborationIds) {
    graph.collaborations.push(
      definedOnly({
        id,
        title: c.title,
        kind: c.kind,
        startDate: c.startDate,
        endDate: c.endDate,
        location: c.location,
        description: c.description,
      }),
    );
    const topics = (c.topics ?? []).map((t) => one(c, 'topics', t.ref, 'topic', topicOf(t.ref)));
    for (const topicId of noneTwice(c, 'topics', topics, 'topic'))
      graph.collaborationTopics.push({ collaborationId: id, topicId });
    const participants = (c.participants ?? []).map((p) => ({
      ...p,
      id: one(c, 'participants', p.ref, 'actor', actorOf(p.ref)),
    }));
    noneTwice(
      c,
      'participants',
      participants.map((p) => p.id),
      'actor',
    );
    for (const p of participants) if (p.id !== undefined) addParticipation(c, 'participants', p.id, id, p.role);
  }
  for (const p of rows.participations as CheckedParticipation[]) {
    const collaborationId =
      p.collaboration === ''
        ? undefined
        : one(p, 'collaboration', p.collaboration, 'collaboration', collaborationOf(p.collaboration));
    const actorId = p.actor === '' ? undefined : one(p, 'actor', p.actor, 'actor', actorOf(p.actor));
    if (collaborationId !== undefined && actorId !== undefined)
      addParticipation(p, 'role', actorId, collaborationId, p.role);
  }
  graph.participations = [...participations.values()].map((p) => p.participation);

  if (
    rejections.length > 0 ||
    [...rows.actors, ...rows.topics, ...rows.collaborations, ...rows.participations].some((r) => r.rejected)
  ) {
    return { graph: null, rejections };
  }
  return { graph, rejections };
}

function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
