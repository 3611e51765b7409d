/**
 * A concurrent edit (updateActor or editCollaboration answered CONFLICT for the version this form
 * started from): the stored values ("theirs", with who stored them) and the form's ("mine") side by
 * side for every field this form changed, one choice per field; saving writes the chosen values on
 * top of the stored version (again with expectedVersion, so a third edit in between is caught as
 * well). An actor's topics (interests) have a row each, as the collaboration's topics and
 * participants have (meeting-conflict.ts).
 */
import { h } from '../dom';
import { label } from '../i18n';
import { allTopics, history, updateActor, type ActorInput, type EditableActor } from './api';
import { closeDialog, Form } from './form';
import type { EditHost } from './host';
import { et } from './strings';
import { forgetTopics } from './topics';

const FIELD_LABEL: Record<string, Parameters<typeof et>[0]> = {
  name: 'actor.name',
  kind: 'actor.kind',
  district: 'actor.district',
  website: 'actor.website',
  contact: 'actor.contact',
  description: 'actor.description',
};

const show = (field: string, v: unknown) =>
  v === null || v === undefined || v === '' ? et('conflict.empty') : field === 'kind' ? label(String(v)) : String(v);

/** One row of the choice: a field with the stored and the typed value as shown. */
export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  mine: string;
}

export type ConflictChoice = Map<string, 'theirs' | 'mine'>;

/** One value per key (a topic: assigned or not; a participant: its role or null). */
export type Items = Map<string, string | null>;

/** The keys this form changed (against `base`) that are stored differently now. */
export function contested(base: Items, theirs: Items, mine: Items): string[] {
  const keys = new Set([...base.keys(), ...theirs.keys(), ...mine.keys()]);
  return [...keys].filter(
    (k) => (mine.get(k) ?? null) !== (base.get(k) ?? null) && (mine.get(k) ?? null) !== (theirs.get(k) ?? null),
  );
}

/** The stored items with the chosen keys taken from mine. */
export function merged(theirs: Items, mine: Items, keys: string[], choice: (key: string) => boolean): Items {
  const out = new Map(theirs);
  for (const k of keys) {
    if (!choice(k)) continue;
    const value = mine.get(k) ?? null;
    if (value === null) out.delete(k);
    else out.set(k, value);
  }
  return out;
}

/** A row per topic that is new in this form (not stored: the refused write created none). */
export function newTopicRows(names: readonly string[]): ConflictRow[] {
  return names.map((name) => ({
    field: `new-topic:${name}`,
    label: et('conflict.topic', { name: `${name} (${et('topic.new')})` }),
    theirs: et('conflict.topicOff'),
    mine: et('conflict.topicOn'),
  }));
}

/** Who stored the record last (its newest history record), or null. */
export function lastAuthor(entityId: string): Promise<string | null> {
  return history(entityId).then(
    (records) => records[0]?.author ?? null,
    () => null,
  );
}

/**
 * The side-by-side view in place of `form`: `save` gets the choice per row (every row starts at
 * "mine") and writes it; a refused save shows its message and leaves the view open.
 */
export function showConflictChoice(
  form: Form,
  options: { name: string; who: string | null; rows: ConflictRow[]; save(choice: ConflictChoice): Promise<void> },
): void {
  const choice: ConflictChoice = new Map(options.rows.map((r) => [r.field, 'mine']));
  const cell = (row: ConflictRow, side: 'theirs' | 'mine') =>
    h(
      'td',
      { class: side },
      h(
        'label',
        {},
        h('input', {
          type: 'radio',
          name: `conflict-${row.field}`,
          value: side,
          checked: side === 'mine',
          onchange: () => choice.set(row.field, side),
        }),
        ' ',
        h('span', { class: 'value' }, side === 'theirs' ? row.theirs : row.mine),
      ),
    );
  const rows = options.rows.map((row) =>
    h('tr', { 'data-field': row.field }, h('th', { scope: 'row' }, row.label), cell(row, 'theirs'), cell(row, 'mine')),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const apply = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'conflict-apply',
      onclick: async () => {
        apply.disabled = true;
        try {
          await options.save(choice);
        } catch (e) {
          error.textContent = et('edit.serverError', { message: (e as Error).message });
          error.hidden = false;
          apply.disabled = false;
        }
      },
    },
    et('conflict.apply'),
  );
  const view = h(
    'section',
    { class: 'conflict', id: 'conflict', role: 'alertdialog', 'aria-labelledby': 'conflict-title' },
    h('h3', { id: 'conflict-title' }, et('conflict.title', { name: options.name })),
    h('p', {}, et('conflict.intro')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, et('conflict.field')),
          h(
            'th',
            { scope: 'col' },
            options.who ? et('conflict.theirs', { who: options.who }) : et('conflict.theirsPlain'),
          ),
          h('th', { scope: 'col' }, et('conflict.mine')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    error,
    h(
      'div',
      { class: 'form-actions' },
      apply,
      h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog() }, et('edit.cancel')),
    ),
  );
  form.element.hidden = true;
  form.element.after(view);
  (view.querySelector('input[type=radio]') as HTMLInputElement | null)?.focus();
}

