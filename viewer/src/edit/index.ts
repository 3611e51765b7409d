/**
 * Editing in the map, for editors and admins: installed by main.ts once `me { role }` answered; a
 * viewer gets nothing of it (no buttons, no shortcuts, no panel section). Adds the tool buttons
 * ("Akteur hinzufügen", "Treffen erfassen"), their shortcuts (A, T outside of text fields) and the
 * editing section of the actor panel.
 */
import type { ActorRef } from '../api';
import { h } from '../dom';
import { onLangChange } from '../i18n';
import { whoAmI } from './api';
import { actorEditSection } from './actor-panel';
import { openAddActor } from './actor-form';
import { openDuplicates } from './duplicates';
import { dialogOpen } from './form';
import type { EditHost } from './host';
import { openRecordMeeting } from './meeting-form';
import { et } from './strings';
import { addEditStyles } from './style';

export interface EditPage {
  refresh(): Promise<void>;
  select(actorId: string): void;
  reopenPanel(actorId: string | null): void;
  /** Where the panel asks for extra sections of an actor (panel.ts). */
  actorSections: Array<(actor: ActorRef) => HTMLElement | null>;
  /** The element the tool buttons go into. */
  toolbar: HTMLElement;
}

export async function installEditing(page: EditPage): Promise<EditHost | null> {
  const me = await whoAmI();
  if (me?.role !== 'EDITOR' && me?.role !== 'ADMIN') return null;
  addEditStyles();
  const host: EditHost = {
    role: me.role,
    author: me.author,
    refresh: page.refresh,
    select: page.select,
    reopenPanel: page.reopenPanel,
  };

  const addActor = h('button', {
    type: 'button',
    id: 'edit-add-actor',
    'aria-keyshortcuts': 'A',
    onclick: () => openAddActor(host),
  });
  const record = h('button', {
    type: 'button',
    id: 'edit-record-meeting',
    'aria-keyshortcuts': 'T',
    onclick: () => openRecordMeeting(host),
  });
  const dups = h('button', { type: 'button', id: 'edit-duplicates', onclick: () => void openDuplicates(host) });
  const hint = h('p', { class: 'hint' });
  const tools = h('div', { class: 'edit-tools', id: 'edit-tools' }, addActor, record, dups, hint);
  const texts = () => {
    dups.textContent = et('dup.open');
    addActor.textContent = `+ ${et('edit.addActor')}`;
    record.textContent = `+ ${et('edit.recordMeeting')}`;
    hint.textContent = et('edit.shortcuts');
  };
  texts();
  onLangChange(texts);
  page.toolbar.prepend(tools);

  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement | null;
    const typing =
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      target?.isContentEditable;
    if (typing || dialogOpen() || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'a' || ev.key === 'A') {
      ev.preventDefault();
      openAddActor(host);
    } else if (ev.key === 't' || ev.key === 'T') {
      ev.preventDefault();
      openRecordMeeting(host);
    }
  });

  // The panel re-renders often (depth buttons, language): one section per actor shown, made once.
  let cached: { id: string; section: HTMLElement } | null = null;
  page.actorSections.push((actor) => {
    if (cached?.id !== actor.id) cached = { id: actor.id, section: actorEditSection(host, actor) };
    return cached.section;
  });
  const reopen = host.reopenPanel;
  host.reopenPanel = (actorId) => {
    cached = null;
    reopen(actorId);
  };
  return host;
}
