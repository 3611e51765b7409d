/**
 * Labels that stay readable however far the map is zoomed out. Cytoscape draws a label at its
 * font-size times the zoom, so at the first fit of a big map a cluster's name was 4–9 px. The
 * nodes whose names matter at every zoom — the clusters, the topics and the highlighted actors
 * (centre, chain, suggested pair, brokers, removed, dropped) — get the class `screen-label`: their
 * font size (and wrapping width, outline) is set from the zoom on every `zoom` event so that it is
 * at least SCREEN_PX on screen (data fields `lfs`, `ltw`, `low`, `lpad`, mapped by the stylesheet). Then,
 * most important first, each label is placed below, above, beside or at a corner of its node where it
 * overlaps no label placed before and no other such node (classes `lp-*`), else it is left out (`label-off`) — the full name
 * is then on hover and focus (#map-tip, labels-tip.ts). A cluster whose every spot is taken gets its
 * name set off a little further from it (`lp-far`, the nearest free place), so every cluster is named.
 * On a crowded map (the topic view, or more than MANAGED_NODES nodes) the ordinary actors' labels are
 * managed too (`manage(true)`): hidden by the stylesheet, and once the view rests the biggest actors in
 * view (by collaborations, then ties) are labelled where their label fits freely. Documented Cytoscape
 * only: classes, data mappers, `boundingBox({ includeLabels })`, the `zoom` event.
 */
import type { Core, NodeSingular } from 'cytoscape';

/** The smallest font size of these labels on screen, in CSS pixels. */
export const SCREEN_PX = 12;
/** The widest such label on screen before it wraps (an actor's; a cluster's name has a line per topic). */
const SCREEN_WIDTH = 170;
const CLUSTER_SCREEN_WIDTH = 240;
/** More than this many labels at once would not be read anyway (and cost a measurement each). */
const MAX_LABELS = 250;
/** Free space around a placed label, on screen. */
const GAP_PX = 2;
/** Ordinary actors in view measured for a label at once, biggest first (the rest stay unlabelled). */
const MAX_ORDINARY = 120;
/** A map with more nodes than this has its ordinary labels managed (see map.ts). */
export const MANAGED_NODES = 150;
/** Rings of places further out tried for a cluster's name (in label heights beyond its node). */
const FAR_RINGS = 8;
const FAR_DIRECTIONS = [
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, 1],
  [1, -1],
  [-1, -1],
] as const;

/** The places a label may take, tried in this order (a cluster's name first inside it). */
const AROUND = ['lp-top', 'lp-right', 'lp-left', 'lp-bottom-right', 'lp-bottom-left', 'lp-top-right', 'lp-top-left'];
const SPOTS = ['', ...AROUND];
const CLUSTER_SPOTS = ['', 'lp-bottom', ...AROUND];
const ALL_SPOTS = `${CLUSTER_SPOTS.join(' ').trim()} lp-far`;

/** The highlights whose actors are labelled, most important first. */
const HIGHLIGHTS = ['.centre', '.path', '.suggested', '.broker', '.removed', '.dropped'];

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A label's place: its class, its box and, set off from its node, its offset. */
interface Spot {
  spot: string;
  box: Box;
  far?: { x: number; y: number };
}

/** A node's label font size, wrapping width and outline at zoom 1 (as graph.ts's stylesheet has them). */
function base(n: NodeSingular): { fs: number; tw: number; ow: number } {
  const type = n.data('type');
  if (type === 'CLUSTER') return { fs: n.data('fs') ?? 12, tw: 400, ow: 3 };
  if (type === 'TOPIC') return { fs: 11, tw: 130, ow: 2 };
  return { fs: 12, tw: 130, ow: 2 };
}

const bySizeDown = (a: NodeSingular, b: NodeSingular) => (b.data('size') ?? 0) - (a.data('size') ?? 0);
const hits = (box: Box, other: Box) => box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2;
const shifted = (box: Box, dx: number, dy: number): Box => ({
  x1: box.x1 + dx,
  y1: box.y1 + dy,
  x2: box.x2 + dx,
  y2: box.y2 + dy,
});

/**
 * The node's label box as its classes are now. Reading a style property applies a class change
 * at once: without it, the first `boundingBox` after the change (the first spot tried, once a frame
 * was drawn) still had the label where it was drawn last — a spot taken as free while its label
 * lay over another one.
 */
function labelBox(n: NodeSingular): Box {
  n.style('label');
  return n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
}

export class LabelLayer {
  private labelled: NodeSingular[] = [];
  /** The ordinary actors measured for a label in the current placing (managed maps only). */
  private ordinary: NodeSingular[] = [];
  private managed = false;
  private timer = 0;
  private frame = 0;
  private then: (() => void) | null = null;
  /** Placing held back (hold()) until release(). */
  private held = false;

  /** `covered`: how many pixels of the map's right side a side panel lies over. */
  constructor(
    private readonly cy: Core,
    private readonly covered: () => number = () => 0,
  ) {
    cy.on('zoom', () => this.resize());
    // Where labels fit depends on what is in view: placed again once the view rests.
    cy.on('viewport', () => this.schedule(120));
  }

