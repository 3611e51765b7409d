/**
 * The side panel of one actor: details, topics, collaborations, partners, ego depth, path,
 * suggestions, "what if it leaves". The sections live in panel-sections.ts, panel-path.ts and
 * panel-suggestions.ts; this class holds what is open and keeps the map's highlights in step.
 */
import {
  fetchActor,
  fetchMoreCollaborations,
  fetchParticipants,
  fetchPath,
  isStaleCursor,
  type ActorDetails,
  type ActorRef,
} from './api';
import { byId, h, shapeIcon } from './dom';
import { KIND_STYLE } from './graph';
import { t } from './i18n';
import type { NetworkMap } from './map';
import { pathSection, type PathResult } from './panel-path';
import {
  collaborationsSection,
  collaboratorsSection,
  errorLine,
  factsSection,
  loadingLine,
  topicsSection,
  type Load,
  type MoreCollaborations,
  type Participants,
} from './panel-sections';
import { PanelSuggestions } from './panel-suggestions';
import { ActorPicker } from './picker';
import { PANEL_COLLABORATIONS_PAGE } from './queries';

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

export class Panel {
  private actorId: string | null = null;
  private depth = 1;
  private details: Load<ActorDetails | null> = { state: 'loading' };
  /** The collaboration whose participants are shown, and them. */
  private openCollaboration: string | null = null;
  private participants: Participants = null;
  /** The next page of collaborations: asked, failed, or the list started anew. */
  private moreCollaborations: MoreCollaborations = { state: 'idle' };
  private path: PathResult | null = null;
  private readonly suggestions: PanelSuggestions;
  private readonly root = byId('panel');
  private readonly body = byId('panel-body');
  private readonly picker: ActorPicker;
  private readonly select = (actorId: string) => this.host.select(actorId);

