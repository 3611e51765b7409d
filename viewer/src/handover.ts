/**
 * "Was wäre, wenn … wegfällt?" — the hand-over view. The quarter manager takes one or more actors
 * out (the district agency, when the programme ends); the API's `resilience` answers who loses the
 * connection and who now carries the bridging. The side panel lists it, the map shows it: the
 * removed actors faded, those who drop out marked red, the new brokers green with their rank.
 */
import { Cancelled, fetchResilience, type ActorRef, type Resilience, type ScopeFilter } from './api';
import { byId, h, shapeIcon } from './dom';
import { KIND_STYLE } from './graph';
import { formatNumber, listOf, t, tn } from './i18n';
import type { NetworkMap } from './map';
import { ActorPicker } from './picker';

export interface HandoverHost {
  map: NetworkMap;
  /** The filter scope of the current view: the analysis runs on the same network. */
  scope(): ScopeFilter;
  describe(error: unknown): string;
}

type Load<T> =
  | { state: 'loading' }
  /** Computed in the background on a large network: asking again in `seconds`. */
  | { state: 'computing'; seconds: number }
  | { state: 'ok'; value: T }
  | { state: 'error'; message: string };

/** How many new brokers are listed and marked on the map. */
const BROKERS = 8;

export class Handover {
  private removed: ActorRef[] = [];
  private result: Load<Resilience> | null = null;
  private seq = 0;
  private readonly root = byId('handover');
  private readonly body = byId('handover-body');
  private readonly picker: ActorPicker;

