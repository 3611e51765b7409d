/**
 * What the service offers of contact suggestion: one object per service, holding the projection and
 * the scoring model. Every call works on the projection's current suggestion index, rebuilt lazily
 * after writes.
 *
 * The model fits itself (self-fit.ts): at start, and again when actors or collaborations changed by
 * a tenth since the last fit, in the background — the fit runs in slices of a few milliseconds
 * between other work on the event loop — while the previous model keeps serving. A service started
 * with an explicit model (`NetworkService.start(store, { suggestionModel })`) serves that one and
 * never fits. Actors without any partner get the cold-start model (weights.ts).
 */
import type { NetworkProjection } from '../../graph/projection';
import { explainPair, type Explanation } from './explain';
import { checkModel, type ScoringModel } from './model';
import { changedEnough, selfFitSteps, type FitResult } from './self-fit';
import { suggestContacts, type SuggestOptions, type Suggestion } from './suggest';
import { suggestionIndex, type SuggestionIndex } from './suggestion-index';
import { matchActors, similarActors, type TopicMatch } from './topic-match';
import { COLD_START_MODEL, DEFAULT_MODEL } from './weights';

/** How long one slice of a background fit may take before it lets other work run. */
export const FIT_SLICE_MS = 8;

export interface ModelStatus {
  /** FITTED / DEFAULT: from the last fit (DEFAULT before the first one ends); CONFIGURED: given at start. */
  source: 'FITTED' | 'DEFAULT' | 'CONFIGURED';
  model: ScoringModel;
  /** A fit is running now (the model shown serves meanwhile). */
  fitting: boolean;
  fittedAt: Date | null;
  fit: FitResult | null;
}

export class ContactSuggestions {
  private readonly configured: ScoringModel | null;
  private lastFit: FitResult | null = null;
  private fittedAt: Date | null = null;
  private running: Promise<FitResult> | null = null;
  private closed = false;
  /** The projection version last checked for a refit (the check runs once per version). */
  private checkedVersion = -1;
  constructor(
    readonly projection: NetworkProjection,
    model?: ScoringModel,
  ) {
    this.configured = model ? checkModel(model) : null;
  }

  /** The model that serves now. */
  get model(): ScoringModel {
    return this.configured ?? this.lastFit?.model ?? DEFAULT_MODEL;
  }

  status(): ModelStatus {
    return {
      source: this.configured ? 'CONFIGURED' : (this.lastFit?.source ?? 'DEFAULT'),
      model: this.model,
      fitting: this.running !== null,
      fittedAt: this.fittedAt,
      fit: this.lastFit,
    };
  }

  /**
   * Fits now in the background unless a fit runs already (or the model is configured); resolves
   * with the result, or null. The result is a function of the projection's state when it started.
   */
  fit(): Promise<FitResult | null> {
    if (this.configured || this.closed) return Promise.resolve(null);
    if (this.running) return this.running;
    const steps = selfFitSteps(this.projection);
    this.checkedVersion = this.projection.version;
    this.running = new Promise<FitResult>((resolve, reject) => {
      const slice = () => {
        if (this.closed) return reject(new Error('suggestions closed while fitting'));
        const until = performance.now() + FIT_SLICE_MS;
        try {
          for (;;) {
            const next = steps.next();
            if (next.done) {
              this.lastFit = next.value;
              this.fittedAt = new Date();
              return resolve(next.value);
            }
            if (performance.now() >= until) break;
          }
        } catch (error) {
          return reject(error);
        }
        setImmediate(slice);
      };
      setImmediate(slice);
    }).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Starts a refit when the network changed enough since the last one (checked once per version). */
  refitIfChanged(): void {
    if (this.configured || this.running || !this.lastFit || this.checkedVersion === this.projection.version) return;
    this.checkedVersion = this.projection.version;
    if (changedEnough(this.lastFit, this.projection)) void this.fit().catch(() => undefined);
  }

  /** Stops a running fit (shutdown). */
  close(): void {
    this.closed = true;
  }

  /** The index the answers are computed on (built or rebuilt now if the projection changed). */
  index(): SuggestionIndex {
    return suggestionIndex(this.projection);
  }

  /**
   * The actor's suggestions; `dismissed`: the actors its feedback dismissed (the store's
   * dismissedSuggestionsOf, read per request so a verdict given through any replica holds).
   */
  suggest(
    actorId: string,
    options: Omit<SuggestOptions, 'model' | 'exclude'>,
    dismissed: ReadonlySet<string> = new Set(),
  ): Suggestion[] {
    this.refitIfChanged();
    return suggestContacts(this.index(), actorId, {
      ...options,
      exclude: dismissed,
      model: this.model,
      coldStart: COLD_START_MODEL,
    });
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
