/** The Cytoscape map: creation, rendering a view, and the highlights (ego, path, suggestion, search). */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { Chain } from './api';
import { stylesheet } from './graph';
import { LabelLayer, MANAGED_NODES } from './labels';
import type { Position } from './layout';

export const LARGE_RENDER = 500; // elements beyond which gestures hide edges and draw a texture
export const HUGE_RENDER = 1000; // nodes beyond which labels are not shortened to fit (see graph.ts)

export const actorNodeId = (actorId: string) => `actor:${actorId}`;

/**
 * Whether big maps (LARGE_RENDER) are drawn with Cytoscape's WebGL renderer: `?renderer=webgl` or
 * `?renderer=canvas` decides (the benchmark measures both), else DEFAULT_WEBGL. Small maps always
 * use the canvas: every style there is drawn exactly (dashes, label backgrounds).
 */
export const DEFAULT_WEBGL = false;
function webglFor(large: boolean): boolean {
  if (!large) return false;
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('renderer');
  return asked === 'webgl' ? true : asked === 'canvas' ? false : DEFAULT_WEBGL;
}

type Handler = (event: cytoscape.EventObject) => void;

export class NetworkMap {
  private core: Core;
  private labels: LabelLayer;
  private labelsDue = false;
  /** How a new view was fitted, to fit it again once its labels are sized (small views only). */
  private refit: (() => void) | null = null;
  /** Whether the map was made for a large view (hideEdgesOnViewport and textureOnViewport on). */
  private large = false;
  /** Which stylesheet the instance holds (`stylesheet`'s arguments), set again only when they change. */
  private sheetKey = '';
  /** Counts render() calls: ties held back for a view are not added to a later one. */
  private renderSeq = 0;
  /** The viewport render() fitted the map to (to tell whether the reader moved it since). */
  private fitted: { zoom: number; x: number } | null = null;
  /** The map's size as Cytoscape last took it (the resize observer pans by what it changed). */
  private size = { w: 0, h: 0 };
  /** Handlers added with on(): bound again to every new Cytoscape instance. */
  private readonly handlers: Array<[string, string, Handler]> = [];
  private readonly created: Array<(cy: Core) => void> = [];

  constructor(private readonly container: HTMLElement) {
    this.core = this.create(false);
    this.labels = this.labelLayer(this.core);
    // Leaving the map fast gives Cytoscape no mouseout.
    container.addEventListener('mouseleave', () => this.cy.nodes('.hovered').removeClass('hovered'));
    // An actor focused or hovered in a list (panel, hand-over) shows its full name on the map.
    for (const [type, add] of [
      ['focusin', true],
      ['focusout', false],
      ['mouseover', true],
      ['mouseout', false],
    ] as const) {
      document.addEventListener(type, (ev) => {
        const id = (ev.target as HTMLElement | null)?.closest?.('[data-actor]')?.getAttribute('data-actor');
        const n = id ? this.node(id) : null;
        if (n) n.toggleClass('hovered', add);
      });
    }
    // The panel opening or closing changes the map's size: keep Cytoscape's viewport in step, and
    // keep what was in the middle of the map in the middle of the part still visible.
    this.size = { w: container.clientWidth, h: container.clientHeight };
    new ResizeObserver(() => {
      const next = { w: container.clientWidth, h: container.clientHeight };
      // render() took the new size already: a pan now would draw the whole map again.
      if (next.w === this.size.w && next.h === this.size.h) return;
      this.cy.resize();
      const size = this.size;
      if (size.w > 0 && size.h > 0) this.cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      this.size = next;
    }).observe(container);
  }

  /** The Cytoscape instance drawing the current view (a new one when a view crosses LARGE_RENDER). */
  get cy(): Core {
    return this.core;
  }

  /** A Cytoscape event handler that stays bound when the instance is replaced (`selector` '': the core's). */
  on(events: string, selector: string, handler: Handler): void {
    this.handlers.push([events, selector, handler]);
    bind(this.cy, events, selector, handler);
  }

  private labelLayer(cy: Core): LabelLayer {
    return new LabelLayer(cy, () => coveredFromRight(this.container.getBoundingClientRect()));
  }

