/**
 * Export of the current view: downloads, and the visible data as JSON. The PNG and SVG for a
 * report: export-report.ts, export-svg.ts.
 */
import type { Core } from 'cytoscape';

export const PNG_MAX_SIDE = 4096;

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function visibleData(cy: Core, view: unknown): unknown {
  const nodes = cy.nodes(':visible').map((n) => ({
    id: n.id(),
    type: n.data('type'),
    entityId: n.data('entityId'),
    label: n.data('label'),
    kind: n.data('kind'),
    size: n.data('size'),
    position: n.position(),
  }));
  const edges = cy
    .edges(':visible')
    .filter((e) => !e.hasClass('suggested'))
    .map((e) => ({
      id: e.id(),
      type: e.data('type'),
      source: e.data('source'),
      target: e.data('target'),
      weight: e.data('weight'),
    }));
  return { exportedAt: new Date().toISOString(), view, nodes, edges };
}

export function exportJson(cy: Core, view: unknown): Blob {
  const blob = new Blob([JSON.stringify(visibleData(cy, view), null, 2)], { type: 'application/json' });
  download(blob, `quartiernetz-${stamp()}.json`);
  return blob;
}
