/**
 * A concurrent edit of a collaboration (editCollaboration answered CONFLICT): the same side-by-side
 * choice as for actors (conflict.ts). A row for every field, every topic and every participant
 * that this form changed and that is stored differently now; what this form did not change keeps
 * the stored value (so the other editor's changes are never undone unasked). Saving writes the
 * stored collaboration with the chosen values, again in one write with the stored version
 * (editCollaboration), so a third edit in between is caught as well.
 */
import { formatDate, label } from '../i18n';
import { allTopics, editCollaboration, type CollaborationEditInput, type EditableCollaboration } from './api';
import { lastAuthor, showConflictChoice, type ConflictRow } from './conflict';
import { closeDialog, type Form } from './form';
import type { EditHost } from './host';
import { et } from './strings';

type Field = Exclude<keyof CollaborationEditInput, 'topicIds' | 'participants'>;

const LABEL: Record<Field, Parameters<typeof et>[0]> = {
  title: 'meeting.name',
  kind: 'meeting.kind',
  startDate: 'meeting.start',
  endDate: 'meeting.end',
  location: 'meeting.location',
  description: 'meeting.description',
};

/** The stored collaboration in the shape of an edit. */
export function editInputOf(c: EditableCollaboration): CollaborationEditInput {
  return {
    title: c.title,
    kind: c.kind,
    startDate: c.startDate,
    endDate: c.endDate,
    location: c.location,
    description: c.description,
    topicIds: c.topics.map((t) => t.id),
    participants: c.participants.map((p) => ({ actorId: p.actor.id, role: p.role })),
  };
}

const showField = (field: Field, v: string | null): string => {
  const text = !v ? '' : field === 'kind' ? label(v) : field === 'startDate' || field === 'endDate' ? formatDate(v) : v;
  return text === '' ? et('conflict.empty') : text;
};

/** One value per key (a topic: assigned or not; a participant: its role or null). */
type Items = Map<string, string | null>;
const topicItems = (input: CollaborationEditInput): Items => new Map(input.topicIds.map((id) => [id, 'on']));
const participantItems = (input: CollaborationEditInput): Items =>
  new Map(input.participants.map((p) => [p.actorId, p.role]));

/** The keys this form changed (against `base`) that are stored differently now. */
function contested(base: Items, theirs: Items, mine: Items): string[] {
  const keys = new Set([...base.keys(), ...theirs.keys(), ...mine.keys()]);
  return [...keys].filter(
    (k) => (mine.get(k) ?? null) !== (base.get(k) ?? null) && (mine.get(k) ?? null) !== (theirs.get(k) ?? null),
  );
}

/** The stored items with the chosen keys taken from mine. */
function merged(theirs: Items, mine: Items, keys: string[], choice: (key: string) => boolean): Items {
  const out = new Map(theirs);
  for (const k of keys) {
    if (!choice(k)) continue;
    const value = mine.get(k) ?? null;
    if (value === null) out.delete(k);
    else out.set(k, value);
  }
  return out;
}

export async function showCollaborationConflict(
  form: Form,
  host: EditHost,
  base: EditableCollaboration,
  theirs: EditableCollaboration,
  mine: CollaborationEditInput,
  actorNames: Map<string, string>,
): Promise<void> {
  const who = await lastAuthor(base.id);
  const topicNames = new Map((await allTopics().catch(() => [])).map((t) => [t.id, t.name]));
  for (const p of theirs.participants) actorNames.set(p.actor.id, p.actor.name);
  const stored = editInputOf(theirs);
  const before = editInputOf(base);

  const fields = (Object.keys(LABEL) as Field[]).filter(
    (f) => (mine[f] ?? null) !== (before[f] ?? null) && (mine[f] ?? null) !== (stored[f] ?? null),
  );
  const topics = [topicItems(before), topicItems(stored), topicItems(mine)] as const;
  const people = [participantItems(before), participantItems(stored), participantItems(mine)] as const;
  const topicKeys = contested(...topics);
  const actorKeys = contested(...people);
  const onOff = (v: string | null | undefined) => (v ? et('conflict.topicOn') : et('conflict.topicOff'));
  const role = (v: string | null | undefined) => (v ? label(v, true) : et('conflict.absent'));

  const rows: ConflictRow[] = [
    ...fields.map((f) => ({
      field: f,
      label: et(LABEL[f]),
      theirs: showField(f, stored[f]),
      mine: showField(f, mine[f]),
    })),
    ...topicKeys.map((id) => ({
      field: `topic:${id}`,
      label: et('conflict.topic', { name: topicNames.get(id) ?? id }),
      theirs: onOff(topics[1].get(id)),
      mine: onOff(topics[2].get(id)),
    })),
    ...actorKeys.map((id) => ({
      field: `participant:${id}`,
      label: et('conflict.participant', { name: actorNames.get(id) ?? id }),
      theirs: role(people[1].get(id)),
      mine: role(people[2].get(id)),
    })),
  ];

  showConflictChoice(form, {
    name: theirs.title,
    who,
    rows,
    async save(choice) {
      const takesMine = (field: string) => choice.get(field) === 'mine';
      const chosen: CollaborationEditInput = { ...stored };
      for (const f of fields) if (takesMine(f)) (chosen as Record<Field, unknown>)[f] = mine[f];
      chosen.topicIds = [...merged(topics[1], topics[2], topicKeys, (id) => takesMine(`topic:${id}`)).keys()];
      chosen.participants = [...merged(people[1], people[2], actorKeys, (id) => takesMine(`participant:${id}`))].map(
        ([actorId, r]) => ({ actorId, role: r as CollaborationEditInput['participants'][number]['role'] }),
      );
      await editCollaboration(base.id, chosen, theirs.version);
      closeDialog();
      await host.refresh();
    },
  });
}
