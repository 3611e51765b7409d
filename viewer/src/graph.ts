/** The map's model: network → Cytoscape elements, the look per actor kind, and the stylesheet. */
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { ActorKind, Network } from './api';

export interface KindStyle {
  shape: string;
  colour: string;
}

export const KIND_STYLE: Record<ActorKind, KindStyle> = {
  ASSOCIATION: { shape: 'ellipse', colour: '#1f77b4' },
  AGENCY: { shape: 'diamond', colour: '#d62728' },
  CITY_DEPARTMENT: { shape: 'rectangle', colour: '#525252' },
  INSTITUTION: { shape: 'round-rectangle', colour: '#2ca02c' },
  INITIATIVE: { shape: 'triangle', colour: '#ff7f0e' },
  BUSINESS: { shape: 'hexagon', colour: '#8c564b' },
  FUNDER: { shape: 'star', colour: '#c49a00' },
  GROUP: { shape: 'pentagon', colour: '#9467bd' },
  PERSON: { shape: 'octagon', colour: '#e377c2' },
};
export const TOPIC_STYLE: KindStyle = { shape: 'round-tag', colour: '#17becf' };
export const PATH_COLOUR = '#d6336c';
export const SUGGEST_COLOUR = '#e8590c';
/** Hand-over view: who was taken out, who drops out with them, who now bridges. */
export const REMOVED_COLOUR = '#868e96';
export const DROPPED_COLOUR = '#c92a2a';
export const BROKER_COLOUR = '#2b8a3e';
export const CLUSTER_TIE_COLOUR = '#8d99a6';

/** Node diameter from the number of collaborations in scope. */
export const diameter = (size: number) => Math.round(18 + 9 * Math.sqrt(size));
/** Edge width from the number of shared collaborations. */
export const edgeWidth = (weight: number) => Math.min(1 + 1.6 * Math.log2(1 + weight), 9);

export function toElements(network: Network): ElementDefinition[] {
  const nodes: ElementDefinition[] = network.nodes
    .filter((n) => n.type !== 'COLLABORATION')
    .map((n) => {
      const look = n.type === 'ACTOR' && n.actorKind ? KIND_STYLE[n.actorKind] : TOPIC_STYLE;
      return {
        group: 'nodes',
        data: {
          id: n.id,
          entityId: n.entityId,
          type: n.type,
          kind: n.actorKind ?? 'TOPIC',
          label: n.label,
          size: n.size,
          d: n.type === 'ACTOR' ? diameter(n.size) : Math.round(16 + 5 * Math.sqrt(n.size)),
          shape: look.shape,
          colour: look.colour,
        },
      };
    });
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges: ElementDefinition[] = network.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      group: 'edges',
      data: {
        id: `${e.type}:${e.source}|${e.target}`,
        source: e.source,
        target: e.target,
        type: e.type,
        weight: e.weight,
        w: e.type === 'COLLABORATES_WITH' ? edgeWidth(e.weight) : 1.2,
      },
    }));
  return [...nodes, ...edges];
}

/**
 * `large`: many elements (haystack edges, opaque); `huge`: thousands of nodes, whose labels are
 * not shortened with an ellipsis (it measures each label again and again; such maps show labels
 * only when zoomed in, and generated names are short); `managed`: a crowded map, whose actors are
 * labelled only where labels.ts places a label (and on hover, when selected).
 */
