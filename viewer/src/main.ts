/**
 * The page: wires the API, the map, the filters, the panels, the layout, i18n and export together,
 * and loads the view. Its state is in state.ts; what it says about a view in status.ts.
 */
import { Cancelled, fetchMe, fetchTopics, fetchYearCounts, onUnauthenticated, type ActorRef } from './api';
import { setRole, takeKeyFromUrl } from './auth';
import { clusterName } from './clusters';
import { byId, h } from './dom';
import { installEditing } from './edit';
import { exportJson } from './export';
import { exportReportPng, reportText, type ExportRecord } from './export-report';
import { exportReportSvg } from './export-svg';
import { Filters } from './filters';
import { FinalLayout } from './final-layout';
import { Handover } from './handover';
import { applyI18n, currentLang, onLangChange, setLang, t } from './i18n';
import { showKeyPrompt } from './key-prompt';
import { placeInSteps, warmUpLayout, type Placement } from './layout';
import { ServerPositions } from './positions';
import { renderClusters, renderLegendFor } from './legend';
import { startLive } from './live';
import { LARGE_RENDER, NetworkMap } from './map';
import { actorSections, Panel } from './panel';
import { ActorPicker } from './picker';
import { mountReview } from './review';
import { downloadTables, downloadWorkbook, showUploadFor, SpreadsheetUpload } from './spreadsheet';
import { installMapTip } from './labels-tip';
import { installTestHook, page, type PageStatus } from './state';
import { describe, largeMessage, membersLabel, showStatus, summaryOf } from './status';
import {
  MAX_API_ACTORS,
  MAX_DRAWN_ACTORS,
  forgetScope,
  likelyScope,
  loadView as decideView,
  openCluster,
  scopeOf,
} from './view';
import { renderViewBar } from './viewbar';

/** `?all=1` draws every actor up to the API's limit, clusters or not (for the benchmark). */
const DRAW_ALL = new URLSearchParams(location.search).get('all') === '1';

/** Positions per view scope, kept on the server (read by all, written by editors). */
const positions = new ServerPositions();
const map = new NetworkMap(byId('map'));
installMapTip(map, byId('map-tip'));
let filters: Filters;

/** The words above an exported map: the view (ego network or cluster first), the filters, the date. */
function report() {
  const lead = page.ego
    ? t('view.egoOf', { name: page.ego.name, depth: page.ego.depth })
    : page.cluster
      ? page.cluster.label
      : null;
  const view = [lead, page.summary()].filter(Boolean).join(' · ');
  return reportText(map.cy, filters.value, (id) => filters.topicName(id), view);
}

/** Exports the map for a report (PNG or SVG); the button waits meanwhile. */
async function exportReport(format: 'png' | 'svg'): Promise<ExportRecord> {
  const button = byId<HTMLButtonElement>(`export-${format}`);
  button.disabled = true;
  try {
    const record = format === 'png' ? await exportReportPng(map.cy, report()) : exportReportSvg(map.cy, report());
    page.lastExport = record;
    if (format === 'png') page.lastPng = record.blob;
    return record;
  } finally {
    button.disabled = false;
  }
}

/** Sets the page status; errors get a retry button. */
function setState(status: PageStatus, message = '', retry = false): void {
  showStatus(status, message, retry ? () => void loadView() : undefined);
}

