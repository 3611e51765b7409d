/**
 * Rules of suggestion feedback shared by both adapters, so they refuse the same inputs alike.
 */
import { BadInputError } from '../../domain/errors';
import { authorOf } from '../history/history-rules';
import type { SuggestionFeedback, SuggestionFeedbackInput, SuggestionVerdict } from '../../domain/records';

export const SUGGESTION_VERDICTS: readonly SuggestionVerdict[] = ['INTRODUCED', 'NOT_USEFUL'];

/** Checks the input and answers the record to store (author defaulted, note trimmed to null). */
export function feedbackRecord(input: SuggestionFeedbackInput, at = new Date().toISOString()): SuggestionFeedback {
  if (input.actorId === input.suggestedId)
    throw new BadInputError('an actor cannot be suggested to itself', 'suggestedId');
  if (!SUGGESTION_VERDICTS.includes(input.verdict))
    throw new BadInputError(`unknown verdict "${String(input.verdict)}"`, 'verdict');
  const note = input.note?.trim() ? input.note : null;
  return {
    actorId: input.actorId,
    suggestedId: input.suggestedId,
    verdict: input.verdict,
    note,
    author: authorOf({ author: input.author }),
    at,
  };
}
