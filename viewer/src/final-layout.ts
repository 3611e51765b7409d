/**
 * The second step of a big map's first picture (docs/viewer.md): the quick preliminary arrangement
 * (quick-layout.ts) is replaced by fcose's layout when the worker has it — unless the reader has
 * arranged the map by hand meanwhile. A node she dragged must stay where she put it, and it cannot
 * keep its spot in fcose's layout: that layout is made in coordinates of its own, so her node would
 * stay at the same numbers while its neighbours went elsewhere. Once she drags, the preliminary
 * arrangement with her moves is what the view keeps (and saves); "Neu anordnen" asks for a new
 * layout. A click (an actor selected, its network highlighted) does not stop the move: the
 * highlight stays as it is, and the selected actor at its place on the screen (NetworkMap.moveTo).
 */
import type { Core } from 'cytoscape';
import type { Placement } from './layout';
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
        this.map.moveTo(refined.positions);
        return refined;
      }
      const positions = this.map.positions();
      return { positions, placed: Object.keys(positions), ms: 0 };
    } finally {
      this.onMove = null;
      if (!this.cy.destroyed()) this.cy.removeListener('drag', 'node', this.drag);
    }
  }
}
