/** The side panel of one actor: details, topics, collaborations, partners, ego depth, path, suggestions, "what if it leaves". */
import {
  ACTOR_KINDS,
  fetchActor,
  fetchParticipants,
  fetchPath,
  fetchSuggestions,
  type ActorDetails,
  type ActorKind,
  type ActorRef,
  type Chain,
  type Suggestion,
} from './api';
import { giveFeedback, reasonSentence, strength, suggestionDetails, type Verdict } from './suggestion-view';
import { byId, h, shapeIcon } from './dom';
import { KIND_STYLE } from './graph';
import { count, formatDate, label, t } from './i18n';
import type { NetworkMap } from './map';
import { ActorPicker } from './picker';

export interface PanelHost {
  map: NetworkMap;
  select(actorId: string): void;
  openEgo(actorId: string, depth: number, name: string): void;
  /** Opens the hand-over view with this actor taken out. */
  whatIf(actor: ActorRef): void;
  describe(error: unknown): string;
}

/** Extra sections of an actor's panel, added by other modules (editing: edit/index.ts). */
export const actorSections: Array<(actor: ActorRef) => HTMLElement | null> = [];

type Load<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string };

export class Panel {
  private actorId: string | null = null;
  private depth = 1;
  private details: Load<ActorDetails | null> = { state: 'loading' };
  private suggestions: Load<Suggestion[] | null> = { state: 'loading' };
  private suggestKind: ActorKind | '' = '';
  /** The collaboration whose participants are shown, and them. */
  private openCollaboration: string | null = null;
  private participants: Load<Array<{ role: string; actor: ActorRef }>> | null = null;
  /** Verdicts given in this page, per actor → suggested. */
  private readonly feedback = new Map<string, Verdict>();
  private path: { target: ActorRef; result: Load<Chain | null> } | null = null;
  private pinned: Suggestion | null = null;
  private suggestionsSupported = true;
  private readonly root = byId('panel');
  private readonly body = byId('panel-body');
  private readonly picker: ActorPicker;

  constructor(private readonly host: PanelHost) {
    byId('panel-close').addEventListener('click', () => this.close());
    this.picker = new ActorPicker(
      h('input', { type: 'search', id: 'path-input', autocomplete: 'off' }),
      (actor) => this.connect(actor),
      host.describe,
    );
  }

