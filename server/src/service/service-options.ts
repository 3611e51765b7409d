/** How a NetworkService is set up: the suggestion model, insight, following the change feed. */
import type { InsightOptions } from '../features/insight/engine';
import type { IndexBuildMode } from '../features/suggestions/index-builder';
import type { ScoringModel } from '../features/suggestions/model';

export interface NetworkServiceOptions {
  /**
   * The weights of contact suggestions, fixed. Absent: the model fits itself to the network
   * (server/src/features/suggestions/self-fit.ts), DEFAULT_MODEL (weights.ts) until a fit beats it.
   */
  suggestionModel?: ScoringModel;
  /**
   * Where the suggestion index is built (features/suggestions/index-builder.ts): 'auto' (default)
   * inline for small networks, in a worker thread for large ones; tests force either path.
   */
  suggestionIndexBuild?: IndexBuildMode;
  /** Network insight: how long a request waits for a background computation, exact limits. */
  insight?: InsightOptions;
  /**
   * How long start() waits for the first fit of the suggestion model (ms); absent: until it ends.
   * The service waits a few seconds (a small network is fitted by then) and serves the default
   * model meanwhile, instead of not listening for minutes at 100k actors.
   */
  firstFitWaitMs?: number;
  /**
   * How long /readyz answers 503 "starting" while the first fit runs (ms); absent: until it ends.
   * A replica fleet that must serve one model from the first request waits for the fit; a single
   * service is ready once it answers (the default model serves until the fit ends).
   */
  fitReadyWaitMs?: number;
}

/** How the projection follows the store's change feed (feed-follower.ts); see startFollowing(). */
export interface FeedOptions {
  /** How often the feed is read (ms, ≤ 1000). */
  pollMs: number;
  /** Feed events older than this are pruned (hours). */
  retentionHours: number;
}
