/**
 * A concurrent edit (updateActor or editCollaboration answered CONFLICT for the version this form
 * started from): the stored values ("theirs", with who stored them) and the form's ("mine") side by
 * side for every field this form changed, one choice per field; saving writes the chosen values on
 * top of the stored version (again with expectedVersion, so a third edit in between is caught as
 * well). The collaboration's rows and save: meeting-conflict.ts.
 */
import { h } from '../dom';
import { label } from '../i18n';
import { history, updateActor, type ActorInput, type EditableActor } from './api';
import { closeDialog, Form } from './form';
import type { EditHost } from './host';
import { et } from './strings';

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

export async function showConflict(
  form: Form,
  host: EditHost,
  base: EditableActor,
  theirs: EditableActor,
  mine: Partial<ActorInput>,
): Promise<void> {
  const who = await lastAuthor(base.id);
  const fields = (Object.keys(mine) as Array<keyof ActorInput>).filter(
    (f) => (theirs[f] ?? null) !== (mine[f] ?? null),
  );
  showConflictChoice(form, {
    name: theirs.name,
    who,
    rows: fields.map((f) => ({
      field: f,
      label: et(FIELD_LABEL[f]),
      theirs: show(f, theirs[f]),
      mine: show(f, mine[f]),
    })),
    async save(choice) {
      const patch: Partial<ActorInput> = {};
      for (const f of fields) if (choice.get(f) === 'mine') (patch as Record<string, unknown>)[f] = mine[f];
      if (Object.keys(patch).length) await updateActor(base.id, patch, theirs.version);
      closeDialog();
      await host.refresh();
      host.reopenPanel(base.id);
    },
  });
}