  /** Stops what is scheduled: the map is about to destroy this layer's Cytoscape instance. */
  dispose(): void {
    window.clearTimeout(this.timer);
    window.cancelAnimationFrame(this.frame);
    this.then = null;
  }

  /**
   * Holds every placing back until release() (a big map's first picture: placing labels changes the
   * style of a hundred nodes, which made Cytoscape draw the whole map twice before it was shown).
   */
  hold(): void {
    this.held = true;
    window.clearTimeout(this.timer);
    window.cancelAnimationFrame(this.frame);
    const flag = this.flag();
    if (flag) flag.dataset.labels = 'pending';
  }

  /**
   * Where `data-labels` says whether the labels rest (for tests): the map's parent. Not the map
   * itself: Cytoscape watches its container's attributes and resizes (redraws the whole map) on
   * every change.
   */
  private flag(): HTMLElement | null {
    return this.cy.container()?.parentElement ?? null;
  }

  /** Ends hold(); the caller refreshes the labels. */
  release(): void {
    this.held = false;
  }

  /** Whether the ordinary actors' labels are managed here (the stylesheet hides them otherwise). */
  manage(on: boolean): void {
    this.managed = on;
    if (!on) this.ordinary = [];
  }

  /**
   * Places the labels after `delay` ms, in an animation frame: Cytoscape measures a label for its
   * bounding box when it draws it, so a label whose style has just changed is measured right only
   * from the next frame on. `then` runs after placing (a new view fits its labels in).
   */
  private schedule(delay: number, then?: () => void): void {
    window.clearTimeout(this.timer);
    window.cancelAnimationFrame(this.frame);
    // A placing asked for later (a pan, a zoom) does not drop what was to follow an earlier one.
    if (then) this.then = then;
    if (this.held) return;
    const flag = this.flag();
    if (flag) flag.dataset.labels = 'pending';
    this.timer = window.setTimeout(() => {
      if (this.cy.destroyed()) return;
      // Sized now, measured once Cytoscape has drawn them (its frame comes before this one's).
      this.pickOrdinary();
      this.frame = window.requestAnimationFrame(() => {
        if (this.cy.destroyed()) return;
        const next = this.then;
        this.then = null;
        this.place();
        // For tests: `.stage[data-labels="placed"]` (the map's parent) once the labels rest.
        if (flag && !next) flag.dataset.labels = 'placed';
        next?.();
      });
    }, delay);
  }

  /**
   * Which nodes carry such labels changed (a new view, a highlight): sized now, placed in the next
   * frame; `fit` (a new view): fitted to the map with its labels, and placed again, twice.
   */
  refresh(fit?: () => void): void {
    const cy = this.cy;
    const seen = new Set<string>();
    const list: NodeSingular[] = [];
    const take = (n: NodeSingular) => {
      if (list.length >= MAX_LABELS || seen.has(n.id()) || n.hasClass('faded') || !n.visible()) return;
      seen.add(n.id());
      list.push(n);
    };
    for (const selector of HIGHLIGHTS) {
      const nodes = cy.nodes(selector).toArray() as NodeSingular[];
      if (selector === '.broker') nodes.sort((a, b) => (a.data('brokerRank') ?? 0) - (b.data('brokerRank') ?? 0));
      nodes.forEach(take);
    }
    (cy.nodes('[type="CLUSTER"]').toArray() as NodeSingular[]).sort(bySizeDown).forEach(take);
    (cy.nodes('[type="TOPIC"]').toArray() as NodeSingular[]).sort(bySizeDown).forEach(take);
    cy.batch(() => {
      for (const n of this.labelled)
        if (!seen.has(n.id()) && n.inside()) n.removeClass(`screen-label label-off ${ALL_SPOTS}`);
      for (const n of list) n.addClass('screen-label');
    });
    this.labelled = list;
    this.resize();
    this.schedule(
      0,
      fit &&
        (() => {
          fit();
          this.schedule(0, () => {
            fit();
            this.schedule(0);
          });
        }),
    );
  }

  /** Font size, wrapping width and outline so that the label is at least SCREEN_PX on screen. */
  private resize(): void {
    const zoom = this.cy.zoom();
    this.cy.batch(() => {
      for (const n of [...this.labelled, ...this.ordinary]) {
        if (n.removed()) continue;
        const b = base(n);
        const k = Math.max(1, SCREEN_PX / (b.fs * zoom));
        const width = n.data('type') === 'CLUSTER' ? CLUSTER_SCREEN_WIDTH : SCREEN_WIDTH;
        n.data({ lfs: b.fs * k, ltw: Math.max(b.tw * k, width / zoom), low: b.ow * k, lpad: 2 / zoom });
      }
    });
  }

