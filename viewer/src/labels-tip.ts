/**
 * The full name of a node on the map, in a tooltip above it (#map-tip): on hover, and when an
 * element naming it in a list gets keyboard focus (`data-actor`, or `data-cluster` in the cluster
 * list). Labels on the map may be left out where they would overlap (labels.ts); this one never is.
 */
import type { NodeSingular } from 'cytoscape';
import type { NetworkMap } from './map';
import { clusterNodeId } from './clusters';

/** What a node is called in full: a cluster's topics and members, a broker's ranks, else its label. */
export function fullName(n: NodeSingular): string {
  if (n.hasClass('broker') && n.data('brokerLabel')) return n.data('brokerLabel');
  return String(n.data('label') ?? '')
    .split('\n')
    .join(' · ');
}

export function installMapTip(map: NetworkMap, tip: HTMLElement): void {
  let shown: NodeSingular | null = null;
  const show = (n: NodeSingular) => {
    shown = n;
    tip.textContent = fullName(n);
    tip.hidden = false;
    const box = map.cy.container()!.getBoundingClientRect();
    const p = n.renderedPosition();
    const h = n.renderedOuterHeight();
    const x = Math.min(Math.max(box.left + p.x, box.left + 8), box.right - 8);
    tip.style.left = `${x}px`;
    tip.style.top = `${Math.max(box.top + p.y - h / 2 - 6, box.top + 4)}px`;
  };
  const hide = (n?: NodeSingular) => {
    if (n && shown && n.id() !== shown.id()) return;
    shown = null;
    tip.hidden = true;
  };
  map.on('mouseover', 'node', (ev) => show(ev.target));
  map.on('mouseout', 'node', (ev) => hide(ev.target));
  map.on('viewport', '', () => hide());
  tip.ownerDocument.getElementById('map')?.addEventListener('mouseleave', () => hide());
  const nodeOf = (target: EventTarget | null): NodeSingular | null => {
    const el = (target as HTMLElement | null)?.closest?.('[data-actor], [data-cluster]');
    if (!el) return null;
    const actor = el.getAttribute('data-actor');
    const n = actor ? map.node(actor) : map.cy.getElementById(clusterNodeId(el.getAttribute('data-cluster')!));
    return n && n.nonempty() ? n : null;
  };
  document.addEventListener('focusin', (ev) => {
    const n = nodeOf(ev.target);
    if (n) show(n);
  });
  document.addEventListener('focusout', (ev) => {
    const n = nodeOf(ev.target);
    if (n) hide(n);
  });
}
