/** The page: wires the API, the map, the filters, the panels, the layout, i18n and export together. */
import { ApiError, Cancelled, fetchMe, fetchTopics, fetchYearCounts, onUnauthenticated, type ActorRef } from './api';
import { setRole, takeKeyFromUrl } from './auth';
import { clusterName } from './clusters';
import { byId, h } from './dom';
import { exportJson, exportPng } from './export';
import { downloadTables, downloadWorkbook, showUploadFor, SpreadsheetUpload } from './spreadsheet';
import { Filters } from './filters';
import { Handover } from './handover';
import { showKeyPrompt } from './key-prompt';
import { applyI18n, count, currentLang, formatNumber, onLangChange, setLang, t, tn } from './i18n';
import { renderClusters, renderLegendFor } from './legend';
import { PositionStore, place, warmUpLayout } from './layout';
import { NetworkMap } from './map';
import { installEditing } from './edit';
import { actorSections, Panel } from './panel';
import { mountReview } from './review';
import { ActorPicker } from './picker';
import { startLive } from './live';
import {
  MAX_API_ACTORS,
  MAX_DRAWN_ACTORS,
  forgetScope,
  loadView as decideView,
  openCluster,
  scopeOf,
  type Ego,
  type OpenCluster,
  type View,
} from './view';

type PageState = 'loading' | 'layout' | 'ready' | 'empty' | 'large' | 'error';

/** `?all=1` draws every actor up to the API's limit, clusters or not (for the benchmark). */
const DRAW_ALL = new URLSearchParams(location.search).get('all') === '1';

/** Time spent on the last view, for the benchmark and for curious readers of the console. */
interface Timings {
  /** Asking the API (the answer read and parsed). */
  fetchMs: number;
  /** Deciding what to draw and turning the answer into elements (the rest of view.ts's work). */
  prepareMs: number;
  /** fcose in the worker (0 when every position was known), and the whole placement with messaging. */
  layoutMs: number;
  placeMs: number;
  /** Handing the elements to Cytoscape (add, style, fit), and until the next frame was drawn. */
  renderMs: number;
  frameMs: number;
  /** performance.now() when the first view was drawn (a frame after it was handed to Cytoscape). */
  firstPictureMs: number | null;
}

const positions = new PositionStore();
const map = new NetworkMap(byId('map'));
let ego: Ego | null = null;
let cluster: OpenCluster | null = null;
let current: View | null = null;
let filters: Filters;
let loadSeq = 0;
let lastSummary: () => string = () => '';
let lastView: unknown = null;
const timings: Timings = {
  fetchMs: 0,
  prepareMs: 0,
  layoutMs: 0,
  placeMs: 0,
  renderMs: 0,
  frameMs: 0,
  firstPictureMs: null,
};

declare global {
  interface Window {
    cy: typeof map.cy;
    quartiernetz: {
      state: PageState;
      view: unknown;
      viewKind: View['kind'] | null;
      timings: Timings;
      reload(): Promise<void>;
      exportPng(): Promise<Blob>;
      lastPng: Blob | null;
    };
  }
}

function describe(error: unknown): string {
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

const membersLabel = (n: number) => t('cluster.members', { n: count('actor', n) });

/** The message for a view that is too big to draw. */
function largeMessage(view: Extract<View, { kind: 'large' }>): string {
  const n =
    view.actors === null
      ? t('status.largeMore', { n: view.cluster ? MAX_API_ACTORS : MAX_DRAWN_ACTORS })
      : formatNumber(view.actors, 0);
  if (view.cluster && view.actors === null)
    return t('status.clusterUnavailable', { n: formatNumber(MAX_API_ACTORS, 0) });
  if (view.cluster) return t('status.clusterLarge', { label: view.cluster.label, n });
  if (ego) return t('status.largeEgo', { n });
  return t('status.large', { n });
}

function summaryOf(view: View): string {
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
    if (filters.value.topicView)
      return t('status.summaryTopics', { actors: count('actor', view.actors), topics: count('topic', view.topics) });
    return view.edges < view.ties
      ? t('status.summaryStrongest', { actors: count('actor', view.actors), edges: view.edges, ties: view.ties })
      : t('status.summary', { actors: count('actor', view.actors), edges: count('link', view.edges) });
  }
  return '';
}

