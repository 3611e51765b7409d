/**
 * The map as it goes into a report: a PNG and an SVG with a title, the date, the view and its
 * active filters above the map and a legend of what is drawn below it. Only what the map shows
 * brightly is exported: under a highlight (an ego network, a chain, a topic's actors) the faded
 * rest is left out, as are a hovered suggestion's dashed line and hidden elements. The SVG is
 * built here from the nodes' positions and computed styles (export-svg.ts), with every label in
 * full as text.
 */
import type { Collection, Core } from 'cytoscape';
import { CLUSTER_PALETTE } from './clusters';
import { download, PNG_MAX_SIDE } from './export';
import { KIND_STYLE, TOPIC_STYLE } from './graph';
import type { FilterState } from './filters';
import { currentLang, formatCount, formatDate, label, listOf, t } from './i18n';

/** The words above the map. */
export interface ReportText {
  title: string;
  /** What the view is: its summary line, the ego network or cluster it is of. */
  view: string;
  /** "Filter: …" or "Filter: keine". */
  filters: string;
  /** "Stand: 6. Dezember 2026". */
  date: string;
  /** Under a highlight: how much of the view is exported. */
  highlight: string | null;
}

export interface LegendEntry {
  /** A node shape (legend marks of KIND_STYLE) or a line. */
  mark: { shape: string; colour: string } | { line: string; width: number };
  text: string;
}