  get current(): string | null {
    return this.actorId;
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  async open(actorId: string): Promise<void> {
    this.actorId = actorId;
    this.details = { state: 'loading' };
    this.suggestions = { state: 'loading' };
    this.path = null;
    this.pinned = null;
    this.openCollaboration = null;
    this.participants = null;
    this.root.hidden = false;
    document.body.classList.add('panel-open');
    this.root.dataset.actorId = actorId;
    this.host.map.highlightEgo(actorId, this.depth);
    this.render();
    const [details, suggestions] = await Promise.allSettled([
      fetchActor(actorId),
      this.suggestionsSupported
        ? fetchSuggestions(actorId, 8, this.suggestKind ? [this.suggestKind] : null)
        : Promise.resolve(null),
    ]);
    if (this.actorId !== actorId) return;
    this.details =
      details.status === 'fulfilled'
        ? { state: 'ok', value: details.value }
        : { state: 'error', message: this.host.describe(details.reason) };
    if (suggestions.status === 'fulfilled') {
      if (suggestions.value === null) this.suggestionsSupported = false;
      this.suggestions = { state: 'ok', value: suggestions.value };
    } else {
      this.suggestions = { state: 'error', message: this.host.describe(suggestions.reason) };
    }
    this.render();
  }

  close(): void {
    this.actorId = null;
    this.root.hidden = true;
    document.body.classList.remove('panel-open');
    delete this.root.dataset.actorId;
    this.host.map.clearHighlights();
    this.host.map.cy.elements().unselect();
  }

  /** Shows how the open actor and `target` are connected. */
  async connect(target: ActorRef): Promise<void> {
    const from = this.actorId;
    if (!from || target.id === from) return;
    this.path = { target, result: { state: 'loading' } };
    this.render();
    try {
      const chain = await fetchPath(from, target.id);
      if (this.actorId !== from) return;
      this.path = { target, result: { state: 'ok', value: chain } };
      this.restoreHighlight();
    } catch (error) {
      this.path = { target, result: { state: 'error', message: this.host.describe(error) } };
    }
    this.render();
  }

  /** Called when the view was reloaded: the highlights were lost with the old elements. */
  refreshHighlights(): void {
    if (this.actorId) this.restoreHighlight();
  }

  private restoreHighlight(): void {
    if (!this.actorId) return;
    const map = this.host.map;
    if (this.pinned) return void this.previewSuggestion(this.pinned);
    if (this.path?.result.state === 'ok' && this.path.result.value) {
      map.clearHighlights();
      map.highlightChain(this.path.result.value);
      map.node(this.actorId)?.addClass('centre');
      const chain = map.cy.nodes('.path');
      if (chain.nonempty()) map.cy.animate({ fit: { eles: chain, padding: 90 } }, { duration: 300 });
      return;
    }
    map.highlightEgo(this.actorId, this.depth);
  }

  private chains = new Map<string, Promise<Chain | null>>();

  private async previewSuggestion(s: Suggestion): Promise<void> {
    const from = this.actorId;
    if (!from) return;
    this.host.map.highlightSuggestion(from, s.actor.id, null);
    const key = `${from}|${s.actor.id}`;
    if (!this.chains.has(key))
      this.chains.set(
        key,
        fetchPath(from, s.actor.id).catch(() => null),
      );
    const chain = await this.chains.get(key)!;
    // Still the one being shown?
    if (this.actorId === from && (this.pinned === s || this.hovered === s))
      this.host.map.highlightSuggestion(from, s.actor.id, chain);
  }

  private hovered: Suggestion | null = null;

  render(): void {
    if (!this.actorId) return;
    // Re-rendering replaces the controls: keep keyboard focus on the same one.
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && this.body.contains(active) ? active.id || active.dataset.focus : null;
    const d = this.details;
    const head = byId('panel-title');
    if (d.state === 'ok' && d.value) {
      const kind = KIND_STYLE[d.value.kind];
      head.replaceChildren(shapeIcon(kind.shape, kind.colour, 18), h('span', {}, d.value.name));
    } else {
      head.textContent = d.state === 'loading' ? t('panel.loading') : this.actorId;
    }
    const sections: HTMLElement[] = [];
    if (d.state === 'loading') sections.push(h('p', { class: 'loading', role: 'status' }, t('panel.loading')));
    else if (d.state === 'error') sections.push(h('p', { class: 'error', role: 'alert' }, d.message));
    else if (!d.value)
      sections.push(h('p', { class: 'error', role: 'alert' }, t('error.notFound', { message: this.actorId })));
    else sections.push(...this.renderActor(d.value));
    this.body.replaceChildren(...sections);
    if (focusKey) {
      const again = this.body.querySelector<HTMLElement>(
        `#${CSS.escape(focusKey)}, [data-focus="${CSS.escape(focusKey)}"]`,
      );
      again?.focus();
    }
  }

  private renderActor(a: ActorDetails): HTMLElement[] {
    const inView = !!this.host.map.node(a.id);
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
    const depthButtons = [1, 2].map((n) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          'data-focus': `depth-${n}`,
          'aria-pressed': String(this.depth === n),
          onclick: () => {
            this.depth = n;
            this.path = null;
            this.pinned = null;
            this.restoreHighlight();
            this.render();
          },
        },
        t('panel.depth', { n }),
      ),
    );
    const ego = h(
      'section',
      { class: 'ego' },
      h('h3', {}, t('panel.ego')),
      h(
        'div',
        { class: 'row' },
        ...depthButtons,
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            id: 'panel-ego-only',
            onclick: () => this.host.openEgo(a.id, this.depth, a.name),
          },
          t('view.egoOnly'),
        ),
      ),
      inView ? null : h('p', { class: 'hint' }, t('panel.notInView')),
    );
    const whatIf = h(
      'section',
      { class: 'what-if' },
      h('h3', {}, t('panel.whatIf')),
      h(
        'button',
        {
          type: 'button',
          id: 'panel-what-if',
          onclick: () => this.host.whatIf({ id: a.id, name: a.name, kind: a.kind }),
        },
        t('panel.whatIfButton', { name: a.name }),
      ),
    );
    return [
      h('section', {}, facts, a.description ? h('p', { class: 'description' }, a.description) : null),
      ...actorSections.flatMap((section) => section({ id: a.id, name: a.name, kind: a.kind }) ?? []),
      ego,
      this.renderSuggestions(),
      this.renderPath(),
      whatIf,
      h(
        'section',
        { class: 'topics' },
        h('h3', {}, t('panel.topics')),
        a.topics.length
          ? h('ul', { class: 'chips' }, ...a.topics.map((topic) => h('li', { class: 'chip static' }, topic.name)))
          : h('p', { class: 'hint' }, t('panel.noTopics')),
      ),
      h(
        'section',
        { class: 'collaborations' },
        h('h3', {}, t('panel.collaborations', { n: a.collaborations.length })),
        a.collaborations.length
          ? h(
              'ul',
              { class: 'list' },
              ...a.collaborations.map(({ role, collaboration: c }) =>
                h(
                  'li',
                  { 'data-collaboration': c.id },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'collaboration-toggle',
                      'aria-expanded': String(this.openCollaboration === c.id),
                      onclick: () => void this.toggleCollaboration(c.id),
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
                  this.openCollaboration === c.id ? this.renderParticipants() : null,
                ),
              ),
            )
          : h('p', { class: 'hint' }, t('panel.noCollaborations')),
      ),
      h(
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
              this.actorButton(c.actor),
              h('span', { class: 'meta' }, t('panel.shared', { n: c.sharedCount })),
            ),
          ),
        ),
      ),
    ];
  }

  /** A click on a collaboration shows who took part (and marks them on the map); again: hides it. */
  private async toggleCollaboration(id: string): Promise<void> {
    if (this.openCollaboration === id) {
      this.openCollaboration = null;
      this.participants = null;
      return this.render();
    }
    this.openCollaboration = id;
    this.participants = { state: 'loading' };
    this.render();
    try {
      const value = await fetchParticipants(id);
      if (this.openCollaboration !== id) return;
      this.participants = { state: 'ok', value };
      for (const p of value) this.host.map.node(p.actor.id)?.flashClass('match', 1500);
    } catch (error) {
      if (this.openCollaboration !== id) return;
      this.participants = { state: 'error', message: this.host.describe(error) };
    }
    this.render();
  }

  private renderParticipants(): HTMLElement {
    const p = this.participants;
    if (!p || p.state === 'loading') return h('p', { class: 'loading', role: 'status' }, t('panel.loading'));
    if (p.state === 'error') return h('p', { class: 'error', role: 'alert' }, p.message);
    return h(
      'ul',
      { class: 'participants' },
      ...p.value.map((x) =>
        h(
          'li',
          { 'data-actor': x.actor.id },
          this.actorButton(x.actor),
          h('span', { class: 'meta' }, label(x.role, true)),
        ),
      ),
    );
  }

  private actorButton(actor: ActorRef): HTMLButtonElement {
    const kind = KIND_STYLE[actor.kind];
    return h(
      'button',
      {
        type: 'button',
        class: 'actor-link',
        'data-actor': actor.id,
        title: t('panel.open', { name: actor.name }),
        onclick: () => this.host.select(actor.id),
      },
      kind ? shapeIcon(kind.shape, kind.colour, 12) : null,
      h('span', {}, actor.name),
    );
  }

  private renderPath(): HTMLElement {
    const section = h('section', { class: 'path' }, h('h3', {}, t('panel.path')));
    const input = this.picker.input;
    input.setAttribute('placeholder', t('panel.pathTo'));
    input.setAttribute('aria-label', t('panel.pathTo'));
    section.append(
      h('div', { class: 'picker' }, input, this.picker.list),
      h('p', { class: 'hint' }, t('panel.pathHint')),
    );
    if (!this.path) return section;
    const r = this.path.result;
    if (r.state === 'loading') section.append(h('p', { class: 'loading', role: 'status' }, t('panel.loading')));
    else if (r.state === 'error') section.append(h('p', { class: 'error', role: 'alert' }, r.message));
    else if (!r.value)
      section.append(
        h(
          'p',
          { class: 'hint', id: 'path-result' },
          t('panel.pathNone', { a: this.currentName(), b: this.path.target.name }),
        ),
      );
    else {
      const chain = r.value;
      section.append(
        h(
          'p',
          { class: 'meta', id: 'path-result', 'data-length': chain.length },
          t('panel.pathLength', { n: count('step', chain.length) }),
        ),
        h(
          'ol',
          { class: 'chain' },
          ...chain.steps.map((s) =>
            h(
              'li',
              {},
              this.actorButton(s.from),
              h(
                'span',
                { class: 'via' },
                `→ ${t('panel.via', { title: s.collaboration.title })} ${dateRange(s.collaboration.startDate, null)}`,
              ),
              this.actorButton(s.to),
            ),
          ),
        ),
      );
    }
    return section;
  }

  private currentName(): string {
    return this.details.state === 'ok' && this.details.value ? this.details.value.name : (this.actorId ?? '');
  }

  private renderSuggestions(): HTMLElement {
    const section = h('section', { class: 'suggestions', id: 'suggestions' }, h('h3', {}, t('panel.suggestions')));
    if (this.suggestionsSupported) section.append(this.kindFilter());
    const s = this.suggestions;
    if (s.state === 'loading')
      return section.appendChild(h('p', { class: 'loading', role: 'status' }, t('panel.loading')))
        .parentElement as HTMLElement;
    if (s.state === 'error')
      return section.appendChild(h('p', { class: 'error', role: 'alert' }, s.message)).parentElement as HTMLElement;
    if (s.value === null)
      return section.appendChild(
        h('p', { class: 'hint', 'data-unavailable': 'true' }, t('panel.suggestionsUnavailable')),
      ).parentElement as HTMLElement;
    if (s.value.length === 0)
      return section.appendChild(h('p', { class: 'hint' }, t('panel.suggestionsNone'))).parentElement as HTMLElement;
    const max = Math.max(...s.value.map((x) => x.score), 1e-9);
    section.append(h('ol', { class: 'suggestion-list' }, ...s.value.map((sug) => this.renderSuggestion(sug, max))));
    return section;
  }

  /** "Nur Vereine": the suggestions of one kind of actor, asked again. */
  private kindFilter(): HTMLElement {
    const select = h(
      'select',
      { id: 'suggest-kind', 'aria-label': t('suggest.kinds') },
      h('option', { value: '' }, t('suggest.allKinds')),
      ...ACTOR_KINDS.map((kind) => h('option', { value: kind, selected: kind === this.suggestKind }, label(kind))),
    );
    select.addEventListener('change', () => void this.reloadSuggestions(select.value as ActorKind | ''));
    return h('label', { class: 'suggest-kind' }, `${t('suggest.kinds')}: `, select);
  }

  private async reloadSuggestions(kind: ActorKind | ''): Promise<void> {
    const actorId = this.actorId;
    if (!actorId) return;
    this.suggestKind = kind;
    this.suggestions = { state: 'loading' };
    this.render();
    try {
      const value = await fetchSuggestions(actorId, 8, kind ? [kind] : null);
      if (this.actorId !== actorId || this.suggestKind !== kind) return;
      this.suggestions = { state: 'ok', value };
    } catch (error) {
      if (this.actorId !== actorId) return;
      this.suggestions = { state: 'error', message: this.host.describe(error) };
    }
    this.render();
  }

  private feedbackButtons(sug: Suggestion): HTMLElement | null {
    const role = document.body.dataset.role;
    if (role !== 'EDITOR' && role !== 'ADMIN') return null;
    const actorId = this.actorId!;
    const done = this.feedback.get(`${actorId}→${sug.actor.id}`);
    if (done === 'INTRODUCED') return h('p', { class: 'meta feedback-done' }, `✓ ${t('suggest.introducedDone')}`);
    const send = async (verdict: Verdict) => {
      try {
        await giveFeedback(actorId, sug.actor.id, verdict);
        this.feedback.set(`${actorId}→${sug.actor.id}`, verdict);
        if (verdict === 'NOT_USEFUL' && this.suggestions.state === 'ok' && this.suggestions.value) {
          this.suggestions = { state: 'ok', value: this.suggestions.value.filter((x) => x.actor.id !== sug.actor.id) };
        }
        this.render();
      } catch (error) {
        this.suggestions = { state: 'error', message: this.host.describe(error) };
        this.render();
      }
    };
    return h(
      'div',
      { class: 'feedback' },
      h(
        'button',
        { type: 'button', class: 'link', 'data-verdict': 'INTRODUCED', onclick: () => void send('INTRODUCED') },
        t('suggest.introduced'),
      ),
      h(
        'button',
        { type: 'button', class: 'link', 'data-verdict': 'NOT_USEFUL', onclick: () => void send('NOT_USEFUL') },
        t('suggest.notUseful'),
      ),
    );
  }

  private renderSuggestion(sug: Suggestion, max: number): HTMLElement {
    const pinned = this.pinned?.actor.id === sug.actor.id;
    const li = h(
      'li',
      { class: `suggestion${pinned ? ' pinned' : ''}`, 'data-suggested': sug.actor.id },
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'suggestion-show',
            'data-focus': `suggestion-${sug.actor.id}`,
            'aria-pressed': String(pinned),
            onclick: () => {
              this.pinned = pinned ? null : sug;
              if (this.pinned) void this.previewSuggestion(sug);
              else this.restoreHighlight();
              this.render();
            },
          },
          h('span', { class: 'name' }, sug.actor.name),
        ),
        h(
          'span',
          { class: `score ${strength(sug.score, max)}`, 'data-strength': strength(sug.score, max) },
          h('span', { class: 'bar', style: `width:${Math.round((100 * sug.score) / max)}%` }),
          h('span', { class: 'value' }, t(`suggest.${strength(sug.score, max)}`)),
        ),
      ),
      h('p', { class: 'explanation' }, reasonSentence(sug)),
      suggestionDetails(sug),
      this.feedbackButtons(sug),
    );
    const enter = () => {
      this.hovered = sug;
      void this.previewSuggestion(sug);
    };
    const leave = () => {
      this.hovered = null;
      this.restoreHighlight();
    };
    li.addEventListener('mouseenter', enter);
    li.addEventListener('mouseleave', leave);
    li.addEventListener('focusin', enter);
    li.addEventListener('focusout', leave);
    return li;
  }
}

function dateRange(start: string | null, end: string | null): string {
  if (!start) return '';
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}
