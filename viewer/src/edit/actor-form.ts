/**
 * Add an actor (recordActor: the actor, its topics and new topics in one write) and edit one
 * (updateActor with expectedVersion; a CONFLICT opens the side-by-side choice of conflict.ts).
 * While the name is typed, likely duplicates are shown before anything is created.
 */
import { ACTOR_KINDS, type ActorKind, type ActorRef } from '../api';
import { h } from '../dom';
import { label } from '../i18n';
import { EditError, loadActor, matchNames, recordActor, updateActor, type ActorInput, type EditableActor } from './api';
import { showConflict, type TopicsMine } from './conflict';
import { closeDialog, Form, openDialog } from './form';
import type { EditHost } from './host';
import { et } from './strings';
import { forgetTopics, TopicPicker } from './topics';

/** Maps the API's field of a refused actor write to the form's field. */
export function actorFieldOf(apiField: string): string | null {
  const f = apiField.replace(/^(input\.)?(actor\.)?/, '');
  if (/^(newTopics|topicIds)/.test(f)) return 'topics';
  if (['name', 'kind', 'district', 'description', 'website', 'contact'].includes(f)) return f;
  return null;
}

function actorFields(form: Form, initial: Partial<EditableActor>, topics: TopicPicker): void {
  form.add({ name: 'name', label: et('actor.name'), required: true, value: initial.name });
  form.add({
    name: 'kind',
    label: et('actor.kind'),
    type: 'select',
    value: initial.kind ?? 'ASSOCIATION',
    options: ACTOR_KINDS.map((k) => ({ value: k, label: label(k) })),
  });
  form.add({ name: 'district', label: et('actor.district'), value: initial.district });
  form.add({
    name: 'website',
    label: et('actor.website'),
    type: 'url',
    value: initial.website,
    placeholder: 'https://',
  });
  form.add({
    name: 'contact',
    label: et('actor.contact'),
    type: 'textarea',
    value: initial.contact,
    hint: et('actor.contactHint'),
  });
  form.add({ name: 'description', label: et('actor.description'), type: 'textarea', value: initial.description });
  form.add({ name: 'topics', label: et('actor.topics'), custom: topics.element, focusable: topics.input });
}

function values(form: Form): ActorInput {
  return {
    name: form.value('name') ?? '',
    kind: form.value('kind') as ActorKind,
    district: form.value('district'),
    website: form.value('website'),
    contact: form.value('contact'),
    description: form.value('description'),
  };
}

/** Shows likely duplicates of the typed name under the name field (matchNames: exact and near). */
function duplicateHint(form: Form, host: EditHost, exceptId: string | null): void {
  const input = form.control('name') as HTMLInputElement;
  const box = h('div', { class: 'duplicates', id: 'actor-duplicates', 'aria-live': 'polite' });
  input.closest('.field')!.append(box);
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} actor-duplicates`.trim());
  let timer = 0;
  let seq = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const name = input.value.trim();
    if (name.length < 3) return void box.replaceChildren();
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      const [match] = await matchNames([name]).catch(() => [null]);
      if (mine !== seq || !match) return;
      const found: ActorRef[] = [...match.exact, ...match.near.map((n) => n.actor)].filter((a) => a.id !== exceptId);
      if (!found.length) return void box.replaceChildren();
      box.replaceChildren(
        h(
          'p',
          { class: 'duplicate-question' },
          found.length === 1 ? et('actor.duplicateOne', { name: found[0].name }) : et('actor.duplicateMany'),
        ),
        h(
          'ul',
          {},
          ...found.map((a) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  'data-actor': a.id,
                  onclick: () => {
                    closeDialog();
                    host.select(a.id);
                  },
                },
                et('actor.duplicateOpen', { name: a.name }),
              ),
            ),
          ),
        ),
      );
    }, 200);
  });
}

export function openAddActor(host: EditHost): void {
  const topics = new TopicPicker();
  const form: Form = new Form({
    id: 'add-actor',
    onCancel: () => closeDialog(),
    onSubmit: async (): Promise<void> => {
      try {
        const created = await recordActor(values(form), topics.existingIds, topics.newNames);
        if (topics.newNames.length) forgetTopics();
        closeDialog();
        await host.refresh();
        host.select(created.id);
      } catch (error) {
        form.showApiError(error, actorFieldOf);
      }
    },
  });
  actorFields(form, {}, topics);
  duplicateHint(form, host, null);
  openDialog('edit-dialog', et('actor.newTitle'), [form.element]);
  form.control('name').focus();
}

type Editable = keyof ActorInput;
const EDITABLE: Editable[] = ['name', 'kind', 'district', 'website', 'contact', 'description'];

export async function openEditActor(host: EditHost, actorId: string): Promise<void> {
  const base = await loadActor(actorId);
  if (!base) return;
  const topics = new TopicPicker(base.topics);
  let version = base.version;
  const form: Form = new Form({
    id: 'edit-actor',
    onCancel: () => closeDialog(),
    onSubmit: async (): Promise<void> => {
      const mine = values(form);
      const patch: Partial<ActorInput> = {};
      for (const f of EDITABLE)
        if ((mine[f] ?? null) !== (base[f] ?? null)) (patch as Record<string, unknown>)[f] = mine[f];
      // ONE write: the changed fields and, when they changed, the topics — new ones created inside it.
      const topicsMine = changedTopics(
        base.topics.map((t) => t.id),
        topics,
      );
      try {
        if (Object.keys(patch).length || topicsMine) {
          const input = {
            ...patch,
            ...(topicsMine && {
              interests: topicsMine.topicIds.map((topicId) => ({ topicId })),
              newTopics: topicsMine.newTopics,
            }),
          };
          version = (await updateActor(actorId, input, version)).version;
          if (topicsMine?.newTopics.length) forgetTopics();
        }
        closeDialog();
        await host.refresh();
        host.reopenPanel(actorId);
      } catch (error) {
        if (error instanceof EditError && error.code === 'CONFLICT' && error.field === 'expectedVersion') {
          const theirs = await loadActor(actorId);
          if (theirs) return showConflict(form, host, base, theirs, patch, topicsMine);
        }
        form.showApiError(error, actorFieldOf);
      }
    },
  });
  actorFields(form, base, topics);
  duplicateHint(form, host, actorId);
  openDialog('edit-dialog', et('actor.editTitle', { name: base.name }), [form.element]);
  form.control('name').focus();
}

/** The form's topics when they differ from `before` (new ones by name), else null. */
function changedTopics(before: string[], topics: TopicPicker): TopicsMine | null {
  const after = topics.existingIds;
  const newTopics = topics.newNames;
  const same = !newTopics.length && after.length === before.length && after.every((id) => before.includes(id));
  return same ? null : { topicIds: after, newTopics };
}
