/**
 * Map positions per view scope (part of the NetworkStore port; rules: features/positions/positions-rules.ts;
 * store/embedded/view-positions.ts, store/neo4j/view-positions.ts). Not part of the network: no
 * snapshot, count, history, feed or export.
 */
import type { ViewPositions, ViewPositionsInput } from '../../features/positions/positions-rules';

export interface ViewPositionStore {
  /** The positions last saved for `scope`; null when none were. A scope of unknown syntax: BAD_USER_INPUT (field `scope`). */
  viewPositions(scope: string): Promise<ViewPositions | null>;
  /**
   * Replaces the positions of `scope` in one transaction (version one more than before, 1 for the
   * first). Bad scope, node id or coordinate: BAD_USER_INPUT naming the field; `expectedVersion`
   * given and not the stored one (0 when none): CONFLICT (field `expectedVersion`), nothing stored.
   */
  saveViewPositions(input: ViewPositionsInput): Promise<ViewPositions>;
}
