/**
 * "Treffen erfassen": a collaboration with title, kind, dates, location, topics and participants
 * with their roles, stored in ONE write (recordCollaboration: the collaboration, every participant,
 * the new actors and new topics — all or nothing; a refused save keeps everything typed and shows
 * the error at its field). The participants (picked by keyboard or matched from a pasted list) are
 * meeting-participants.ts; saving an edited collaboration is meeting-save.ts.
 */
import { h } from '../dom';
import { label } from '../i18n';
import {
  COLLABORATION_KINDS,
  recordCollaboration,
  type CollaborationEditInput,
  type EditableCollaboration,
} from './api';
import { closeDialog, Form, formatDateInput, openDialog, parseDate } from './form';
import type { EditHost } from './host';
import { participantEditor, type MeetingFormState } from './meeting-participants';
import { saveEdit } from './meeting-save';
import { et } from './strings';
import { forgetTopics, TopicPicker } from './topics';

export function meetingFieldOf(apiField: string): string | null {
  if (/newTopics|topicIds/.test(apiField)) return 'topics';
  if (/newActors|participants/.test(apiField)) return 'participants';
  if (/endDate/.test(apiField)) return 'end';
  if (/startDate/.test(apiField)) return 'start';
  const f = apiField.replace(/^(input\.)?(collaboration\.|collaborations\[0\]\.)?/, '');
  if (f === 'title' || f === 'kind' || f === 'location') return f;
  return null;
}

/**
 * The form for a new collaboration, or (`existing`) for editing one: every field, participants added,
 * removed and their roles changed. Recording and editing are each ONE write (recordCollaboration,
 * editCollaboration via meeting-save.ts), new topics and actors inside it.
 */
export function openRecordMeeting(host: EditHost, existing: EditableCollaboration | null = null): MeetingFormState {
  const state: MeetingFormState = {
    participants: existing
      ? existing.participants.map((p) => ({ kind: 'existing', actor: p.actor, role: p.role }))
      : [],
    pending: [],
  };
  const topics = new TopicPicker(existing?.topics ?? []);
  const people = participantEditor(state);

  const form: Form = new Form({
    id: 'record-meeting',
    onCancel: () => closeDialog(),
    onSubmit: async (): Promise<void> => {
      if (state.pending.length) {
        form.setError('participants', et('meeting.pending'));
        form.setFormError(et('edit.formError'));
        people.firstQuestion()?.focus();
        return;
      }
      const start = parseDate(form.value('start') ?? '') ?? null;
      const end = parseDate(form.value('end') ?? '') ?? null;
      if (start && end && end < start) {
        form.setError('end', et('edit.endBeforeStart'));
        form.setFormError(et('edit.formError'));
        return form.focusFirstError();
      }
      if (existing) {
        try {
          const saved = await saveEdit(
            existing,
            {
              title: form.value('title') ?? '',
              kind: form.value('kind') as CollaborationEditInput['kind'],
              startDate: start,
              endDate: end,
              location: form.value('location'),
              description: form.value('description'),
            },
            topics,
            state.participants,
            { form, host },
          );
          if (!saved) return; // a concurrent edit: the side-by-side choice is open instead
          closeDialog();
          await host.refresh();
          announce(et('edit.saved'));
        } catch (error) {
          form.showApiError(error, meetingFieldOf);
        }
        return;
      }
      try {
        const saved = await recordCollaboration({
          collaboration: {
            title: form.value('title') ?? '',
            kind: form.value('kind') as never,
            startDate: start,
            endDate: end,
            location: form.value('location'),
            description: null,
            topicIds: topics.existingIds,
            participants: state.participants.flatMap((p) =>
              p.kind === 'existing' ? [{ actorId: p.actor.id, role: p.role }] : [],
            ),
          },
          newActors: state.participants.flatMap((p) =>
            p.kind === 'new' ? [{ name: p.name, kind: p.actorKind, role: p.role }] : [],
          ),
          newTopics: topics.newNames,
        });
        if (topics.newNames.length) forgetTopics();
        closeDialog();
        await host.refresh();
        announce(et('meeting.created', { title: saved.collaboration.title, n: state.participants.length }));
      } catch (error) {
        form.showApiError(error, meetingFieldOf);
      }
    },
  });
  form.add({ name: 'title', label: et('meeting.name'), required: true, value: existing?.title });
  form.add({
    name: 'kind',
    label: et('meeting.kind'),
    type: 'select',
    value: existing?.kind,
    options: COLLABORATION_KINDS.map((k) => ({ value: k, label: label(k) })),
  });
  const dates = h('div', { class: 'row two' });
  form.body.append(dates);
  form.add(
    {
      name: 'start',
      label: et('meeting.start'),
      type: 'date',
      placeholder: et('meeting.datePlaceholder'),
      value: formatDateInput(existing?.startDate ?? null),
    },
    dates,
  );
  form.add(
    {
      name: 'end',
      label: et('meeting.end'),
      type: 'date',
      placeholder: et('meeting.datePlaceholder'),
      value: formatDateInput(existing?.endDate ?? null),
    },
    dates,
  );
  form.add({ name: 'location', label: et('meeting.location'), value: existing?.location });
  if (existing)
    form.add({ name: 'description', label: et('meeting.description'), type: 'textarea', value: existing.description });
  form.add({ name: 'topics', label: et('meeting.topics'), custom: topics.element, focusable: topics.input });
  form.add({
    name: 'attendance',
    label: et('meeting.paste'),
    custom: people.attendance,
    focusable: people.paste,
  });
  form.add({
    name: 'participants',
    label: et('meeting.participants'),
    custom: people.list,
    focusable: people.picker.input,
  });
  openDialog('edit-dialog', existing ? et('meeting.editTitle', { title: existing.title }) : et('meeting.title'), [
    form.element,
  ]);
  form.control('title').focus();
  return state;
}

/** A short message in the page's status line (the map's summary). */
export function announce(message: string): void {
  let box = document.getElementById('edit-announce');
  if (!box) {
    box = h('p', { id: 'edit-announce', class: 'edit-announce', role: 'status', 'aria-live': 'polite' });
    document.body.append(box);
  }
  box.textContent = message;
  box.hidden = false;
  window.setTimeout(() => box && (box.hidden = true), 6000);
}
