/**
 * The SVG export, built from the map's nodes and edges — their positions and computed styles — as
 * plain SVG shapes, lines and text: every label drawn on the map is in it in full (not cut with
 * "…"), selectable and searchable, with the report's header and legend (export-report.ts).
 * Built here rather than with the cytoscape-svg extension: that one is GPL-3.0 (this project's
 * code is not), re-implements Cytoscape's canvas renderer from its internals (`_private.rscratch`,
 * `renderer().usePaths`), so each renderer change can break it, and depends on a fork of
 * canvas2svg pinned to a git commit; it draws only the canvas, so header and legend would still
 * be ours.
 */
import type { Collection, Core, NodeSingular } from 'cytoscape';
import { download } from './export';
import { t } from './i18n';
import {
  FONT,
  GREY,
  INK,
  legendOf,
  legendRows,
  reportElements,
  shapePolygon,
  stamp,
  type ExportRecord,
  type LegendEntry,
  type ReportText,
} from './export-report';

const NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, typeof v === 'number' ? String(round(v)) : v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const round = (v: number) => Math.round(v * 100) / 100;
const px = (v: string) => parseFloat(v) || 0;
/** About how wide a text is (no measuring in an SVG string): for the map's margins only. */
const textWidth = (text: string, size: number) => text.length * size * 0.56;

interface Label {
  lines: string[];
  size: number;
  x: number;
  /** Baseline of the first line. */
  y: number;
  node: NodeSingular;
}

/** The label the map draws for a node (none when the map leaves it out), in full. */
function labelOf(n: NodeSingular): Label | null {
  if (!n.style('label')) return null;
  const full = String(n.data('label') ?? '');
  if (!full) return null;
  const lines = full.split('\n');
  const size = px(n.style('font-size'));
  const p = n.position();
  const centred = n.style('text-valign') === 'center';
  const y = centred
    ? p.y - ((lines.length - 1) * size * 1.2) / 2 + size * 0.35
    : p.y + n.height() / 2 + px(n.style('text-margin-y')) + size;
  return { lines, size, x: p.x, y, node: n };
}

function mapBounds(kept: Collection, labels: Label[]): { x1: number; y1: number; x2: number; y2: number } {
  const b = kept.nodes().boundingBox({ includeLabels: false });
  const y1 = b.y1;
  let { x1, x2, y2 } = b;
  for (const l of labels) {
    const w = Math.max(...l.lines.map((s) => textWidth(s, l.size)));
    x1 = Math.min(x1, l.x - w / 2);
    x2 = Math.max(x2, l.x + w / 2);
    y2 = Math.max(y2, l.y + (l.lines.length - 1) * l.size * 1.2 + l.size * 0.3);
  }
  return { x1, y1, x2, y2 };
}

function mark(e: LegendEntry, x: number, y: number, r: number): SVGElement | null {
  if ('line' in e.mark) {
    if (!e.mark.width) return null;
    return el('line', { x1: x, y1: y, x2: x + 2 * r, y2: y, stroke: e.mark.line, 'stroke-width': e.mark.width });
  }
  const points = shapePolygon(e.mark.shape).map(([a, b]) => `${round(x + r + a * r)},${round(y + b * r)}`);
  return el('polygon', { points: points.join(' '), fill: e.mark.colour });
}

