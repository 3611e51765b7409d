/**
 * Map positions in the embedded store: table `view_positions` (migration 9), one row per scope, the
 * positions as a JSON array. Not recorded in `change_record`.
 */
import { checkScope, nextVersion, viewPositionsRecord, withoutActors } from '../../features/positions/positions-rules';
import type { NodePosition, ViewPositions, ViewPositionsInput } from '../../features/positions/positions-rules';
import type { ViewPositionStore } from '../port/view-positions';
import type { EmbeddedDatabase } from './database';
import type { Sql } from './sql';

/** Migration 9 (schema.ts). */
export const VIEW_POSITIONS_MIGRATION = `
  CREATE TABLE view_positions (
    scope     TEXT    NOT NULL PRIMARY KEY,
    positions TEXT    NOT NULL, -- JSON array of {id, x, y}
    author    TEXT    NOT NULL,
    saved_at  TEXT    NOT NULL,
    version   INTEGER NOT NULL
  );
`;

interface Row {
  scope: string;
  positions: string;
  author: string;
  saved_at: string;
  version: number;
}

function read(sql: Sql, scope: string): ViewPositions | null {
  const row = sql.get<Row>('SELECT * FROM view_positions WHERE scope = ?', scope);
  if (!row) return null;
  const positions = JSON.parse(row.positions) as NodePosition[];
  return { scope: row.scope, positions, author: row.author, savedAt: row.saved_at, version: row.version };
}

/** Inside the caller's write transaction. */
function save(sql: Sql, input: ViewPositionsInput): ViewPositions {
  checkScope(input.scope);
  const stored = sql.get<{ version: number }>('SELECT version FROM view_positions WHERE scope = ?', input.scope);
  const record = viewPositionsRecord(input, nextVersion(stored?.version ?? 0, input.expectedVersion));
  sql.run(
    `INSERT INTO view_positions (scope, positions, author, saved_at, version) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (scope) DO UPDATE SET positions = excluded.positions, author = excluded.author,
       saved_at = excluded.saved_at, version = excluded.version`,
    record.scope,
    JSON.stringify(record.positions),
    record.author,
    record.savedAt,
    record.version,
  );
  return record;
}

/** Inside the erasure's transaction: the erased actors' nodes leave every saved view (its version goes up). */
export function removeActorsFromPositions(sql: Sql, actorIds: ReadonlySet<string>): number {
  let changed = 0;
  for (const row of sql.all<Pick<Row, 'scope' | 'positions'>>('SELECT scope, positions FROM view_positions')) {
    const kept = withoutActors(JSON.parse(row.positions) as NodePosition[], actorIds);
    if (!kept) continue;
    sql.run(
      'UPDATE view_positions SET positions = ?, version = version + 1 WHERE scope = ?',
      JSON.stringify(kept),
      row.scope,
    );
    changed++;
  }
  return changed;
}

/** Map positions of the embedded store (port/view-positions.ts). */
export function embeddedViewPositions(d: EmbeddedDatabase): ViewPositionStore {
  return {
    viewPositions: async (scope: string) => {
      checkScope(scope);
      return read(d.sql, scope);
    },
    saveViewPositions: async (input: ViewPositionsInput) => d.write(() => save(d.sql, input)),
  };
}
