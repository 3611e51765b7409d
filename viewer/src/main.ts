/** The page: wires the API, the map, the filters, the panel, the layout, i18n and export together. */
import type { ElementDefinition } from 'cytoscape';
import { ApiError, fetchNetwork, fetchTopics, type NetworkFilter } from './api';
import { byId, h, shapeIcon } from './dom';
import { exportJson, exportPng } from './export';
import { Filters, type FilterState } from './filters';
import { KIND_STYLE, PATH_COLOUR, SUGGEST_COLOUR, TOPIC_STYLE, toElements } from './graph';
import { applyI18n, currentLang, label, onLangChange, setLang, t } from './i18n';
import { PositionStore, place } from './layout';
import { NetworkMap } from './map';
import { Panel } from './panel';
import { ActorPicker } from './picker';

/** Beyond this many actors the page does not draw them one by one (a hairball nobody can read). */
export const MAX_DRAWN_ACTORS = 400;

type PageState = 'loading' | 'layout' | 'ready' | 'empty' | 'large' | 'error';

interface Ego {
  actorId: string;
  depth: number;
  name: string;
}

const positions = new PositionStore();
const map = new NetworkMap(byId('map'));
let ego: Ego | null = null;
let filters: Filters;
let loadSeq = 0;
let lastSummary: () => string = () => '';
let lastView: unknown = null;

declare global {
  interface Window {
    cy: typeof map.cy;
    quartiernetz: { state: PageState; view: unknown; reload(): Promise<void>; exportPng(): Promise<Blob>; lastPng: Blob | null };
  }
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK' || error.code === 'HTTP') return t('error.network') + (error.code === 'HTTP' ? ` (${error.message})` : '');
    if (error.code === 'NOT_FOUND') return t('error.notFound', { message: error.message });
    if (error.code === 'BAD_USER_INPUT') return t('error.input', { message: error.message });
    return t('error.server', { message: error.message });
  }
  return t('error.server', { message: (error as Error)?.message ?? String(error) });
}

function setState(state: PageState, message = '', retry = false): void {
  document.body.dataset.state = state;
  window.quartiernetz.state = state;
  const overlay = byId('status');
  const busy = state === 'loading' || state === 'layout';
  overlay.hidden = state === 'ready';
  overlay.className = `status ${state}`;
  overlay.setAttribute('role', state === 'error' ? 'alert' : 'status');
  overlay.replaceChildren(
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '',
    h('span', { class: 'message' }, message),
    retry ? h('button', { type: 'button', onclick: () => void loadView() }, t('error.retry')) : '',
  );
}

function networkFilter(f: FilterState): NetworkFilter {
  const filter: NetworkFilter = { maxActors: MAX_DRAWN_ACTORS + 1, includeTopics: f.topicView };
  if (f.topicIds.length) filter.topicIds = f.topicIds;
  if (f.actorKinds.length) filter.actorKinds = f.actorKinds;
  if (f.from) filter.from = f.from;
  if (f.to) filter.to = f.to;
  if (ego) {
    filter.centreActorId = ego.actorId;
    filter.depth = ego.depth;
  }
  return filter;
}

async function loadView(): Promise<void> {
  const seq = ++loadSeq;
  const f = filters.value;
  const filter = networkFilter(f);
  renderViewBar();
  setState('loading', t('status.loading'));
  try {
    const network = await fetchNetwork(filter);
    if (seq !== loadSeq) return;
    const actorCount = network.nodes.filter((n) => n.type === 'ACTOR').length;
    if (network.truncated || actorCount > MAX_DRAWN_ACTORS) {
      map.cy.elements().remove();
      const n = network.truncated ? t('status.largeMore', { n: MAX_DRAWN_ACTORS }) : String(actorCount);
      lastSummary = () => t('status.large', { n });
      setState('large', lastSummary());
      return;
    }
    if (actorCount === 0) {
      map.cy.elements().remove();
      lastSummary = () => t('status.empty');
      setState('empty', lastSummary());
      return;
    }
    let elements: ElementDefinition[] = toElements(network);
    // Topic view: actors and topics only (bipartite), so shared topics stand out.
    if (f.topicView) elements = elements.filter((e) => e.group === 'nodes' || e.data.type === 'INTERESTED_IN');
    const family = f.topicView ? 'topics' : 'actors';
    const started = performance.now();
    const tick = window.setInterval(() => {
      if (seq === loadSeq) setState('layout', t('status.layout', { s: ((performance.now() - started) / 1000).toFixed(1) }));
    }, 200);
    let placement;
    try {
      placement = await place(elements, positions.get(family));
    } finally {
      window.clearInterval(tick);
    }
    if (seq !== loadSeq) return;
    if (placement.placed.length) positions.save(family, placement.positions);
    map.render(elements, placement.positions);
    lastView = { filter, language: currentLang() };
    window.quartiernetz.view = lastView;
    const topics = elements.filter((e) => e.data.type === 'TOPIC').length;
    const edges = elements.filter((e) => e.group === 'edges').length;
    lastSummary = () => (f.topicView ? t('status.summaryTopics', { actors: actorCount, topics }) : t('status.summary', { actors: actorCount, edges }));
    byId('summary').textContent = lastSummary();
    setState('ready');
    panel.refreshHighlights();
  } catch (error) {
    if (seq !== loadSeq) return;
    map.cy.elements().remove();
    lastSummary = () => describe(error);
    setState('error', describe(error), true);
  }
}