export function stylesheet(large: boolean, huge = false, managed = false): StylesheetJson {
  // Cytoscape applies every property of every rule an element matches, one by one (each marks
  // caches dirty and checks what it triggers): on a managed map an actor without a label gets its
  // body only — 6 properties instead of 17, most of the first style application of a big map.
  const labelled = managed
    ? 'node[type!="ACTOR"], node.screen-label, node.hovered, node:selected, node.broker'
    : 'node';
  return [
    {
      selector: 'node',
      style: {
        width: 'data(d)',
        height: 'data(d)',
        shape: 'data(shape)' as never,
        'background-color': 'data(colour)',
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    {
      selector: labelled,
      style: {
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: '#222',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': huge ? 'none' : 'ellipsis',
        'text-max-width': '130px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[type="TOPIC"]', style: { 'font-style': 'italic', color: '#0b6e79', 'font-size': 11 } },
    // The full name of the node under the mouse, of the selected one and of one focused in a list.
    {
      selector: 'node[type!="CLUSTER"].hovered, node[type!="CLUSTER"]:selected',
      style: {
        'text-wrap': 'wrap',
        'text-max-width': '240px',
        'min-zoomed-font-size': 0,
        'z-index': 40,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
      },
    },
    {
      selector: 'node[type="CLUSTER"]',
      style: {
        'background-opacity': 0.82,
        'border-width': 2,
        'font-size': 'data(fs)',
        'font-weight': 600,
        'text-wrap': 'wrap',
        'text-max-width': '400px',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-outline-width': 3,
        'min-zoomed-font-size': 5,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(w)',
        // Big maps: opaque edges of the blended colour (a software canvas blends each one: a quarter slower).
        'line-color': large ? '#b9c2ca' : '#a8b3bd',
        'curve-style': large ? 'haystack' : 'straight',
        opacity: large ? 1 : 0.8,
      },
    },
    { selector: 'edge[type="INTERESTED_IN"]', style: { 'line-color': '#9edae5', opacity: 0.9 } },
    {
      selector: 'edge[type="CLUSTER_TIES"]',
      style: { 'line-color': CLUSTER_TIE_COLOUR, opacity: 0.45, 'curve-style': 'straight' },
    },
    { selector: 'node:selected, node.centre', style: { 'border-width': 4, 'border-color': '#111111', 'z-index': 20 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.15 } },
    { selector: 'node.ego', style: { 'border-color': '#111111', 'border-width': 2.5 } },
    { selector: 'edge.ego', style: { 'line-color': '#56606b', opacity: 1 } },
    {
      selector: 'node.path',
      style: { 'border-color': PATH_COLOUR, 'border-width': 4, 'z-index': 30, opacity: 1, 'text-opacity': 1 },
    },
    { selector: 'edge.path', style: { 'line-color': PATH_COLOUR, width: 5, opacity: 1, 'z-index': 30 } },
    {
      selector: 'edge.suggested',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [8, 5],
        'line-color': SUGGEST_COLOUR,
        width: 3,
        opacity: 1,
        'curve-style': 'straight',
        'z-index': 40,
      },
    },
    {
      selector: 'node.suggested',
      style: {
        'border-color': SUGGEST_COLOUR,
        'border-width': 4,
        'border-style': 'dashed',
        opacity: 1,
        'text-opacity': 1,
      },
    },
    { selector: 'node.match', style: { 'overlay-color': '#ffd43b', 'overlay-opacity': 0.45, 'overlay-padding': 6 } },
    {
      selector: 'node.removed',
      style: {
        'background-color': '#dee2e6',
        'border-color': REMOVED_COLOUR,
        'border-width': 3,
        'border-style': 'dashed',
        opacity: 0.55,
        color: REMOVED_COLOUR,
      },
    },
    { selector: 'edge.removed', style: { opacity: 0.06 } },
    {
      selector: 'node.dropped',
      style: { 'border-color': DROPPED_COLOUR, 'border-width': 5, 'z-index': 25, color: DROPPED_COLOUR },
    },
    {
      selector: 'node.broker',
      style: {
        'border-color': BROKER_COLOUR,
        'border-width': 5,
        'z-index': 26,
        label: 'data(brokerLabel)',
        'font-weight': 600,
      },
    },
    // Labels kept readable at any zoom and placed so they do not overlap (labels.ts).
    {
      selector: 'node.screen-label',
      style: {
        'font-size': 'data(lfs)',
        'text-max-width': 'data(ltw)',
        'text-outline-width': 'data(low)',
        'text-wrap': 'wrap',
        'min-zoomed-font-size': 0,
        'z-index': 35,
      },
    },
    // Over a dense map: on a white ground (a cluster's name has its outline, inside or beside it).
    {
      selector: 'node[type!="CLUSTER"].screen-label',
      style: {
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 'data(lpad)',
      },
    },
    {
      selector: 'node.screen-label.lp-bottom',
      style: { 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': 3 },
    },
    {
      selector: 'node.screen-label.lp-top',
      style: { 'text-valign': 'top', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': -3 },
    },
    {
      selector: 'node.screen-label.lp-right',
      style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 },
    },
    {
      selector: 'node.screen-label.lp-left',
      style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -4, 'text-margin-y': 0 },
    },
    ...(
      [
        ['bottom', 'right', 3],
        ['bottom', 'left', 3],
        ['top', 'right', -3],
        ['top', 'left', -3],
      ] as const
    ).map(([v, h, y]) => ({
      selector: `node.screen-label.lp-${v}-${h}`,
      style: { 'text-valign': v, 'text-halign': h, 'text-margin-x': 0, 'text-margin-y': y },
    })),
    // A cluster's name set off from its node where every place beside it was taken.
    {
      selector: 'node.screen-label.lp-far',
      style: {
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-x': 'data(lmx)' as never,
        'text-margin-y': 'data(lmy)' as never,
      },
    },
    // A label left out: its node no longer drawn above the nodes whose labels are placed (a label
    // drawn over bodies must not be covered by them again).
    { selector: 'node.label-off', style: { label: '', 'z-index': 10 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