  /** Managed maps: the biggest ordinary actors in view get a screen-sized label, to be placed. */
  private pickOrdinary(): void {
    const cy = this.cy;
    const labelled = new Set(this.labelled.map((n) => n.id()));
    let next: NodeSingular[] = [];
    if (this.managed) {
      const zoom = cy.zoom();
      const e = cy.extent();
      const right = e.x2 - this.covered() / zoom;
      const inView = (n: NodeSingular) => {
        const p = n.position();
        return p.x >= e.x1 && p.x <= right && p.y >= e.y1 && p.y <= e.y2;
      };
      // Each node's weight read once: a comparison reading `degree` sorted 5,000 actors in 300 ms.
      next = (cy.nodes('[type="ACTOR"]').toArray() as NodeSingular[])
        .filter((n) => !labelled.has(n.id()) && !n.hasClass('faded') && inView(n) && n.visible())
        .map((n) => ({ n, size: (n.data('size') as number | undefined) ?? 0, degree: n.degree(false) }))
        .sort((a, b) => b.size - a.size || b.degree - a.degree)
        .slice(0, MAX_ORDINARY)
        .map((x) => x.n);
    }
    const keep = new Set(next.map((n) => n.id()));
    cy.batch(() => {
      for (const n of this.ordinary)
        if (!keep.has(n.id()) && !labelled.has(n.id()) && n.inside())
          n.removeClass(`screen-label label-off ${ALL_SPOTS}`);
      for (const n of next) n.addClass('screen-label');
    });
    this.ordinary = next;
    this.resize();
  }

  /**
   * Most important first: the first spot inside the visible map (not under a side panel) where the
   * label overlaps no label placed before and no other such node; else one where it covers such a
   * node but no label; else none (a cluster: a free spot partly outside). Nodes out of view get no
   * label until the view moves to them.
   */
  private place(): void {
    const zoom = this.cy.zoom();
    const gap = GAP_PX / zoom;
    const placed: Box[] = [];
    const extent = this.cy.extent();
    const seen: Box = { x1: extent.x1, y1: extent.y1, x2: extent.x2 - this.covered() / zoom, y2: extent.y2 };
    const inView = (box: Box) => box.x1 >= seen.x1 && box.x2 <= seen.x2 && box.y1 >= seen.y1 && box.y2 <= seen.y2;
    const priority = this.labelled.filter((n) => !n.removed()).length;
    const nodes = [...this.labelled, ...this.ordinary].filter((n) => !n.removed());
    const bodies = nodes.map(
      (n) => n.boundingBox({ includeLabels: false, includeOverlays: false, includeEdges: false }) as Box,
    );
    const free = (box: Box, i: number) => !bodies.some((other, j) => j !== i && hits(box, other));
    nodes.forEach((n, i) => {
      n.removeClass(ALL_SPOTS);
      if (!hits(bodies[i], seen)) return void n.addClass('label-off');
      n.removeClass('label-off');
      const cluster = n.data('type') === 'CLUSTER';
      let chosen: Spot | null = null;
      let covering: Spot | null = null;
      let outside: Spot | null = null;
      let centre: Box | null = null;
      for (const spot of cluster ? CLUSTER_SPOTS : SPOTS) {
        n.removeClass(ALL_SPOTS);
        if (spot) n.addClass(spot);
        const b = labelBox(n);
        const box = { x1: b.x1 - gap, y1: b.y1 - gap, x2: b.x2 + gap, y2: b.y2 + gap };
        if (!spot) centre = box;
        if (placed.some((p) => hits(box, p))) continue;
        if (!inView(box)) {
          outside ??= { spot, box };
          continue;
        }
        if (free(box, i)) {
          chosen = { spot, box };
          break;
        }
        covering ??= { spot, box };
      }
      if (cluster && !chosen && centre) {
        // Every spot next to it taken: the nearest free place a little further out.
        const far = this.farSpots(centre, bodies[i], placed, inView);
        chosen = far.find((f) => free(f.box, i)) ?? covering ?? far[0] ?? outside;
      }
      // Ordinary actors only where their label is free; highlighted ones rather over a node.
      if (i < priority) chosen ??= covering;
      n.removeClass(ALL_SPOTS);
      if (!chosen) return void n.addClass('label-off');
      if (chosen.spot) n.addClass(chosen.spot);
      if (chosen.far) n.data({ lmx: chosen.far.x, lmy: chosen.far.y });
      placed.push(chosen.box);
    });
  }

  /**
   * Places for a cluster's name off its node, nearest first: in eight directions, in rings a half
   * label height apart, those inside the visible map and clear of every label placed so far.
   */
  private farSpots(centre: Box, body: Box, placed: Box[], inView: (box: Box) => boolean): Spot[] {
    const w = (centre.x2 - centre.x1) / 2;
    const h = (centre.y2 - centre.y1) / 2;
    const rx = (body.x2 - body.x1) / 2;
    const ry = (body.y2 - body.y1) / 2;
    const out: Spot[] = [];
    for (let ring = 0; ring < FAR_RINGS; ring++)
      for (const [ux, uy] of FAR_DIRECTIONS) {
        const x = ux * (rx + w + ring * h);
        const y = uy * (ry + h + ring * h);
        const box = shifted(centre, x, y);
        if (inView(box) && !placed.some((p) => hits(box, p))) out.push({ spot: 'lp-far', box, far: { x, y } });
      }
    return out;
  }
}