function renderViewBar(): void {
  const bar = byId('viewbar');
  if (!ego) {
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  const e = ego;
  bar.replaceChildren(
    h('span', {}, t('view.egoOf', { name: e.name, depth: e.depth })),
    h('button', { type: 'button', id: 'view-whole', onclick: () => { ego = null; void loadView(); } }, t('view.whole')),
  );
}

function renderLegend(): void {
  const item = (icon: Node, text: string) => h('li', {}, icon, h('span', {}, text));
  const line = (colour: string, dashed = false, width = 3) => {
    const span = h('span', { class: 'line', style: `border-top:${width}px ${dashed ? 'dashed' : 'solid'} ${colour}` });
    return span;
  };
  byId('legend-list').replaceChildren(
    ...Object.entries(KIND_STYLE).map(([kind, look]) => item(shapeIcon(look.shape, look.colour), label(kind))),
    item(shapeIcon(TOPIC_STYLE.shape, TOPIC_STYLE.colour), t('legend.topic')),
    item(line('#a8b3bd'), t('legend.edge')),
    item(line('#9edae5', false, 2), t('legend.interest')),
    item(line(PATH_COLOUR, false, 4), t('legend.path')),
    item(line(SUGGEST_COLOUR, true), t('legend.suggested')),
  );
}

function select(actorId: string): void {
  map.focus(actorId);
  void panel.open(actorId);
}

const panel = new Panel({
  map,
  select,
  describe,
  openEgo: (actorId, depth, name) => {
    ego = { actorId, depth, name };
    void loadView();
  },
});

function wire(): void {
  window.cy = map.cy;
  window.quartiernetz = { state: 'loading', view: null, reload: loadView, exportPng: () => exportPng(map.cy), lastPng: null };

  filters = new Filters(() => void loadView());

  map.cy.on('tap', 'node[type="ACTOR"]', (ev) => {
    const node = ev.target;
    const oe = ev.originalEvent as MouseEvent | undefined;
    if (oe?.shiftKey && panel.isOpen && panel.current && panel.current !== node.data('entityId')) {
      void panel.connect({ id: node.data('entityId'), name: node.data('label'), kind: node.data('kind') });
      return;
    }
    void panel.open(node.data('entityId'));
  });
  map.cy.on('tap', 'node[type="TOPIC"]', (ev) => {
    const node = ev.target;
    map.clearHighlights();
    map.cy.elements().difference(node.closedNeighborhood()).addClass('faded');
  });

  const search = new ActorPicker(byId<HTMLInputElement>('search'), (actor) => {
    if (map.node(actor.id)) return select(actor.id);
    // Not in the current view: open its ego network, then jump to it.
    ego = { actorId: actor.id, depth: 1, name: actor.name };
    void loadView().then(() => select(actor.id));
  }, describe);
  byId('search-box').append(search.list);

  byId('lang').addEventListener('click', () => setLang(currentLang() === 'de' ? 'en' : 'de'));
  byId('fit').addEventListener('click', () => map.cy.animate({ fit: { eles: map.cy.elements(), padding: 30 } }, { duration: 250 }));
  byId('relayout').addEventListener('click', () => {
    positions.clear(filters.value.topicView ? 'topics' : 'actors');
    void loadView();
  });
  byId('export-png').addEventListener('click', async () => {
    const button = byId<HTMLButtonElement>('export-png');
    button.disabled = true;
    try {
      window.quartiernetz.lastPng = await exportPng(map.cy);
    } catch (error) {
      setState('error', describe(error));
    } finally {
      button.disabled = false;
    }
  });
  byId('export-json').addEventListener('click', () => exportJson(map.cy, lastView));

  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement;
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      byId('search').focus();
    } else if (ev.key === 'Escape' && panel.isOpen && !typing) {
      panel.close();
    }
  });

  onLangChange(() => {
    byId('lang').textContent = t('lang.switch');
    filters.render();
    renderLegend();
    renderViewBar();
    panel.render();
    const state = document.body.dataset.state as PageState;
    if (state === 'ready') byId('summary').textContent = lastSummary();
    else if (state !== 'loading' && state !== 'layout') setState(state, lastSummary(), state === 'error');
  });
}

async function start(): Promise<void> {
  wire();
  applyI18n();
  byId('lang').textContent = t('lang.switch');
  renderLegend();
  filters.render();
  const topics = fetchTopics().then(
    (list) => filters.setTopics(list),
    (error) => byId('filter-topics').replaceChildren(h('p', { class: 'error', role: 'alert' }, describe(error))),
  );
  await Promise.all([topics, loadView()]);
}

void start();
