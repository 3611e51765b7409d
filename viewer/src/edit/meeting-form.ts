/**
 * "Treffen erfassen": a collaboration with title, kind, dates, location, topics and participants
 * with their roles, stored in ONE write (recordCollaboration: the collaboration, every participant,
 * the new actors and new topics — all or nothing; a refused save keeps everything typed and shows
 * the error at its field).
 *
 * Participants by keyboard: type a few letters, Enter adds the first hit (again and again, the
 * field stays focused). A pasted attendance list (one name per line) is matched in one request
 * (matchNames): exact matches are added, near matches are asked about ("ist das …?", Enter = yes),
 * the rest are added as new actors (kind chosen per row, removable).
 */
import { ACTOR_KINDS, type ActorKind, type ActorRef } from '../api';
import { h } from '../dom';
import { label } from '../i18n';
import {
  COLLABORATION_KINDS,
  createActor,
  createTopic,
  editCollaboration,
  EditError,
  loadCollaboration,
  matchNames,
  recordCollaboration,
  ROLES,
  searchActors,
  type CollaborationEditInput,
  type EditableCollaboration,
  type NameMatch,
  type Role2,
} from './api';
import { Combobox, type Option } from './combobox';
import { closeDialog, Form, formatDateInput, openDialog, parseDate } from './form';
import type { EditHost } from './host';
import { showCollaborationConflict } from './meeting-conflict';
import { et } from './strings';
import { fold, forgetTopics, TopicPicker } from './topics';

type Participant =
  { kind: 'existing'; actor: ActorRef; role: Role2 } | { kind: 'new'; name: string; actorKind: ActorKind; role: Role2 };

interface Pending {
  name: string;
  candidates: ActorRef[];
}

/** What a new actor from a list is by default (a group of people is the most common unknown). */
const NEW_KIND: ActorKind = 'GROUP';

export function meetingFieldOf(apiField: string): string | null {
  if (/newTopics|topicIds/.test(apiField)) return 'topics';
  if (/newActors|participants/.test(apiField)) return 'participants';
  if (/endDate/.test(apiField)) return 'end';
  if (/startDate/.test(apiField)) return 'start';
  const f = apiField.replace(/^(input\.)?(collaboration\.|collaborations\[0\]\.)?/, '');
  if (f === 'title' || f === 'kind' || f === 'location') return f;
  return null;
}

export interface MeetingFormState {
  participants: Participant[];
  pending: Pending[];
}

/**
 * The form for a new collaboration, or (`existing`) for editing one: every field, participants added,
 * removed and their roles changed. Editing is several writes (the API has no single one for it):
 * new topics and actors first, then the fields, then the participants that changed.
 */