  constructor(private readonly host: HandoverHost) {
    byId('handover-close').addEventListener('click', () => this.close());
    this.picker = new ActorPicker(
      h('input', { type: 'search', id: 'handover-input', autocomplete: 'off' }),
      (actor) => {
        this.picker.input.value = '';
        void this.add(actor);
      },
      host.describe,
    );
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  get removedIds(): string[] {
    return this.removed.map((a) => a.id);
  }

  open(): void {
    this.root.hidden = false;
    document.body.classList.add('panel-open');
    this.render();
  }

  close(): void {
    this.seq++;
    this.removed = [];
    this.result = null;
    this.root.hidden = true;
    document.body.classList.remove('panel-open');
    this.host.map.clearHighlights();
  }

  async add(actor: ActorRef): Promise<void> {
    if (!this.removed.some((a) => a.id === actor.id)) this.removed = [...this.removed, actor];
    this.open();
    await this.refresh();
  }

  async remove(actorId: string): Promise<void> {
    this.removed = this.removed.filter((a) => a.id !== actorId);
    await this.refresh();
  }

  /** A click on the map while the view is open: take the actor out, or put it back. */
  toggle(actor: ActorRef): Promise<void> {
    return this.removed.some((a) => a.id === actor.id) ? this.remove(actor.id) : this.add(actor);
  }

  /** Asks again (after a change of the removed actors or of the view's filters). */
  async refresh(): Promise<void> {
    if (!this.isOpen) return;
    const seq = ++this.seq;
    if (this.removed.length === 0) {
      this.result = null;
      this.host.map.clearHighlights();
      return this.render();
    }
    this.result = { state: 'loading' };
    this.render();
    try {
      const value = await fetchResilience(this.removedIds, this.host.scope(), BROKERS, {
        onComputing: (seconds) => {
          if (seq !== this.seq) return;
          this.result = { state: 'computing', seconds };
          this.render();
        },
        cancelled: () => seq !== this.seq,
      });
      if (seq !== this.seq) return;
      this.result = { state: 'ok', value };
      this.highlight();
    } catch (error) {
      if (seq !== this.seq || error instanceof Cancelled) return;
      this.result = { state: 'error', message: this.host.describe(error) };
    }
    this.render();
  }

  /** Puts the marks on the map again (after the view was redrawn). */
  highlight(): void {
    if (!this.isOpen || this.result?.state !== 'ok') return;
    const r = this.result.value;
    this.host.map.highlightHandover({
      removed: this.removedIds,
      dropped: [...new Set([...r.disconnectedActors, ...r.isolatedActors].map((a) => a.id))],
      brokers: r.brokers.map((b) => ({
        actorId: b.actor.id,
        rank: b.rank,
        rankBefore: b.rankBefore,
        name: b.actor.name,
      })),
    });
  }

  render(): void {
    if (!this.isOpen) return;
    const active = document.activeElement as HTMLElement | null;
    const focusId = active && this.body.contains(active) ? active.id : null;
    const input = this.picker.input;
    input.setAttribute('placeholder', t('handover.add'));
    input.setAttribute('aria-label', t('handover.add'));
    this.body.replaceChildren(
      h('p', { class: 'hint' }, t('handover.intro')),
      h(
        'section',
        { class: 'removed' },
        h('h3', {}, t('handover.removed')),
        this.removed.length
          ? h(
              'ul',
              { class: 'chips', id: 'handover-removed' },
              ...this.removed.map((a) =>
                h(
                  'li',
                  { class: 'chip static removed', 'data-actor': a.id },
                  h('span', {}, a.name),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'chip-x',
                      id: `handover-x-${a.id}`,
                      title: t('handover.putBack', { name: a.name }),
                      'aria-label': t('handover.putBack', { name: a.name }),
                      onclick: () => void this.remove(a.id),
                    },
                    '×',
                  ),
                ),
              ),
            )
          : h('p', { class: 'hint' }, t('handover.none')),
        h('div', { class: 'picker' }, input, this.picker.list),
        h('p', { class: 'hint' }, t('handover.mapHint')),
      ),
      ...this.renderResult(),
    );
    if (focusId) document.getElementById(focusId)?.focus();
  }

  private renderResult(): HTMLElement[] {
    const r = this.result;
    if (!r) return [];
    if (r.state === 'loading') return [h('p', { class: 'loading', role: 'status' }, t('panel.loading'))];
    if (r.state === 'computing')
      return [
        h(
          'p',
          { class: 'loading', role: 'status', id: 'handover-computing' },
          t('handover.computing', { s: r.seconds }),
        ),
      ];
    if (r.state === 'error') return [h('p', { class: 'error', role: 'alert' }, r.message)];
    const v = r.value;
    const isolated = new Set(v.isolatedActors.map((a) => a.id));
    const dropped = [
      ...v.disconnectedActors,
      ...v.isolatedActors.filter((a) => !v.disconnectedActors.some((d) => d.id === a.id)),
    ];
    return [
      h(
        'section',
        { class: 'dropped', id: 'handover-dropped', 'data-count': dropped.length },
        h('h3', {}, t('handover.dropped')),
        h(
          'p',
          { id: 'handover-summary' },
          summarise(v, dropped.length, dropped.filter((a) => isolated.has(a.id)).length),
        ),
        dropped.length
          ? h(
              'ul',
              { class: 'list' },
              ...dropped.map((a) =>
                h(
                  'li',
                  { 'data-actor': a.id },
                  this.actorButton(a),
                  isolated.has(a.id) ? h('span', { class: 'meta' }, t('handover.isolated')) : null,
                ),
              ),
            )
          : null,
      ),
      h(
        'section',
        { class: 'brokers' },
        h('h3', {}, t('handover.brokers')),
        h('p', { class: 'hint' }, t('handover.brokersHint')),
        h(
          'ol',
          { class: 'list ranked', id: 'handover-brokers' },
          ...v.brokers.map((b) =>
            h(
              'li',
              { 'data-actor': b.actor.id, 'data-rank': b.rank, 'data-rank-before': b.rankBefore },
              this.actorButton(b.actor),
              h(
                'span',
                { class: 'meta' },
                `${b.rank === b.rankBefore ? tn('handover.rankSame', b.rank) : tn('handover.rank', b.rank, { before: b.rankBefore })}: ${tn('handover.onPaths', 1, { p: percent(b.betweenness), q: percent(b.betweennessBefore) })}`,
              ),
            ),
          ),
        ),
      ),
      v.dependents.length
        ? h(
            'section',
            { class: 'dependents' },
            h('h3', {}, t('handover.dependents')),
            h(
              'ul',
              { class: 'list', id: 'handover-dependents' },
              ...v.dependents.map((d) =>
                h(
                  'li',
                  { 'data-actor': d.actor.id },
                  this.actorButton(d.actor),
                  h(
                    'span',
                    { class: 'meta' },
                    d.partnersLost >= d.partnersBefore
                      ? tn('handover.lostAll', d.partnersBefore)
                      : tn('handover.lostSome', d.partnersBefore, { lost: d.partnersLost, p: percent(d.dependence) }),
                  ),
                ),
              ),
            ),
          )
        : h('span', {}),
      h(
        'p',
        { class: 'meta' },
        [
          t('handover.computed', { at: new Date(v.computedAt).toLocaleString() }),
          v.approximate ? t('handover.approximate') : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ];
  }

  private actorButton(actor: ActorRef): HTMLButtonElement {
    const kind = KIND_STYLE[actor.kind];
    return h(
      'button',
      { type: 'button', class: 'actor-link', 'data-actor': actor.id, onclick: () => this.host.map.focus(actor.id) },
      kind ? shapeIcon(kind.shape, kind.colour, 12) : null,
      h('span', {}, actor.name),
    );
  }
}

/** A share 0–1 as a percentage: whole numbers, one decimal below 1 % (so a small share is not "0 %"). */
function percent(share: number): string {
  const p = 100 * share;
  return formatNumber(p, p > 0 && p < 1 ? 1 : 0);
}

/**
 * What the removal does, in full sentences: who drops out (and who of them is left with no
 * partner at all), which groups now only hang together among themselves — or that nobody drops
 * out, counting only the actors that were connected before and saying how many stood apart already.
 */
export function summarise(v: Resilience, dropped: number, alone: number): string {
  // The connected network that remains; everyone else in scope (beyond those dropping out) stood apart already.
  const stay = v.largestComponentAfter;
  const apart = Math.max(0, v.actorCount - stay - dropped);
  const sentences: string[] = [];
  if (dropped === 0) {
    sentences.push(tn('handover.stay', stay >= 2 ? stay : 1));
  } else if (alone === dropped) {
    sentences.push(tn('handover.dropsAlone', dropped));
  } else {
    sentences.push(tn('handover.drops', dropped));
    if (alone > 0) sentences.push(tn('handover.ofThemAlone', alone));
  }
  const groups = v.newComponents.filter((c) => c.size >= 2).map((c) => c.size);
  if (groups.length)
    sentences.push(
      tn('handover.groups', groups.length, { sizes: listOf(groups.map((size) => formatNumber(size, 0))) }),
    );
  if (apart > 0) sentences.push(tn('handover.apart', apart));
  return sentences.join(' ');
}
