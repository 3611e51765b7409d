/**
 * A concurrent edit of a collaboration (editCollaboration answered CONFLICT): the same side-by-side
 * choice as for actors (conflict.ts). A row for every field, every topic and every participant
 * that this form changed and that is stored differently now; what this form did not change keeps
 * the stored value (so the other editor's changes are never undone unasked). New topics and actors
 * of the form (not stored yet: the refused write created none) have a row each. Saving writes the
 * stored collaboration with the chosen values, again in one write with the stored version
 * (editCollaboration), so a third edit in between is caught as well.
 */
import { formatDate, label } from '../i18n';
import { allTopics, editCollaboration, type CollaborationEditInput, type EditableCollaboration } from './api';
import {
  contested,
  lastAuthor,
  merged,
  newTopicRows,
  showConflictChoice,
  type ConflictRow,
  type Items,
} from './conflict';
import { closeDialog, type Form } from './form';
import type { EditHost } from './host';
import { et } from './strings';
import { forgetTopics } from './topics';

type Field = Exclude<keyof CollaborationEditInput, 'topicIds' | 'participants' | 'newTopics' | 'newActors'>;

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

const topicItems = (input: CollaborationEditInput): Items => new Map(input.topicIds.map((id) => [id, 'on']));
const participantItems = (input: CollaborationEditInput): Items =>
  new Map(input.participants.map((p) => [p.actorId, p.role]));

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
    ...newTopicRows(mine.newTopics ?? []),
    ...actorKeys.map((id) => ({
      field: `participant:${id}`,
      label: et('conflict.participant', { name: actorNames.get(id) ?? id }),
      theirs: role(people[1].get(id)),
      mine: role(people[2].get(id)),
    })),
    // New actors exist only in this form: stored, they do not take part.
    ...(mine.newActors ?? []).map((a, i) => ({
      field: `new-participant:${i}`,
      label: et('conflict.participant', { name: `${a.name} (${et('topic.new')})` }),
      theirs: et('conflict.absent'),
      mine: role(a.role),
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
      // Chosen new topics and actors are created inside the same write.
      chosen.newTopics = (mine.newTopics ?? []).filter((name) => takesMine(`new-topic:${name}`));
      chosen.newActors = (mine.newActors ?? []).filter((_, i) => takesMine(`new-participant:${i}`));
      await editCollaboration(base.id, chosen, theirs.version);
      if (chosen.newTopics.length) forgetTopics();
      closeDialog();
      await host.refresh();
    },
  });
}