export function openRecordMeeting(host: EditHost, existing: EditableCollaboration | null = null): MeetingFormState {
  const state: MeetingFormState = {
    participants: existing
      ? existing.participants.map((p) => ({ kind: 'existing', actor: p.actor, role: p.role }))
      : [],
    pending: [],
  };
  const topics = new TopicPicker(existing?.topics ?? []);
  const rows = h('ul', { class: 'participant-rows', id: 'participant-rows', 'aria-live': 'polite' });
  const pendingBox = h('div', { class: 'pending', id: 'pending-names', 'aria-live': 'polite' });
  const summary = h('p', { class: 'field-hint', id: 'match-summary', role: 'status' });
  const nameKeyOf = (p: Participant) => fold(p.kind === 'existing' ? p.actor.name : p.name);

  const has = (p: Participant) =>
    state.participants.some((q) =>
      p.kind === 'existing' && q.kind === 'existing' ? q.actor.id === p.actor.id : nameKeyOf(q) === nameKeyOf(p),
    );
  const add = (p: Participant) => {
    if (has(p)) {
      // Picked again: its role is what is left to set — focus goes there.
      summary.textContent = et('meeting.already', { name: p.kind === 'existing' ? p.actor.name : p.name });
      const i = state.participants.findIndex(
        (q) =>
          nameKeyOf(q) === nameKeyOf(p) ||
          (p.kind === 'existing' && q.kind === 'existing' && q.actor.id === p.actor.id),
      );
      rows.children[i]?.querySelector<HTMLSelectElement>('select.role')?.focus();
      return;
    }
    state.participants.push(p);
    renderRows();
  };

  const picker = new Combobox<Participant>({
    placeholder: et('meeting.pickPlaceholder'),
    minChars: 2,
    options: async (text): Promise<Array<Option<Participant>>> => {
      const hits = await searchActors(text);
      const options: Array<Option<Participant>> = hits.map((actor) => ({
        value: { kind: 'existing', actor, role: 'PARTICIPANT' },
        label: actor.name,
        meta: label(actor.kind),
      }));
      if (!hits.some((a) => fold(a.name) === fold(text))) {
        options.push({
          value: { kind: 'new', name: text.trim(), actorKind: NEW_KIND, role: 'PARTICIPANT' },
          label: et('meeting.createActor', { name: text.trim() }),
          create: true,
        });
      }
      return options;
    },
    onPick: (o) => add(o.value),
  });
  const paste = h('textarea', { id: 'attendance', rows: 4, placeholder: 'Bobbie e.V.\nKita Sonnenblume\n…' });
  const matchButton = h('button', { type: 'button', id: 'attendance-match', class: 'secondary' }, et('meeting.match'));

  const roleSelect = (p: Participant, name: string) => {
    const select = h(
      'select',
      { 'aria-label': et('meeting.role', { name }), class: 'role' },
      ...ROLES.map((r) => h('option', { value: r }, label(r, true))),
    );
    select.value = p.role;
    select.addEventListener('change', () => (p.role = select.value as Role2));
    return select;
  };

  function renderRows(): void {
    rows.replaceChildren(
      ...(state.participants.length
        ? state.participants.map((p, i) => {
            const name = p.kind === 'existing' ? p.actor.name : p.name;
            const kindSelect =
              p.kind === 'new'
                ? (() => {
                    const s = h(
                      'select',
                      { 'aria-label': et('meeting.newKind', { name }), class: 'new-kind' },
                      ...ACTOR_KINDS.map((k) => h('option', { value: k }, label(k))),
                    );
                    s.value = p.actorKind;
                    s.addEventListener('change', () => (p.actorKind = s.value as ActorKind));
                    return s;
                  })()
                : null;
            return h(
              'li',
              {
                class: `participant${p.kind === 'new' ? ' new' : ''}`,
                'data-participant': p.kind === 'existing' ? p.actor.id : `new:${p.name}`,
              },
              h('span', { class: 'name' }, name),
              p.kind === 'new' ? h('span', { class: 'meta' }, et('meeting.newActor')) : null,
              kindSelect,
              roleSelect(p, name),
              h(
                'button',
                {
                  type: 'button',
                  class: 'chip-remove',
                  'aria-label': et('meeting.removeParticipant', { name }),
                  title: et('meeting.removeParticipant', { name }),
                  onclick: () => {
                    state.participants.splice(i, 1);
                    renderRows();
                    picker.input.focus();
                  },
                },
                '×',
              ),
            );
          })
        : [h('li', { class: 'hint' }, et('meeting.noParticipants'))]),
    );
  }

  function renderPending(): void {
    pendingBox.replaceChildren(
      ...state.pending.map((q, i) =>
        h(
          'div',
          { class: 'pending-row', 'data-name': q.name },
          h('p', {}, et('meeting.nearQuestion', { name: q.name, candidate: q.candidates[0].name })),
          h(
            'div',
            { class: 'row' },
            ...q.candidates.map((c) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'confirm',
                  onclick: () => settle(i, { kind: 'existing', actor: c, role: 'PARTICIPANT' }),
                },
                et('meeting.nearYes', { candidate: c.name }),
              ),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => settle(i, { kind: 'new', name: q.name, actorKind: NEW_KIND, role: 'PARTICIPANT' }),
              },
              et('meeting.nearNo'),
            ),
            h('button', { type: 'button', class: 'link', onclick: () => settle(i, null) }, et('meeting.skipIt')),
          ),
        ),
      ),
    );
  }

  /** A near match decided: added (or left out); focus to the next open question, else to Save. */
  function settle(i: number, p: Participant | null): void {
    state.pending.splice(i, 1);
    if (p) add(p);
    renderPending();
    const next = pendingBox.querySelector<HTMLButtonElement>('button.confirm');
    (next ?? picker.input).focus();
  }

  async function matchList(): Promise<void> {
    const names = [
      ...new Set(
        paste.value
          .split(/\r?\n/)
          .map((n) => n.replace(/^[\s\-•*\d.)]+/, '').trim())
          .filter(Boolean),
      ),
    ];
    if (!names.length) return;
    matchButton.disabled = true;
    summary.textContent = et('meeting.matching');
    let matches: NameMatch[];
    try {
      matches = await matchNames(names);
    } catch (error) {
      summary.textContent = et('edit.serverError', { message: (error as Error).message });
      matchButton.disabled = false;
      return;
    }
    let exact = 0;
    let none = 0;
    for (const m of matches) {
      if (m.exact.length) {
        exact++;
        add({ kind: 'existing', actor: m.exact[0], role: 'PARTICIPANT' });
      } else if (m.near.length) {
        state.pending.push({ name: m.name, candidates: m.near.map((n) => n.actor) });
      } else {
        none++;
        add({ kind: 'new', name: m.name, actorKind: NEW_KIND, role: 'PARTICIPANT' });
      }
    }
    paste.value = '';
    matchButton.disabled = false;
    renderPending();
    summary.textContent = et('meeting.matchSummary', { exact, near: state.pending.length, none });
    const first = pendingBox.querySelector<HTMLButtonElement>('button.confirm');
    (first ?? picker.input).focus();
  }
  matchButton.addEventListener('click', () => void matchList());

  const form: Form = new Form({
    id: 'record-meeting',
    onCancel: () => closeDialog(),
    onSubmit: async (): Promise<void> => {
      if (state.pending.length) {
        form.setError('participants', et('meeting.pending'));
        form.setFormError(et('edit.formError'));
        (pendingBox.querySelector('button.confirm') as HTMLButtonElement | null)?.focus();
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
    custom: h('div', { class: 'attendance' }, paste, matchButton, summary, pendingBox),
    focusable: paste,
  });
  form.add({
    name: 'participants',
    label: et('meeting.participants'),
    custom: h('div', { class: 'participants' }, picker.element, rows),
    focusable: picker.input,
  });
  renderRows();
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

/**
 * Editing a collaboration: new topics and actors are created first (each once: a retry reuses them),
 * then ONE write (editCollaboration) replaces its fields, topics and complete participant list, based
 * on the version the form was opened with. Someone else's save in between answers CONFLICT: the
 * side-by-side choice (meeting-conflict.ts) opens instead, and false is answered.
 */
async function saveEdit(
  existing: EditableCollaboration,
  fields: Omit<CollaborationEditInput, 'topicIds' | 'participants'>,
  topics: TopicPicker,
  participants: Participant[],
  view: { form: Form; host: EditHost },
): Promise<boolean> {
  const created: string[] = [];
  for (const name of topics.newNames) created.push((await createTopic(name)).id);
  if (created.length) forgetTopics();
  for (const [i, p] of participants.entries()) {
    if (p.kind === 'new') {
      const actor = await createActor({ name: p.name, kind: p.actorKind });
      participants[i] = { kind: 'existing', actor, role: p.role };
    }
  }
  const input: CollaborationEditInput = {
    ...fields,
    topicIds: [...topics.existingIds, ...created],
    participants: participants.map((p) => ({ actorId: p.kind === 'existing' ? p.actor.id : '', role: p.role })),
  };
  try {
    await editCollaboration(existing.id, input, existing.version);
    return true;
  } catch (error) {
    const theirs =
      error instanceof EditError && error.code === 'CONFLICT' ? await loadCollaboration(existing.id) : null;
    if (!theirs) throw error;
    const actorNames = new Map(
      participants.flatMap((p) => (p.kind === 'existing' ? [[p.actor.id, p.actor.name]] : [])),
    );
    await showCollaborationConflict(view.form, view.host, existing, theirs, input, actorNames);
    return false;
  }
}