  constructor(private readonly host: PanelHost) {
    byId('panel-close').addEventListener('click', () => this.close());
    this.picker = new ActorPicker(
      h('input', { type: 'search', id: 'path-input', autocomplete: 'off' }),
      (actor) => this.connect(actor),
      host.describe,
    );
    this.suggestions = new PanelSuggestions({
      current: () => this.actorId,
      map: host.map,
      describe: host.describe,
      render: () => this.render(),
      restoreHighlight: () => this.restoreHighlight(),
    });
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
    this.suggestions.reset();
    this.path = null;
    this.openCollaboration = null;
    this.participants = null;
    this.moreCollaborations = { state: 'idle' };
    this.root.hidden = false;
    document.body.classList.add('panel-open');
    this.root.dataset.actorId = actorId;
    this.host.map.highlightEgo(actorId, this.depth);
    this.render();
    const [details, suggestions] = await Promise.allSettled([fetchActor(actorId), this.suggestions.request(actorId)]);
    if (this.actorId !== actorId) return;
    this.details =
      details.status === 'fulfilled'
        ? { state: 'ok', value: details.value }
        : { state: 'error', message: this.host.describe(details.reason) };
    this.suggestions.loaded(suggestions);
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
    if (this.suggestions.pinned) return void this.suggestions.preview(this.suggestions.pinned);
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

  /** `focus`: the control (id or data-focus) to focus afterwards, without scrolling, instead of the one focused now. */
  render(focus?: string): void {
    if (!this.actorId) return;
    // Re-rendering replaces the controls: keep keyboard focus on the same one.
    const active = document.activeElement as HTMLElement | null;
    const focusKey = focus ?? (active && this.body.contains(active) ? active.id || active.dataset.focus : null);
    const d = this.details;
    const head = byId('panel-title');
    if (d.state === 'ok' && d.value) {
      const kind = KIND_STYLE[d.value.kind];
      head.replaceChildren(shapeIcon(kind.shape, kind.colour, 18), h('span', {}, d.value.name));
    } else {
      head.textContent = d.state === 'loading' ? t('panel.loading') : this.actorId;
    }
    const sections: HTMLElement[] = [];
    if (d.state === 'loading') sections.push(loadingLine());
    else if (d.state === 'error') sections.push(errorLine(d.message));
    else if (!d.value) sections.push(errorLine(t('error.notFound', { message: this.actorId })));
    else sections.push(...this.renderActor(d.value));
    const scrolled = this.root.scrollTop;
    this.body.replaceChildren(...sections);
    // Rows added below (more collaborations): the panel stays where the reader was.
    if (focus !== undefined) this.root.scrollTop = scrolled;
    if (focusKey) {
      const again = this.body.querySelector<HTMLElement>(
        `#${CSS.escape(focusKey)}, [data-focus="${CSS.escape(focusKey)}"]`,
      );
      again?.focus({ preventScroll: focus !== undefined });
    }
  }

  private renderActor(a: ActorDetails): HTMLElement[] {
    const ref: ActorRef = { id: a.id, name: a.name, kind: a.kind };
    return [
      factsSection(a),
      ...actorSections.flatMap((section) => section(ref) ?? []),
      this.egoSection(a),
      this.suggestions.render(),
      pathSection(this.picker, this.path, a.name, this.select),
      h(
        'section',
        { class: 'what-if' },
        h('h3', {}, t('panel.whatIf')),
        h(
          'button',
          { type: 'button', id: 'panel-what-if', onclick: () => this.host.whatIf(ref) },
          t('panel.whatIfButton', { name: a.name }),
        ),
      ),
      topicsSection(a),
      collaborationsSection(
        a,
        { id: this.openCollaboration, participants: this.participants },
        (id) => void this.toggleCollaboration(id),
        this.select,
        {
          state: this.moreCollaborations,
          pageSize: PANEL_COLLABORATIONS_PAGE,
          load: () => void this.loadMoreCollaborations(),
        },
      ),
      collaboratorsSection(a, this.select),
    ];
  }

  /** Depth 1–2 of the ego network, and "only these" as a view of its own. */
  private egoSection(a: ActorDetails): HTMLElement {
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
            this.suggestions.pinned = null;
            this.restoreHighlight();
            this.render();
          },
        },
        t('panel.depth', { n }),
      ),
    );
    return h(
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
      this.host.map.node(a.id) ? null : h('p', { class: 'hint' }, t('panel.notInView')),
    );
  }

  /**
   * Adds the next page of collaborations below those shown, after the last one; then the keyboard
   * focus goes to the first added one (the reader continues where the button was). When the last
   * one shown is no longer the actor's (deleted, or the actor left it), the list starts anew.
   */
  private async loadMoreCollaborations(): Promise<void> {
    const actorId = this.actorId;
    const d = this.details;
    if (!actorId || d.state !== 'ok' || !d.value || this.moreCollaborations.state === 'loading') return;
    const details = d.value;
    const last = details.collaborations.at(-1);
    if (!last) return;
    this.moreCollaborations = { state: 'loading' };
    this.render();
    let firstAdded: string | null = null;
    try {
      const page = await fetchMoreCollaborations(actorId, last.collaboration.id);
      if (this.actorId !== actorId || this.details !== d) return;
      if (page) {
        const known = new Set(details.collaborations.map((c) => c.collaboration.id));
        const added = page.collaborations.filter((c) => !known.has(c.collaboration.id));
        details.collaborations.push(...added);
        details.collaborationCount = page.collaborationCount;
        firstAdded = added[0]?.collaboration.id ?? null;
      }
      this.moreCollaborations = { state: 'idle' };
    } catch (error) {
      if (this.actorId !== actorId || this.details !== d) return;
      if (!isStaleCursor(error)) {
        this.moreCollaborations = { state: 'error', message: this.host.describe(error) };
        return this.render();
      }
      const fresh = await fetchActor(actorId).catch(() => null);
      if (this.actorId !== actorId || this.details !== d) return;
      if (fresh) this.details = { state: 'ok', value: fresh };
      this.moreCollaborations = fresh ? { state: 'restarted' } : { state: 'error', message: this.host.describe(error) };
    }
    // The first added row takes the focus where the button was: nothing scrolls.
    this.render(firstAdded ? `collaboration-${firstAdded}` : undefined);
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
}
