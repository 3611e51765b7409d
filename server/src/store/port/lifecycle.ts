/** The store's lifecycle and its counts (part of the NetworkStore port, network-store.ts). */
import type { StoreCounts } from '../../domain/records';

export interface StoreLifecycle {
  /** `embedded` or `neo4j`, for health output and test names. */
  readonly name: string;

  /** Creates constraints, indexes and tables; idempotent. Called once before use. */
  init(): Promise<void>;
  /** Releases the driver / database. Idempotent. */
  close(): Promise<void>;
  /** Resolves when the store answers a trivial query (readiness); rejects otherwise. */
  ping(): Promise<void>;
  counts(): Promise<StoreCounts>;
}
