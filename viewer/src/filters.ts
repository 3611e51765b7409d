/** The filter column: topics, actor kinds, period (two dates or a year) and the topic view; calls back on every change. */
import { ACTOR_KINDS, type ActorKind, type TopicRef } from './api';
import { byId, h, shapeIcon } from './dom';
import { KIND_STYLE } from './graph';
import { count as countOf, formatDate, label, t } from './i18n';

export interface FilterState {
  topicIds: string[];
  actorKinds: ActorKind[];
  from: string;
  to: string;
  topicView: boolean;
}

export const emptyFilters = (): FilterState => ({ topicIds: [], actorKinds: [], from: '', to: '', topicView: false });

export class Filters {
  private state = emptyFilters();
  private topics: Array<TopicRef & { actorCount: number }> = [];
  private years: Array<{ year: number; count: number }> = [];
  private timer = 0;

  constructor(private readonly onChange: (state: FilterState) => void) {
    // Text fields for dates: Chromium shows a date input in the browser's locale (mm/dd/yyyy on a
    // German page); these read 31.12.2023 (and 2023-12-31) and show the page's language.
    for (const [id, key] of [
      ['filter-from', 'from'],
      ['filter-to', 'to'],
    ] as const) {
      const input = byId<HTMLInputElement>(id);
      input.addEventListener('change', () => {
        const iso = parseDay(input.value);
        input.setAttribute('aria-invalid', String(iso === null));
        if (iso === null) return;
        input.value = formatDate(iso);
        this.set({ [key]: iso });
      });
    }
    byId<HTMLInputElement>('filter-topic-view').addEventListener('change', (ev) =>
      this.set({ topicView: (ev.target as HTMLInputElement).checked }, 0),
    );
    byId('filter-reset').addEventListener('click', () => {
      this.state = emptyFilters();
      this.render();
      this.emit(0);
    });
  }

  get value(): FilterState {
    return { ...this.state, topicIds: [...this.state.topicIds], actorKinds: [...this.state.actorKinds] };
  }

  /** A topic's name (its id while the list is not there). */
  topicName(id: string): string {
    return this.topics.find((x) => x.id === id)?.name ?? id;
  }

  setTopics(topics: Array<TopicRef & { actorCount: number }>): void {
    this.topics = topics;
    this.render();
  }

  /** The years that had collaborations: one button each ("the network in 2021" vs "in 2023"). */
  setYears(years: Array<{ year: number; count: number }>): void {
    this.years = years.filter((y) => y.count > 0);
    this.renderYears();
  }

  private setPeriod(from: string, to: string): void {
    byId<HTMLInputElement>('filter-from').value = formatDate(from);
    byId<HTMLInputElement>('filter-to').value = formatDate(to);
    this.set({ from, to }, 0);
  }

  private set(patch: Partial<FilterState>, delay = 250): void {
    this.state = { ...this.state, ...patch };
    this.renderSummary();
    this.renderYears();
    this.emit(delay);
  }

  private emit(delay: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.onChange(this.value), delay);
  }

  private toggle<T extends string>(list: T[], value: T, on: boolean): T[] {
    return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  }

  render(): void {
    const topicList = byId('filter-topics');
    topicList.replaceChildren(
      ...this.topics.map((topic) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            value: topic.id,
            'data-topic': topic.id,
            checked: this.state.topicIds.includes(topic.id),
            onchange: (ev: Event) =>
              this.set({
                topicIds: this.toggle(this.state.topicIds, topic.id, (ev.target as HTMLInputElement).checked),
              }),
          }),
          h('span', {}, topic.name),
          h('span', { class: 'count' }, topic.actorCount),
        ),
      ),
    );
    const kindList = byId('filter-kinds');
    kindList.replaceChildren(
      ...ACTOR_KINDS.map((kind) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            value: kind,
            'data-kind': kind,
            checked: this.state.actorKinds.includes(kind),
            onchange: (ev: Event) =>
              this.set({
                actorKinds: this.toggle(this.state.actorKinds, kind, (ev.target as HTMLInputElement).checked),
              }),
          }),
          shapeIcon(KIND_STYLE[kind].shape, KIND_STYLE[kind].colour, 13),
          h('span', {}, label(kind)),
        ),
      ),
    );
    for (const [id, iso] of [
      ['filter-from', this.state.from],
      ['filter-to', this.state.to],
    ] as const) {
      const input = byId<HTMLInputElement>(id);
      input.value = formatDate(iso);
      input.removeAttribute('aria-invalid');
    }
    byId<HTMLInputElement>('filter-topic-view').checked = this.state.topicView;
    this.renderSummary();
    this.renderYears();
  }

  private renderYears(): void {
    const { from, to } = this.state;
    const chosen = /^\d{4}-01-01$/.test(from) && to === `${from.slice(0, 4)}-12-31` ? Number(from.slice(0, 4)) : null;
    const button = (text: string, pressed: boolean, onclick: () => void, attrs: Record<string, string> = {}) =>
      h('button', { type: 'button', class: 'chip', 'aria-pressed': String(pressed), onclick, ...attrs }, text);
    byId('filter-years').replaceChildren(
      ...(this.years.length
        ? [
            h('span', { class: 'years-label' }, `${t('filters.years')}:`),
            button(t('filters.allYears'), !from && !to, () => this.setPeriod('', ''), { 'data-year': 'all' }),
            ...this.years.map(({ year, count }) =>
              button(String(year), chosen === year, () => this.setPeriod(`${year}-01-01`, `${year}-12-31`), {
                'data-year': String(year),
                title: t('filters.yearTitle', { n: countOf('collaboration', count), year: String(year) }),
              }),
            ),
          ]
        : []),
    );
  }

  private renderSummary(): void {
    const n = this.state.topicIds.length;
    byId('filter-topics-summary').textContent =
      n === 0 ? t('filters.topicsAll') : n === 1 ? t('filters.topicsOne') : t('filters.topicsSome', { n });
  }
}

/** 31.12.2023, 1.2.2023 or 2023-12-31 → ISO; '' for an empty field; null when it is no date. */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : trimmed;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
