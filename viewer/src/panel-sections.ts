/** The plain sections of an actor's panel (facts, topics, collaborations, partners) and their parts. */
import type { ActorDetails, ActorRef } from './api';
import { h, shapeIcon } from './dom';
import { KIND_STYLE } from './graph';
import { formatDate, label, t, tn } from './i18n';

export type Load<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string };

/** What a section needs from the panel: open another actor. */
export type SelectActor = (actorId: string) => void;

/** A loading line or an error, as the panel shows them. */
export function loadingLine(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('panel.loading'));
}

export function errorLine(message: string): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, message);
}

export function actorButton(actor: ActorRef, select: SelectActor): HTMLButtonElement {
  const kind = KIND_STYLE[actor.kind];
  return h(
    'button',
    {
      type: 'button',
      class: 'actor-link',
      'data-actor': actor.id,
      title: t('panel.open', { name: actor.name }),
      onclick: () => select(actor.id),
    },
    kind ? shapeIcon(kind.shape, kind.colour, 12) : null,
    h('span', {}, actor.name),
  );
}

export function dateRange(start: string | null, end: string | null): string {
  if (!start) return '';
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}

/** Kind, district, website, contact and the description. */
export function factsSection(a: ActorDetails): HTMLElement {
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('panel.kind')),
    h('dd', {}, label(a.kind)),
    a.district ? [h('dt', {}, t('panel.district')), h('dd', {}, a.district)] : null,
    a.website
      ? [
          h('dt', {}, t('panel.website')),
          h(
            'dd',
            {},
            h(
              'a',
              { href: a.website, target: '_blank', rel: 'noopener noreferrer' },
              a.website.replace(/^https?:\/\//, ''),
            ),
          ),
        ]
      : null,
    a.contact ? [h('dt', {}, t('panel.contact')), h('dd', { id: 'panel-contact' }, a.contact)] : null,
  );
  return h('section', {}, facts, a.description ? h('p', { class: 'description' }, a.description) : null);
}

export function topicsSection(a: ActorDetails): HTMLElement {
  return h(
    'section',
    { class: 'topics' },
    h('h3', {}, t('panel.topics')),
    a.topics.length
      ? h('ul', { class: 'chips' }, ...a.topics.map((topic) => h('li', { class: 'chip static' }, topic.name)))
      : h('p', { class: 'hint' }, t('panel.noTopics')),
  );
}

export type Participants = Load<Array<{ role: string; actor: ActorRef }>> | null;

/**
 * Where the panel's "more collaborations" stands: nothing asked, a page on its way, the last try's
 * error, or the list started anew (its rows had changed under the cursor).
 */
export type MoreCollaborations =
  { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'restarted' };

/**
 * The collaborations, a page at a time (the newest first; the heading counts all); the open one
 * shows who took part. Below the list, while there are more: how many are shown of how many, and
 * a button adding the next page (it keeps its place and size while the page loads).
 */
export function collaborationsSection(
  a: ActorDetails,
  open: { id: string | null; participants: Participants },
  toggle: (collaborationId: string) => void,
  select: SelectActor,
  more: { state: MoreCollaborations; pageSize: number; load: () => void },
): HTMLElement {
  const shown = a.collaborations.length;
  const total = Math.max(a.collaborationCount, shown);
  return h(
    'section',
    { class: 'collaborations' },
    h('h3', {}, t('panel.collaborations', { n: total })),
    more.state.state === 'restarted'
      ? h('p', { class: 'hint', role: 'status' }, t('panel.collaborationsChanged'))
      : null,
    shown
      ? h(
          'ul',
          { class: 'list', id: 'panel-collaborations' },
          ...a.collaborations.map(({ role, collaboration: c }) =>
            h(
              'li',
              { 'data-collaboration': c.id },
              h(
                'button',
                {
                  type: 'button',
                  class: 'collaboration-toggle',
                  'data-focus': `collaboration-${c.id}`,
                  'aria-expanded': String(open.id === c.id),
                  onclick: () => toggle(c.id),
                },
                h('strong', {}, c.title),
              ),
              h(
                'span',
                { class: 'meta' },
                [label(c.kind), dateRange(c.startDate, c.endDate), `${t('role')}: ${label(role, true)}`]
                  .filter(Boolean)
                  .join(' · '),
              ),
              open.id === c.id ? participantList(open.participants, select) : null,
            ),
          ),
        )
      : h('p', { class: 'hint' }, t('panel.noCollaborations')),
    shown > 0 && shown < total ? moreCollaborations('panel-collaborations', shown, total, more) : null,
  );
}

/**
 * Below a list of collaborations shown a page at a time: how many are shown of how many, and the
 * button adding the next page (ids `<idPrefix>-shown`, `<idPrefix>-more`); the panel's list and the
 * editors' list (edit/actor-panel.ts) both use it.
 */
export function moreCollaborations(
  idPrefix: string,
  shown: number,
  total: number,
  more: { state: MoreCollaborations; pageSize: number; load: () => void },
): HTMLElement {
  const loading = more.state.state === 'loading';
  return h(
    'div',
    { class: 'collaborations-more' },
    h(
      'p',
      { class: 'hint', id: `${idPrefix}-shown`, role: 'status', 'aria-live': 'polite' },
      tn('panel.collaborationsShown', total, { shown }),
    ),
    h(
      'button',
      {
        type: 'button',
        id: `${idPrefix}-more`,
        'aria-describedby': `${idPrefix}-shown`,
        // Not `disabled` while loading: that would take the keyboard focus away from it.
        'aria-disabled': String(loading),
        onclick: () => {
          if (!loading) more.load();
        },
      },
      loading
        ? t('panel.collaborationsLoading')
        : tn('panel.collaborationsMore', Math.min(more.pageSize, total - shown)),
    ),
    more.state.state === 'error' ? errorLine(more.state.message) : null,
  );
}

function participantList(p: Participants, select: SelectActor): HTMLElement {
  if (!p || p.state === 'loading') return loadingLine();
  if (p.state === 'error') return errorLine(p.message);
  return h(
    'ul',
    { class: 'participants' },
    ...p.value.map((x) =>
      h(
        'li',
        { 'data-actor': x.actor.id },
        actorButton(x.actor, select),
        h('span', { class: 'meta' }, label(x.role, true)),
      ),
    ),
  );
}

export function collaboratorsSection(a: ActorDetails, select: SelectActor): HTMLElement {
  return h(
    'section',
    { class: 'collaborators' },
    h('h3', {}, t('panel.collaborators')),
    h(
      'ul',
      { class: 'list' },
      ...a.collaborators.map((c) =>
        h(
          'li',
          {},
          actorButton(c.actor, select),
          h('span', { class: 'meta' }, t('panel.shared', { n: c.sharedCount })),
        ),
      ),
    ),
  );
}
