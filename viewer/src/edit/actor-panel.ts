/**
 * The editing part of an actor's panel (editors and admins): "Bearbeiten", "Löschen …" (admins;
 * first says what goes with the actor, then asks), and the actor's history — who, when, which
 * field, before → after — with "undo" for the last change where the API allows it (undoLastChange
 * reverts field updates only; otherwise the page says so instead of offering it).
 */
import { h } from '../dom';
import { formatDate } from '../i18n';
import { moreCollaborations, type MoreCollaborations } from '../panel-sections';
import { PANEL_COLLABORATIONS_PAGE } from '../queries';
import {
  collaborationsOf,
  deleteActor,
  deleteCollaboration,
  EditError,
  history,
  loadActor,
  loadCollaboration,
  undoLastChange,
  type ChangeRecord,
  type CollaborationsPage,
} from './api';
import { openEditActor } from './actor-form';
import { closeDialog, openDialog } from './form';
import type { EditHost } from './host';
import { announce, openRecordMeeting } from './meeting-form';
import { et, type EditKey } from './strings';

const opLabel = (op: string) => et(`op.${op}` as EditKey);
const value = (json: string | null) => {
  if (json === null) return '–';
  try {
    const v = JSON.parse(json);
    return v === null || v === '' ? '–' : typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return json;
  }
};

export function actorEditSection(host: EditHost, actor: { id: string; name: string }): HTMLElement {
  const list = h('div', { class: 'history', id: 'actor-history' }, h('p', { class: 'loading' }, '…'));
  const message = h('p', { class: 'edit-message', role: 'status', 'aria-live': 'polite' });
  const collabs = h('div', { class: 'collab-edit-list', id: 'actor-collaborations-edit' });
  const section = h(
    'section',
    { class: 'editing', id: 'actor-editing' },
    h('h3', {}, et('panel.editing')),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', id: 'actor-edit', onclick: () => void openEditActor(host, actor.id) },
        et('panel.edit'),
      ),
      host.role === 'ADMIN'
        ? h(
            'button',
            { type: 'button', id: 'actor-delete', class: 'danger', onclick: () => void confirmDelete(host, actor.id) },
            et('panel.delete'),
          )
        : null,
    ),
    h('h4', {}, et('collab.list')),
    collabs,
    h('h4', {}, et('panel.history')),
    list,
    message,
  );
  void renderHistory(host, actor.id, list, message);
  void renderCollaborations(host, actor.id, collabs);
  return section;
}

/**
 * The actor's collaborations, each with "edit" (and "delete …" for admins): a page at a time, the
 * newest first, as the panel's own list (a hub has thousands), with a button for the next page.
 */
async function renderCollaborations(host: EditHost, actorId: string, box: HTMLElement): Promise<void> {
  const list = h('ul', { class: 'list' });
  const more = h('div');
  let shown = 0;
  let total = 0;
  let last: string | undefined;
  const showMore = (state: MoreCollaborations) => {
    // The control is drawn anew: a keyboard user keeps the focus on its button.
    const focused = more.contains(document.activeElement);
    more.replaceChildren(
      ...(shown > 0 && shown < total
        ? [
            moreCollaborations('actor-collaborations-edit', shown, total, {
              state,
              pageSize: PANEL_COLLABORATIONS_PAGE,
              load: () => void load(true),
            }),
          ]
        : []),
    );
    if (focused) more.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  };
  const load = async (focusAdded: boolean) => {
    if (last !== undefined) showMore({ state: 'loading' });
    let page: CollaborationsPage;
    try {
      page = await collaborationsOf(actorId, PANEL_COLLABORATIONS_PAGE, last);
    } catch (error) {
      // The last row is gone or left (a stale cursor): the list starts again from the newest.
      if (last !== undefined && error instanceof EditError && error.field === 'after') {
        list.replaceChildren();
        [shown, last] = [0, undefined];
        return load(false);
      }
      if (last !== undefined) showMore({ state: 'error', message: (error as Error).message });
      return; // the first page failing leaves no list, as before
    }
    const rows = page.items.map((c) => collaborationRow(host, actorId, c));
    list.append(...rows);
    shown += rows.length;
    total = rows.length > 0 ? page.total : shown;
    last = page.items.at(-1)?.id ?? last;
    showMore({ state: 'idle' });
    if (focusAdded) rows[0]?.querySelector<HTMLElement>('.collab-edit')?.focus({ preventScroll: true });
  };
  box.replaceChildren(list, more);
  await load(false);
}

/**
 * One row of the editors' list: the title and date as text, then short buttons whose accessible
 * names say which collaboration they act on (the long "„…“ bearbeiten" as visible text made two
 * wrapped lines per collaboration).
 */
function collaborationRow(
  host: EditHost,
  actorId: string,
  c: { id: string; title: string; startDate: string | null },
): HTMLElement {
  return h(
    'li',
    { 'data-collaboration': c.id },
    h(
      'span',
      { class: 'collab-name' },
      c.title,
      c.startDate ? h('span', { class: 'meta' }, ` · ${formatDate(c.startDate)}`) : null,
    ),
    h(
      'span',
      { class: 'collab-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'link collab-edit',
          'aria-label': et('collab.edit', { title: c.title }),
          onclick: async () => {
            const full = await loadCollaboration(c.id);
            if (full) openRecordMeeting(host, full);
          },
        },
        et('panel.edit'),
      ),
      host.role === 'ADMIN'
        ? h(
            'button',
            {
              type: 'button',
              class: 'link collab-delete',
              'aria-label': et('collab.delete', { title: c.title }),
              onclick: () => void confirmDeleteCollaboration(host, c.id, actorId),
            },
            et('panel.delete'),
          )
        : null,
    ),
  );
}