async function loadView(): Promise<void> {
  const seq = ++page.loadSeq;
  if (seq === 1) page.timings.bootMs = performance.now();
  viewBar();
  setState('loading', t('status.loading'));
  try {
    const asked = performance.now();
    const request = { filters: filters.value, ego: page.ego, cluster: page.cluster, drawAll: DRAW_ALL };
    // The view's kept positions asked for beside its network (not after it: one round trip less).
    const likely = likelyScope(request, page.current?.kind ?? null);
    const early = positions.get(likely);
    // No kept positions: the view is laid out in the worker, which starts while the network is fetched
    // (with kept ones it is not needed, and its start would compete with the first picture).
    void early.then((known) => (Object.keys(known).length ? undefined : warmUpLayout()));
    const view = await decideView(request, membersLabel, {
      // Clusters of a large network are computed in the background: say so while the page waits.
      onComputing: (s) => {
        if (seq === page.loadSeq) setState('loading', t('status.computing', { s }));
      },
      cancelled: () => seq !== page.loadSeq,
    });
    if (seq !== page.loadSeq) return;
    const decided = performance.now() - asked;
    page.current = view;
    viewBar();
    renderClusterList();
    renderLegend();
    if (view.kind === 'large' || view.kind === 'empty') {
      map.cy.elements().remove();
      page.summary = () => (page.current?.kind === 'large' ? largeMessage(page.current) : t('status.empty'));
      setState(view.kind, page.summary());
      return;
    }
    const started = performance.now();
    const tick = window.setInterval(() => {
      if (seq === page.loadSeq)
        setState('layout', t('status.layout', { s: ((performance.now() - started) / 1000).toFixed(1) }));
    }, 200);
    let placement: Placement;
    let final: Promise<Placement> | null = null; // fcose's layout, replacing a quick first one
    try {
      const asking = performance.now();
      const known = await (view.scope === likely ? early : positions.get(view.scope));
      page.timings.positionsMs = performance.now() - asking;
      if (seq !== page.loadSeq) return;
      const steps = placeInSteps(view.elements, known, { spread: view.kind === 'clusters' });
      placement = steps.first ?? (await steps.final);
      if (steps.first) final = steps.final;
    } finally {
      window.clearInterval(tick);
    }
    if (seq !== page.loadSeq) return;
    // What this page laid out is kept (an editor's page saves it for everyone; after "Neu anordnen" by hand).
    const keep = (p: Placement): Promise<void> => {
      if (!p.placed.length) return Promise.resolve();
      positions.remember(view.scope, p.positions);
      return positions.saveNow(view.scope, positions.wasCleared(view.scope));
    };
    let saving = final ? Promise.resolve() : keep(placement);
    // The summary line before the map is drawn: it may take a line more in the header, and the map
    // resized after its first frame was drawn again whole (at 5,000 actors 0.1–0.3 s before the picture showed).
    page.summary = () => (page.current ? summaryOf(page.current, filters.value.topicView) : '');
    byId('summary').textContent = page.summary();
    const drawStart = performance.now();
    const complete = map.render(view.elements, placement.positions);
    const finalStep = final && new FinalLayout(map, final); // watches the reader's drags from now on
    const drawn = performance.now();
    Object.assign(page.timings, {
      fetchMs: view.fetchMs,
      prepareMs: decided - view.fetchMs,
      layoutMs: placement.ms,
      placeMs: drawStart - started,
      renderMs: drawn - drawStart,
      ...map.renderParts,
    });
    // Cytoscape draws in its next animation frame: the picture is there once the one after begins.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        page.timings.frameMs = performance.now() - drawn;
        page.timings.firstPictureMs ??= performance.now();
      }),
    );
    page.lastView = {
      kind: view.kind,
      filter: view.kind === 'actors' ? view.filter : scopeOf(filters.value),
      cluster: page.cluster?.id ?? null,
      scope: view.scope,
      language: currentLang(),
    };
    if (view.elements.length > LARGE_RENDER) setState('layout', t(final ? 'status.refining' : 'status.ties'));
    await complete; // every tie is on the map (big maps add them after their first picture)
    if (seq === page.loadSeq) panel.refreshHighlights(); // not after the final layout: the reader may have clicked
    // fcose's layout, or what the reader arranged by hand meanwhile (final-layout.ts); null: view left.
    const kept = finalStep ? await finalStep.settle(() => seq === page.loadSeq) : undefined;
    if (kept === null) return;
    if (kept) saving = keep(kept);
    await saving; // an editor's new layout is on the server before the page says "ready"
    if (view.elements.length > LARGE_RENDER) page.timings.completeMs ??= performance.now();
    if (seq !== page.loadSeq) return;
    setState('ready');
    void handover.refresh();
  } catch (error) {
    if (seq !== page.loadSeq || error instanceof Cancelled) return;
    map.cy.elements().remove();
    page.summary = () => describe(error);
    setState('error', describe(error), true);
  }
}

function viewBar(): void {
  renderViewBar(() => {
    page.ego = null;
    page.cluster = null;
    void loadView();
  });
}

/** Opens a cluster of the cluster map: its members, drawn one by one. */
function showCluster(clusterId: string): void {
  const current = page.current;
  if (current?.kind !== 'clusters') return;
  const c = current.clustering.clusters.find((x) => x.id === clusterId);
  if (!c) return;
  page.cluster = openCluster(c, clusterName(c, current.clustering.clusters), current.actors);
  void loadView();
}

function renderClusterList(): void {
  renderClusters(page.current?.kind === 'clusters' ? page.current.clustering : null, showCluster);
}

