/**
 * The panel's contact suggestions: the list with a kind filter, hover/focus previews the suggested
 * pair and the chain between them on the map, a click pins it; editors give feedback.
 */
import { ACTOR_KINDS, fetchPath, fetchSuggestions, type ActorKind, type Chain, type Suggestion } from './api';
import { h } from './dom';
import { label, t } from './i18n';
import type { NetworkMap } from './map';
import { errorLine, loadingLine, type Load } from './panel-sections';
import { giveFeedback, reasonSentence, strength, suggestionDetails, type Verdict } from './suggestion-view';

/** What the suggestions need from the panel. */
export interface SuggestionsHost {
  /** The actor whose panel is open. */
  current(): string | null;
  readonly map: NetworkMap;
  describe(error: unknown): string;
  render(): void;
  restoreHighlight(): void;
}

export class PanelSuggestions {
  state: Load<Suggestion[] | null> = { state: 'loading' };
  /** The suggestion whose pair stays drawn on the map. */
  pinned: Suggestion | null = null;
  private hovered: Suggestion | null = null;
  private kind: ActorKind | '' = '';
  private supported = true;
  /** Verdicts given in this page, per actor → suggested. */
  private readonly feedback = new Map<string, Verdict>();
  private readonly chains = new Map<string, Promise<Chain | null>>();

  constructor(private readonly host: SuggestionsHost) {}

  /** A new actor opened: nothing loaded, nothing pinned. */
  reset(): void {
    this.state = { state: 'loading' };
    this.pinned = null;
  }

  /** Asks for the actor's suggestions (null where the server has none). */
  request(actorId: string): Promise<Suggestion[] | null> {
    return this.supported ? fetchSuggestions(actorId, 8, this.kind ? [this.kind] : null) : Promise.resolve(null);
  }

  loaded(result: PromiseSettledResult<Suggestion[] | null>): void {
    if (result.status === 'fulfilled') {
      if (result.value === null) this.supported = false;
      this.state = { state: 'ok', value: result.value };
    } else {
      this.state = { state: 'error', message: this.host.describe(result.reason) };
    }
  }

  async preview(s: Suggestion): Promise<void> {
    const from = this.host.current();
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
    if (this.host.current() === from && (this.pinned === s || this.hovered === s))
      this.host.map.highlightSuggestion(from, s.actor.id, chain);
  }

  render(): HTMLElement {
    const section = h('section', { class: 'suggestions', id: 'suggestions' }, h('h3', {}, t('panel.suggestions')));
    if (this.supported) section.append(this.kindFilter());
    const s = this.state;
    if (s.state === 'loading') return section.appendChild(loadingLine()).parentElement as HTMLElement;
    if (s.state === 'error') return section.appendChild(errorLine(s.message)).parentElement as HTMLElement;
    if (s.value === null)
      return section.appendChild(
        h('p', { class: 'hint', 'data-unavailable': 'true' }, t('panel.suggestionsUnavailable')),
      ).parentElement as HTMLElement;
    if (s.value.length === 0)
      return section.appendChild(h('p', { class: 'hint' }, t('panel.suggestionsNone'))).parentElement as HTMLElement;
    const max = Math.max(...s.value.map((x) => x.score), 1e-9);
    section.append(h('ol', { class: 'suggestion-list' }, ...s.value.map((sug) => this.renderOne(sug, max))));
    return section;
  }

  /** "Nur Vereine": the suggestions of one kind of actor, asked again. */
  private kindFilter(): HTMLElement {
    const select = h(
      'select',
      { id: 'suggest-kind', 'aria-label': t('suggest.kinds') },
      h('option', { value: '' }, t('suggest.allKinds')),
      ...ACTOR_KINDS.map((kind) => h('option', { value: kind, selected: kind === this.kind }, label(kind))),
    );
    select.addEventListener('change', () => void this.reload(select.value as ActorKind | ''));
    return h('label', { class: 'suggest-kind' }, `${t('suggest.kinds')}: `, select);
  }

  private async reload(kind: ActorKind | ''): Promise<void> {
    const actorId = this.host.current();
    if (!actorId) return;
    this.kind = kind;
    this.state = { state: 'loading' };
    this.host.render();
    try {
      const value = await fetchSuggestions(actorId, 8, kind ? [kind] : null);
      if (this.host.current() !== actorId || this.kind !== kind) return;
      this.state = { state: 'ok', value };
    } catch (error) {
      if (this.host.current() !== actorId) return;
      this.state = { state: 'error', message: this.host.describe(error) };
    }
    this.host.render();
  }

  private feedbackButtons(sug: Suggestion): HTMLElement | null {
    const role = document.body.dataset.role;
    if (role !== 'EDITOR' && role !== 'ADMIN') return null;
    const actorId = this.host.current()!;
    const done = this.feedback.get(`${actorId}→${sug.actor.id}`);
    if (done === 'INTRODUCED') return h('p', { class: 'meta feedback-done' }, `✓ ${t('suggest.introducedDone')}`);
    const send = async (verdict: Verdict) => {
      try {
        await giveFeedback(actorId, sug.actor.id, verdict);
        this.feedback.set(`${actorId}→${sug.actor.id}`, verdict);
        if (verdict === 'NOT_USEFUL' && this.state.state === 'ok' && this.state.value) {
          this.state = { state: 'ok', value: this.state.value.filter((x) => x.actor.id !== sug.actor.id) };
        }
        this.host.render();
      } catch (error) {
        this.state = { state: 'error', message: this.host.describe(error) };
        this.host.render();
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

  private renderOne(sug: Suggestion, max: number): HTMLElement {
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
              if (this.pinned) void this.preview(sug);
              else this.host.restoreHighlight();
              this.host.render();
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
      void this.preview(sug);
    };
    const leave = () => {
      this.hovered = null;
      this.host.restoreHighlight();
    };
    li.addEventListener('mouseenter', enter);
    li.addEventListener('mouseleave', leave);
    li.addEventListener('focusin', enter);
    li.addEventListener('focusout', leave);
    return li;
  }
}