async function loadView(): Promise<void> {
  const seq = ++loadSeq;
  renderViewBar();
  setState('loading', t('status.loading'));
  try {
    const asked = performance.now();
    const view = await decideView({ filters: filters.value, ego, cluster, drawAll: DRAW_ALL }, membersLabel, {
      // Clusters of a large network are computed in the background: say so while the page waits.
      onComputing: (s) => {
        if (seq === loadSeq) setState('loading', t('status.computing', { s }));
      },
      cancelled: () => seq !== loadSeq,
    });
    if (seq !== loadSeq) return;
    const decided = performance.now() - asked;
    current = view;
    window.quartiernetz.viewKind = view.kind;
    renderViewBar();
    renderClusterList();
    renderLegend();
    if (view.kind === 'large' || view.kind === 'empty') {
      map.cy.elements().remove();
      lastSummary = () => (current?.kind === 'large' ? largeMessage(current) : t('status.empty'));
      setState(view.kind, lastSummary());
      return;
    }
    const started = performance.now();
    const tick = window.setInterval(() => {
      if (seq === loadSeq)
        setState('layout', t('status.layout', { s: ((performance.now() - started) / 1000).toFixed(1) }));
    }, 200);
    let placement;
    try {
      placement = await place(view.elements, positions.get(view.family), { spread: view.kind === 'clusters' });
    } finally {
      window.clearInterval(tick);
    }
    if (seq !== loadSeq) return;
    if (placement.placed.length) positions.save(view.family, placement.positions);
    const drawStart = performance.now();
    map.render(view.elements, placement.positions);
    const drawn = performance.now();
    Object.assign(timings, {
      fetchMs: view.fetchMs,
      prepareMs: decided - view.fetchMs,
      layoutMs: placement.ms,
      placeMs: drawStart - started,
      renderMs: drawn - drawStart,
    });
    // Cytoscape draws in its next animation frame: the picture is there once the one after begins.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        timings.frameMs = performance.now() - drawn;
        timings.firstPictureMs ??= performance.now();
      }),
    );
    lastView = {
      kind: view.kind,
      filter: view.kind === 'actors' ? view.filter : scopeOf(filters.value),
      cluster: cluster?.id ?? null,
      language: currentLang(),
    };
    window.quartiernetz.view = lastView;
    lastSummary = () => (current ? summaryOf(current) : '');
    byId('summary').textContent = lastSummary();
    setState('ready');
    panel.refreshHighlights();
    void handover.refresh();
  } catch (error) {
    if (seq !== loadSeq || error instanceof Cancelled) return;
    map.cy.elements().remove();
    lastSummary = () => describe(error);
    setState('error', describe(error), true);
  }
}

