/** What the page says about the view: the status overlay, error messages and the summary line. */
import { ApiError } from './api';
import { byId, h } from './dom';
import { count, formatNumber, t, tn } from './i18n';
import { page, type PageStatus } from './state';
import { MAX_API_ACTORS, MAX_DRAWN_ACTORS, type View } from './view';

/** An error as the page says it (network, not found, no key, bad input, still computing, else the server's). */
export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK' || error.code === 'HTTP')
      return t('error.network') + (error.code === 'HTTP' ? ` (${error.message})` : '');
    if (error.code === 'NOT_FOUND') return t('error.notFound', { message: error.message });
    if (error.code === 'UNAUTHENTICATED') return t('error.unauthenticated');
    if (error.code === 'BAD_USER_INPUT') return t('error.input', { message: error.message });
    if (error.code === 'COMPUTING') return t('error.computing', { s: error.retryAfterSeconds ?? 2 });
    return t('error.server', { message: error.message });
  }
  return t('error.server', { message: (error as Error)?.message ?? String(error) });
}

/** Sets the page status and shows it on the overlay (with a retry button calling `retry`, if given). */
export function showStatus(status: PageStatus, message = '', retry?: () => void): void {
  document.body.dataset.state = status;
  page.status = status;
  const overlay = byId('status');
  const busy = status === 'loading' || status === 'layout';
  overlay.hidden = status === 'ready';
  overlay.className = `status ${status}`;
  overlay.setAttribute('role', status === 'error' ? 'alert' : 'status');
  overlay.replaceChildren(
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '',
    h('span', { class: 'message' }, message),
    retry ? h('button', { type: 'button', onclick: () => retry() }, t('error.retry')) : '',
  );
}

export const membersLabel = (n: number) => t('cluster.members', { n: count('actor', n) });

/** The message for a view that is too big to draw. */
export function largeMessage(view: Extract<View, { kind: 'large' }>): string {
  const n =
    view.actors === null
      ? t('status.largeMore', { n: view.cluster ? MAX_API_ACTORS : MAX_DRAWN_ACTORS })
      : formatNumber(view.actors, 0);
  if (view.cluster && view.actors === null)
    return t('status.clusterUnavailable', { n: formatNumber(MAX_API_ACTORS, 0) });
  if (view.cluster) return t('status.clusterLarge', { label: view.cluster.label, n });
  if (page.ego) return t('status.largeEgo', { n });
  return t('status.large', { n });
}

/** The summary line of a drawn view (actors and links, or clusters, or actors and topics). */
export function summaryOf(view: View, topicView: boolean): string {
  if (view.kind === 'clusters') {
    const parts = [
      t('status.summaryClusters', {
        clusters: count('group', view.clustering.clusters.length),
        actors: count('actor', view.actors),
      }),
    ];
    if (view.clustering.unclusteredCount) parts.push(tn('status.unclustered', view.clustering.unclusteredCount));
    return parts.join(' · ');
  }
  if (view.kind === 'actors') {
    if (topicView)
      return t('status.summaryTopics', { actors: count('actor', view.actors), topics: count('topic', view.topics) });
    return view.edges < view.ties
      ? t('status.summaryStrongest', { actors: count('actor', view.actors), edges: view.edges, ties: view.ties })
      : t('status.summary', { actors: count('actor', view.actors), edges: count('link', view.edges) });
  }
  return '';
}
