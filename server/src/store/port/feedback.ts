/** Suggestion feedback (part of the NetworkStore port; store/embedded/feedback.ts, store/neo4j/feedback.ts). */
import type { SuggestionFeedback, SuggestionFeedbackCounts, SuggestionFeedbackInput } from '../../domain/records';

export interface SuggestionFeedbackStore {
  /**
   * Records one verdict on a suggestion (one transaction; several per pair may exist, the latest
   * counts). Unknown actors: NOT_FOUND (field `actorId` / `suggestedId`); actorId == suggestedId:
   * BAD_USER_INPUT. Deleting either actor deletes its feedback. Not recorded in the history.
   */
  recordSuggestionFeedback(input: SuggestionFeedbackInput): Promise<SuggestionFeedback>;
  /** Per actor: the feedback given on suggestions made to it, newest first. */
  suggestionFeedback(actorIds: readonly string[]): Promise<SuggestionFeedback[][]>;
  /**
   * The actors suggested to `actorId` whose latest verdict is NOT_USEFUL, ascending (none for an
   * unknown actor). Read by every suggestion request, so a verdict given through any replica holds
   * on all of them from the next request.
   */
  dismissedSuggestionsOf(actorId: string): Promise<string[]>;
  /** Verdicts counted per month and pairs by their latest verdict. */
  suggestionFeedbackCounts(): Promise<SuggestionFeedbackCounts>;
}
