/** A search field with a list of matching actors (a small ARIA combobox: arrows, Enter, Escape). */
import { searchActors, type ActorRef } from './api';
import { h, shapeIcon } from './dom';
import { KIND_STYLE } from './graph';
import { label, t } from './i18n';

let counter = 0;

export class ActorPicker {
  readonly list: HTMLUListElement;
  private results: ActorRef[] = [];
  private active = -1;
  private timer = 0;
  private controller: AbortController | null = null;

  constructor(
    readonly input: HTMLInputElement,
    private readonly onPick: (actor: ActorRef) => void,
    private readonly describe: (error: unknown) => string,
  ) {
    const id = `picker-${++counter}`;
    this.list = h('ul', { class: 'picker-list', id, role: 'listbox', hidden: true });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (ev) => this.key(ev));
    input.addEventListener('blur', () => window.setTimeout(() => this.hide(), 150));
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < 2) return this.hide();
    this.timer = window.setTimeout(() => void this.search(text), 180);
  }

  async search(text: string): Promise<ActorRef[]> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      this.results = await searchActors(text, controller.signal);
      this.active = this.results.length ? 0 : -1;
      this.show();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return [];
      this.results = [];
      this.list.replaceChildren(h('li', { class: 'error', role: 'alert' }, this.describe(error)));
      this.list.hidden = false;
    }
    return this.results;
  }

  private show(): void {
    if (this.results.length === 0) {
      this.list.replaceChildren(h('li', { class: 'empty' }, t('search.none')));
    } else {
      this.list.replaceChildren(
        ...this.results.map((actor, i) => {
          const kind = KIND_STYLE[actor.kind];
          return h(
            'li',
            {
              role: 'option',
              id: `${this.list.id}-${i}`,
              'aria-selected': String(i === this.active),
              'data-actor': actor.id,
              onmousedown: (ev: Event) => {
                ev.preventDefault();
                this.pick(i);
              },
            },
            shapeIcon(kind.shape, kind.colour, 12),
            h('span', {}, actor.name),
            h('span', { class: 'meta' }, label(actor.kind)),
          );
        }),
      );
    }
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  hide(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private pick(i: number): void {
    const actor = this.results[i];
    if (!actor) return;
    this.input.value = actor.name;
    this.hide();
    this.onPick(actor);
  }

  private async key(ev: KeyboardEvent): Promise<void> {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!this.results.length) return;
      this.active = (this.active + (ev.key === 'ArrowDown' ? 1 : -1) + this.results.length) % this.results.length;
      this.show();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      window.clearTimeout(this.timer);
      if (this.list.hidden || this.results.length === 0) {
        const text = this.input.value.trim();
        if (text.length > 0) await this.search(text);
      }
      if (this.results.length) this.pick(Math.max(this.active, 0));
    } else if (ev.key === 'Escape' && !this.list.hidden) {
      // The first Escape closes the list; with no list open it goes on to the page (main.ts).
      ev.preventDefault();
      this.hide();
    }
  }
}
