/**
 * Duplicates and merging: the likely duplicate pairs (duplicateCandidates) for review; an admin
 * merges a pair with a choice per field. mergeActors folds the other actor into the one kept
 * (participations and topics move); the fields chosen from the other one are then written to the
 * kept actor (updateActor with its version) — two writes, the merge first.
 */
import { h } from '../dom';
import { formatNumber, label } from '../i18n';
import { duplicates, mergeActors, updateActor, type ActorInput, type DuplicatePair, type EditableActor } from './api';
import { closeDialog, openDialog } from './form';
import type { EditHost } from './host';
import { announce } from './meeting-form';
import { et, type EditKey } from './strings';

const FIELDS: Array<[keyof ActorInput, EditKey]> = [
  ['name', 'actor.name'],
  ['kind', 'actor.kind'],
  ['district', 'actor.district'],
  ['website', 'actor.website'],
  ['contact', 'actor.contact'],
  ['description', 'actor.description'],
];
const show = (field: string, v: unknown) =>
  v === null || v === undefined || v === '' ? et('conflict.empty') : field === 'kind' ? label(String(v)) : String(v);

export async function openDuplicates(host: EditHost): Promise<void> {
  const body = h('div', { class: 'edit-form duplicates-list', id: 'duplicates' }, h('p', { class: 'loading' }, '…'));
  openDialog('edit-dialog', et('dup.title'), [body]);
  let pairs: DuplicatePair[];
  try {
    pairs = await duplicates();
  } catch (error) {
    body.replaceChildren(
      h('p', { class: 'form-error', role: 'alert' }, et('edit.serverError', { message: (error as Error).message })),
    );
    return;
  }
  if (!pairs.length) return void body.replaceChildren(h('p', {}, et('dup.none')));
  body.replaceChildren(
    host.role === 'ADMIN' ? '' : h('p', { class: 'field-hint' }, et('dup.adminOnly')),
    h(
      'ul',
      { class: 'list' },
      ...pairs.map((p) =>
        h(
          'li',
          { 'data-pair': p.actors.map((a) => a.id).join('|') },
          h('strong', {}, p.actors.map((a) => a.name).join(' ↔ ')),
          h(
            'p',
            { class: 'meta' },
            et('dup.reasons', {
              reasons: p.reasons.map((r) => et(`dup.${r}` as EditKey)).join(', '),
              similarity: formatNumber(p.similarity, 2),
            }),
          ),
          host.role === 'ADMIN'
            ? h(
                'button',
                { type: 'button', class: 'merge', onclick: () => openMerge(host, p.actors[0], p.actors[1]) },
                et('dup.merge'),
              )
            : null,
        ),
      ),
    ),
  );
  body.querySelector<HTMLButtonElement>('button.merge')?.focus();
}

export function openMerge(host: EditHost, a: EditableActor, b: EditableActor): void {
  // The one with more collaborations stays unless chosen otherwise.
  let keep = a.collaborationCount >= b.collaborationCount ? a : b;
  const choice = new Map<keyof ActorInput, 'a' | 'b'>();
  const differing = FIELDS.filter(([f]) => (a[f] ?? null) !== (b[f] ?? null));
  const rows = differing.map(([f, key]) => {
    choice.set(f, (a[f] ?? null) === null ? 'b' : keep === a ? 'a' : 'b');
    const cell = (side: 'a' | 'b', actor: EditableActor) =>
      h(
        'td',
        {},
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: `merge-${f}`,
            value: side,
            checked: choice.get(f) === side,
            onchange: () => choice.set(f, side),
          }),
          ' ',
          show(f, actor[f]),
        ),
      );
    return h('tr', { 'data-field': f }, h('th', { scope: 'row' }, et(key)), cell('a', a), cell('b', b));
  });
  const keepRadios = [a, b].map((x) =>
    h(
      'label',
      {},
      h('input', { type: 'radio', name: 'merge-keep', value: x.id, checked: keep === x, onchange: () => (keep = x) }),
      ` ${et('merge.option', { name: x.name, n: x.collaborationCount, id: x.id })}`,
    ),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const apply = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'merge-apply',
      onclick: async () => {
        apply.disabled = true;
        const other = keep === a ? b : a;
        try {
          const kept = await mergeActors(keep.id, [other.id]);
          const patch: Partial<ActorInput> = {};
          for (const [f] of differing) {
            const chosen = (choice.get(f) === 'a' ? a : b)[f] ?? null;
            if ((kept[f] ?? null) !== chosen) (patch as Record<string, unknown>)[f] = chosen;
          }
          if (Object.keys(patch).length) await updateActor(kept.id, patch, kept.version);
          closeDialog();
          await host.refresh();
          host.select(kept.id);
          announce(et('merge.done', { name: (patch.name as string | undefined) ?? kept.name }));
        } catch (e) {
          error.textContent = et('edit.serverError', { message: (e as Error).message });
          error.hidden = false;
          apply.disabled = false;
        }
      },
    },
    et('merge.apply'),
  );
  openDialog('edit-dialog', et('merge.title', { a: a.name, b: b.name }), [
    h(
      'div',
      { class: 'edit-form conflict', id: 'merge' },
      h('fieldset', {}, h('legend', {}, et('merge.keep')), ...keepRadios),
      h('p', {}, et('merge.intro')),
      differing.length
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, et('conflict.field')),
                h('th', { scope: 'col' }, a.name),
                h('th', { scope: 'col' }, b.name),
              ),
            ),
            h('tbody', {}, ...rows),
          )
        : null,
      error,
      h(
        'div',
        { class: 'form-actions' },
        apply,
        h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog() }, et('edit.cancel')),
      ),
    ),
  ]);
  (document.querySelector('#merge input[type=radio]') as HTMLInputElement | null)?.focus();
}