  /** The labels kept readable (labels.ts) are sized and placed again once the current change is done. */
  private relabel(fit?: () => void): void {
    if (fit) this.refit = fit;
    if (this.labelsDue) return;
    this.labelsDue = true;
    queueMicrotask(() => {
      this.labelsDue = false;
      const refit = this.refit;
      this.refit = null;
      this.labels.refresh(refit ?? undefined);
    });
  }

  /** Called with every new Cytoscape instance (for `window.cy`). */
  onCreate(callback: (cy: Core) => void): void {
    this.created.push(callback);
    callback(this.cy);
  }

  /**
   * Big maps hide edges and draw a texture while panned or zoomed: `hideEdgesOnViewport` and
   * `textureOnViewport` are initialisation options (read once by the renderer), so crossing
   * LARGE_RENDER makes a new instance with them — render() clears the elements anyway.
   */
  private create(large: boolean): Core {
    const cy = cytoscape({
      container: this.container,
      style: stylesheet(false),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      ...(webglFor(large) ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cy.on('mouseover', 'node', (ev) => ev.target.addClass('hovered'));
    cy.on('mouseout', 'node', (ev) => ev.target.removeClass('hovered'));
    for (const [events, selector, handler] of this.handlers) bind(cy, events, selector, handler);
    return cy;
  }

  /** Time of the last render's parts (ms): add, style (with the batch's end), fit. */
  readonly renderParts = { addMs: 0, styleMs: 0, fitMs: 0 };

  /**
   * Draws a view. Big maps (LARGE_RENDER) get their first picture with the nodes only; the ties are
   * added once that picture is on screen: at the overview zoom of thousands of actors they are
   * mostly hidden under the nodes, and adding, styling and drawing them roughly doubled the time to
   * the first picture. The promise resolves once every element is on the map (drawn).
   */
  render(elements: ElementDefinition[], positions: Record<string, Position>): Promise<void> {
    const large = elements.length > LARGE_RENDER;
    const edges = elements.filter((e) => e.group === 'edges').length;
    if (large !== this.large) {
      this.labels.dispose();
      this.core.destroy();
      this.core = this.create(large);
      this.sheetKey = '';
      this.labels = this.labelLayer(this.core);
      this.large = large;
      for (const callback of this.created) callback(this.core);
    }
    const cy = this.cy;
    cy.resize(); // the view bar above may have just appeared or gone
    this.size = { w: this.container.clientWidth, h: this.container.clientHeight };
    const t0 = performance.now();
    const nodes = elements.length - edges;
    // A crowded map (topics as nodes, or many actors): actors labelled only where a label fits.
    const managed = nodes > MANAGED_NODES || elements.some((e) => e.data.type === 'TOPIC');
    this.labels.manage(managed);
    // A big map's labels are placed once its first picture is on screen (addAfterFirstFrame).
    if (large) this.labels.hold();
    cy.startBatch();
    cy.elements().remove();
    // The stylesheet is set while the map is empty, and only when it changes: set after `add`, it
    // cleared and marked again the style of every element just added (0.2–0.4 s at 5,000 actors).
    const sheet = stylesheet(large, nodes > HUGE_RENDER, managed);
    const sheetKey = `${large}|${nodes > HUGE_RENDER}|${managed}`;
    if (sheetKey !== this.sheetKey) {
      cy.style(sheet);
      this.sheetKey = sheetKey;
    }
    const seq = ++this.renderSeq;
    const later = large ? elements.filter((e) => e.group === 'edges') : [];
    const first = large ? elements.filter((e) => e.group === 'nodes') : elements;
    cy.add(first.map((e) => (e.group === 'nodes' ? { ...e, position: { ...positions[e.data.id!] } } : e)));
    const t1 = performance.now();
    cy.endBatch();
    const t2 = performance.now();
    // Nodes only: their box holds every (straight) edge, and measuring 10,000 edges takes a second.
    // Big maps: the box of the positions and diameters handed in — Cytoscape's boundingBox would
    // apply every element's style first (0.6–1.2 s at 5,000 actors), which the first frame does anyway.
    if (large) cy.fit(boxOf(elements, positions) as unknown as cytoscape.CollectionArgument, 30);
    else cy.fit(cy.nodes(), 30);
    this.fitted = { zoom: cy.zoom(), x: cy.pan().x };
    Object.assign(this.renderParts, { addMs: t1 - t0, styleMs: t2 - t1, fitMs: performance.now() - t2 });
    if (large) return this.addAfterFirstFrame(cy, seq, later);
    // Once labels sized for the screen are there, fit them in too — unless the map was zoomed
    // meanwhile (a click that centres an actor); a resize only pans.
    let zoom = cy.zoom();
    this.relabel(() => {
      if (cy.zoom() !== zoom || cy.nodes('.screen-label').empty()) return;
      cy.fit(cy.nodes(), 30);
      zoom = cy.zoom();
    });
    return Promise.resolve();
  }

  /**
   * Adds `later` and places the labels once the current picture is on screen (unless another view
   * came meanwhile). The labels wait too: choosing and placing them changes the style of a hundred
   * nodes, and Cytoscape then drew every node of the map a second time before the first picture
   * was shown (at 20,000 actors about 0.6 s); drawn with the ties, they cost one redraw in all.
   */
  private addAfterFirstFrame(cy: Core, seq: number, later: ElementDefinition[]): Promise<void> {
    // Two frames: Cytoscape draws in the next one; a task after the second runs once it is shown
    // (and after the page's own frame callbacks, which time the first picture).
    const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    return frames()
      .then(() => new Promise<void>((done) => setTimeout(done, 0)))
      .then(() => {
        if (seq !== this.renderSeq || cy.destroyed()) return;
        if (later.length) cy.batch(() => cy.add(later));
        this.labels.release();
        this.relabel();
        return later.length ? frames() : undefined;
      });
  }

  /**
   * Moves the nodes to new positions (a quick first arrangement replaced by the final layout) and
   * fits the map to them, unless the reader has zoomed or panned since it was drawn (or the side
   * panel has opened). Returns whether it fitted the map.
   */
  moveTo(positions: Record<string, Position>): boolean {
    const cy = this.cy;
    const untouched = this.fitted !== null && cy.zoom() === this.fitted.zoom && cy.pan().x === this.fitted.x;
    cy.batch(() =>
      cy.nodes().forEach((n) => {
        const p = positions[n.id()];
        if (p) n.position({ ...p });
      }),
    );
    if (untouched) {
      const nodes = cy
        .nodes()
        .map((n) => ({ group: 'nodes' as const, data: { id: n.id(), d: n.data('d') as number } }));
      cy.fit(boxOf(nodes, this.positions()) as unknown as cytoscape.CollectionArgument, 30);
      this.fitted = { zoom: cy.zoom(), x: cy.pan().x };
    }
    this.relabel();
    return untouched;
  }

  node(actorId: string): NodeSingular | null {
    const n = this.cy.getElementById(actorNodeId(actorId));
    return n.nonempty() ? (n as NodeSingular) : null;
  }

  clearHighlights(): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded ego centre path suggested match removed dropped broker');
      this.cy.edges('.suggestion-edge').remove();
    });
    this.relabel();
  }

