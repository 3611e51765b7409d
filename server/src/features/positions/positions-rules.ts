/**
 * Map positions kept on the server, per view scope: the rules both stores and the service apply,
 * so they refuse the same inputs alike (code BAD_USER_INPUT with the field, CONFLICT on a stale
 * `expectedVersion`). Pure: no I/O.
 *
 * A scope names one view of the map and, where its nodes depend on it, the filter:
 *
 *     view  = "actors" | "topics" | "actors:all" | "topics:all"
 *           | "actors:cluster:" ID | "topics:cluster:" ID | "clusters"
 *     scope = view [ "?" filter ]
 *     filter = [ "topics=" ID { "," ID } ] [ "&kinds=" KIND { "," KIND } ] [ "&from=" DATE ] [ "&to=" DATE ]
 *
 * IDs are percent-encoded (`encodeURIComponent`), the parts of the filter come in this order and
 * their lists sorted without repeats, so one view and filter has exactly one scope.
 */
import { BadInputError, ConflictError } from '../../domain/errors';
import { ACTOR_KINDS } from '../../domain/model';
import { LIMITS } from '../../domain/limits';
import { isCalendarDate } from '../../domain/validation';
import { authorOf } from '../history/history-rules';

export interface NodePosition {
  /** The map's node id: `actor:<id>`, `topic:<id>` or `cluster:<id>`. */
  id: string;
  x: number;
  y: number;
}

export interface ViewPositions {
  scope: string;
  positions: NodePosition[];
  /** Who saved them last, and when (ISO 8601). */
  author: string;
  savedAt: string;
  /** 1 for the first save, one more for each save after. */
  version: number;
}

export interface ViewPositionsInput {
  scope: string;
  positions: readonly NodePosition[];
  /** The version the writer read (0: none saved yet); null or absent: no check. */
  expectedVersion?: number | null;
  author?: string | null;
}

export const MAX_SCOPE_LENGTH = 2000;
/** Coordinates beyond this are no map's (Cytoscape's model coordinates of 5,000 actors stay far inside). */
export const MAX_COORDINATE = 1e7;

const NODE_ID = /^(actor|topic|cluster):.+$/s;
const KINDS: readonly string[] = ACTOR_KINDS;

/** A percent-encoded id that decodes and encodes back to itself (one spelling per id). */
function canonicalId(encoded: string): boolean {
  if (encoded.length === 0) return false;
  try {
    const id = decodeURIComponent(encoded);
    return id.length <= LIMITS.reference && encodeURIComponent(id) === encoded;
  } catch {
    return false;
  }
}

const sortedDistinct = (list: string[]) => list.every((v, i) => i === 0 || list[i - 1]! < v);

function filterProblem(filter: string): string | null {
  const order = ['topics', 'kinds', 'from', 'to'];
  let last = -1;
  for (const part of filter.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    const at = order.indexOf(key);
    if (at < 0) return `unknown filter "${key}"`;
    if (at <= last) return `filter "${key}" out of order or repeated (topics, kinds, from, to)`;
    last = at;
    if (key === 'from' || key === 'to') {
      if (!isCalendarDate(value)) return `${key} must be a date YYYY-MM-DD`;
      continue;
    }
    const list = value.split(',');
    if (!sortedDistinct(list)) return `${key} must be sorted and without repeats`;
    if (key === 'kinds' && !list.every((k) => KINDS.includes(k))) return `kinds must be actor kinds`;
    if (key === 'topics' && !list.every(canonicalId)) return `topics must be percent-encoded ids`;
  }
  return null;
}

/** Why `scope` is not a scope of this syntax, or null. */
export function scopeProblem(scope: string): string | null {
  if (scope.length === 0 || scope.length > MAX_SCOPE_LENGTH) return `must have 1 to ${MAX_SCOPE_LENGTH} characters`;
  const q = scope.indexOf('?');
  const view = q < 0 ? scope : scope.slice(0, q);
  const cluster = /^(actors|topics):cluster:(.*)$/s.exec(view);
  const known = ['actors', 'topics', 'actors:all', 'topics:all', 'clusters'].includes(view);
  if (!known && !(cluster && canonicalId(cluster[2]!))) return `unknown view "${view.slice(0, 40)}"`;
  return q < 0 ? null : filterProblem(scope.slice(q + 1));
}

export function checkScope(scope: string): void {
  const problem = scopeProblem(scope);
  if (problem) throw new BadInputError(`scope ${problem}`, 'scope');
}

/**
 * Checks a save (scope, node ids, coordinates, at most `maxNodes` positions) and answers the
 * record to store at `version`.
 */
export function viewPositionsRecord(
  input: ViewPositionsInput,
  version: number,
  maxNodes = Number.POSITIVE_INFINITY,
  savedAt = new Date().toISOString(),
): ViewPositions {
  checkScope(input.scope);
  checkViewSize(input.positions.length, maxNodes);
  const seen = new Set<string>();
  const positions = input.positions.map((p, i) => {
    if (typeof p.id !== 'string' || !NODE_ID.test(p.id) || p.id.length > LIMITS.reference + 8)
      throw new BadInputError('a node id is "actor:…", "topic:…" or "cluster:…"', `positions[${i}].id`);
    if (seen.has(p.id)) throw new BadInputError(`node "${p.id}" twice`, `positions[${i}].id`);
    seen.add(p.id);
    for (const axis of ['x', 'y'] as const) {
      const v = p[axis];
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COORDINATE)
        throw new BadInputError(`${axis} must be a finite number within ±${MAX_COORDINATE}`, `positions[${i}].${axis}`);
    }
    return { id: p.id, x: p.x, y: p.y };
  });
  return { scope: input.scope, positions, author: authorOf({ author: input.author }), savedAt, version };
}

/** At most the nodes of the largest view: the most actors the map is drawn with, and every topic. */
export function checkViewSize(count: number, largestView: number): void {
  if (count > largestView)
    throw new BadInputError(`positions: at most ${largestView} nodes, those of the largest view`, 'positions');
}

/** The version a save writes, given the one stored (0: none); CONFLICT when the writer read another. */
export function nextVersion(stored: number, expected: number | null | undefined): number {
  if (expected !== null && expected !== undefined && expected !== stored)
    throw new ConflictError(
      `the positions of this view were saved by someone else meanwhile (version ${stored}, expected ${expected})`,
      'expectedVersion',
    );
  return stored + 1;
}

/**
 * The positions without the nodes of the given actors (erasure: an actor's id can be made from its
 * name), or null when none of them is there.
 */
export function withoutActors(
  positions: readonly NodePosition[],
  actorIds: ReadonlySet<string>,
): NodePosition[] | null {
  const kept = positions.filter((p) => !(p.id.startsWith('actor:') && actorIds.has(p.id.slice('actor:'.length))));
  return kept.length === positions.length ? null : kept;
}
