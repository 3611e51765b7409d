/**
 * What the service offers of contact suggestion: one object per service, holding the projection and
 * the scoring model (DEFAULT_MODEL unless the service was started with another). Every call works
 * on the projection's current suggestion index, rebuilt lazily after writes.
 */
import type { NetworkProjection } from '../graph/projection';
import { explainPair, type Explanation } from './explain';
import { checkModel, type ScoringModel } from './model';
import { suggestContacts, type SuggestOptions, type Suggestion } from './suggest';
import { suggestionIndex, type SuggestionIndex } from './suggestion-index';
import { matchActors, similarActors, type TopicMatch } from './topic-match';
import { DEFAULT_MODEL } from './weights';

export class ContactSuggestions {
  readonly model: ScoringModel;

  constructor(
    readonly projection: NetworkProjection,
    model: ScoringModel = DEFAULT_MODEL,
  ) {
    this.model = checkModel(model);
  }

  /** The index the answers are computed on (built or rebuilt now if the projection changed). */
  index(): SuggestionIndex {
    return suggestionIndex(this.projection);
  }

  suggest(actorId: string, options: Omit<SuggestOptions, 'model'>): Suggestion[] {
    return suggestContacts(this.index(), actorId, { ...options, model: this.model });
  }

  explain(actorId: string, suggestedId: string): Explanation {
    return explainPair(this.index(), actorId, suggestedId);
  }

  matchActors(topicIds: readonly string[], first: number): TopicMatch[] {
    return matchActors(this.index(), topicIds, first);
  }

  similarActors(actorId: string, first: number): TopicMatch[] {
    return similarActors(this.index(), actorId, first);
  }
}
