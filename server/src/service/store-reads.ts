import type { StoreLifecycle } from '../store/port/lifecycle';
import type { ChangeFeedStore, HistoryStore } from '../store/port/history';
import type { SuggestionFeedbackStore } from '../store/port/feedback';
import type { LinkReads, ListReads, RecordReads } from '../store/port/reads';
import type { GdprStore, TransferStore } from '../store/port/transfer';
import type { ViewPositionStore } from '../store/port/view-positions';

/**
 * What features may read from the store directly: batched lookups, lists, the history, the feed.
 * Every write goes through the service's methods (so it reaches the projection, in order); the
 * linter keeps resolvers off `service.store`. Composed of the port's read parts, so it follows them.
 */
export type StoreReads = RecordReads &
  LinkReads &
  ListReads &
  Pick<StoreLifecycle, 'name'> &
  Pick<HistoryStore, 'history'> &
  Pick<ChangeFeedStore, 'readFeed' | 'feedHead'> &
  Pick<SuggestionFeedbackStore, 'suggestionFeedback' | 'suggestionFeedbackCounts' | 'dismissedSuggestionsOf'> &
  Pick<TransferStore, 'actorIdsByName' | 'collaborationIdsByTitle'> &
  Pick<GdprStore, 'personalData'> &
  Pick<ViewPositionStore, 'viewPositions'>;