function renderViewBar(): void {
  const bar = byId('viewbar');
  const whole = () =>
    h(
      'button',
      {
        type: 'button',
        id: 'view-whole',
        onclick: () => {
          ego = null;
          cluster = null;
          void loadView();
        },
      },
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

/** Opens a cluster of the cluster map: its members, drawn one by one. */
function showCluster(clusterId: string): void {
  if (current?.kind !== 'clusters') return;
  const c = current.clustering.clusters.find((x) => x.id === clusterId);
  if (!c) return;
  cluster = openCluster(c, clusterName(c, current.clustering.clusters), current.actors);
  void loadView();
}

function renderClusterList(): void {
  renderClusters(current?.kind === 'clusters' ? current.clustering : null, showCluster);
}

function renderLegend(): void {
  renderLegendFor(current?.kind === 'clusters' ? 'clusters' : 'actors', handover?.isOpen ?? false);
}

function select(actorId: string): void {
  handover.close();
  // The panel first (it shows at once), so the actor is centred in the part of the map it leaves.
  const opening = panel.open(actorId);
  map.focus(actorId);
  void opening;
}

const panel = new Panel({
  map,
  select,
  describe,
  openEgo: (actorId, depth, name) => {
    ego = { actorId, depth, name };
    void loadView();
  },
  whatIf: (actor) => {
    panel.close();
    void handover.add(actor);
    renderLegend();
  },
});

const handover = new Handover({ map, describe, scope: () => scopeOf(filters.value) });

/** A search hit: shown where it is, else in its cluster (if that can be drawn), else its ego network. */
function jumpTo(actor: ActorRef): void {
  if (map.node(actor.id)) return select(actor.id);
  if (current?.kind === 'clusters') {
    const home = current.clustering.clusters.find((c) => c.actors.some((a) => a.id === actor.id));
    if (home && home.size <= MAX_DRAWN_ACTORS && current.actors <= MAX_API_ACTORS) {
      showCluster(home.id);
      void waitForView().then(() => select(actor.id));
      return;
    }
  }
  ego = { actorId: actor.id, depth: 1, name: actor.name };
  void loadView().then(() => select(actor.id));
}

/** Resolves when the view being loaded is drawn (or failed). */
function waitForView(): Promise<void> {
  return new Promise((resolve) => {
    const check = () =>
      document.body.dataset.state === 'loading' || document.body.dataset.state === 'layout'
        ? window.setTimeout(check, 50)
        : resolve();
    check();
  });
}

function wire(): void {
  window.cy = map.cy;
  window.quartiernetz = {
    state: 'loading',
    view: null,
    viewKind: null,
    timings,
    reload: loadView,
    exportPng: () => exportPng(map.cy),
    lastPng: null,
  };

  filters = new Filters(() => {
    cluster = null;
    void loadView();
  });

  map.cy.on('tap', 'node[type="ACTOR"]', (ev) => {
    const node = ev.target;
    const actor: ActorRef = { id: node.data('entityId'), name: node.data('label'), kind: node.data('kind') };
    if (handover.isOpen) return void handover.toggle(actor);
    const oe = ev.originalEvent as MouseEvent | undefined;
    if (oe?.shiftKey && panel.isOpen && panel.current && panel.current !== actor.id) return void panel.connect(actor);
    void panel.open(actor.id);
  });
  map.cy.on('tap', 'node[type="TOPIC"]', (ev) => {
    const node = ev.target;
    map.clearHighlights();
    map.cy.elements().difference(node.closedNeighborhood()).addClass('faded');
  });
  map.cy.on('tap', 'node[type="CLUSTER"]', (ev) => showCluster(ev.target.data('entityId')));

  const search = new ActorPicker(byId<HTMLInputElement>('search'), jumpTo, describe);
  byId('search-box').append(search.list);

  byId('lang').addEventListener('click', () => setLang(currentLang() === 'de' ? 'en' : 'de'));
  byId('fit').addEventListener('click', () =>
    map.cy.animate({ fit: { eles: map.cy.elements(), padding: 30 } }, { duration: 250 }),
  );
  byId('relayout').addEventListener('click', () => {
    positions.clear(
      current && current.kind !== 'large' && current.kind !== 'empty'
        ? current.family
        : filters.value.topicView
          ? 'topics'
          : 'actors',
    );
    forgetScope();
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
  byId('sheet-download').addEventListener(
    'click',
    () => void downloadTables().catch((error) => setState('error', describe(error))),
  );
  byId('sheet-download-xlsx').addEventListener(
    'click',
    () => void downloadWorkbook().catch((error) => setState('error', describe(error))),
  );
  new SpreadsheetUpload(() => void loadView(), describe);
  byId('handover-open').addEventListener('click', () => {
    panel.close();
    handover.open();
    renderLegend();
    byId('handover-input').focus();
  });
  byId('handover-close').addEventListener('click', () => renderLegend());

  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement;
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      byId('search').focus();
    } else if (ev.key === 'Escape' && !ev.defaultPrevented && (!typing || ev.target === byId('search'))) {
      // Escape in the search field (its list closed) closes the panel too, as anywhere on the map.
      if (panel.isOpen) panel.close();
      else if (handover.isOpen) {
        handover.close();
        renderLegend();
      }
    }
  });

  onLangChange(() => {
    byId('lang').textContent = t('lang.switch');
    filters.render();
    renderLegend();
    renderViewBar();
    renderClusterList();
    panel.render();
    handover.render();
    map.cy.nodes('[type="CLUSTER"]').forEach((n) => {
      n.data('label', `${n.data('lines') || n.data('name')}\n${membersLabel(n.data('size'))}`);
    });
    const state = document.body.dataset.state as PageState;
    if (state === 'ready') byId('summary').textContent = lastSummary();
    else if (state !== 'loading' && state !== 'layout') setState(state, lastSummary(), state === 'error');
  });
}

async function start(): Promise<void> {
  // First of all: the key out of the address bar, and who we are (the panel asks for contact data
  // only for editors and admins); an UNAUTHENTICATED answer anywhere opens the key prompt.
  takeKeyFromUrl();
  onUnauthenticated(showKeyPrompt);
  const role = fetchMe().then((me) => me.role);
  setRole(role);
  role.then(showUploadFor, () => showUploadFor(null));
  void mountReview();
  wire();
  // Editing for editors and admins (nothing for viewers): edit/index.ts.
  void installEditing({
    refresh: loadView,
    select,
    reopenPanel: (id) => (id ? void panel.open(id) : panel.close()),
    actorSections,
    toolbar: document.querySelector<HTMLElement>('.controls')!,
  });
  warmUpLayout();
  applyI18n();
  byId('lang').textContent = t('lang.switch');
  renderLegend();
  filters.render();
  const topics = fetchTopics().then(
    (list) => filters.setTopics(list),
    (error) => byId('filter-topics').replaceChildren(h('p', { class: 'error', role: 'alert' }, describe(error))),
  );
  await Promise.all([topics, loadView()]);
  startLive(); // the map follows every write as it happens (live.ts)
  // Year buttons once the map is there (30 counts are not worth delaying the first picture):
  // the last 30 years, those with collaborations; a failure only leaves them out.
  const thisYear = new Date().getFullYear();
  await fetchYearCounts(thisYear - 29, thisYear + 1).then(
    (list) => filters.setYears(list),
    () => undefined,
  );
}

void start();