/** The SVG document of the report: header, the map, the legend. */
export function reportSvg(cy: Core, text: ReportText): { svg: string; nodeIds: string[] } {
  const kept = reportElements(cy);
  const nodes = kept.nodes();
  const labels = nodes.map(labelOf).filter((l): l is Label => l !== null);
  const b = mapBounds(kept, labels);
  const mapW = Math.max(b.x2 - b.x1, 1);
  const unit = Math.max(1, mapW / 1100);
  const pad = 24 * unit;
  const width = Math.max(mapW, 760 * unit) + 2 * pad;
  const lines = [text.view, text.filters, ...(text.highlight ? [text.highlight] : []), text.date];
  const headerH = pad + 30 * unit + lines.length * 20 * unit + 12 * unit;
  const legend = legendOf(kept);
  const rows = legendRows(legend, width - 2 * pad, (s) => textWidth(s, 13 * unit), unit);
  const legendTop = headerH + (b.y2 - b.y1) + 16 * unit;
  const height = legendTop + (rows.height ? 26 * unit + rows.height : 0) + pad;

  const svg = el('svg', { xmlns: NS, width, height, viewBox: `0 0 ${round(width)} ${round(height)}` });
  svg.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  const header = el('g', { 'font-family': FONT });
  header.append(
    el('text', { x: pad, y: pad + 22 * unit, 'font-size': 24 * unit, 'font-weight': 700, fill: INK }, text.title),
  );
  lines.forEach((line, i) =>
    header.append(
      el(
        'text',
        { x: pad, y: pad + 30 * unit + (i + 1) * 20 * unit - 4 * unit, 'font-size': 14 * unit, fill: GREY },
        line,
      ),
    ),
  );
  header.append(
    el('line', {
      x1: pad,
      y1: headerH - 4 * unit,
      x2: width - pad,
      y2: headerH - 4 * unit,
      stroke: '#d0d7de',
      'stroke-width': unit,
    }),
  );
  svg.append(header);

  // The map in its own coordinates, moved under the header and centred.
  const map = el('g', {
    class: 'map',
    transform: `translate(${round((width - mapW) / 2 - b.x1)} ${round(headerH - b.y1)})`,
  });
  const edges = el('g', { class: 'edges', 'stroke-linecap': 'round' });
  kept.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const attrs: Record<string, string | number> = {
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      stroke: e.style('line-color'),
      'stroke-width': px(e.style('width')),
      'stroke-opacity': px(e.style('opacity')),
    };
    if (e.style('line-style') === 'dashed') attrs['stroke-dasharray'] = '6 4';
    edges.append(el('line', attrs));
  });
  map.append(edges);
  const shapes = el('g', { class: 'nodes' });
  nodes.forEach((n) => {
    const p = n.position();
    const rx = n.width() / 2;
    const ry = n.height() / 2;
    const points = shapePolygon(String(n.style('shape'))).map(
      ([a, c]) => `${round(p.x + a * rx)},${round(p.y + c * ry)}`,
    );
    const node = el('polygon', {
      points: points.join(' '),
      fill: n.style('background-color'),
      'fill-opacity': px(n.style('background-opacity')),
      stroke: n.style('border-color'),
      'stroke-width': px(n.style('border-width')),
      'data-id': n.id(),
    });
    shapes.append(node);
  });
  map.append(shapes);
  const names = el('g', { class: 'labels', 'font-family': FONT, 'text-anchor': 'middle', 'paint-order': 'stroke' });
  for (const l of labels) {
    const outline = px(l.node.style('text-outline-width'));
    const text = el('text', {
      x: l.x,
      y: l.y,
      'font-size': l.size,
      'font-weight': String(l.node.style('font-weight')),
      fill: l.node.style('color'),
      stroke: '#ffffff',
      'stroke-width': outline * 2,
      'stroke-linejoin': 'round',
      'data-id': l.node.id(),
    });
    l.lines.forEach((line, i) => text.append(el('tspan', { x: l.x, dy: i === 0 ? 0 : l.size * 1.2 }, line)));
    names.append(text);
  }
  map.append(names);
  svg.append(map);

  if (legend.length) {
    const g = el('g', { class: 'legend', 'font-family': FONT, fill: INK });
    g.append(
      el('text', { x: pad, y: legendTop + 16 * unit, 'font-size': 14 * unit, 'font-weight': 700 }, t('legend.title')),
    );
    const top = legendTop + 26 * unit;
    legend.forEach((e, i) => {
      const { x, y } = rows.at[i]!;
      const m = mark(e, pad + x, top + y, 9 * unit);
      if (m) g.append(m);
      g.append(el('text', { x: pad + x + 30 * unit, y: top + y + 4.5 * unit, 'font-size': 13 * unit }, e.text));
    });
    svg.append(g);
  }
  return { svg: new XMLSerializer().serializeToString(svg), nodeIds: nodes.map((n) => n.id()) };
}

export function exportReportSvg(cy: Core, text: ReportText): ExportRecord {
  const { svg, nodeIds } = reportSvg(cy, text);
  const blob = new Blob([svg], { type: 'image/svg+xml' });
  download(blob, `quartiernetz-${stamp()}.svg`);
  return { format: 'svg', nodeIds, mapBox: null, blob };
}
