/**
 * A concurrent edit (updateActor answered CONFLICT for the version this form started from): the
 * stored values ("theirs", with who stored them) and the form's ("mine") side by side for every
 * field this form changed, one choice per field; saving writes the chosen values on top of the
 * stored version (again with expectedVersion, so a third edit in between is caught as well).
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

export async function showConflict(
  form: Form,
  host: EditHost,
  base: EditableActor,
  theirs: EditableActor,
  mine: Partial<ActorInput>,
): Promise<void> {
  const who = await history(base.id).then(
    (records) => records[0]?.author ?? null,
    () => null,
  );
  const fields = (Object.keys(mine) as Array<keyof ActorInput>).filter(
    (f) => (theirs[f] ?? null) !== (mine[f] ?? null),
  );
  const choice = new Map<keyof ActorInput, 'theirs' | 'mine'>(fields.map((f) => [f, 'mine']));
  const rows = fields.map((f) =>
    h(
      'tr',
      { 'data-field': f },
      h('th', { scope: 'row' }, et(FIELD_LABEL[f])),
      h(
        'td',
        { class: 'theirs' },
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: `conflict-${f}`,
            value: 'theirs',
            onchange: () => choice.set(f, 'theirs'),
          }),
          ' ',
          h('span', { class: 'value' }, show(f, theirs[f])),
        ),
      ),
      h(
        'td',
        { class: 'mine' },
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: `conflict-${f}`,
            value: 'mine',
            checked: true,
            onchange: () => choice.set(f, 'mine'),
          }),
          ' ',
          h('span', { class: 'value' }, show(f, mine[f])),
        ),
      ),
    ),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const apply = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'conflict-apply',
      onclick: async () => {
        const patch: Partial<ActorInput> = {};
        for (const f of fields) if (choice.get(f) === 'mine') (patch as Record<string, unknown>)[f] = mine[f];
        apply.disabled = true;
        try {
          if (Object.keys(patch).length) await updateActor(base.id, patch, theirs.version);
          closeDialog();
          await host.refresh();
          host.reopenPanel(base.id);
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
    h('h3', { id: 'conflict-title' }, et('conflict.title', { name: theirs.name })),
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
          h('th', { scope: 'col' }, who ? et('conflict.theirs', { who }) : et('conflict.theirsPlain')),
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
