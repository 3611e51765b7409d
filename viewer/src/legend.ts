/** Beside the map: the legend (what the marks mean in the current view) and the clusters as a list of buttons. */
import type { Clustering } from './api';
import { CLUSTER_PALETTE, clusterName } from './clusters';
import { byId, h, shapeIcon } from './dom';
import {
  BROKER_COLOUR,
  CLUSTER_TIE_COLOUR,
  DROPPED_COLOUR,
  KIND_STYLE,
  PATH_COLOUR,
  REMOVED_COLOUR,
  SUGGEST_COLOUR,
  TOPIC_STYLE,
} from './graph';
import { count, formatCount, label, t } from './i18n';

/** The legend of an actor map or a cluster map, with the hand-over marks while that view is open. */
export function renderLegendFor(kind: 'actors' | 'clusters', handover: boolean): void {
  const item = (icon: Node, text: string) => h('li', {}, icon, h('span', {}, text));
  const line = (colour: string, dashed = false, width = 3) =>
    h('span', { class: 'line', style: `border-top:${width}px ${dashed ? 'dashed' : 'solid'} ${colour}` });
  const ring = (colour: string, dashed = false) =>
    h('span', { class: 'ring', style: `border:3px ${dashed ? 'dashed' : 'solid'} ${colour}` });
  const items =
    kind === 'clusters'
      ? [
          item(shapeIcon('ellipse', CLUSTER_PALETTE[0]), t('legend.cluster')),
          item(line(CLUSTER_TIE_COLOUR, false, 4), t('legend.clusterTies')),
        ]
      : [
          ...Object.entries(KIND_STYLE).map(([k, look]) => item(shapeIcon(look.shape, look.colour), label(k))),
          item(shapeIcon(TOPIC_STYLE.shape, TOPIC_STYLE.colour), t('legend.topic')),
          item(line('#a8b3bd'), t('legend.edge')),
          item(line('#9edae5', false, 2), t('legend.interest')),
          item(line(PATH_COLOUR, false, 4), t('legend.path')),
          item(line(SUGGEST_COLOUR, true), t('legend.suggested')),
        ];
  if (handover)
    items.push(
      item(ring(REMOVED_COLOUR, true), t('legend.removed')),
      item(ring(DROPPED_COLOUR), t('legend.dropped')),
      item(ring(BROKER_COLOUR), t('legend.broker')),
    );
  byId('legend-list').replaceChildren(...items);
  byId('legend-size').hidden = kind === 'clusters';
}

/** The clusters as buttons (so they open from the keyboard too); hidden when the map shows actors. */
export function renderClusters(clustering: Clustering | null, open: (clusterId: string) => void): void {
  byId('cluster-list').hidden = !clustering;
  if (!clustering) return;
  byId('cluster-items').replaceChildren(
    ...clustering.clusters.map((c, i) => {
      const name = clusterName(c, clustering.clusters);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            'data-cluster': c.id,
            title: t('clusters.open', { label: name, n: count('actor', c.size) }),
            onclick: () => open(c.id),
          },
          h('span', { class: 'dot', style: `background:${CLUSTER_PALETTE[i % CLUSTER_PALETTE.length]}` }),
          h('span', {}, name),
          h('span', { class: 'count' }, formatCount(c.size)),
        ),
      );
    }),
  );
}