  /**
   * The hand-over view: the removed actors and their ties faded out, the actors who drop out with
   * them marked, the new brokers marked and labelled with their rank before → after.
   */
  highlightHandover(h: {
    removed: string[];
    dropped: string[];
    brokers: Array<{ actorId: string; rank: number; rankBefore: number; name: string }>;
  }): void {
    this.clearHighlights();
    this.cy.batch(() => {
      for (const id of h.removed) this.node(id)?.addClass('removed').connectedEdges().addClass('removed');
      for (const id of h.dropped) this.node(id)?.addClass('dropped');
      for (const b of h.brokers)
        this.node(b.actorId)
          ?.addClass('broker')
          .data({ brokerLabel: `${b.rankBefore} → ${b.rank} · ${b.name}`, brokerRank: b.rank });
    });
    this.relabel();
  }

  /** Fades everything but the actor's neighbourhood up to `depth` steps (over actor–actor edges). */
  highlightEgo(actorId: string, depth: number): void {
    const centre = this.node(actorId);
    this.clearHighlights();
    if (!centre) return;
    let ego: cytoscape.CollectionReturnValue = this.cy.collection().union(centre);
    for (let i = 0; i < depth; i++) ego = ego.union(ego.neighborhood());
    ego = ego.union(ego.nodes().edgesWith(ego.nodes()));
    this.cy.batch(() => {
      this.cy.elements().difference(ego).addClass('faded');
      ego.addClass('ego');
      centre.addClass('centre');
    });
    this.relabel();
  }