/** The topics of an actor's form when they changed: existing ones by id, new ones by name. */
export interface TopicsMine {
  topicIds: string[];
  newTopics: string[];
}

/**
 * An actor's conflict: a row per field and per topic (interest) this form changed that is stored
 * differently now, and one per new topic; saving writes the chosen fields and interests, new
 * topics with them, in one updateActor on top of the stored version.
 */
export async function showConflict(
  form: Form,
  host: EditHost,
  base: EditableActor,
  theirs: EditableActor,
  mine: Partial<ActorInput>,
  topicsMine: TopicsMine | null = null,
): Promise<void> {
  const who = await lastAuthor(base.id);
  const fields = (Object.keys(mine) as Array<keyof ActorInput>).filter(
    (f) => (theirs[f] ?? null) !== (mine[f] ?? null),
  );
  const items = (ids: string[]): Items => new Map(ids.map((id) => [id, 'on']));
  const topics = [
    items(base.topics.map((t) => t.id)),
    items(theirs.topics.map((t) => t.id)),
    items(topicsMine?.topicIds ?? base.topics.map((t) => t.id)),
  ] as const;
  const topicKeys = contested(...topics);
  const names = new Map([...base.topics, ...theirs.topics].map((t) => [t.id, t.name]));
  if (topicKeys.some((id) => !names.has(id))) {
    for (const t of await allTopics().catch(() => [])) names.set(t.id, t.name);
  }
  const onOff = (v: string | null | undefined) => (v ? et('conflict.topicOn') : et('conflict.topicOff'));
  const newTopics = topicsMine?.newTopics ?? [];
  showConflictChoice(form, {
    name: theirs.name,
    who,
    rows: [
      ...fields.map((f) => ({
        field: f,
        label: et(FIELD_LABEL[f]),
        theirs: show(f, theirs[f]),
        mine: show(f, mine[f]),
      })),
      ...topicKeys.map((id) => ({
        field: `topic:${id}`,
        label: et('conflict.topic', { name: names.get(id) ?? id }),
        theirs: onOff(topics[1].get(id)),
        mine: onOff(topics[2].get(id)),
      })),
      ...newTopicRows(newTopics),
    ],
    async save(choice) {
      const takesMine = (field: string) => choice.get(field) === 'mine';
      const patch: Partial<ActorInput> & { interests?: Array<{ topicId: string }>; newTopics?: string[] } = {};
      for (const f of fields) if (takesMine(f)) (patch as Record<string, unknown>)[f] = mine[f];
      const chosenNew = newTopics.filter((name) => takesMine(`new-topic:${name}`));
      if (topicKeys.some((id) => takesMine(`topic:${id}`)) || chosenNew.length) {
        const ids = merged(topics[1], topics[2], topicKeys, (id) => takesMine(`topic:${id}`));
        patch.interests = [...ids.keys()].map((topicId) => ({ topicId }));
        patch.newTopics = chosenNew;
      }
      if (Object.keys(patch).length) await updateActor(base.id, patch, theirs.version);
      if (chosenNew.length) forgetTopics();
      closeDialog();
      await host.refresh();
      host.reopenPanel(base.id);
    },
  });
}
