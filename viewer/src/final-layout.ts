/**
 * The second step of a big map's first picture (docs/viewer.md): the quick preliminary arrangement
 * (quick-layout.ts) is replaced by fcose's layout when the worker has it — unless the reader has
 * arranged the map by hand meanwhile. A node she dragged must stay where she put it, and it cannot
 * keep its spot in fcose's layout: that layout is made in coordinates of its own, so her node would
 * stay at the same numbers while its neighbours went elsewhere. Once she drags, the preliminary
 * arrangement with her moves is what the view keeps (and saves); "Neu anordnen" asks for a new
 * layout. A click (an actor selected, its network highlighted) does not stop the move: the
 * highlight stays as it is. A map the reader has zoomed or panned (or opened the side panel over)
 * is not fitted anew: it keeps its scale against the map's size, and the selected actor (else the
 * middle of the view) its place on the screen.
 */
import type { Core } from 'cytoscape';
import type { Placement, Position } from './layout';
import type { NetworkMap } from './map';

export class FinalLayout {
  private readonly cy: Core;
  private moved = false;
  private onMove: (() => void) | null = null;
  private readonly drag = () => {
    this.moved = true;
    this.onMove?.();
  };

  /** Watches the reader's drags from now on: made right after the view is rendered. */
  constructor(
    private readonly map: NetworkMap,
    private readonly final: Promise<Placement>,
  ) {
    this.cy = map.cy;
    this.cy.on('drag', 'node', this.drag);
  }

  /**
   * Waits for the final layout (or the reader's first drag) and returns what the view keeps: fcose's layout,
   * moved to; or the map as the reader arranged it. null: the view was left meanwhile (`current`).
   */
  async settle(current: () => boolean): Promise<Placement | null> {
    try {
      const byHand = new Promise<null>((done) => (this.onMove = () => done(null)));
      let refined = this.moved ? null : await Promise.race([this.final, byHand]);
      // A node held (grabbed, not moved yet) when the layout came: what she does with it decides.
      if (refined && this.cy.nodes(':grabbed').nonempty()) {
        await new Promise((done) => this.cy.one('free', 'node', done));
        if (this.moved) refined = null;
      }
      if (!current() || this.cy.destroyed()) return null;
      if (refined) {
        const view = this.viewport();
        if (!this.map.moveTo(refined.positions)) view.keep(refined.positions);
        return refined;
      }
      const positions = this.map.positions();
      return { positions, placed: Object.keys(positions), ms: 0 };
    } finally {
      this.onMove = null;
      if (!this.cy.destroyed()) this.cy.removeListener('drag', 'node', this.drag);
    }
  }

  /** The viewport now, to be kept in proportion when the nodes have moved to `next`. */
  private viewport(): { keep: (next: Record<string, Position>) => void } {
    const cy = this.cy;
    const zoom = cy.zoom();
    const pan = { ...cy.pan() };
    const before = extent(this.map.positions());
    const selected = cy.nodes(':selected').first();
    const anchor = selected.nonempty() ? { ...selected.renderedPosition() } : { x: cy.width() / 2, y: cy.height() / 2 };
    const under = { x: (anchor.x - pan.x) / zoom, y: (anchor.y - pan.y) / zoom };
    return {
      keep: (next) => {
        const after = extent(next);
        const scale = after.size / before.size;
        const at = selected.nonempty()
          ? selected.position()
          : { x: after.cx + (under.x - before.cx) * scale, y: after.cy + (under.y - before.cy) * scale };
        const z = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), zoom / scale));
        cy.viewport({ zoom: z, pan: { x: anchor.x - at.x * z, y: anchor.y - at.y * z } });
      },
    };
  }
}

/** The middle and the larger side of the box around `positions` (at least 1). */
function extent(positions: Record<string, Position>): { cx: number; cy: number; size: number } {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of Object.values(positions)) {
    [x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
  }
  if (x1 > x2) return { cx: 0, cy: 0, size: 1 };
  return { cx: (x1 + x2) / 2, cy: (y1 + y2) / 2, size: Math.max(x2 - x1, y2 - y1, 1) };
}