function renderLegend(): void {
  renderLegendFor(page.current?.kind === 'clusters' ? 'clusters' : 'actors', handover?.isOpen ?? false);
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
    page.ego = { actorId, depth, name };
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
  const current = page.current;
  if (current?.kind === 'clusters') {
    const home = current.clustering.clusters.find((c) => c.actors.some((a) => a.id === actor.id));
    if (home && home.size <= MAX_DRAWN_ACTORS && current.actors <= MAX_API_ACTORS) {
      showCluster(home.id);
      void waitForView().then(() => select(actor.id));
      return;
    }
  }
  page.ego = { actorId: actor.id, depth: 1, name: actor.name };
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
  map.onCreate((cy) => (window.cy = cy));
  installTestHook({ reload: loadView, exportPng: async () => (await exportReport('png')).blob, positions });

  filters = new Filters(() => {
    page.cluster = null;
    void loadView();
  });

  map.on('tap', 'node[type="ACTOR"]', (ev) => {
    const node = ev.target;
    const actor: ActorRef = { id: node.data('entityId'), name: node.data('label'), kind: node.data('kind') };
    if (handover.isOpen) return void handover.toggle(actor);
    const oe = ev.originalEvent as MouseEvent | undefined;
    if (oe?.shiftKey && panel.isOpen && panel.current && panel.current !== actor.id) return void panel.connect(actor);
    void panel.open(actor.id);
  });
  map.on('tap', 'node[type="TOPIC"]', (ev) => {
    const node = ev.target;
    map.clearHighlights();
    map.cy.elements().difference(node.closedNeighborhood()).addClass('faded');
  });
  // A node moved by hand: kept for this view; an editor's page saves it for everyone (debounced).
  map.on('dragfree', 'node', () => {
    const current = page.current;
    if (!current || current.kind === 'large' || current.kind === 'empty') return;
    positions.remember(current.scope, map.positions());
    positions.save(current.scope, true);
  });
  map.on('tap', 'node[type="CLUSTER"]', (ev) => showCluster(ev.target.data('entityId')));

  const search = new ActorPicker(byId<HTMLInputElement>('search'), jumpTo, describe);
  byId('search-box').append(search.list);

  byId('lang').addEventListener('click', () => setLang(currentLang() === 'de' ? 'en' : 'de'));
  byId('fit').addEventListener('click', () =>
    map.cy.animate({ fit: { eles: map.cy.elements(), padding: 30 } }, { duration: 250 }),
  );
  byId('relayout').addEventListener('click', () => {
    const current = page.current;
    if (current && current.kind !== 'large' && current.kind !== 'empty') positions.clear(current.scope);
    forgetScope();
    void loadView();
  });
  for (const format of ['png', 'svg'] as const)
    byId(`export-${format}`).addEventListener(
      'click',
      () => void exportReport(format).catch((error) => setState('error', describe(error))),
    );
  byId('export-json').addEventListener('click', () => exportJson(map.cy, page.lastView));
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
    viewBar();
    renderClusterList();
    panel.render();
    handover.render();
    map.cy.nodes('[type="CLUSTER"]').forEach((n) => {
      n.data('label', `${n.data('lines') || n.data('name')}\n${membersLabel(n.data('size'))}`);
    });
    const state = document.body.dataset.state as PageStatus;
    if (state === 'ready') byId('summary').textContent = page.summary();
    else if (state !== 'loading' && state !== 'layout') setState(state, page.summary(), state === 'error');
  });
}

async function start(): Promise<void> {
  // First of all: the key out of the address bar; an UNAUTHENTICATED answer anywhere opens the key prompt.
  takeKeyFromUrl();
  onUnauthenticated(showKeyPrompt);
  wire();
  applyI18n();
  byId('lang').textContent = t('lang.switch');
  renderLegend();
  filters.render();
  // The view's network and kept positions are asked for first: the server answers in turn, and the
  // first picture waits for nothing else (who we are, the topics, editing come right after).
  const view = loadView();
  // Who we are (the panel asks for contact data only for editors and admins).
  const role = fetchMe().then((me) => me.role);
  setRole(role);
  role.then(showUploadFor, () => showUploadFor(null));
  void mountReview();
  // Editing for editors and admins (nothing for viewers): edit/index.ts.
  void installEditing({
    refresh: loadView,
    select,
    reopenPanel: (id) => (id ? void panel.open(id) : panel.close()),
    actorSections,
    toolbar: document.querySelector<HTMLElement>('.controls')!,
  });
  const topics = fetchTopics().then(
    (list) => filters.setTopics(list),
    (error) => byId('filter-topics').replaceChildren(h('p', { class: 'error', role: 'alert' }, describe(error))),
  );
  await Promise.all([topics, view]);
  // The layout worker for "Neu anordnen" and new nodes (a view without kept positions started it already).
  warmUpLayout();
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