async function confirmDeleteCollaboration(host: EditHost, id: string, actorId: string): Promise<void> {
  const c = await loadCollaboration(id);
  if (!c) return;
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      id: 'delete-confirm',
      onclick: async () => {
        confirm.disabled = true;
        try {
          await deleteCollaboration(id);
          closeDialog();
          await host.refresh();
          host.reopenPanel(actorId);
          announce(et('collab.deleted', { title: c.title }));
        } catch (e) {
          error.textContent = et('edit.serverError', { message: (e as Error).message });
          error.hidden = false;
          confirm.disabled = false;
        }
      },
    },
    et('delete.confirm'),
  );
  openDialog('edit-dialog', et('collab.deleteTitle', { title: c.title }), [
    h(
      'div',
      { class: 'edit-form' },
      h(
        'p',
        { id: 'delete-consequences' },
        c.participants.length === 1
          ? et('collab.deleteGoesOne')
          : et('collab.deleteGoes', { n: c.participants.length }),
      ),
      error,
      h(
        'div',
        { class: 'form-actions' },
        confirm,
        h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog() }, et('edit.cancel')),
      ),
    ),
  ]);
  (document.querySelector('#edit-dialog .secondary') as HTMLElement | null)?.focus();
}

async function renderHistory(host: EditHost, actorId: string, list: HTMLElement, message: HTMLElement): Promise<void> {
  let records: ChangeRecord[];
  try {
    records = await history(actorId);
  } catch (error) {
    list.replaceChildren(h('p', { class: 'error', role: 'alert' }, (error as Error).message));
    return;
  }
  if (!records.length) return void list.replaceChildren(h('p', { class: 'hint' }, et('panel.historyNone')));
  const last = records[0];
  const undoable = last.operation === 'UPDATE' || last.operation === 'UNDO';
  // Editors undo their own changes, admins any (the API refuses an editor someone else's).
  const mayUndo = host.role === 'ADMIN' || last.author === host.author;
  const undo =
    undoable && mayUndo
      ? h(
          'button',
          {
            type: 'button',
            id: 'actor-undo',
            onclick: async () => {
              undo!.disabled = true;
              try {
                await undoLastChange(actorId);
                announce(et('panel.undoDone'));
                await host.refresh();
                host.reopenPanel(actorId);
              } catch (error) {
                message.textContent = et('panel.undoRefused', {
                  message: error instanceof EditError ? error.message : String(error),
                });
                undo!.disabled = false;
              }
            },
          },
          et('panel.undo'),
        )
      : null;
  list.replaceChildren(
    h(
      'ol',
      { class: 'history-list' },
      ...records.map((r) =>
        h(
          'li',
          { 'data-operation': r.operation },
          h(
            'span',
            { class: 'meta' },
            `${formatDate(r.at.slice(0, 10))} ${r.at.slice(11, 16)} · ${r.author} · ${opLabel(r.operation)}`,
          ),
          r.changes.length
            ? h(
                'ul',
                { class: 'changes' },
                ...r.changes
                  .slice(0, 8)
                  .map((c) => h('li', {}, h('strong', {}, c.field), `: ${value(c.before)} → ${value(c.after)}`)),
              )
            : null,
        ),
      ),
    ),
    undo ??
      h(
        'p',
        { class: 'hint', id: 'actor-undo-unavailable' },
        undoable
          ? et('panel.undoOthers', { author: last.author })
          : et('panel.undoOnlyFields', { operation: opLabel(last.operation) }),
      ),
  );
}

async function confirmDelete(host: EditHost, actorId: string): Promise<void> {
  const actor = await loadActor(actorId);
  if (!actor) return;
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      id: 'delete-confirm',
      onclick: async () => {
        confirm.disabled = true;
        try {
          await deleteActor(actorId);
          closeDialog();
          host.reopenPanel(null);
          await host.refresh();
          announce(et('delete.done', { name: actor.name }));
        } catch (e) {
          error.textContent = et('edit.serverError', { message: (e as Error).message });
          error.hidden = false;
          confirm.disabled = false;
        }
      },
    },
    et('delete.confirm'),
  );
  openDialog('edit-dialog', et('delete.title', { name: actor.name }), [
    h(
      'div',
      { class: 'edit-form' },
      h(
        'p',
        { id: 'delete-consequences' },
        et('delete.goes', {
          participations:
            actor.collaborationCount === 1
              ? et('delete.participationsOne')
              : et('delete.participationsMany', { n: actor.collaborationCount }),
          topics:
            actor.topics.length === 1 ? et('delete.topicsOne') : et('delete.topicsMany', { n: actor.topics.length }),
        }),
      ),
      error,
      h(
        'div',
        { class: 'form-actions' },
        confirm,
        h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog() }, et('edit.cancel')),
      ),
    ),
  ]);
  (document.querySelector('#edit-dialog .secondary') as HTMLElement | null)?.focus();
}
