/**
 * Map positions in the Neo4j store: one `(:ViewPositions {scope, positions, author, savedAt,
 * version})` node per scope (unique scope), the positions a JSON string of `[{id, x, y}]`. Not
 * recorded in the history. Statements are parameterised constants.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { checkScope, nextVersion, viewPositionsRecord, withoutActors } from '../../features/positions/positions-rules';
import type { NodePosition, ViewPositions, ViewPositionsInput } from '../../features/positions/positions-rules';
import type { ViewPositionStore } from '../port/view-positions';
import type { Neo4jConnection } from './connection';
import { stringField, toNumber } from './records';

export const VIEW_POSITIONS_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT view_positions_scope IF NOT EXISTS FOR (v:ViewPositions) REQUIRE v.scope IS UNIQUE',
];

/** The positions saved for `$scope`. */
export const READ_VIEW_POSITIONS = `
MATCH (v:ViewPositions {scope: $scope})
RETURN v.scope AS scope, v.positions AS positions, v.author AS author, v.savedAt AS savedAt, v.version AS version`;

/** Takes the scope's node (made with version 0 when new) and its write lock; answers the stored version. */
export const LOCK_VIEW_POSITIONS = `
MERGE (v:ViewPositions {scope: $scope})
ON CREATE SET v.version = 0
SET v._lock = true
REMOVE v._lock
RETURN v.version AS version`;

/** Writes the positions of `$scope` at `$version`. */
export const WRITE_VIEW_POSITIONS = `
MATCH (v:ViewPositions {scope: $scope})
SET v.positions = $positions, v.author = $author, v.savedAt = $savedAt, v.version = $version`;

/** Every saved view's positions (erasure looks for the erased actors' nodes in them). */
export const ALL_VIEW_POSITIONS = `
MATCH (v:ViewPositions) WHERE v.positions IS NOT NULL
RETURN v.scope AS scope, v.positions AS positions`;

/** Replaces the positions of the given scopes, raising their versions. */
export const REPLACE_VIEW_POSITIONS = `
UNWIND $views AS view
MATCH (v:ViewPositions {scope: view.scope})
SET v.positions = view.positions, v.version = v.version + 1`;

/** Inside the erasure's transaction: the erased actors' nodes leave every saved view (its version goes up). */
export async function removeActorsFromPositions(
  tx: ManagedTransaction,
  actorIds: ReadonlySet<string>,
): Promise<number> {
  const views = [];
  for (const r of (await tx.run(ALL_VIEW_POSITIONS)).records) {
    const kept = withoutActors(JSON.parse(stringField(r, 'positions')) as NodePosition[], actorIds);
    if (kept) views.push({ scope: stringField(r, 'scope'), positions: JSON.stringify(kept) });
  }
  if (views.length > 0) await tx.run(REPLACE_VIEW_POSITIONS, { views });
  return views.length;
}

async function read(tx: ManagedTransaction, scope: string): Promise<ViewPositions | null> {
  const r = (await tx.run(READ_VIEW_POSITIONS, { scope })).records[0];
  if (!r || r.get('positions') === null) return null;
  return {
    scope: stringField(r, 'scope'),
    positions: JSON.parse(stringField(r, 'positions')) as NodePosition[],
    author: stringField(r, 'author'),
    savedAt: stringField(r, 'savedAt'),
    version: toNumber(r.get('version')),
  };
}

async function save(tx: ManagedTransaction, input: ViewPositionsInput): Promise<ViewPositions> {
  checkScope(input.scope);
  const stored = toNumber((await tx.run(LOCK_VIEW_POSITIONS, { scope: input.scope })).records[0]!.get('version'));
  // A throw rolls the transaction back, the node MERGE made with it.
  const record = viewPositionsRecord(input, nextVersion(stored, input.expectedVersion));
  await tx.run(WRITE_VIEW_POSITIONS, {
    scope: record.scope,
    positions: JSON.stringify(record.positions),
    author: record.author,
    savedAt: record.savedAt,
    version: record.version,
  });
  return record;
}

/** Map positions of the Neo4j store (port/view-positions.ts). */
export function neo4jViewPositions(db: Neo4jConnection): ViewPositionStore {
  return {
    viewPositions: async (scope: string) => {
      checkScope(scope);
      return db.read((tx) => read(tx, scope));
    },
    saveViewPositions: (input: ViewPositionsInput) => db.write((tx) => save(tx, input)),
  };
}
