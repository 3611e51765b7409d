/**
 * The participants of "Treffen erfassen": the list with kind (for new actors) and role per row, the
 * picker that adds to it by keyboard (type a few letters, Enter adds the first hit; the field stays
 * focused), and a pasted attendance list (one name per line) matched in one request (matchNames):
 * exact matches are added, near matches are asked about ("ist das …?", Enter = yes), the rest are
 * added as new actors (kind chosen per row, removable).
 */
import { ACTOR_KINDS, type ActorKind, type ActorRef } from '../api';
import { h } from '../dom';
import { label } from '../i18n';
import { matchNames, ROLES, searchActors, type NameMatch, type Role2 } from './api';
import { Combobox, type Option } from './combobox';
import { et } from './strings';
import { fold } from './topics';

export type Participant =
  { kind: 'existing'; actor: ActorRef; role: Role2 } | { kind: 'new'; name: string; actorKind: ActorKind; role: Role2 };

interface Pending {
  name: string;
  candidates: ActorRef[];
}

export interface MeetingFormState {
  participants: Participant[];
  pending: Pending[];
}

/** What a new actor from a list is by default (a group of people is the most common unknown). */
const NEW_KIND: ActorKind = 'GROUP';

export interface ParticipantEditor {
  /** The picker and the rows. */
  list: HTMLElement;
  /** The pasted list, its button, the summary and the open near-match questions. */
  attendance: HTMLElement;
  picker: Combobox<Participant>;
  paste: HTMLTextAreaElement;
  /** The first open near-match question's "yes", if any. */
  firstQuestion(): HTMLButtonElement | null;
}

export function participantEditor(state: MeetingFormState): ParticipantEditor {
  const rows = h('ul', { class: 'participant-rows', id: 'participant-rows', 'aria-live': 'polite' });
  const pendingBox = h('div', { class: 'pending', id: 'pending-names', 'aria-live': 'polite' });
  const summary = h('p', { class: 'field-hint', id: 'match-summary', role: 'status' });
  const nameKeyOf = (p: Participant) => fold(p.kind === 'existing' ? p.actor.name : p.name);
  const firstQuestion = () => pendingBox.querySelector<HTMLButtonElement>('button.confirm');

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

  const kindSelect = (p: Participant & { kind: 'new' }, name: string) => {
    const s = h(
      'select',
      { 'aria-label': et('meeting.newKind', { name }), class: 'new-kind' },
      ...ACTOR_KINDS.map((k) => h('option', { value: k }, label(k))),
    );
    s.value = p.actorKind;
    s.addEventListener('change', () => (p.actorKind = s.value as ActorKind));
    return s;
  };

  function renderRows(): void {
    rows.replaceChildren(
      ...(state.participants.length
        ? state.participants.map((p, i) => {
            const name = p.kind === 'existing' ? p.actor.name : p.name;
            return h(
              'li',
              {
                class: `participant${p.kind === 'new' ? ' new' : ''}`,
                'data-participant': p.kind === 'existing' ? p.actor.id : `new:${p.name}`,
              },
              h('span', { class: 'name' }, name),
              p.kind === 'new' ? h('span', { class: 'meta' }, et('meeting.newActor')) : null,
              p.kind === 'new' ? kindSelect(p, name) : null,
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
    (firstQuestion() ?? picker.input).focus();
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
    (firstQuestion() ?? picker.input).focus();
  }
  matchButton.addEventListener('click', () => void matchList());

  renderRows();
  return {
    list: h('div', { class: 'participants' }, picker.element, rows),
    attendance: h('div', { class: 'attendance' }, paste, matchButton, summary, pendingBox),
    picker,
    paste,
    firstQuestion,
  };
}
