/**
 * A typing picker (ARIA combobox with a listbox): type a few letters, the first option is active,
 * Enter takes it and empties the field for the next one; arrows move, Escape closes. Options come
 * from `options(text)` (sync or async); an option may be a "create …" entry.
 */
import { h } from '../dom';
import { uid } from './form';

export interface Option<T> {
  value: T;
  label: string;
  meta?: string;
  create?: boolean;
}

export class Combobox<T> {
  readonly input: HTMLInputElement;
  readonly list: HTMLUListElement;
  readonly element: HTMLElement;
  private items: Array<Option<T>> = [];
  private active = -1;
  private seq = 0;
  private timer = 0;
  /** The text the shown options are for. */
  private loadedFor: string | null = null;

  constructor(
    private readonly opts: {
      placeholder: string;
      options: (text: string) => Array<Option<T>> | Promise<Array<Option<T>>>;
      onPick: (option: Option<T>) => void;
      minChars?: number;
      delay?: number;
    },
  ) {
    const listId = uid('combo');
    this.input = h('input', {
      type: 'text',
      autocomplete: 'off',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      placeholder: opts.placeholder,
    });
    this.list = h('ul', { class: 'picker-list edit-picker-list', id: listId, role: 'listbox', hidden: true });
    this.element = h('div', { class: 'picker edit-picker' }, this.input, this.list);
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (ev) => void this.key(ev));
    this.input.addEventListener('blur', () => window.setTimeout(() => this.hide(), 150));
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < (this.opts.minChars ?? 1)) {
      this.items = [];
      return this.hide();
    }
    this.timer = window.setTimeout(() => void this.load(text), this.opts.delay ?? 120);
  }

  private async load(text: string): Promise<void> {
    const seq = ++this.seq;
    const items = await this.opts.options(text);
    if (seq !== this.seq) return;
    this.loadedFor = text;
    this.items = items;
    this.active = items.length ? 0 : -1;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.items.map((o, i) =>
        h(
          'li',
          {
            role: 'option',
            id: `${this.list.id}-${i}`,
            class: o.create ? 'create' : null,
            'aria-selected': String(i === this.active),
            onmousedown: (ev: Event) => {
              ev.preventDefault();
              this.pick(i);
            },
          },
          h('span', {}, o.label),
          o.meta ? h('span', { class: 'meta' }, o.meta) : null,
        ),
      ),
    );
    this.list.hidden = this.items.length === 0;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  hide(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private pick(i: number): void {
    const option = this.items[i];
    if (!option) return;
    this.input.value = '';
    this.items = [];
    this.loadedFor = null;
    this.hide();
    // Typed on (Tab) before the options came: focus stays where it went.
    if (document.activeElement === this.input || document.activeElement === document.body) this.input.focus();
    // After the focus: onPick may move it on (e.g. to the role of a participant picked again).
    this.opts.onPick(option);
  }

  private async key(ev: KeyboardEvent): Promise<void> {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!this.items.length) return;
      this.active = (this.active + (ev.key === 'ArrowDown' ? 1 : -1) + this.items.length) % this.items.length;
      this.render();
    } else if (ev.key === 'Enter' && !ev.ctrlKey && !ev.metaKey) {
      if (!this.input.value.trim()) return; // an empty picker lets Enter submit the form
      ev.preventDefault();
      // Typed faster than the options came: take the options for what is typed now.
      window.clearTimeout(this.timer);
      const text = this.input.value.trim();
      if (this.loadedFor !== text) await this.load(text);
      this.pick(Math.max(this.active, 0));
    } else if (ev.key === 'Escape' && !this.list.hidden) {
      ev.preventDefault();
      ev.stopPropagation();
      this.hide();
    }
  }
}