/** What the last export drew, for tests: the node ids, and the map's box in the PNG (pixels). */
export interface ExportRecord {
  format: 'png' | 'svg';
  nodeIds: string[];
  mapBox: { x: number; y: number; w: number; h: number } | null;
  blob: Blob;
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function reportDate(now = new Date()): string {
  const day = new Intl.DateTimeFormat(currentLang() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long' }).format(now);
  return t('report.date', { date: day });
}

/** The words above the map for `filters` and the view's own line. */
export function reportText(
  cy: Core,
  filters: FilterState,
  topicName: (id: string) => string,
  view: string,
  now = new Date(),
): ReportText {
  const parts: string[] = [];
  if (filters.topicIds.length) parts.push(t('report.topics', { list: listOf(filters.topicIds.map(topicName)) }));
  if (filters.actorKinds.length)
    parts.push(t('report.kinds', { list: listOf(filters.actorKinds.map((k) => label(k))) }));
  const from = formatDate(filters.from);
  const to = formatDate(filters.to);
  if (from && to) parts.push(t('report.period', { from, to }));
  else if (from) parts.push(t('report.since', { from }));
  else if (to) parts.push(t('report.until', { to }));
  return {
    title: t('report.title'),
    view,
    filters: parts.length ? t('report.filters', { list: parts.join('; ') }) : t('report.noFilters'),
    date: reportDate(now),
    highlight: highlightLine(cy, reportElements(cy)),
  };
}

/** The elements a report shows: visible, not faded by a highlight, no hovered suggestion. */
export function reportElements(cy: Core): Collection {
  const shown = cy.elements(':visible').filter((e) => !e.hasClass('faded') && !(e.isEdge() && e.hasClass('suggested')));
  const nodes = shown.nodes();
  return nodes.union(shown.edges().filter((e) => nodes.contains(e.source()) && nodes.contains(e.target())));
}

/** Under a highlight: "Gezeigt: die Hervorhebung, 8 von 31 Knoten". */
export function highlightLine(cy: Core, kept: Collection): string | null {
  const all = cy.nodes(':visible').length;
  const shown = kept.nodes().length;
  return shown < all ? t('report.highlight', { shown: formatCount(shown), all: formatCount(all) }) : null;
}

/** The legend of what `kept` holds: the kinds, topics and clusters drawn, and the kinds of lines. */
export function legendOf(kept: Collection): LegendEntry[] {
  const kinds = new Set<string>();
  let topics = false;
  let clusters = false;
  kept.nodes().forEach((n) => {
    const type = n.data('type') as string;
    if (type === 'TOPIC') topics = true;
    else if (type === 'CLUSTER') clusters = true;
    else kinds.add(n.data('kind') as string);
  });
  const types = new Set(kept.edges().map((e) => e.data('type') as string));
  const entries: LegendEntry[] = [];
  for (const [kind, look] of Object.entries(KIND_STYLE))
    if (kinds.has(kind)) entries.push({ mark: { shape: look.shape, colour: look.colour }, text: label(kind) });
  if (topics) entries.push({ mark: { shape: TOPIC_STYLE.shape, colour: TOPIC_STYLE.colour }, text: t('legend.topic') });
  if (clusters) entries.push({ mark: { shape: 'ellipse', colour: CLUSTER_PALETTE[0] }, text: t('legend.cluster') });
  if (types.has('COLLABORATES_WITH')) entries.push({ mark: { line: '#a8b3bd', width: 3 }, text: t('legend.edge') });
  if (types.has('INTERESTED_IN')) entries.push({ mark: { line: '#9edae5', width: 2 }, text: t('legend.interest') });
  if (clusters && kept.edges().length)
    entries.push({ mark: { line: '#8d99a6', width: 4 }, text: t('legend.clusterTies') });
  if (kinds.size && !clusters) entries.push({ mark: { line: '', width: 0 }, text: t('legend.size') });
  return entries;
}

/** A node shape as a polygon in [-1, 1]² (the shapes of KIND_STYLE; a circle as 32 corners). */
export function shapePolygon(shape: string): Array<[number, number]> {
  const regular = (n: number, rotate = -Math.PI / 2, r = 1) =>
    Array.from({ length: n }, (_, i): [number, number] => [
      r * Math.cos(rotate + (2 * Math.PI * i) / n),
      r * Math.sin(rotate + (2 * Math.PI * i) / n),
    ]);
  switch (shape) {
    case 'ellipse':
      return regular(32);
    case 'rectangle':
    case 'round-rectangle':
      return [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ];
    case 'diamond':
      return regular(4);
    case 'triangle':
      return regular(3);
    case 'pentagon':
      return regular(5);
    case 'hexagon':
      return regular(6, 0);
    case 'octagon':
      return regular(8, Math.PI / 8);
    case 'star':
      return Array.from({ length: 10 }, (_, i): [number, number] => {
        const r = i % 2 === 0 ? 1 : 0.42;
        const a = -Math.PI / 2 + (Math.PI * i) / 5;
        return [r * Math.cos(a), r * Math.sin(a)];
      });
    default: // the topics' tag
      return [
        [-1, -0.65],
        [0.45, -0.65],
        [1, 0],
        [0.45, 0.65],
        [-1, 0.65],
      ];
  }
}

const FONT = 'system-ui, "DejaVu Sans", sans-serif';
const INK = '#1b1f24';
const GREY = '#4a5560';

/** Lays out the legend in rows of `width`: each entry's x, y (its row's middle) and the height of all. */
export function legendRows(
  entries: LegendEntry[],
  width: number,
  measure: (text: string) => number,
  unit: number,
): { at: Array<{ x: number; y: number }>; height: number } {
  const rowH = 24 * unit;
  const at: Array<{ x: number; y: number }> = [];
  let x = 0;
  let y = rowH / 2;
  for (const e of entries) {
    const w = 30 * unit + measure(e.text) + 22 * unit;
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowH;
    }
    at.push({ x, y });
    x += w;
  }
  return { at, height: entries.length ? y + rowH / 2 : 0 };
}

/** The PNG: header, the map (what `reportElements` keeps, drawn by Cytoscape), the legend. */
export async function exportReportPng(cy: Core, text: ReportText): Promise<ExportRecord> {
  const kept = reportElements(cy);
  const rest = cy.elements().difference(kept);
  const box = kept.boundingBox();
  // The whole PNG stays within PNG_MAX_SIDE: room for the margins, the header and the legend.
  const maxWidth = PNG_MAX_SIDE - 200;
  const maxHeight = PNG_MAX_SIDE - 1000;
  const scale = Math.max(0.25, Math.min(2, maxWidth / Math.max(box.w, 1), maxHeight / Math.max(box.h, 1)));
  // Cytoscape draws the map synchronously: for that moment only, the rest is hidden and the yellow
  // flash of a search hit is off. The names are drawn as the map places them (cut where long, so
  // they do not run into each other); the SVG has them in full.
  rest.style('display', 'none');
  kept.nodes().style('overlay-opacity', 0);
  let mapBlob: Promise<Blob>;
  try {
    mapBlob = cy.png({
      output: 'blob-promise',
      full: true,
      bg: '#ffffff',
      scale,
      maxWidth,
      maxHeight,
    });
  } finally {
    rest.removeStyle('display');
    kept.nodes().removeStyle('overlay-opacity');
  }
  const map = await createImageBitmap(await mapBlob);
  const unit = Math.max(1, Math.min(3, map.width / 1100));
  const pad = Math.round(24 * unit);
  const width = Math.max(map.width, Math.round(760 * unit)) + 2 * pad;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const font = (px: number, weight = 400) => `${weight} ${Math.round(px * unit)}px ${FONT}`;
  ctx.font = font(13);
  const legend = legendOf(kept);
  const rows = legendRows(legend, width - 2 * pad, (s) => ctx.measureText(s).width, unit);
  const lines = [text.view, text.filters, ...(text.highlight ? [text.highlight] : []), text.date];
  const headerH = pad + 30 * unit + lines.length * 20 * unit + 12 * unit;
  const legendTop = headerH + map.height + 16 * unit;
  canvas.width = width;
  canvas.height = Math.round(legendTop + (rows.height ? 26 * unit + rows.height : 0) + pad);

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = font(24, 700);
  ctx.fillText(text.title, pad, pad + 22 * unit);
  ctx.font = font(14);
  ctx.fillStyle = GREY;
  lines.forEach((line, i) => ctx.fillText(line, pad, pad + 30 * unit + (i + 1) * 20 * unit - 4 * unit));
  ctx.strokeStyle = '#d0d7de';
  ctx.lineWidth = unit;
  ctx.beginPath();
  ctx.moveTo(pad, headerH - 4 * unit);
  ctx.lineTo(width - pad, headerH - 4 * unit);
  ctx.stroke();

  const mapX = Math.round((width - map.width) / 2);
  ctx.drawImage(map, mapX, headerH);

  if (legend.length) {
    ctx.fillStyle = INK;
    ctx.font = font(14, 700);
    ctx.fillText(t('legend.title'), pad, legendTop + 16 * unit);
    ctx.font = font(13);
    const top = legendTop + 26 * unit;
    legend.forEach((e, i) => {
      const { x, y } = rows.at[i]!;
      drawMark(ctx, e, pad + x, top + y, unit);
      ctx.fillStyle = INK;
      ctx.textBaseline = 'middle';
      ctx.fillText(e.text, pad + x + 30 * unit, top + y);
      ctx.textBaseline = 'alphabetic';
    });
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
  );
  download(blob, `quartiernetz-${stamp()}.png`);
  return {
    format: 'png',
    nodeIds: kept.nodes().map((n) => n.id()),
    mapBox: { x: mapX, y: headerH, w: map.width, h: map.height },
    blob,
  };
}

function drawMark(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number, unit: number): void {
  const r = 9 * unit;
  if ('line' in e.mark) {
    if (!e.mark.width) return; // a note (the size of nodes), no mark
    ctx.strokeStyle = e.mark.line;
    ctx.lineWidth = e.mark.width * unit;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 2 * r, y);
    ctx.stroke();
    return;
  }
  ctx.fillStyle = e.mark.colour;
  ctx.beginPath();
  shapePolygon(e.mark.shape).forEach(([px, py], i) =>
    i === 0 ? ctx.moveTo(x + r + px * r, y + py * r) : ctx.lineTo(x + r + px * r, y + py * r),
  );
  ctx.closePath();
  ctx.fill();
}

export { FONT, GREY, INK, stamp };
