/** The bar above the map: whose ego network or which cluster is shown, and the way back to the whole. */
import { byId, h } from './dom';
import { count, formatNumber, t } from './i18n';
import { page } from './state';
import { MAX_API_ACTORS } from './view';

/** Renders the bar from the page state; `showWhole` leaves the ego network or cluster. */
export function renderViewBar(showWhole: () => void): void {
  const { ego, cluster, current } = page;
  const bar = byId('viewbar');
  const whole = () =>
    h(
      'button',
      { type: 'button', id: 'view-whole', onclick: showWhole },
      cluster && !ego ? t('view.allClusters') : t('view.whole'),
    );
  if (ego) {
    bar.hidden = false;
    bar.replaceChildren(h('span', {}, t('view.egoOf', { name: ego.name, depth: ego.depth })), whole());
  } else if (cluster) {
    bar.hidden = false;
    bar.replaceChildren(
      h(
        'span',
        { id: 'cluster-title' },
        t('view.clusterOf', { label: cluster.label, n: count('actor', cluster.size) }),
      ),
      whole(),
    );
  } else if (current?.kind === 'clusters') {
    bar.hidden = false;
    bar.replaceChildren(
      h(
        'span',
        { id: 'cluster-hint' },
        t('view.clustersHint', { n: current.actors, clusters: count('group', current.clustering.clusters.length) }),
        current.tiesKnown
          ? ''
          : h(
              'span',
              { class: 'meta', id: 'ties-unknown' },
              ` ${t('view.tiesUnknown', { n: formatNumber(MAX_API_ACTORS, 0) })}`,
            ),
      ),
    );
  } else {
    bar.hidden = true;
  }
}
