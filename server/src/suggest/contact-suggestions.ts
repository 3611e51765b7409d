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
  /**
   * Per actor: the actors its suggestion feedback dismissed (latest verdict NOT_USEFUL), never
   * suggested to it again. One direction only: dismissing B for A leaves A in B's list. Kept by the
   * service (loaded at start, updated on each feedback).
   */
  private readonly dismissed = new Map<string, Set<string>>();

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

  suggest(actorId: string, options: Omit<SuggestOptions, 'model' | 'exclude'>): Suggestion[] {
    return suggestContacts(this.index(), actorId, { ...options, exclude: this.dismissed.get(actorId), model: this.model });
  }

  /** Records the latest verdict of a pair: NOT_USEFUL dismisses, anything else allows again. */
  setDismissed(actorId: string, suggestedId: string, dismissed: boolean): void {
    let set = this.dismissed.get(actorId);
    if (dismissed) {
      if (!set) this.dismissed.set(actorId, (set = new Set()));
      set.add(suggestedId);
    } else if (set) {
      set.delete(suggestedId);
      if (set.size === 0) this.dismissed.delete(actorId);
    }
  }

  /** All dismissed pairs anew (after a merge moved feedback in the store). */
  replaceDismissed(pairs: ReadonlyArray<{ actorId: string; suggestedId: string }>): void {
    this.dismissed.clear();
    for (const p of pairs) this.setDismissed(p.actorId, p.suggestedId, true);
  }

  /** Drops a deleted actor from the dismissed pairs (its feedback went with it). */
  forgetActor(actorId: string): void {
    this.dismissed.delete(actorId);
    for (const [a, set] of this.dismissed) if (set.delete(actorId) && set.size === 0) this.dismissed.delete(a);
  }

  /** The actors dismissed for this actor. */
  dismissedFor(actorId: string): ReadonlySet<string> {
    return this.dismissed.get(actorId) ?? new Set();
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
