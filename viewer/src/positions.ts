/**
 * Map positions kept on the server, per view scope (the API's `viewPositions` and
 * `saveViewPositions`): a colleague's or a projector's map looks the same without a new layout.
 *
 * Everyone reads the server's positions of a view when it opens; a view the server has none of is
 * laid out in the page (layout.ts). Editors (and admins) write: what their page had to lay out
 * (the first arrangement of a view, nodes added since, "Neu anordnen") at once, and every drag,
 * debounced; each with the version read (a colleague's save in between: the save is asked again over it when the
 * editor arranged by hand, dropped when the page only placed nodes). A viewer never writes; its
 * drags last for the page. Each scope is its own entry: one view's positions never reach another.
 */
import { ApiError, gql } from './api';
import { canEdit } from './auth';
import type { FilterState } from './filters';
import type { Position } from './layout';
import { SAVE_VIEW_POSITIONS, VIEW_POSITIONS } from './queries';

/** A view's scope as the API spells it: the view, then the filter where its nodes depend on it. */
export function viewScope(
  view: { topicView: boolean; clusterMap?: boolean; clusterId?: string | null; drawAll?: boolean },
  filters: FilterState,
): string {
  const enc = encodeURIComponent;
  const base = view.topicView ? 'topics' : 'actors';
  // The whole map keeps its positions across filters (a filter only removes nodes); the cluster
  // map and a cluster's members are made by the filter, so each filter has its own.
  if (!view.clusterMap && !view.clusterId) return view.drawAll ? `${base}:all` : base;
  const parts: string[] = [];
  if (filters.topicIds.length) parts.push(`topics=${[...new Set(filters.topicIds.map(enc))].sort().join(',')}`);
  if (filters.actorKinds.length) parts.push(`kinds=${[...new Set(filters.actorKinds)].sort().join(',')}`);
  if (filters.from) parts.push(`from=${filters.from}`);
  if (filters.to) parts.push(`to=${filters.to}`);
  const viewPart = view.clusterMap ? 'clusters' : `${base}:cluster:${enc(view.clusterId!)}`;
  return parts.length ? `${viewPart}?${parts.join('&')}` : viewPart;
}

interface Entry {
  positions: Record<string, Position>;
  /** The server's version these positions build on (0: none saved). */
  version: number;
  /** "Neu anordnen" cleared it: the server's old positions are not taken back. */
  cleared: boolean;
}

type Answer = { viewPositions: { positions: Array<{ id: string } & Position>; version: number } | null };

const SAVE_DELAY_MS = 600;
const round = (v: number) => Math.round(v * 10) / 10;

export class ServerPositions {
  private entries = new Map<string, Entry>();
  private timers = new Map<string, { timer: number; byHand: boolean }>();
  /** Saves answered by the server in this page, and the last version (for tests). */
  saves = 0;
  lastVersion = 0;

  private entry(scope: string): Entry {
    let e = this.entries.get(scope);
    if (!e) this.entries.set(scope, (e = { positions: {}, version: 0, cleared: false }));
    return e;
  }

  /** The positions of `scope`: the server's when it has newer ones than this page, else those kept here. */
  async get(scope: string): Promise<Record<string, Position>> {
    const e = this.entry(scope);
    let answer: Answer['viewPositions'] = null;
    try {
      answer = (await gql<Answer>(VIEW_POSITIONS, { scope })).viewPositions;
    } catch {
      return e.positions; // no answer: what this page has, or a new layout
    }
    if (answer && answer.version > e.version && !this.timers.has(scope)) {
      if (e.cleared) e.version = answer.version;
      else {
        e.positions = Object.fromEntries(answer.positions.map((p) => [p.id, { x: p.x, y: p.y }]));
        e.version = answer.version;
      }
    }
    return e.positions;
  }

  /** Takes positions laid out or dragged in this page (merged into the scope's). */
  remember(scope: string, positions: Record<string, Position>): void {
    const e = this.entry(scope);
    Object.assign(e.positions, positions);
  }

  /** "Neu anordnen": the next view of `scope` is laid out afresh (and saved by hand). */
  clear(scope: string): void {
    const e = this.entry(scope);
    e.positions = {};
    e.cleared = true;
  }

  /** Whether the scope was cleared since its last save (its new layout is an arrangement by hand). */
  wasCleared(scope: string): boolean {
    return this.entry(scope).cleared;
  }

  /** Saves the scope's positions for everyone (editors only), after a pause: drags come in bursts. */
  save(scope: string, byHand: boolean): void {
    const waiting = this.timers.get(scope);
    if (waiting) window.clearTimeout(waiting.timer);
    const hand = byHand || (waiting?.byHand ?? false);
    const timer = window.setTimeout(() => {
      this.timers.delete(scope);
      void this.send(scope, hand);
    }, SAVE_DELAY_MS);
    this.timers.set(scope, { timer, byHand: hand });
  }

  /**
   * Saves at once what the page has just laid out (no pause: a reload right after must find it);
   * the page waits for it before it says "ready". Nothing for a viewer.
   */
  async saveNow(scope: string, byHand: boolean): Promise<void> {
    const waiting = this.timers.get(scope);
    if (waiting) {
      window.clearTimeout(waiting.timer);
      this.timers.delete(scope);
    }
    await this.send(scope, byHand || (waiting?.byHand ?? false));
  }

  private async send(scope: string, byHand: boolean, again = true): Promise<void> {
    if (!(await canEdit())) return;
    const e = this.entry(scope);
    const positions = Object.entries(e.positions).map(([id, p]) => ({ id, x: round(p.x), y: round(p.y) }));
    try {
      const answer = await gql<{ saveViewPositions: { version: number } }>(SAVE_VIEW_POSITIONS, {
        scope,
        positions,
        expectedVersion: e.version,
      });
      e.version = this.lastVersion = answer.saveViewPositions.version;
      e.cleared = false;
      this.saves++;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CONFLICT') || !byHand || !again) return;
      // A colleague saved meanwhile: an arrangement by hand goes over it.
      const current = (await gql<Answer>(VIEW_POSITIONS, { scope }).catch(() => null))?.viewPositions;
      e.version = current?.version ?? e.version;
      await this.send(scope, byHand, false);
    }
  }
}
