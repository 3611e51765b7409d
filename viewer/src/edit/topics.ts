/**
 * Topics chosen by typing: existing topics (name or alias) are offered first; when the typed name is
 * none of them, "create new topic …" is offered, and the new topic is created with the record in the
 * same write. Chosen topics are chips with a remove button; Backspace in the empty field removes the last.
 */
import type { TopicRef } from '../api';
import { h } from '../dom';
import { allTopics } from './api';
import { Combobox, type Option } from './combobox';
import { et } from './strings';

type Choice = { kind: 'existing'; topic: TopicRef } | { kind: 'new'; name: string };

/** Lower case, umlauts and accents folded: "Bürger" and "burger" are one key. */
export const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .trim();

let topicsCache: Promise<Array<TopicRef & { aliases?: string[] }>> | null = null;

export function forgetTopics(): void {
  topicsCache = null;
}

export class TopicPicker {
  readonly element: HTMLElement;
  readonly combobox: Combobox<Choice>;
  private chosen: Choice[] = [];
  private readonly chips: HTMLUListElement;

  constructor(initial: TopicRef[] = []) {
    this.chosen = initial.map((topic) => ({ kind: 'existing', topic }));
    this.chips = h('ul', { class: 'chips edit-chips', 'aria-live': 'polite' });
    this.combobox = new Combobox<Choice>({
      placeholder: et('topic.placeholder'),
      options: (text) => this.options(text),
      onPick: (o) => this.add(o.value),
    });
    this.combobox.input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Backspace' && this.combobox.input.value === '' && this.chosen.length) {
        this.chosen.pop();
        this.render();
      }
    });
    this.element = h('div', { class: 'topic-picker' }, this.chips, this.combobox.element);
    this.render();
  }

  get input(): HTMLInputElement {
    return this.combobox.input;
  }

  get existingIds(): string[] {
    return this.chosen.flatMap((c) => (c.kind === 'existing' ? [c.topic.id] : []));
  }

  get newNames(): string[] {
    return this.chosen.flatMap((c) => (c.kind === 'new' ? [c.name] : []));
  }

  private async options(text: string): Promise<Array<Option<Choice>>> {
    topicsCache ??= allTopics().catch((e) => {
      topicsCache = null;
      throw e;
    });
    const topics = await topicsCache;
    const q = fold(text);
    const taken = new Set(this.existingIds);
    const hits = topics
      .filter(
        (t) => !taken.has(t.id) && (fold(t.name).includes(q) || (t.aliases ?? []).some((a) => fold(a).includes(q))),
      )
      .sort(
        (a, b) =>
          Number(!fold(a.name).startsWith(q)) - Number(!fold(b.name).startsWith(q)) || a.name.localeCompare(b.name),
      )
      .slice(0, 8);
    const options: Array<Option<Choice>> = hits.map((t) => ({
      value: { kind: 'existing', topic: { id: t.id, name: t.name } },
      label: t.name,
      meta: fold(t.name).includes(q) ? undefined : (t.aliases ?? []).find((a) => fold(a).includes(q)),
    }));
    const exact = topics.some((t) => fold(t.name) === q || (t.aliases ?? []).some((a) => fold(a) === q));
    if (!exact && !this.newNames.some((n) => fold(n) === q)) {
      options.push({
        value: { kind: 'new', name: text.trim() },
        label: et('topic.create', { name: text.trim() }),
        create: true,
      });
    }
    return options;
  }

  private add(choice: Choice): void {
    if (choice.kind === 'existing' && this.existingIds.includes(choice.topic.id)) return;
    this.chosen.push(choice);
    this.render();
  }

  private render(): void {
    this.chips.replaceChildren(
      ...this.chosen.map((c, i) => {
        const name = c.kind === 'existing' ? c.topic.name : c.name;
        return h(
          'li',
          {
            class: `chip${c.kind === 'new' ? ' new' : ''}`,
            'data-topic': c.kind === 'existing' ? c.topic.id : `new:${c.name}`,
          },
          h('span', {}, name),
          c.kind === 'new' ? h('span', { class: 'meta' }, ` (${et('topic.new')})`) : null,
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': et('topic.remove', { name }),
              title: et('topic.remove', { name }),
              onclick: () => {
                this.chosen.splice(i, 1);
                this.render();
                this.input.focus();
              },
            },
            '×',
          ),
        );
      }),
    );
  }
}