  /** Highlights a chain (the collaborates-with edge between consecutive actors, when visible). */
  highlightChain(chain: Chain, fade = true): number {
    let shown = 0;
    this.cy.batch(() => {
      if (fade) this.cy.elements().addClass('faded');
      const ids = chain.actors.map((a) => a.id);
      ids.forEach((id, i) => {
        const n = this.node(id);
        if (!n) return;
        n.removeClass('faded').addClass('path');
        shown++;
        const next = i + 1 < ids.length ? this.node(ids[i + 1]) : null;
        if (next) n.edgesWith(next).removeClass('faded').addClass('path');
      });
    });
    this.relabel();
    return shown;
  }

  /** A suggested pair: a dashed edge between them (not a real collaboration) and the chain between them. */
  highlightSuggestion(fromId: string, toId: string, chain: Chain | null): void {
    this.clearHighlights();
    const a = this.node(fromId);
    const b = this.node(toId);
    this.cy.batch(() => {
      this.cy.elements().addClass('faded');
      if (chain) this.highlightChain(chain, false);
      for (const n of [a, b]) n?.removeClass('faded').addClass('suggested');
      if (a && b) {
        this.cy.add({
          group: 'edges',
          classes: 'suggested suggestion-edge',
          data: { id: `suggested:${fromId}|${toId}`, source: a.id(), target: b.id(), type: 'SUGGESTED', w: 3 },
        });
      }
    });
    this.relabel();
  }

  /** Centres on an actor and selects it. */
  focus(actorId: string): boolean {
    const n = this.node(actorId);
    if (!n) return false;
    this.cy.elements().unselect();
    n.select();
    // Centre it in the part of the map no side panel covers (on narrow screens the panel lies over the map).
    const zoom = Math.max(this.cy.zoom(), 1.1);
    const box = this.cy.container()!.getBoundingClientRect();
    const covered = coveredFromRight(box);
    const p = n.position();
    this.cy.animate(
      { zoom, pan: { x: (box.width - covered) / 2 - p.x * zoom, y: box.height / 2 - p.y * zoom } },
      { duration: 300 },
    );
    n.flashClass('match', 1200);
    return true;
  }

  positions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.cy.nodes().forEach((n) => {
      out[n.id()] = { ...n.position() };
    });
    return out;
  }
}

/** The box around the nodes (their diameter `d` at their position), as Cytoscape's fit takes it. */
export function boxOf(
  elements: ElementDefinition[],
  positions: Record<string, Position>,
): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const e of elements) {
    if (e.group !== 'nodes') continue;
    const p = positions[e.data.id!];
    if (!p) continue;
    const r = ((e.data.d as number | undefined) ?? 0) / 2 + 1;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r);
  }
  if (x1 > x2) return { x1: 0, y1: 0, x2: 1, y2: 1, w: 1, h: 1 };
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

function bind(cy: Core, events: string, selector: string, handler: Handler): void {
  if (selector) cy.on(events, selector, handler);
  else cy.on(events, handler);
}

/** How much of the map's right side an open side panel lies over (0 when the panels sit beside it). */
function coveredFromRight(map: DOMRect): number {
  let covered = 0;
  for (const id of ['panel', 'handover']) {
    const el = document.getElementById(id);
    if (!el || el.hidden) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.left < map.right && r.right > map.left) covered = Math.max(covered, map.right - r.left);
  }
  return Math.min(covered, map.width * 0.8);
}
