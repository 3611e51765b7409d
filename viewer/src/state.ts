/**
 * The page's state in one typed object: what is shown (the view, the ego network or cluster it is
 * of), how far loading is, and what the last view took. main.ts changes it; the panels and the test
 * hook (`window.quartiernetz`, read by server/test/viewer and bench/viewer) read it from here.
 */
import type { Core } from 'cytoscape';
import type { ExportRecord } from './export-report';
import type { Ego, OpenCluster, View } from './view';

export type PageStatus = 'loading' | 'layout' | 'ready' | 'empty' | 'large' | 'error';

/** Time spent on the last view, for the benchmark and for curious readers of the console. */
export interface Timings {
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
  /** From the navigation to the start of the first view's load (scripts, the first requests). */
  bootMs: number;
  /** Reading the view's kept positions from the server (part of placeMs). */
  positionsMs: number;
  /** renderMs in parts: Cytoscape's add (in its batch), the stylesheet and the batch's end, the fit. */
  addMs: number;
  styleMs: number;
  fitMs: number;
  /** performance.now() when the first view was drawn (a frame after it was handed to Cytoscape). */
  firstPictureMs: number | null;
  /** performance.now() when the first view was complete: every tie drawn and a quick first arrangement moved to the final layout (big maps only; null: the first picture was complete). */
  completeMs: number | null;
}

export interface PageState {
  /** Shown on the status overlay and as `body[data-state]`. */
  status: PageStatus;
  /** The actor whose ego network is shown, if one is. */
  ego: Ego | null;
  /** The cluster of the cluster map whose members are shown, if one is. */
  cluster: OpenCluster | null;
  /** The view last decided (drawn, or too large, or empty). */
  current: View | null;
  /** What the last drawn view showed (kind, filter, cluster, language): the JSON export's header. */
  lastView: unknown;
  /** The summary line (or the status message) for the current view, in the current language. */
  summary: () => string;
  /** Counts view loads: an answer for an older one is dropped. */
  loadSeq: number;
  /** The last PNG exported by the button (for tests). */
  lastPng: Blob | null;
  /** What the last PNG or SVG export drew (for tests). */
  lastExport: ExportRecord | null;
  readonly timings: Timings;
}

export const page: PageState = {
  status: 'loading',
  ego: null,
  cluster: null,
  current: null,
  lastView: null,
  summary: () => '',
  loadSeq: 0,
  lastPng: null,
  lastExport: null,
  timings: {
    fetchMs: 0,
    prepareMs: 0,
    layoutMs: 0,
    placeMs: 0,
    renderMs: 0,
    frameMs: 0,
    bootMs: 0,
    positionsMs: 0,
    addMs: 0,
    styleMs: 0,
    fitMs: 0,
    firstPictureMs: null,
    completeMs: null,
  },
};

/** What the page exposes for tests and the benchmark. */
export interface TestHook {
  readonly state: PageStatus;
  readonly view: unknown;
  readonly viewKind: View['kind'] | null;
  readonly timings: Timings;
  readonly lastPng: Blob | null;
  readonly lastExport: ExportRecord | null;
  reload(): Promise<void>;
  exportPng(): Promise<Blob>;
  /** The positions kept on the server: saves answered in this page and the last version saved. */
  readonly positions: { readonly saves: number; readonly lastVersion: number };
}

declare global {
  interface Window {
    cy: Core;
    quartiernetz: TestHook;
  }
}

/** Installs `window.quartiernetz`: it reads the page state above, never a copy of it. */
export function installTestHook(actions: Pick<TestHook, 'reload' | 'exportPng' | 'positions'>): void {
  window.quartiernetz = {
    get state() {
      return page.status;
    },
    get view() {
      return page.lastView;
    },
    get viewKind() {
      return page.current?.kind ?? null;
    },
    get lastPng() {
      return page.lastPng;
    },
    get lastExport() {
      return page.lastExport;
    },
    timings: page.timings,
    ...actions,
  };
}
